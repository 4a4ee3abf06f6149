"""What the writer reports: queue depth, rows written per table, batch latency, retries, dead letters.

Plain counters in the writer's process. `stdaemon.ops.figures` reads them for the `stats` log line, the
Prometheus endpoint and the runner's heartbeat row (how `stdaemon status`, another process, sees them);
benchmarks/writer.py reads the commit latencies. Latencies keep a bounded window of recent samples, so memory
stays flat in a process that runs for weeks.
"""

from __future__ import annotations

from collections import Counter, deque
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any


def percentile(samples: Iterable[float], q: float) -> float | None:
    """The q-quantile (0..1) by nearest rank, or None without samples."""
    ordered = sorted(samples)
    if not ordered:
        return None
    index = min(len(ordered) - 1, max(0, round(q * (len(ordered) - 1))))
    return ordered[index]


@dataclass(slots=True)
class WriterMetrics:
    rows_written: Counter[str] = field(default_factory=Counter)  # committed (including unchanged rows)
    rows_changed: Counter[str] = field(default_factory=Counter)  # really inserted/updated, when known
    rows_coalesced: int = 0  # collapsed into a later row with the same key before writing
    batches: int = 0
    retries: int = 0
    copy_conflicts: int = 0  # batches COPYed straight in that met an existing key and took the staged path
    dead_letters: Counter[str] = field(default_factory=Counter)
    batch_latency_s: deque[float] = field(default_factory=lambda: deque(maxlen=4096))
    commit_latency_s: deque[float] = field(default_factory=lambda: deque(maxlen=16384))  # enqueue → commit
    queue_depth: int = 0  # rows accepted and not yet committed (set by the writer)
    max_queue_depth: int = 0

    def snapshot(self) -> dict[str, Any]:
        """A JSON-ready view for logs and `status`."""
        return {
            "queue_depth": self.queue_depth,
            "max_queue_depth": self.max_queue_depth,
            "rows_written": dict(self.rows_written),
            "rows_changed": dict(self.rows_changed),
            "rows_coalesced": self.rows_coalesced,
            "batches": self.batches,
            "retries": self.retries,
            "copy_conflicts": self.copy_conflicts,
            "dead_letters": dict(self.dead_letters),
            "batch_latency_p50_s": percentile(self.batch_latency_s, 0.5),
            "batch_latency_p99_s": percentile(self.batch_latency_s, 0.99),
            "commit_latency_p50_s": percentile(self.commit_latency_s, 0.5),
            "commit_latency_p99_s": percentile(self.commit_latency_s, 0.99),
        }


@dataclass(frozen=True, slots=True)
class WriterReport:
    """What a stopped writer did: written and dead-lettered per table, and what it could NOT write."""

    written: dict[str, int]
    dead_lettered: dict[str, int]
    unwritten: dict[str, int]

    @property
    def complete(self) -> bool:
        return not any(self.unwritten.values())

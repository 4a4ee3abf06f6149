"""One process's figures, read live from the meters that already count them, plus the runners' progress.

The gateway's `BudgetMeter` (requests by priority and outcome, 429s, retries, waits, the last minute's sends),
the scheduler's queue, the DataService's caches, the DbWriter's `WriterMetrics`, and — from the database, so
they hold across processes — the crawl's progress, market freshness, credits and dead letters. The
Prometheus endpoint, the `stats` line, the heartbeat row and systemd's STATUS= all show these same figures.
"""

from __future__ import annotations

import asyncio
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any, Protocol, runtime_checkable

from sqlalchemy.ext.asyncio import AsyncEngine

from stdaemon.api.gateway import Gateway
from stdaemon.api.limiter import TwoPoolBudget
from stdaemon.api.scheduler import Scheduler
from stdaemon.api.shared_budget import SharedScheduler
from stdaemon.db.crawl_status import CrawlStatus, crawl_status
from stdaemon.db.metrics import WriterMetrics
from stdaemon.db.ops_status import Progress, read_progress
from stdaemon.logging import get_logger
from stdaemon.settings import Settings

log = get_logger(__name__)


class CacheStats(Protocol):
    def cache_stats(self) -> dict[str, dict[str, int]]: ...


@runtime_checkable
class Reports(Protocol):
    """A service that can say in a few words what it is doing (for STATUS= and `stdaemon status`)."""

    @property
    def name(self) -> str: ...

    @property
    def activity(self) -> str: ...


def allowance_per_minute(settings: Settings) -> int:
    """What the server accepts in a minute: 2/s + 30 per 60 s = 150 by default."""
    return TwoPoolBudget.theoretical(
        60.0, settings.rate_per_second, settings.rate_burst, settings.rate_burst_period_s
    )


@dataclass
class ProcessFigures:
    """What one process can tell about itself: `snapshot()` is cheap, `refresh_progress()` asks the db."""

    role: str
    settings: Settings
    gateway: Gateway
    writer: WriterMetrics
    caches: CacheStats
    engine: AsyncEngine
    services: Sequence[object] = ()
    progress: Progress | None = None
    crawl: CrawlStatus | None = None
    _progress_failing: bool = field(default=False, repr=False)

    def activity(self) -> str:
        """What the services say they are doing, or their names."""
        parts = [
            f"{s.name}: {s.activity}" if isinstance(s, Reports) else str(getattr(s, "name", s))
            for s in self.services
        ]
        return "; ".join(parts) or "idle"

    def snapshot(self) -> dict[str, Any]:
        """The in-process figures (and the last progress read), JSON-ready."""
        meter = self.gateway.snapshot()
        limiter = self.gateway.limiter
        api = {
            "requests_sent": meter.requests_sent,
            "sent_last_minute": meter.sent_last_minute,
            "allowance_per_minute": allowance_per_minute(self.settings),
            "outcomes_by_priority": meter.outcomes_by_priority,
            "throttled_429": meter.throttled_429,
            "retries": meter.retries,
            "server_errors": meter.server_errors,
            "transport_errors": meter.transport_errors,
            "queue_depth": limiter.waiting if isinstance(limiter, Scheduler | SharedScheduler) else 0,
            "budget_shared_as": (
                self.settings.rate_budget_key if isinstance(limiter, SharedScheduler) else None
            ),
            "granted_by_priority": meter.sent_by_priority,
            "waited_s_by_priority": {k: round(v, 3) for k, v in meter.waited_s_by_priority.items()},
            "max_wait_s_by_priority": {k: round(v, 3) for k, v in meter.max_wait_s_by_priority.items()},
        }
        writer = self.writer.snapshot()
        return {
            "role": self.role,
            "api": api,
            "cache": self.caches.cache_stats(),
            "writer": writer,
            "progress": self.progress.as_json() if self.progress is not None else None,
            "crawl": self.crawl.as_json() if self.crawl is not None else None,
        }

    async def refresh_progress(self) -> Progress | None:
        """Read the runners' progress from the database; on failure keep the last one (logged once)."""
        try:
            async with asyncio.timeout(10), self.engine.connect() as conn:
                self.progress = await read_progress(conn)
                self.crawl = await crawl_status(conn)
        except Exception as exc:  # the database is down: the figures say so, the daemon goes on
            if not self._progress_failing:
                log.warning("progress_read_failed", error=str(exc)[:200], error_type=type(exc).__name__)
            self._progress_failing = True
        else:
            if self._progress_failing:
                log.info("progress_read_recovered")
            self._progress_failing = False
        return self.progress


def summary(figures: dict[str, Any]) -> str:
    """One short line for systemd's STATUS=."""
    api, writer = figures["api"], figures["writer"]
    return (
        f"{api['sent_last_minute']}/{api['allowance_per_minute']} requests in the last minute, "
        f"{api['queue_depth']} waiting, {api['throttled_429']} 429s; "
        f"writer {writer['queue_depth']} rows queued, "
        f"{sum(writer['rows_written'].values())} written, {sum(writer['dead_letters'].values())} dead letters"
    )


__all__ = ["ProcessFigures", "Reports", "allowance_per_minute", "summary"]

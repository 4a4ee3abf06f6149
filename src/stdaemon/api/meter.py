"""The budget meter: what the rate budget was spent on and what waiting cost, per priority.

`BudgetMeter` is updated by the scheduler and the gateway; `snapshot()` returns a frozen copy. Its reader
is `stdaemon.ops.figures`: the `stats` log line, the Prometheus endpoint (when ST_METRICS_PORT is set) and the
runner's heartbeat row, which is how `stdaemon status`, another process, sees these figures. Outcomes of each
attempt are counted per priority (`ok`, `429`, `5xx`, `4xx`, `transport`), and the send times of the last
`WINDOW_S` seconds are kept (bounded) so the budget spent in the last minute can be reported.
"""

from __future__ import annotations

from collections import Counter, deque
from dataclasses import dataclass, field

from stdaemon.api.priority import Priority

WINDOW_S = 60.0
# More sends than the server can accept in a window (2/s + 30) are never kept; a safe bound on memory.
_MAX_SENDS_KEPT = 4096


@dataclass(frozen=True)
class BudgetSnapshot:
    requests_sent: int
    sent_by_priority: dict[str, int]
    waited_s_by_priority: dict[str, float]
    max_wait_s_by_priority: dict[str, float]
    throttled_429: int
    expired_grants: int
    server_errors: int
    transport_errors: int
    retries: int
    backoff_s: float
    outcomes_by_priority: dict[str, dict[str, int]]
    sent_last_minute: int


@dataclass
class BudgetMeter:
    requests_sent: int = 0
    throttled_429: int = 0
    expired_grants: int = 0  # points whose window closed before their request could leave (a busy loop)
    server_errors: int = 0
    transport_errors: int = 0
    retries: int = 0
    backoff_s: float = 0.0
    sent_by_priority: Counter[str] = field(default_factory=Counter)
    waited_s: dict[str, float] = field(default_factory=dict)
    max_wait_s: dict[str, float] = field(default_factory=dict)
    outcomes: Counter[tuple[str, str]] = field(default_factory=Counter)
    sent_at: deque[float] = field(default_factory=lambda: deque(maxlen=_MAX_SENDS_KEPT))

    def sent(self, at: float) -> None:
        """One attempt left at `at` (the event loop's clock)."""
        self.requests_sent += 1
        self.sent_at.append(at)

    def answered(self, priority: Priority, outcome: str) -> None:
        """How an attempt ended: `ok`, `429`, `5xx`, `4xx` or `transport` (a transport error)."""
        self.outcomes[priority.name, outcome] += 1
        if outcome == "transport":
            self.transport_errors += 1

    def sent_within(self, window_s: float, now: float) -> int:
        """Attempts sent in the `window_s` seconds before `now`."""
        while self.sent_at and self.sent_at[0] <= now - WINDOW_S:
            self.sent_at.popleft()
        return sum(1 for at in self.sent_at if at > now - window_s)

    def granted(self, priority: Priority, waited_s: float) -> None:
        name = priority.name
        self.sent_by_priority[name] += 1
        self.waited_s[name] = self.waited_s.get(name, 0.0) + waited_s
        self.max_wait_s[name] = max(self.max_wait_s.get(name, 0.0), waited_s)

    def snapshot(self, now: float | None = None) -> BudgetSnapshot:
        """A frozen copy; `now` (the loop's clock) counts the sends of the last minute (else 0)."""
        by_priority: dict[str, dict[str, int]] = {}
        for (priority, outcome), n in sorted(self.outcomes.items()):
            by_priority.setdefault(priority, {})[outcome] = n
        return BudgetSnapshot(
            requests_sent=self.requests_sent,
            sent_by_priority=dict(self.sent_by_priority),
            waited_s_by_priority=dict(self.waited_s),
            max_wait_s_by_priority=dict(self.max_wait_s),
            throttled_429=self.throttled_429,
            expired_grants=self.expired_grants,
            server_errors=self.server_errors,
            transport_errors=self.transport_errors,
            retries=self.retries,
            backoff_s=self.backoff_s,
            outcomes_by_priority=by_priority,
            sent_last_minute=self.sent_within(WINDOW_S, now) if now is not None else 0,
        )

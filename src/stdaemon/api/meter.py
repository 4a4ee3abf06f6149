"""The budget meter: what the rate budget was spent on and what waiting cost, per priority.

`BudgetMeter` is updated by the scheduler and the gateway; `snapshot()` returns a frozen copy for
`stdaemon status` and periodic log lines.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from stdaemon.api.priority import Priority


@dataclass(frozen=True)
class BudgetSnapshot:
    requests_sent: int
    sent_by_priority: dict[str, int]
    waited_s_by_priority: dict[str, float]
    max_wait_s_by_priority: dict[str, float]
    throttled_429: int
    server_errors: int
    transport_errors: int
    retries: int
    backoff_s: float


@dataclass
class BudgetMeter:
    requests_sent: int = 0
    throttled_429: int = 0
    server_errors: int = 0
    transport_errors: int = 0
    retries: int = 0
    backoff_s: float = 0.0
    sent_by_priority: Counter[str] = field(default_factory=Counter)
    waited_s: dict[str, float] = field(default_factory=dict)
    max_wait_s: dict[str, float] = field(default_factory=dict)

    def granted(self, priority: Priority, waited_s: float) -> None:
        name = priority.name
        self.sent_by_priority[name] += 1
        self.waited_s[name] = self.waited_s.get(name, 0.0) + waited_s
        self.max_wait_s[name] = max(self.max_wait_s.get(name, 0.0), waited_s)

    def snapshot(self) -> BudgetSnapshot:
        return BudgetSnapshot(
            requests_sent=self.requests_sent,
            sent_by_priority=dict(self.sent_by_priority),
            waited_s_by_priority=dict(self.waited_s),
            max_wait_s_by_priority=dict(self.max_wait_s),
            throttled_429=self.throttled_429,
            server_errors=self.server_errors,
            transport_errors=self.transport_errors,
            retries=self.retries,
            backoff_s=self.backoff_s,
        )

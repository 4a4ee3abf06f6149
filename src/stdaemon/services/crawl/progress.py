"""How far the crawl is: a snapshot for the log line, the progress bar and `stdaemon status`.

The rate is the crawl's own requests over the last minute (what it achieved, not what the budget allows);
the ETA divides the pages left by it. Both are estimates while systems remain whose waypoints are not stored
(their items are guessed from the average so far): `exact` says when they are not.
"""

from __future__ import annotations

import time
from collections import deque
from collections.abc import Callable
from dataclasses import asdict, dataclass
from datetime import date
from typing import Any

from stdaemon.services.crawl.plan import Estimate


@dataclass(frozen=True, slots=True)
class CrawlSnapshot:
    reset_date: date
    pages_done: int
    pages_total: int
    exact: bool
    systems_done: int
    systems_total: int
    waypoints: int
    requests_per_s: float
    eta_s: float | None
    failed: int
    elapsed_s: float

    @property
    def percent(self) -> float:
        return 100.0 * self.pages_done / self.pages_total if self.pages_total else 100.0

    def fields(self) -> dict[str, Any]:
        """Key/values for a log line (dates as ISO, floats rounded)."""
        out = asdict(self)
        out["reset_date"] = self.reset_date.isoformat()
        out["percent"] = round(self.percent, 1)
        out["requests_per_s"] = round(self.requests_per_s, 2)
        out["eta_s"] = None if self.eta_s is None else round(self.eta_s)
        out["elapsed_s"] = round(self.elapsed_s, 1)
        return out


ProgressListener = Callable[[CrawlSnapshot], None]


class RateMeter:
    """Events per second over the last `window_s` (or since the start, if shorter)."""

    def __init__(self, *, window_s: float = 60.0, clock: Callable[[], float] = time.monotonic) -> None:
        self._window_s = window_s
        self._clock = clock
        self._started = clock()
        self._events: deque[float] = deque()

    def tick(self) -> None:
        self._events.append(self._clock())

    def rate(self) -> float:
        now = self._clock()
        while self._events and self._events[0] < now - self._window_s:
            self._events.popleft()
        span = min(self._window_s, now - self._started)
        return len(self._events) / span if span > 0 else 0.0


def snapshot(
    reset_date: date, estimate: Estimate, *, waypoints: int, rate: float, failed: int, elapsed_s: float
) -> CrawlSnapshot:
    left = estimate.pages_total - estimate.pages_done
    eta = left / rate if rate > 0 else (0.0 if left == 0 else None)
    return CrawlSnapshot(
        reset_date=reset_date,
        pages_done=estimate.pages_done,
        pages_total=estimate.pages_total,
        exact=estimate.exact,
        systems_done=estimate.systems_done,
        systems_total=estimate.systems_total,
        waypoints=waypoints,
        requests_per_s=rate,
        eta_s=eta,
        failed=failed,
        elapsed_s=elapsed_s,
    )

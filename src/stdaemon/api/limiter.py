"""The server's rate limit, modelled exactly: a static pool and a burst pool (SPACETRADERS.md §4).

The server keeps two pools per account and per IP. The static pool holds 2 points and refills to full one
second after its *first use*; the burst pool holds 30 points and refills to full 60 seconds after its first
use. A request takes a static point if there is one, else a burst point, else it gets a 429. The most a
client can send in T seconds is therefore 2·T + 30·ceil(T/60).

Why not aiolimiter: `AsyncLimiter(rate, period)` is a leaky bucket that drains continuously from the moment
each request is admitted. It cannot express fixed windows anchored on a pool's first use, the order
"static first, then burst", a window whose start is only known when a response arrives (below), or a pause
imposed by the server (Retry-After); and its waiters are served first-come, not by priority. A plain
`AsyncLimiter(2, 1)` never touches the burst pool, so it spends about 80 % of the budget (see
benchmarks/ratelimit.py). This module is therefore a small pure state machine, with no clock of its own:
callers pass `now`, which makes it exact to test.

Clock skew: we cannot see when the server received a request, only that it happened between our send and
our receipt of the answer. The conservative anchor (`trips=None`, ST_RATE_ANCHOR=response) is the *response
time* of the request that opened the window (plus `margin_s`), never earlier than the server's own anchor: a
request sent after our window end can only arrive after the server's. The price is one round-trip per
window (≈10 % of the static pool at 100 ms). With `trips` (a `RoundTrips`, the default), the window is
anchored at the estimated receive time instead, with a margin that adapts to refusals (see round_trips.py).
A window's remaining points are only used within one period of its opening send, so a late request is never
counted by us in an old window while the server starts a new one for it.

Shared across processes (`shared_budget.py`), the state travels as `state()` / `restore()`, and a window
whose opener never reports its answer (its process died) is anchored at `opened_at + max_answer_s`, the
latest its answer could have come, so the others are not blocked for ever.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Any

from stdaemon.api.round_trips import RoundTrips


@dataclass(frozen=True)
class Grant:
    """Permission to send one request, taken from one pool at `at` (local monotonic seconds).

    `send_by` is when the window the point was counted in closes: a request that leaves later lands in the
    server's next window, uncounted there, and can draw a 429 (the sender takes a new point instead)."""

    ident: int
    pool: str
    at: float
    send_by: float = math.inf


@dataclass
class _Pool:
    name: str
    capacity: int
    period_s: float
    used: int = 0
    opened_at: float | None = None  # send time of the request that opened the window
    opener: int | None = None  # its grant id
    ends_at: float | None = None  # known once the opener's response arrived

    def refill(self, now: float, max_answer_s: float | None = None) -> None:
        opened, wait = self.opened_at, max_answer_s
        if self.ends_at is None and opened is not None and wait is not None and now >= opened + wait:
            self.ends_at = opened + wait + self.period_s  # its answer never came: anchored at its latest
        if self.ends_at is not None and now >= self.ends_at:
            self.used, self.opened_at, self.opener, self.ends_at = 0, None, None, None

    def usable(self, now: float) -> bool:
        if self.used >= self.capacity:
            return False
        return self.opened_at is None or now < self.opened_at + self.period_s


@dataclass
class TwoPoolBudget:
    """The client-side mirror of the server's two pools; see the module docstring."""

    per_second: int = 2
    burst: int = 30
    burst_period_s: float = 60.0
    static_period_s: float = 1.0
    margin_s: float = 0.001
    blocked_until: float = 0.0
    max_answer_s: float | None = None
    trips: RoundTrips | None = None  # None: anchor at the response (conservative)
    _pools: tuple[_Pool, ...] = field(init=False)
    _next_id: int = field(default=0, init=False)

    def __post_init__(self) -> None:
        pools = [_Pool("static", self.per_second, self.static_period_s)]
        if self.burst > 0:
            pools.append(_Pool("burst", self.burst, self.burst_period_s))
        self._pools = tuple(pools)

    @staticmethod
    def theoretical(
        seconds: float, per_second: int = 2, burst: int = 30, burst_period_s: float = 60.0
    ) -> int:
        """The most requests the server accepts in `seconds`: per_second·T + burst·ceil(T/period)."""
        return int(per_second * seconds + burst * math.ceil(seconds / burst_period_s))

    def take(self, now: float) -> Grant | None:
        """Take a point now, or None if none may be spent yet."""
        if now < self.blocked_until:
            return None
        for pool in self._pools:
            pool.refill(now, self.max_answer_s)
            if pool.usable(now):
                self._next_id += 1
                if pool.opened_at is None:
                    pool.opened_at, pool.opener = now, self._next_id
                pool.used += 1
                return Grant(self._next_id, pool.name, now, send_by=pool.opened_at + pool.period_s)
        return None

    def settle(self, grant: Grant, at: float) -> None:
        """The request of `grant` was answered (or failed) at `at`: anchor the window it opened."""
        anchor = at + self.margin_s
        if self.trips is not None:
            anchor = min(anchor, grant.at + self.trips.lead(at - grant.at, at))
        for pool in self._pools:
            if pool.opener == grant.ident and pool.ends_at is None:
                pool.ends_at = anchor + pool.period_s

    def block_until(self, until: float) -> None:
        """The server said no (429, 502): spend nothing before `until` (and estimate more carefully)."""
        if self.trips is not None and until > self.blocked_until:
            self.trips.refused(until)
        self.blocked_until = max(self.blocked_until, until)

    def next_free(self, now: float) -> float | None:
        """When `take` may next succeed: `now`, a later time, or None while waiting for a response."""
        times: list[float] = []
        for pool in self._pools:
            pool.refill(now, self.max_answer_s)
            if pool.usable(now):
                times.append(now)
            elif pool.ends_at is not None:
                times.append(pool.ends_at)
            elif pool.opened_at is not None and self.max_answer_s is not None:
                times.append(pool.opened_at + self.max_answer_s)  # the latest its anchor can be learnt
        if not times:
            return None
        return max(min(times), self.blocked_until)

    def available(self, now: float) -> dict[str, int]:
        """Points left per pool (for status and logs)."""
        for pool in self._pools:
            pool.refill(now, self.max_answer_s)
        return {p.name: p.capacity - p.used if p.usable(now) else 0 for p in self._pools}

    def state(self) -> dict[str, Any]:
        """The mutable state, JSON-ready (times in the caller's clock)."""
        return {
            "blocked_until": self.blocked_until,
            "next_id": self._next_id,
            "pools": {
                p.name: {"used": p.used, "opened_at": p.opened_at, "opener": p.opener, "ends_at": p.ends_at}
                for p in self._pools
            },
        }

    def restore(self, state: dict[str, Any]) -> None:
        """Take over a state from `state()` (pools it does not know are ignored; missing ones stay fresh)."""
        self.blocked_until = float(state.get("blocked_until", 0.0))
        self._next_id = int(state.get("next_id", 0))
        pools = state.get("pools", {})
        for pool in self._pools:
            saved = pools.get(pool.name)
            if saved is not None:
                pool.used, pool.opened_at = int(saved["used"]), saved["opened_at"]
                pool.opener, pool.ends_at = saved["opener"], saved["ends_at"]

    def pending(self, now: float) -> bool:
        """Whether a spent window waits for its opener's answer (its end is learnt when that comes)."""
        for pool in self._pools:
            pool.refill(now, self.max_answer_s)
        return any(p.opened_at is not None and p.ends_at is None and not p.usable(now) for p in self._pools)

    def opens(self, grant: Grant) -> bool:
        """Whether `grant` opened a window whose anchor is not known yet (its settle matters)."""
        return any(p.opener == grant.ident and p.ends_at is None for p in self._pools)

"""The server's side of the rate limit, as documented (SPACETRADERS.md §4), for fakes and benchmarks.

`ServerPools.admit(now)` answers what the real server would: True (served) or False (429). Each pool
refills to full `period` seconds after its first use since the last refill; static is spent before burst.
The benchmark and the tests run the gateway against it to show the limiter spends the budget exactly.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class _ServerPool:
    capacity: int
    period_s: float
    remaining: int = field(init=False)
    refill_at: float | None = None

    def __post_init__(self) -> None:
        self.remaining = self.capacity


@dataclass
class ServerPools:
    per_second: int = 2
    burst: int = 30
    burst_period_s: float = 60.0
    static_period_s: float = 1.0
    admitted: int = 0
    rejected: int = 0
    _pools: tuple[_ServerPool, ...] = field(init=False)

    def __post_init__(self) -> None:
        self._pools = (
            _ServerPool(self.per_second, self.static_period_s),
            _ServerPool(self.burst, self.burst_period_s),
        )

    def admit(self, now: float) -> bool:
        for pool in self._pools:
            if pool.refill_at is not None and now >= pool.refill_at:
                pool.remaining, pool.refill_at = pool.capacity, None
            if pool.remaining > 0:
                if pool.refill_at is None:
                    pool.refill_at = now + pool.period_s
                pool.remaining -= 1
                self.admitted += 1
                return True
        self.rejected += 1
        return False

    def reset_in(self, now: float) -> float:
        """Seconds until a point is free again (what a 429's Retry-After would say)."""
        times = [p.refill_at - now for p in self._pools if p.refill_at is not None]
        return max(0.0, min(times)) if times else 0.0

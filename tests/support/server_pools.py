"""The server's side of the rate limit for fakes on a virtual clock: stsim's model, not a second copy of it.

`ServerPools.check(now)` asks `stsim.ratelimit.RateLimiter` (the documented static and burst pools, the 429
headers and body the simulator sends) what the real server would answer to one client at `now`, a float of
seconds on the event loop's clock, and counts what it admitted and refused.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta

from stsim.ratelimit import RateLimiter, Verdict

_EPOCH = datetime(2026, 1, 1, tzinfo=UTC)


@dataclass
class ServerPools:
    address: str = "127.0.0.1"
    token: str | None = "fake-agent-token"
    admitted: int = 0
    rejected: int = 0
    _limiter: RateLimiter = field(default_factory=RateLimiter)

    def check(self, now: float) -> Verdict:
        verdict = self._limiter.check(_EPOCH + timedelta(seconds=now), self.address, self.token)
        if verdict.allowed:
            self.admitted += 1
        else:
            self.rejected += 1
        return verdict

    def admit(self, now: float) -> bool:
        """True when the server would serve a request arriving at `now`, False for a 429."""
        return self.check(now).allowed

"""The documented two-pool rate limit, per agent token and per client address.

Static pool: 2 points, refilled to full 1 s after its first use. Burst pool: 30 points, refilled to full
60 s after its first use. A request spends a static point if there is one, else a burst point; with both
empty it gets a 429.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

from stsim.clock import iso

PER_SECOND = 2
BURST = 30
BURST_SECONDS = 60.0
PRUNE_ABOVE = 10_000  # buckets kept before idle ones are looked for
EXPOSED = (
    "Retry-After, X-RateLimit-Type, X-RateLimit-Limit, X-RateLimit-Remaining, X-RateLimit-Reset, "
    "X-RateLimit-Limit-Burst, X-RateLimit-Limit-Per-Second"
)


@dataclass
class Pool:
    size: int
    window: float
    points: int = -1
    started: datetime | None = None

    def refresh(self, now: datetime) -> None:
        if self.points < 0 or (self.started is not None and now >= self.resets_at()):
            self.points, self.started = self.size, None

    def resets_at(self) -> datetime:
        assert self.started is not None
        return self.started + timedelta(seconds=self.window)

    def take(self, now: datetime) -> None:
        if self.started is None:
            self.started = now
        self.points -= 1


@dataclass
class Bucket:
    static: Pool = field(default_factory=lambda: Pool(PER_SECOND, 1.0))
    burst: Pool = field(default_factory=lambda: Pool(BURST, BURST_SECONDS))

    def available(self, now: datetime) -> bool:
        self.static.refresh(now)
        self.burst.refresh(now)
        return self.static.points > 0 or self.burst.points > 0

    def take(self, now: datetime) -> None:
        (self.static if self.static.points > 0 else self.burst).take(now)

    def reset(self, now: datetime) -> datetime:
        return self.static.resets_at() if self.static.started is not None else now + timedelta(seconds=1)

    def remaining(self) -> int:
        return max(0, self.static.points) + max(0, self.burst.points)


@dataclass(frozen=True)
class Verdict:
    allowed: bool
    headers: dict[str, str]
    body: dict[str, Any] | None = None


class RateLimiter:
    """Buckets keyed by ("IP Address", host) and ("Account", token)."""

    def __init__(self) -> None:
        self._buckets: dict[tuple[str, str], Bucket] = {}
        self._prune_above = PRUNE_ABOVE

    def check(self, now: datetime, address: str, token: str | None) -> Verdict:
        if len(self._buckets) > self._prune_above:  # forget idle clients
            self._prune(now)
            # amortised: with many clients all active, the next scan waits until the table has doubled
            self._prune_above = max(PRUNE_ABOVE, 2 * len(self._buckets))
        keys = [("IP Address", address)] + ([("Account", token)] if token else [])
        buckets = [(kind, self._buckets.setdefault((kind, key), Bucket())) for kind, key in keys]
        for kind, bucket in buckets:
            if not bucket.available(now):
                return self._refuse(now, kind, bucket)
        for _, bucket in buckets:
            bucket.take(now)
        kind, bucket = min(buckets, key=lambda kb: kb[1].remaining())
        return Verdict(True, _headers(now, kind, bucket))

    def _prune(self, now: datetime) -> None:
        """Forget buckets that are as good as new: every pool unused, or due to refill by now."""
        for key, bucket in list(self._buckets.items()):
            if all(p.started is None or now >= p.resets_at() for p in (bucket.static, bucket.burst)):
                del self._buckets[key]

    def _refuse(self, now: datetime, kind: str, bucket: Bucket) -> Verdict:
        reset = bucket.reset(now)
        wait = max(0.001, (reset - now).total_seconds())
        headers = {
            **_headers(now, kind, bucket),
            "retry-after": str(math.ceil(wait)),
            "access-control-expose-headers": EXPOSED,  # as the live server, so browser clients can read them
        }
        body = {
            "error": {
                "message": "You have reached your API limit. Please wait and try again.",
                "code": 429,
                "data": {
                    "type": kind,
                    "retryAfter": round(wait, 3),
                    "limitBurst": BURST,
                    "limitPerSecond": PER_SECOND,
                    "remaining": bucket.remaining(),
                    "reset": iso(reset),
                },
            }
        }
        return Verdict(False, headers, body)


def _headers(now: datetime, kind: str, bucket: Bucket) -> dict[str, str]:
    return {
        "x-ratelimit-type": kind,
        "x-ratelimit-limit": str(PER_SECOND),
        "x-ratelimit-remaining": str(bucket.remaining()),
        "x-ratelimit-reset": iso(bucket.reset(now)),
        "x-ratelimit-limit-burst": str(BURST),
        "x-ratelimit-limit-per-second": str(PER_SECOND),
    }

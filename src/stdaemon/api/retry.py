"""The retry policy: which failures are retried, after how long, and for which methods.

One layer retries (the gateway's sender), and every attempt pays the rate budget again.

- 429 with `Retry-After` or `x-ratelimit-reset` (or `data.retryAfter`): wait exactly that, any method —
  the server refused before acting. The wait pauses the whole scheduler, since the budget is spent.
- 429 without those headers (an HTML page from the cloud layer) and 502 (DDoS layer): exponential backoff
  with equal jitter (`stdaemon.backoff`), any method — both come from layers in front of the game server,
  which never saw the request.
- other 5xx and transport errors: retried for GETs only; a POST is retried only on connection failures
  (refused, connect timeout, pool timeout), where the request provably never left.
- everything else surfaces at once.
"""

from __future__ import annotations

import random
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from typing import Any

import httpx

from stdaemon.backoff import backoff

# The request never reached the server: safe to resend anything.
NEVER_SENT = (httpx.ConnectError, httpx.ConnectTimeout, httpx.PoolTimeout)


@dataclass
class RetryPolicy:
    attempts: int = 5
    base_s: float = 1.0
    cap_s: float = 60.0
    rng: random.Random = field(default_factory=random.Random)

    def backoff(self, attempt: int) -> float:
        """The wait before the `attempt`-th retry (1-based): `stdaemon.backoff`, equal jitter."""
        return backoff(attempt, base_s=self.base_s, cap_s=self.cap_s, rng=self.rng)


def retry_after_s(headers: Mapping[str, str], body: Any, now: datetime | None = None) -> float | None:
    """The server's own wait from a 429: Retry-After, x-ratelimit-reset, or data.retryAfter; else None."""
    waits: list[float] = []
    value = headers.get("retry-after")
    if value:
        waits.extend(_seconds_or_date(value, now))
    reset = headers.get("x-ratelimit-reset")
    if reset:
        waits.extend(_seconds_or_date(reset, now))
    error = body.get("error") if isinstance(body, dict) else None
    data = error.get("data") if isinstance(error, dict) else None
    if isinstance(data, dict) and isinstance(data.get("retryAfter"), int | float):
        waits.append(float(data["retryAfter"]))
    return max(0.0, *waits) if waits else None


def _seconds_or_date(value: str, now: datetime | None) -> list[float]:
    value = value.strip()
    try:
        return [float(value)]
    except ValueError:
        pass
    when: datetime | None
    try:
        when = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        try:
            when = parsedate_to_datetime(value)
        except (TypeError, ValueError):
            return []
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return [(when - (now or datetime.now(UTC))).total_seconds()]

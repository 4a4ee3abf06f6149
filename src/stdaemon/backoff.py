"""The one backoff: how long to wait before the `attempt`-th retry, for the API sender and the DbWriter.

Capped exponential backoff with *equal* jitter: the step is d = min(cap, base · 2^(attempt-1)) and the wait
is drawn uniformly from [d/2, d]. Not full jitter (uniform in [0, d]): every retry waits at least half its
step, so a run of failures keeps backing off instead of sometimes retrying at once, while the other half
still spreads clients that failed together.
"""

from __future__ import annotations

import random

_MAX_DOUBLINGS = 30  # beyond this the step is far past any cap; keeps 2**n a small int


def backoff(attempt: int, *, base_s: float, cap_s: float, rng: random.Random | None = None) -> float:
    """The wait before retry number `attempt` (counted from 1), in [d/2, d] with d ≤ `cap_s`."""
    step = min(cap_s, base_s * 2.0 ** min(max(attempt, 1) - 1, _MAX_DOUBLINGS))
    return step * (0.5 + 0.5 * (rng or random).random())

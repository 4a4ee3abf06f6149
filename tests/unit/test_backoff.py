"""The one backoff (equal jitter) and the two places that wait with it: the API sender and the DbWriter."""

from __future__ import annotations

import random

import pytest

from stdaemon.api.retry import RetryPolicy
from stdaemon.backoff import backoff


@pytest.mark.parametrize(("attempt", "step"), [(1, 0.5), (2, 1.0), (3, 2.0), (4, 4.0), (5, 5.0), (500, 5.0)])
def test_waits_between_half_the_step_and_the_step_capped(attempt: int, step: float) -> None:
    rng = random.Random(1)
    waits = [backoff(attempt, base_s=0.5, cap_s=5.0, rng=rng) for _ in range(2000)]
    assert step / 2 <= min(waits) < step / 2 + step * 0.01, "equal jitter: never below half the step"
    assert step - step * 0.01 < max(waits) <= step


def test_the_api_policy_waits_with_the_shared_backoff() -> None:
    policy = RetryPolicy(base_s=1.0, cap_s=60.0, rng=random.Random(7))
    expected = random.Random(7)
    for attempt in range(1, 12):
        assert policy.backoff(attempt) == backoff(attempt, base_s=1.0, cap_s=60.0, rng=expected)

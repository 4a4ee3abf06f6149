"""The budget at real round trips: windows anchored at the server's estimated receive time, with a margin
that widens on any refusal and narrows slowly after clean periods; the conservative mode stays available."""

from __future__ import annotations

import asyncio
import random

import pytest

from stdaemon.api.limiter import TwoPoolBudget
from stdaemon.api.priority import Priority
from stdaemon.api.round_trips import RoundTrips
from stdaemon.api.scheduler import Scheduler
from stdaemon.api.shared_budget import SharedScheduler
from stdaemon.settings import Settings
from tests.api.test_shared_budget import FakeStore
from tests.support.server_pools import ServerPools
from tests.support.virtual_time import run_virtual


def test_the_lead_is_half_the_extra_round_trip_plus_the_margin() -> None:
    trips = RoundTrips(margin_s=0.01)
    assert trips.lead(0.080, at=1.0) == pytest.approx(0.01)  # the only sample is the shortest
    assert trips.lead(0.120, at=2.0) == pytest.approx(0.02 + 0.01)  # (120 − 80) / 2 + margin


def test_a_refusal_widens_at_once_and_clean_periods_narrow_slowly_not_below_what_failed() -> None:
    trips = RoundTrips(margin_s=0.02, narrow=0.5, clean_s=10.0, forget=1.0)
    trips.lead(0.1, at=0.0)
    trips.refused(at=1.0)
    assert trips.margin_s == pytest.approx(0.02 * 2 + trips.widen_s)
    for t in range(2, 200, 10):
        trips.lead(0.1, at=float(t))
    assert trips.margin_s == pytest.approx(0.025)  # 1.25 × the margin the refusal happened at
    assert trips.refusals == 1


def test_the_estimate_is_never_later_than_the_conservative_anchor() -> None:
    budget = TwoPoolBudget(burst=0, margin_s=0.001, trips=RoundTrips(margin_s=5.0))
    opener, second = budget.take(0.0), budget.take(0.0)
    assert opener is not None and second is not None
    budget.settle(opener, at=0.1)
    assert budget.next_free(0.5) == pytest.approx(1.101)  # the answer's arrival + the period + margin_s


def test_the_estimate_opens_the_next_window_before_the_answer_would() -> None:
    budget = TwoPoolBudget(burst=0, margin_s=0.001, trips=RoundTrips(margin_s=0.005))
    opener, second = budget.take(0.0), budget.take(0.0)
    assert opener is not None and second is not None
    budget.settle(opener, at=0.1)  # the only round trip seen, so the shortest: no lead beyond the margin
    assert budget.next_free(0.5) == pytest.approx(1.005)


async def _saturate(budget: TwoPoolBudget, minutes: float, *, seed: int) -> tuple[int, int, int]:
    """48 callers against the server's pools, 100 ms ± 30 ms round trips, 70 % of it on the way out;
    every 429 retried after its Retry-After. (served in the horizon, 429s, calls that never got through)"""
    scheduler, server = Scheduler(budget), ServerPools()
    rng, loop = random.Random(seed), asyncio.get_running_loop()
    horizon, served, lost = minutes * 60, 0, 0

    def leg(share: float) -> float:
        return share * (0.1 + (2 * rng.random() - 1) * 0.03)

    async def caller(i: int) -> None:
        nonlocal served, lost
        while loop.time() < horizon:
            for _ in range(50):
                grant = await scheduler.acquire(Priority(i % 4))
                await asyncio.sleep(leg(0.7))
                arrived, verdict = loop.time(), server.check(loop.time())
                await asyncio.sleep(leg(0.3))
                scheduler.settle(grant)
                if verdict.allowed:
                    served += arrived < horizon
                    break
                scheduler.block_until(loop.time() + float(verdict.headers["retry-after"]))
            else:
                lost += 1

    await asyncio.gather(*(caller(i) for i in range(48)))
    return served, server.rejected, lost


@pytest.mark.parametrize("seed", [1, 7])
def test_at_100_ms_asymmetric_the_estimate_spends_about_97_percent_with_rare_429s(seed: int) -> None:
    theoretical = TwoPoolBudget.theoretical(600)
    served, refused, lost = run_virtual(_saturate(TwoPoolBudget(trips=RoundTrips()), 10, seed=seed))
    conservative, refused_conservative, _ = run_virtual(_saturate(TwoPoolBudget(), 10, seed=seed))
    assert lost == 0
    assert refused <= 0.002 * (served + refused)
    assert served >= 0.965 * theoretical
    assert served > conservative + 0.03 * theoretical  # the round trip per window, won back
    assert refused_conservative == 0


def test_the_setting_chooses_the_anchor() -> None:
    from stdaemon.api.gateway import build_gateway

    for anchor, estimating in (("auto", True), ("estimate", True), ("response", False)):
        gateway = build_gateway(Settings(_env_file=None, token="t", rate_anchor=anchor))
        assert isinstance(gateway.limiter, Scheduler)
        assert (gateway.limiter.budget.trips is not None) is estimating
    shared = Settings(_env_file=None, token="t", rate_budget_key="home")
    sharing = build_gateway(shared, shared=FakeStore(), process="p")
    assert isinstance(sharing.limiter, SharedScheduler)
    assert sharing.limiter._make_budget().trips is None  # auto, shared: the response anchor

"""The two-pool budget: exact against the documented server algorithm, on a fake clock."""

from __future__ import annotations

import asyncio
import random
from typing import Any

import pytest

from stdaemon.api.limiter import Grant, TwoPoolBudget
from stdaemon.api.priority import Priority
from stdaemon.api.scheduler import Scheduler
from tests.api.gateway_helpers import Build, ok
from tests.support.server_pools import ServerPools
from tests.support.virtual_time import run_virtual


def test_a_fresh_budget_allows_static_plus_burst_at_once_and_no_more() -> None:
    budget = TwoPoolBudget(margin_s=0.0)
    grants = [budget.take(0.0) for _ in range(32)]
    assert all(g is not None for g in grants)
    assert [g.pool for g in grants if g is not None].count("static") == 2
    assert budget.take(0.0) is None
    assert budget.next_free(0.0) is None  # both windows wait for their opener's response


def test_windows_start_at_the_openers_response_time() -> None:
    budget = TwoPoolBudget(margin_s=0.0)
    grants = [budget.take(0.0) for _ in range(32)]
    static_opener, burst_opener = grants[0], grants[2]
    assert static_opener is not None and burst_opener is not None
    budget.settle(static_opener, at=0.2)  # the answer came back after 200 ms
    budget.settle(burst_opener, at=0.3)
    assert budget.next_free(0.5) == pytest.approx(1.2)
    assert budget.take(1.19) is None
    assert budget.available(1.2) == {"static": 2, "burst": 0}
    assert budget.available(60.29)["burst"] == 0
    assert budget.available(60.3)["burst"] == 30


def test_points_of_an_old_window_are_not_spent_after_one_period() -> None:
    budget = TwoPoolBudget(burst=0, margin_s=0.0)
    opener = budget.take(0.0)
    assert opener is not None
    # The answer is slow; one period after the opening send the server may already have refilled and
    # would open a new window for a late request, so the second point is not spent in the old one.
    assert budget.take(1.0) is None
    budget.settle(opener, at=1.5)
    assert budget.take(2.5) is not None


def test_block_until_holds_everything_back() -> None:
    budget = TwoPoolBudget()
    budget.block_until(10.0)
    assert budget.take(9.9) is None
    assert budget.next_free(5.0) == 10.0
    assert budget.take(10.0) is not None


def test_theoretical_budget_formula() -> None:
    assert TwoPoolBudget.theoretical(600) == 2 * 600 + 30 * 10
    assert TwoPoolBudget.theoretical(61) == 2 * 61 + 30 * 2


async def _saturate(seconds: float, latency_s: float, jitter_s: float, workers: int = 40) -> tuple[int, int]:
    """Run `workers` callers through the scheduler against the server model; return (served, rejected)."""
    scheduler = Scheduler(TwoPoolBudget())
    server = ServerPools()
    rng = random.Random(11)
    loop = asyncio.get_running_loop()
    served = 0

    async def worker(i: int) -> None:
        nonlocal served
        while loop.time() < seconds:
            grant = await scheduler.acquire(Priority(i % 4))
            await asyncio.sleep(latency_s / 2 + rng.random() * jitter_s)
            arrived = loop.time()
            admitted = server.admit(arrived)
            served += admitted and arrived < seconds
            await asyncio.sleep(latency_s / 2 + rng.random() * jitter_s)
            scheduler.settle(grant)

    await asyncio.gather(*(worker(i) for i in range(workers)))
    return served, server.rejected


def test_saturated_scheduler_spends_the_whole_budget_and_never_more() -> None:
    served, rejected = run_virtual(_saturate(180.0, latency_s=0.0, jitter_s=0.0))
    assert rejected == 0
    assert served >= 0.99 * TwoPoolBudget.theoretical(180.0)


def test_latency_jitter_never_causes_a_429() -> None:
    served, rejected = run_virtual(_saturate(180.0, latency_s=0.04, jitter_s=0.03))
    assert rejected == 0
    assert served >= 0.9 * TwoPoolBudget.theoretical(180.0)


def test_a_grant_must_leave_before_its_window_closes() -> None:
    budget = TwoPoolBudget(margin_s=0.0)
    opener, late = budget.take(0.0), budget.take(0.7)
    burst = [budget.take(0.8) for _ in range(30)][-1]
    assert opener is not None and late is not None and burst is not None
    assert (opener.send_by, late.send_by) == (1.0, 1.0)  # one static window, opened at 0.0
    assert burst.pool == "burst" and burst.send_by == 60.8


class _LateLimiter:
    """A scheduler whose first point is handed over after its window closed (a busy event loop)."""

    def __init__(self) -> None:
        self.inner = Scheduler(TwoPoolBudget())
        self.meter = self.inner.meter
        self.settled: list[Grant] = []
        self.handed = 0

    async def acquire(self, priority: Priority) -> Grant:
        grant = await self.inner.acquire(priority)
        self.handed += 1
        if self.handed == 1:
            await asyncio.sleep(grant.send_by - asyncio.get_running_loop().time())
        return grant

    def settle(self, grant: Grant, at: float | None = None) -> None:
        self.settled.append(grant)
        self.inner.settle(grant, at)

    def block_until(self, until: float) -> None:
        self.inner.block_until(until)


def test_a_request_whose_grant_expired_takes_a_new_point_before_it_leaves(build: Build) -> None:
    limiter = _LateLimiter()
    gateway, served = build(lambda _: ok({"symbol": "A"}), limiter=limiter)

    async def main() -> Any:
        async with gateway._client:
            return await gateway.get_my_agent()

    assert run_virtual(main()) == {"symbol": "A"}
    assert len(served.requests) == 1  # sent once, on the second point
    assert limiter.handed == 2 and len(limiter.settled) == 2  # the expired point's window closed too
    assert served.times[0] < limiter.settled[1].send_by
    assert gateway.snapshot().expired_grants == 1

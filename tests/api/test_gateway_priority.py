"""Priorities and ageing: a flood of low-priority requests never holds back a high-priority one."""

from __future__ import annotations

import asyncio

import pytest

from stdaemon.api.limiter import TwoPoolBudget
from stdaemon.api.priority import Priority
from stdaemon.api.scheduler import Scheduler
from tests.support.virtual_time import run_virtual


async def _flood_then(
    flood: Priority, urgent: Priority, arrive_at: float, flood_size: int = 400
) -> tuple[list[tuple[float, str]], float, float]:
    """Queue `flood_size` requests at t=0, one `urgent` request at `arrive_at`; return the grant log."""
    scheduler = Scheduler(TwoPoolBudget(), aging_s=30.0)
    loop = asyncio.get_running_loop()
    log: list[tuple[float, str]] = []
    urgent_times: dict[str, float] = {}

    async def request(priority: Priority, label: str) -> None:
        grant = await scheduler.acquire(priority)
        log.append((loop.time(), label))
        await asyncio.sleep(0.01)  # the exchange
        scheduler.settle(grant)

    async def late() -> None:
        await asyncio.sleep(arrive_at)
        urgent_times["arrived"] = loop.time()
        await request(urgent, "urgent")
        urgent_times["granted"] = next(t for t, label in log if label == "urgent")

    await asyncio.gather(late(), *(request(flood, f"flood-{i}") for i in range(flood_size)))
    return log, urgent_times["arrived"], urgent_times["granted"]


@pytest.mark.parametrize(
    ("flood", "urgent", "arrive_at"),
    [
        (Priority.CRAWL, Priority.ACTION, 5.3),
        (Priority.CRAWL, Priority.ACTION, 120.0),  # the flood has aged as far as it can
        (Priority.MARKET, Priority.ACTION, 61.7),
        (Priority.CRAWL, Priority.FLEET, 7.77),  # fresh flood: fleet reads still go first
    ],
)
def test_a_flood_delays_a_higher_priority_request_by_at_most_one_slot(
    flood: Priority, urgent: Priority, arrive_at: float
) -> None:
    log, arrived, granted = run_virtual(_flood_then(flood, urgent, arrive_at))
    position = [label for _, label in log].index("urgent")
    overtaken = [label for t, label in log[:position] if t >= arrived]
    assert len(overtaken) <= 1, overtaken
    assert granted - arrived <= 1.1  # the next static window at the latest


def test_waiting_requests_age_so_a_crawl_is_not_starved_by_fleet_reads() -> None:
    async def main() -> tuple[float | None, int]:
        scheduler = Scheduler(TwoPoolBudget(), aging_s=30.0)
        loop = asyncio.get_running_loop()
        crawl_granted: list[float] = []
        stop = 300.0

        async def fleet_reader() -> None:  # keeps fresh fleet reads queued for the whole run
            while loop.time() < stop:
                grant = await scheduler.acquire(Priority.FLEET)
                await asyncio.sleep(0.01)
                scheduler.settle(grant)

        async def crawl() -> None:
            await asyncio.sleep(1.0)
            grant = await scheduler.acquire(Priority.CRAWL)
            crawl_granted.append(loop.time())
            scheduler.settle(grant)

        await asyncio.gather(crawl(), *(fleet_reader() for _ in range(60)))
        return (crawl_granted[0] if crawl_granted else None), scheduler.meter.sent_by_priority["FLEET"]

    granted, fleet_sent = run_virtual(main())
    assert granted is not None and granted < 100.0  # served while fleet reads were still flooding
    assert fleet_sent > 300


def test_meter_records_waits_per_priority() -> None:
    async def main() -> Scheduler:
        scheduler = Scheduler(TwoPoolBudget(burst=0))

        async def one(priority: Priority) -> None:
            grant = await scheduler.acquire(priority)
            scheduler.settle(grant)

        await asyncio.gather(*(one(Priority.CRAWL) for _ in range(6)), one(Priority.ACTION))
        return scheduler

    meter = run_virtual(main()).meter.snapshot()
    assert meter.sent_by_priority == {"CRAWL": 6, "ACTION": 1}
    assert meter.max_wait_s_by_priority["CRAWL"] > meter.max_wait_s_by_priority["ACTION"]


def test_a_cancelled_waiter_frees_its_place_and_a_cancelled_grant_its_window() -> None:
    async def main() -> int:
        scheduler = Scheduler(TwoPoolBudget(burst=0))
        first = await scheduler.acquire(Priority.FLEET)
        second = await scheduler.acquire(Priority.FLEET)
        waiting = asyncio.create_task(scheduler.acquire(Priority.CRAWL))
        await asyncio.sleep(0)
        waiting.cancel()
        with pytest.raises(asyncio.CancelledError):
            await waiting
        scheduler.settle(first)
        scheduler.settle(second)
        granted = await asyncio.wait_for(scheduler.acquire(Priority.FLEET), timeout=5.0)
        assert granted is not None
        return scheduler.waiting

    assert run_virtual(main()) == 0

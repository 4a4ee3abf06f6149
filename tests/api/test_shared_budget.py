"""One rate budget shared by several processes through a store (the database in production; an in-memory
store with a round trip and a row lock here), on a virtual clock against the documented server pools."""

from __future__ import annotations

import asyncio
import json
import random
from collections.abc import Callable
from typing import Any, TypeVar

import pytest

from stdaemon.api.limiter import TwoPoolBudget
from stdaemon.api.priority import Priority
from stdaemon.api.scheduler import Limiter, Scheduler
from stdaemon.api.shared_budget import SharedScheduler
from tests.support.server_pools import ServerPools
from tests.support.virtual_time import run_virtual

T = TypeVar("T")
State = dict[str, Any]


class FakeStore:
    """One row per key behind one lock (FOR UPDATE), a round trip per transaction, a clock of its own."""

    def __init__(self, latency_s: float = 0.002, clock_offset_s: float = 1_000_000.0) -> None:
        self.rows: dict[str, State] = {}
        self.latency_s, self.clock_offset_s = latency_s, clock_offset_s
        self.down = False
        self.transactions = 0
        self._lock = asyncio.Lock()

    async def transact(self, key: str, step: Callable[[State | None, float], tuple[State, T]]) -> T:
        await asyncio.sleep(self.latency_s / 2)
        if self.down:
            raise ConnectionError("the database is down")
        async with self._lock:
            now = asyncio.get_running_loop().time() + self.clock_offset_s
            state, result = step(self.rows.get(key), now)
            self.rows[key] = json.loads(json.dumps(state))  # what jsonb keeps
            self.transactions += 1
        await asyncio.sleep(self.latency_s / 2)
        return result


def shared(store: FakeStore, name: str, **kwargs: Any) -> SharedScheduler:
    return SharedScheduler(store, "account", lambda: TwoPoolBudget(max_answer_s=10.0), process=name, **kwargs)


async def saturate(
    limiters: list[Limiter],
    seconds: float,
    *,
    latency_s: float = 0.04,
    jitter_s: float = 0.02,
    workers: int = 12,
) -> tuple[int, int]:
    """`workers` callers per limiter against one server; (served within `seconds`, 429s)."""
    server = ServerPools()
    rng = random.Random(5)
    loop = asyncio.get_running_loop()
    served = 0

    async def worker(limiter: Limiter, i: int) -> None:
        nonlocal served
        while loop.time() < seconds:
            grant = await limiter.acquire(Priority(i % 4))
            await asyncio.sleep(latency_s / 2 + rng.random() * jitter_s)
            arrived = loop.time()
            verdict = server.check(arrived)
            served += verdict.allowed and arrived < seconds
            await asyncio.sleep(latency_s / 2 + rng.random() * jitter_s)
            limiter.settle(grant)
            if not verdict.allowed:
                limiter.block_until(loop.time() + float(verdict.headers["retry-after"]))

    await asyncio.gather(*(worker(lim, i) for lim in limiters for i in range(workers)))
    for lim in limiters:
        if isinstance(lim, SharedScheduler):
            await lim.aclose()
    return served, server.rejected


def test_three_processes_together_spend_the_budget_and_never_more() -> None:
    async def main() -> tuple[int, int]:
        store = FakeStore()
        return await saturate([shared(store, p) for p in ("crawl", "markets", "fleet")], 300.0)

    served, rejected = run_virtual(main())
    assert rejected == 0
    assert served >= 0.95 * TwoPoolBudget.theoretical(300.0)


def test_one_process_alone_loses_nothing_against_the_in_process_scheduler() -> None:
    async def alone() -> int:
        return (await saturate([shared(FakeStore(), "all")], 300.0))[0]

    async def in_process() -> int:
        return (await saturate([Scheduler(TwoPoolBudget())], 300.0))[0]

    assert run_virtual(alone()) >= 0.99 * run_virtual(in_process())


def test_a_fleet_action_is_not_starved_by_a_crawl_in_another_process() -> None:
    async def main() -> list[float]:
        store = FakeStore()
        crawl, fleet = shared(store, "crawl"), shared(store, "fleet")
        loop = asyncio.get_running_loop()
        stop = loop.time() + 240.0
        waits: list[float] = []

        async def crawler() -> None:
            while loop.time() < stop:
                grant = await crawl.acquire(Priority.CRAWL)
                await asyncio.sleep(0.05)
                crawl.settle(grant)

        async def pilot() -> None:
            rng = random.Random(2)
            while loop.time() < stop:
                await asyncio.sleep(3 + rng.random() * 5)
                asked = loop.time()
                grant = await fleet.acquire(Priority.ACTION)
                waits.append(loop.time() - asked)
                await asyncio.sleep(0.05)
                fleet.settle(grant)

        await asyncio.gather(*(crawler() for _ in range(30)), pilot())
        await crawl.aclose()
        await fleet.aclose()
        return waits

    waits = run_virtual(main())
    assert len(waits) >= 25
    # at most the window the crawl already holds plus the deferral, never a queue of 30 crawl requests
    assert max(waits) <= 1.2


def test_a_process_that_died_holding_a_window_blocks_the_others_only_until_its_answer_could_have_come() -> (
    None
):
    async def main() -> float:
        store = FakeStore()
        dead, alive = shared(store, "dead"), shared(store, "alive")
        loop = asyncio.get_running_loop()
        for _ in range(32):  # it took every point (both windows opened) and died before any answer
            await dead.acquire(Priority.CRAWL)
        started = loop.time()
        grant = await alive.acquire(Priority.ACTION)
        alive.settle(grant)
        await alive.aclose()
        return loop.time() - started

    waited = run_virtual(main())
    assert 10.0 <= waited <= 11.5  # max_answer_s, then the static period


def test_while_the_store_is_down_nothing_is_sent_then_requests_go() -> None:
    async def main() -> tuple[bool, bool]:
        store = FakeStore()
        limiter = shared(store, "fleet")
        store.down = True
        waiting = asyncio.create_task(limiter.acquire(Priority.ACTION))
        await asyncio.sleep(5.0)
        held_back = not waiting.done()
        store.down = False
        grant = await asyncio.wait_for(waiting, timeout=5.0)
        limiter.settle(grant)
        await limiter.aclose()
        return held_back, grant is not None

    assert run_virtual(main()) == (True, True)


def test_a_pause_from_the_server_holds_every_process() -> None:
    async def main() -> float:
        store = FakeStore()
        one, other = shared(store, "one"), shared(store, "other")
        loop = asyncio.get_running_loop()
        one.block_until(loop.time() + 7.0)  # a 429 said Retry-After: 7
        await asyncio.sleep(0.1)
        grant = await other.acquire(Priority.ACTION)
        other.settle(grant)
        await one.aclose()
        await other.aclose()
        return loop.time()

    assert run_virtual(main()) >= 7.0


def test_the_state_survives_a_round_trip_through_json() -> None:
    budget = TwoPoolBudget(margin_s=0.0)
    grants = [budget.take(0.0) for _ in range(3)]
    assert all(g is not None for g in grants)
    copy = TwoPoolBudget(margin_s=0.0)
    copy.restore(json.loads(json.dumps(budget.state())))
    assert copy.state() == budget.state()
    assert copy.opens(grants[0]) and copy.opens(grants[2]) and not copy.opens(grants[1])  # type: ignore[arg-type]
    assert copy.available(0.0) == {"static": 0, "burst": 29}


@pytest.mark.parametrize("answered", [False, True])
def test_an_unanswered_opener_anchors_at_its_latest_moment(answered: bool) -> None:
    budget = TwoPoolBudget(burst=0, margin_s=0.0, max_answer_s=10.0)
    opener = budget.take(0.0)
    assert opener is not None and budget.take(0.0) is not None
    assert budget.next_free(1.0) == 10.0  # the latest moment its anchor can be learnt
    if answered:
        budget.settle(opener, at=0.5)
        assert budget.take(1.5) is not None
    else:
        assert budget.take(10.5) is None
        assert budget.take(11.0) is not None


def test_a_shared_grant_says_in_the_loops_clock_when_its_request_must_leave() -> None:
    async def main() -> tuple[float, float]:
        limiter = shared(FakeStore(clock_offset_s=1_000_000.0), "fleet")
        grant = await limiter.acquire(Priority.ACTION)
        now = asyncio.get_running_loop().time()
        limiter.settle(grant)
        await limiter.aclose()
        return now, grant.send_by

    now, send_by = run_virtual(main())
    assert now < send_by <= now + 1.0  # within the static window the point was counted in, in loop time

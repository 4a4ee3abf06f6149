"""The engine on a skipping clock: actors wait concurrently, wake on their timestamps, errors stop it."""

from __future__ import annotations

import asyncio
import random
from collections.abc import Awaitable, Callable
from datetime import datetime, timedelta

import pytest

from stdaemon.services.fleet.clock import SkipClock, WallClock
from stdaemon.services.fleet.engine import Engine


class Sleeper:
    """Wakes at the given offsets (seconds from the start) and records when it really ran."""

    def __init__(self, key: str, clock: SkipClock, offsets: list[float], start: datetime) -> None:
        self.key = key
        self.clock = clock
        self.wanted = [start + timedelta(seconds=s) for s in offsets]
        self.ran: list[datetime] = []
        self.stepped = asyncio.Event()

    async def ran_times(self, n: int) -> None:
        async with asyncio.timeout(5):
            while len(self.ran) < n:
                self.stepped.clear()
                await self.stepped.wait()

    async def step(self) -> datetime:
        self.ran.append(self.clock.now())
        self.stepped.set()
        if len(self.ran) > len(self.wanted):
            return self.clock.now() + timedelta(days=365)
        return self.wanted[len(self.ran) - 1]


class Work:
    def __init__(self, key: str, body: Callable[[], Awaitable[datetime]]) -> None:
        self.key = key
        self.body = body
        self.steps = 0

    async def step(self) -> datetime:
        self.steps += 1
        return await self.body()


async def run_until(engine: Engine, done: Callable[[], bool], *, limit_s: float = 10.0) -> None:
    stop = asyncio.Event()
    task = asyncio.create_task(engine.run(stop))
    async with asyncio.timeout(limit_s):
        while not done():
            await asyncio.sleep(0.001)
            if task.done():
                break
    stop.set()
    await task


async def test_many_ships_wait_concurrently_and_wake_exactly_on_their_timestamps() -> None:
    clock = SkipClock(follow_wall=False)
    start = clock.now()
    rng = random.Random(4)
    engine = Engine(clock)
    sleepers = [
        Sleeper(f"S{i}", clock, sorted(rng.uniform(1, 36_000) for _ in range(5)), start) for i in range(200)
    ]
    for s in sleepers:
        engine.add(s)
    loop = asyncio.get_running_loop()
    began = loop.time()
    await run_until(engine, lambda: all(len(s.ran) > 5 for s in sleepers))
    assert loop.time() - began < 5  # ten simulated hours of 200 ships, without sleeping through them
    for s in sleepers:
        assert s.ran[0] == start
        assert s.ran[1:6] == s.wanted  # each woke exactly at the moment it asked for, never early or late
    assert clock.skipped >= timedelta(hours=9)


async def test_steps_of_different_actors_run_at_the_same_time() -> None:
    clock = SkipClock(follow_wall=False)
    engine = Engine(clock)
    inside = 0
    most = 0
    release = asyncio.Event()

    async def body() -> datetime:
        nonlocal inside, most
        inside += 1
        most = max(most, inside)
        if inside == 3:
            release.set()
        await release.wait()
        inside -= 1
        return clock.now() + timedelta(hours=1)

    workers = [Work(f"W{i}", body) for i in range(3)]
    for w in workers:
        engine.add(w)
    await run_until(engine, lambda: all(w.steps >= 1 for w in workers) and inside == 0)
    assert most == 3


async def test_a_fatal_error_stops_the_engine_and_cancels_the_others() -> None:
    clock = SkipClock(follow_wall=False)
    engine = Engine(clock)
    cancelled = asyncio.Event()

    async def slow() -> datetime:
        try:
            await asyncio.sleep(3600)
        except asyncio.CancelledError:
            cancelled.set()
            raise
        return clock.now()

    async def boom() -> datetime:
        await asyncio.sleep(0)
        raise RuntimeError("server reset")

    engine.add(Work("slow", slow))
    engine.add(Work("boom", boom))
    with pytest.raises(RuntimeError, match="server reset"):
        await asyncio.wait_for(engine.run(asyncio.Event()), 5)
    assert cancelled.is_set()


async def test_stop_lets_running_steps_finish_and_starts_no_new_one() -> None:
    clock = SkipClock(follow_wall=False)
    engine = Engine(clock)
    stop = asyncio.Event()
    finished = asyncio.Event()

    async def step_once() -> datetime:
        stop.set()  # the stop arrives while this step runs
        await asyncio.sleep(0.01)
        finished.set()
        return clock.now()  # due again at once, but the engine has stopped

    work = Work("w", step_once)
    engine.add(work)
    await asyncio.wait_for(engine.run(stop), 5)
    assert finished.is_set() and work.steps == 1


async def test_an_actor_added_while_the_engine_sleeps_runs_at_once() -> None:
    clock = SkipClock(follow_wall=False)
    engine = Engine(clock)
    far = Sleeper("far", clock, [3600 * 24], clock.now())
    engine.add(far, clock.now() + timedelta(days=1))
    stop = asyncio.Event()
    task = asyncio.create_task(engine.run(stop))
    await asyncio.sleep(0.01)
    late = Sleeper("late", clock, [], clock.now())
    engine.add(late)
    await late.ran_times(1)
    stop.set()
    await task
    assert late.ran


async def test_two_engines_on_one_clock_skip_only_when_both_wait() -> None:
    clock = SkipClock(follow_wall=True)
    busy_until = asyncio.Event()
    a, b = Engine(clock, name="a"), Engine(clock, name="b")

    async def working() -> datetime:
        await busy_until.wait()
        return clock.now() + timedelta(hours=1)

    sleeper = Sleeper("s", clock, [600], clock.now())
    a.add(sleeper)
    b.add(Work("busy", working))
    stop = asyncio.Event()
    tasks = [asyncio.create_task(e.run(stop)) for e in (a, b)]
    await asyncio.sleep(0.05)
    assert len(sleeper.ran) == 1  # b is working: a's ten-minute wait is not skipped
    busy_until.set()
    await sleeper.ran_times(2)
    stop.set()
    await asyncio.gather(*tasks)
    assert sleeper.ran[1] >= sleeper.wanted[0]


async def test_the_wall_clock_waits_for_real_and_wakes_on_interrupt() -> None:
    clock = WallClock()
    interrupt = asyncio.Event()
    loop = asyncio.get_running_loop()
    began = loop.time()
    await clock.sleep_until(clock.now() + timedelta(seconds=0.05), interrupt)
    assert loop.time() - began >= 0.04
    loop.call_later(0.01, interrupt.set)
    began = loop.time()
    await clock.sleep_until(clock.now() + timedelta(hours=1), interrupt)
    assert loop.time() - began < 1

"""TtlStore: TTL on an injected clock, bounded size, single-flight that neither caches failures nor leaks."""

from __future__ import annotations

import asyncio

import pytest

from stdaemon.cache import TtlStore
from tests.services.fakes import Clock


async def _settle() -> None:
    for _ in range(10):
        await asyncio.sleep(0)


async def test_values_expire_on_the_clock_and_size_is_bounded() -> None:
    clock = Clock()
    store: TtlStore[str, int] = TtlStore(maxsize=3, ttl_s=10, clock=clock)
    store.set("a", 1)
    clock.advance(9.9)
    assert store.get("a") == 1
    clock.advance(0.2)
    assert store.get("a") is None
    for i in range(10):
        store.set(str(i), i)
    assert len(store) == 3


async def test_concurrent_loads_of_one_key_share_one_call() -> None:
    store: TtlStore[str, str] = TtlStore(maxsize=10, ttl_s=60, clock=Clock())
    gate = asyncio.Event()
    calls = 0

    async def load() -> str:
        nonlocal calls
        calls += 1
        await gate.wait()
        return "value"

    tasks = [asyncio.create_task(store.get_or_load("k", load)) for _ in range(50)]
    await _settle()
    assert store.inflight == 1
    gate.set()
    assert await asyncio.gather(*tasks) == ["value"] * 50
    assert calls == 1 and store.inflight == 0
    assert await store.get_or_load("k", load) == "value" and calls == 1


async def test_a_failure_reaches_every_waiter_is_not_cached_and_leaves_nothing_behind() -> None:
    store: TtlStore[int, str] = TtlStore(maxsize=10, ttl_s=60, clock=Clock())
    gate = asyncio.Event()

    async def failing() -> str:
        await gate.wait()
        raise LookupError("nope")

    tasks = [asyncio.create_task(store.get_or_load(1, failing)) for _ in range(5)]
    await _settle()
    gate.set()
    results = await asyncio.gather(*tasks, return_exceptions=True)
    assert all(isinstance(r, LookupError) for r in results)
    assert 1 not in store and store.inflight == 0

    async def ok() -> str:
        return "fine"

    for key in range(1000):  # unbounded keys: nothing accumulates per key once loads finish
        await store.get_or_load(key, ok)
    assert store.inflight == 0 and len(store) == 10


async def test_clear_during_a_load_keeps_the_old_value_out_of_the_cache() -> None:
    store: TtlStore[str, str] = TtlStore(maxsize=10, ttl_s=60, clock=Clock())
    gate = asyncio.Event()

    async def load() -> str:
        await gate.wait()
        return "old epoch"

    task = asyncio.create_task(store.get_or_load("k", load))
    await _settle()
    store.clear()  # a reset while the load was in flight
    gate.set()
    assert await task == "old epoch"
    assert store.get("k") is None


async def test_a_cancelled_leader_hands_the_load_to_a_waiter() -> None:
    store: TtlStore[str, str] = TtlStore(maxsize=10, ttl_s=60, clock=Clock())
    gate = asyncio.Event()
    calls = 0

    async def load() -> str:
        nonlocal calls
        calls += 1
        await gate.wait()
        return f"load {calls}"

    leader = asyncio.create_task(store.get_or_load("k", load))
    await _settle()
    waiter = asyncio.create_task(store.get_or_load("k", load))
    await _settle()
    leader.cancel()
    with pytest.raises(asyncio.CancelledError):
        await leader
    await _settle()
    gate.set()
    assert await waiter == "load 2"
    assert store.get("k") == "load 2"


async def test_a_waiter_cancelled_together_with_its_leader_stays_cancelled() -> None:
    # A TaskGroup shutting down cancels the leader and its waiters at once: the waiter must not swallow
    # its own cancellation and start the load again (it would keep the shutdown waiting on the API).
    store: TtlStore[str, str] = TtlStore(maxsize=10, ttl_s=60, clock=Clock())
    gate = asyncio.Event()
    calls = 0

    async def load() -> str:
        nonlocal calls
        calls += 1
        await gate.wait()
        return f"load {calls}"

    leader = asyncio.create_task(store.get_or_load("k", load))
    await _settle()
    waiter = asyncio.create_task(store.get_or_load("k", load))
    await _settle()
    leader.cancel()
    waiter.cancel()
    done, _ = await asyncio.wait([leader, waiter], timeout=1)
    gate.set()
    await _settle()
    assert leader in done and leader.cancelled()
    assert waiter in done and waiter.cancelled()
    assert calls == 1
    assert store.inflight == 0

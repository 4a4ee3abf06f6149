"""The crawl service on fakes: what it fetches, in what order, once; resuming; errors; dumps; new epochs."""

from __future__ import annotations

import asyncio
from datetime import date

import pytest

from stdaemon.domain import models as m
from stdaemon.domain.crawl import TaskState
from stdaemon.services.crawl import CrawlErrors, UniverseCrawl
from stdaemon.services.crawl.progress import CrawlSnapshot
from tests.services.crawl_fakes import (
    EPOCH,
    HOME,
    POSITIONS,
    FakeEpochs,
    FakeUniverse,
    MemoryStore,
    system_json,
)


class Transient(Exception):
    pass


class Refused(Exception):
    pass


class Fatal(Exception):
    pass


ERRORS = CrawlErrors(fatal=(Fatal,), transient=(Transient,), refused=(Refused,))


def crawl(
    source: FakeUniverse, store: MemoryStore, epochs: FakeEpochs | None = None, **kw: object
) -> UniverseCrawl:
    return UniverseCrawl(
        source=source,
        store=store,
        epochs=epochs or FakeEpochs(),
        errors=ERRORS,
        **kw,  # type: ignore[arg-type]
    )


async def test_a_crawl_fetches_everything_once_and_stores_it() -> None:
    source, store = FakeUniverse(), MemoryStore()
    assert await crawl(source, store).crawl_epoch(asyncio.Event()) is True
    assert set(source.calls) == source.every_request()
    assert max(source.counts.values()) == 1
    assert {s.symbol for s in store.of(EPOCH, m.System)} == set(POSITIONS)
    assert len({w.symbol for w in store.of(EPOCH, m.Waypoint)}) == 45 + 3 * 4
    assert {g.symbol for g in store.of(EPOCH, m.JumpGate)} == {f"{s}-G1" for s in POSITIONS}
    assert [c.symbol for c in store.of(EPOCH, m.Construction)] == ["X1-FR3-G1"]
    assert len(store.of(EPOCH, m.Market)) == 5
    assert [y.symbol for y in store.of(EPOCH, m.Shipyard)] == [f"{HOME}-A1"]
    assert len(store.of(EPOCH, m.Faction)) == 3
    assert len(store.of(EPOCH, m.SupplyChain)) == 1
    tasks = store.tasks(EPOCH)
    assert all(t.completed for t in tasks.values())
    assert tasks[f"waypoints:{HOME}"] == TaskState(
        task=f"waypoints:{HOME}", next_page=4, total=3, completed=True
    )
    assert tasks["crawl"].pages_done == tasks["crawl"].total == len(source.calls)


async def test_the_order_is_home_then_the_map_then_gates_by_hops_then_the_rest_by_distance() -> None:
    source, store = FakeUniverse(), MemoryStore()
    await crawl(source, store, workers=1).crawl_epoch(asyncio.Event())
    systems = [c.split(":")[1] for c in source.calls if c.startswith("waypoints:") and c.endswith(":1")]
    assert systems == [HOME, "X1-NB2", "X1-FR3", "X1-NR4", "X1-FA5"]  # hops 0, 1, 2; then 10 and 500 away
    first_map = source.calls.index("systems:1")
    home_items = [
        i for i, c in enumerate(source.calls) if c.endswith(f"{HOME}-A1") or c.endswith(f"{HOME}-G1")
    ]
    assert source.calls[:3] == [f"waypoints:{HOME}:1", f"waypoints:{HOME}:2", f"waypoints:{HOME}:3"]
    assert max(home_items) < first_map  # the home system's items come before the map listings
    assert source.calls.index(f"jump-gate:{HOME}-G1") < source.calls.index(f"market:{HOME}-A1")


async def test_a_stopped_crawl_resumes_without_fetching_a_stored_page_again() -> None:
    source, store = FakeUniverse(), MemoryStore()
    for stop_at in (3, 5, 4):
        stop = asyncio.Event()
        store.stop_after = (store.saves + stop_at, stop)
        assert await crawl(source, store).crawl_epoch(stop) is False
        assert not store.tasks(EPOCH)["crawl"].completed
    store.stop_after = None
    assert await crawl(source, store).crawl_epoch(asyncio.Event()) is True
    # every request asked once: the pages stored before each stop were not fetched again
    assert max(source.counts.values()) == 1
    assert set(source.calls) == source.every_request()


async def test_a_transient_failure_is_retried_and_a_refused_item_recorded_done() -> None:
    source, store = FakeUniverse(), MemoryStore()
    source.failures[f"market:{HOME}-A1"] = [Transient("502"), Transient("502")]
    source.failures["market:X1-NB2-A1"] = [Refused("4603 no market here")]
    assert await crawl(source, store, retry_base_s=0.0).crawl_epoch(asyncio.Event()) is True
    assert source.counts[f"market:{HOME}-A1"] == 3
    assert source.counts["market:X1-NB2-A1"] == 1
    assert "X1-NB2-A1" not in {x.symbol for x in store.of(EPOCH, m.Market)}
    assert store.tasks(EPOCH)["market:X1-NB2-A1"].completed


async def test_a_task_that_keeps_failing_is_set_aside_and_retried_later() -> None:
    source, store = FakeUniverse(), MemoryStore()
    source.failures["shipyard:X1-HM1-A1"] = [Transient("down")] * 4
    service = crawl(source, store, retry_pause_s=0.01, retry_base_s=0.0)
    assert await service.crawl_epoch(asyncio.Event()) is True
    assert source.counts["shipyard:X1-HM1-A1"] == 5
    assert store.of(EPOCH, m.Shipyard)


async def test_a_fatal_error_propagates() -> None:
    source, store = FakeUniverse(), MemoryStore()
    source.failures["systems:1"] = [Fatal("the server was reset")]
    with pytest.raises(ExceptionGroup) as caught:
        await crawl(source, store).crawl_epoch(asyncio.Event())
    assert caught.group_contains(Fatal)


async def test_a_dump_replaces_the_systems_listing() -> None:
    from stdaemon.api import adapters

    source, store = FakeUniverse(), MemoryStore()
    dump = [adapters.system(system_json(s)) for s in POSITIONS]
    assert await crawl(source, store, dump=dump).crawl_epoch(asyncio.Event()) is True
    assert not [c for c in source.calls if c.startswith("systems:")]
    assert set(source.calls) == source.every_request() - {"systems:1"}
    # a second start with the same dump does not load it again
    again = FakeUniverse()
    assert await crawl(again, store, dump=dump).crawl_epoch(asyncio.Event()) is True
    assert again.calls == []


async def test_a_dump_of_another_reset_is_not_used() -> None:
    from stdaemon.api import adapters

    source, store = FakeUniverse(), MemoryStore()
    dump = [adapters.system(system_json(s)) for s in POSITIONS if s != HOME]
    assert await crawl(source, store, dump=dump).crawl_epoch(asyncio.Event()) is True
    assert set(source.calls) == source.every_request()


async def test_progress_is_reported_and_the_summary_row_kept() -> None:
    source, store = FakeUniverse(), MemoryStore()
    seen: list[CrawlSnapshot] = []
    source.gate = asyncio.Event()
    service = crawl(source, store, progress_every_s=0.01, listener=seen.append)
    task = asyncio.create_task(service.crawl_epoch(asyncio.Event()))
    await asyncio.sleep(0.05)
    source.gate.set()
    assert await task is True
    assert seen
    final = service.last
    assert final is not None
    assert final.pages_done == final.pages_total == len(source.calls)
    assert final.exact
    assert final.systems_done == final.systems_total == 5
    assert final.waypoints == 57
    assert final.percent == 100.0


async def test_a_new_epoch_starts_a_new_crawl_and_keeps_the_old_one() -> None:
    source, store, epochs = FakeUniverse(), MemoryStore(), FakeEpochs()
    stop = asyncio.Event()
    service = crawl(source, store, epochs, recheck_s=0.01)
    task = asyncio.create_task(service.run(stop))
    async with asyncio.timeout(10):
        while not service.completed:  # noqa: ASYNC110  polling the observable effect
            await asyncio.sleep(0.01)
        epochs.server_date = date(2025, 5, 18)
        while len(service.completed) < 2:  # noqa: ASYNC110
            await asyncio.sleep(0.01)
    stop.set()
    await task
    assert service.completed == [EPOCH, date(2025, 5, 18)]
    assert len(store.of(EPOCH, m.System)) == len(store.of(date(2025, 5, 18), m.System)) == 5
    assert source.counts["systems:1"] == 2

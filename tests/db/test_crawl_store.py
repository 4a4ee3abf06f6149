"""The crawl's store on PostgreSQL: a page and its progress in one transaction, and what a restart reads back.

The whole crawl service runs on it against the fake universe, is stopped at several points and resumed;
every request is asked exactly once over all the runs.
"""

from __future__ import annotations

import asyncio
from datetime import date

from sqlalchemy.ext.asyncio import AsyncEngine

from stdaemon.db.crawl_store import DbCrawlStore
from stdaemon.db.writer import DbWriter
from stdaemon.domain.crawl import TaskState, WaypointSummary
from stdaemon.services.crawl import UniverseCrawl
from tests.services.crawl_fakes import EPOCH, HOME, POSITIONS, FakeEpochs, FakeUniverse
from tests.writer.writer_support import count, fetch, running


async def test_a_page_and_its_progress_are_read_back(clean_db: AsyncEngine) -> None:
    writer = DbWriter(clean_db)
    store = DbCrawlStore(clean_db, writer)
    source = FakeUniverse()
    async with running(writer):
        systems = await source.systems_page(1)
        state = TaskState(task="systems", next_page=2, total=1, completed=True)
        await store.save(EPOCH, [*systems.items, state])
        page = await source.waypoints_page(HOME, 1)
        await store.save(EPOCH, [*page.items, TaskState(task=f"waypoints:{HOME}", next_page=2, total=3)])
        gate = await source.jump_gate(f"{HOME}-G1")
        await store.save(EPOCH, [gate, TaskState(task=f"jump-gate:{HOME}-G1", next_page=2, total=1)])
        loaded = await store.load(EPOCH)
        items = await store.system_items(EPOCH, HOME)
    assert loaded.tasks["systems"] == state
    assert loaded.tasks[f"waypoints:{HOME}"].next_page == 2
    assert not loaded.tasks[f"waypoints:{HOME}"].completed
    home = next(s for s in loaded.systems if s.symbol == HOME)
    assert (home.x, home.y, home.waypoints, home.gates) == (0, 0, 45, (f"{HOME}-G1",))
    assert {s.symbol for s in loaded.systems} == set(POSITIONS)
    assert loaded.waypoint_rows == 20
    assert loaded.gates == {f"{HOME}-G1": ("X1-NB2-G1",)}
    assert items == (
        WaypointSummary(f"{HOME}-A1", "PLANET", ("MARKETPLACE", "SHIPYARD"), False),
        WaypointSummary(f"{HOME}-G1", "JUMP_GATE", (), False),
    )
    assert loaded.waypoints == {HOME: items}
    assert (await store.load(date(2020, 1, 1))).tasks == {}


async def test_the_crawl_on_postgresql_resumes_after_each_stop_without_asking_twice(
    clean_db: AsyncEngine,
) -> None:
    writer = DbWriter(clean_db)
    store = DbCrawlStore(clean_db, writer)
    source = FakeUniverse()
    async with running(writer):
        for stop_after_calls in (2, 7, 12, None):
            stop = asyncio.Event()
            crawl = UniverseCrawl(source=source, store=store, epochs=FakeEpochs(), workers=3)
            task = asyncio.create_task(crawl.crawl_epoch(stop))
            if stop_after_calls is not None:
                async with asyncio.timeout(10):
                    while len(source.calls) < stop_after_calls:  # noqa: ASYNC110  polling the effect
                        await asyncio.sleep(0.001)
                stop.set()
            done = await task
        assert done is True
    assert max(source.counts.values()) == 1
    assert set(source.calls) == source.every_request()
    assert await count(clean_db, "reference.systems") == 5
    assert await count(clean_db, "reference.waypoints") == 57
    assert await count(clean_db, "reference.jump_gates") == 5
    assert await count(clean_db, "reference.construction_sites") == 1
    assert await count(clean_db, "telemetry.markets") == 5
    assert await count(clean_db, "telemetry.shipyards") == 1
    assert await count(clean_db, "reference.factions") == 3
    assert await count(clean_db, "reference.supply_chain") == 1
    [summary] = await fetch(clean_db, "SELECT * FROM reference.crawl_progress WHERE task = 'crawl'")
    assert summary["completed_at"] is not None
    assert summary["next_page"] - 1 == summary["total"] == len(source.calls)

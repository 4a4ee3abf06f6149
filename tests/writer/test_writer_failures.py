"""DbWriter under pressure and failure: backpressure, poison rows, a database that is down at stop."""

from __future__ import annotations

import asyncio
from typing import Any

import pytest
from sqlalchemy.ext.asyncio import AsyncEngine

from stdaemon.db.engine import make_engine
from stdaemon.db.writer import DbWriter, WriterClosed
from tests.writer.writer_support import count, fetch, running, snapshot_row, waypoint_row

GOODS = "telemetry.market_trade_goods"
SNAPSHOTS = "telemetry.market_snapshots"
WAYPOINTS = "reference.waypoints"


async def _settle() -> None:
    for _ in range(20):
        await asyncio.sleep(0)


async def test_a_full_queue_blocks_the_producer_and_depth_stays_bounded(clean_db: AsyncEngine) -> None:
    writer = DbWriter(clean_db, max_rows=100, batch_rows=10, linger_s=0.005)
    for i in range(10):  # the writer is not running yet: fill the queue exactly
        await writer.put(SNAPSHOTS, [snapshot_row(i * 10 + j) for j in range(10)])
    assert writer.depth == 100
    blocked = asyncio.create_task(writer.put(SNAPSHOTS, [snapshot_row(100 + j) for j in range(10)]))
    await _settle()
    assert not blocked.done(), "a put into a full queue must wait"
    assert writer.depth == 100

    depths: list[int] = []
    async with running(writer):
        await blocked
        for i in range(11, 300):  # a producer far faster than one row at a time
            await writer.put(SNAPSHOTS, [snapshot_row(i * 10 + j) for j in range(10)])
            depths.append(writer.depth)
        await writer.flush()
    assert max(depths) <= 100
    assert writer.metrics.max_queue_depth <= 100
    assert await count(clean_db, SNAPSHOTS) == 3000


@pytest.mark.parametrize("copy_min_rows", [1, 10_000], ids=["copy", "executemany"])
async def test_a_poison_row_is_dead_lettered_and_its_batch_mates_land(
    clean_db: AsyncEngine, copy_min_rows: int
) -> None:
    writer = DbWriter(clean_db, linger_s=0.01, copy_min_rows=copy_min_rows)
    rows = [snapshot_row(i) for i in range(64)]
    rows[17]["purchase_price"] = -5  # violates CHECK (purchase_price >= 0)
    rows[40]["trade_volume"] = "lots"  # not an integer: refused before it reaches the server
    async with running(writer):
        await writer.put(GOODS, rows)
        await writer.flush()
    stored = await fetch(clean_db, f"SELECT trade_symbol, waypoint_symbol FROM {GOODS}")
    assert len(stored) == 62
    letters = await fetch(clean_db, "SELECT table_name, row, error, reset_date FROM telemetry.dead_letters")
    assert len(letters) == 2
    assert {r["table_name"] for r in letters} == {GOODS}
    by_price = {r["row"]["purchase_price"]: r for r in letters}
    assert "check" in by_price[-5]["error"].lower()
    assert by_price[rows[40]["purchase_price"]]["row"]["trade_volume"] == "lots"
    assert all(r["reset_date"] == rows[0]["reset_date"] for r in letters)
    assert writer.metrics.dead_letters[GOODS] == 2
    assert writer.report is not None and writer.report.dead_lettered == {GOODS: 2}
    assert writer.depth == 0


async def test_a_database_down_at_stop_reports_every_unwritten_row(database_url: str) -> None:
    # Nothing listens on port 1: every connection attempt fails, as when PostgreSQL is down.
    dead = make_engine("postgresql+asyncpg://postgres@127.0.0.1:1/nowhere")
    writer = DbWriter(dead, max_rows=50, batch_rows=20, linger_s=0.01, drain_s=0.5, backoff_base_s=0.01)
    stop = asyncio.Event()
    task = asyncio.create_task(writer.run(stop))
    try:
        await writer.put(WAYPOINTS, [waypoint_row(i) for i in range(50)])
        blocked = asyncio.create_task(writer.put(WAYPOINTS, [waypoint_row(99)]))
        await asyncio.sleep(0.2)
        assert writer.metrics.retries >= 1
        assert not blocked.done()
        stop.set()
        await asyncio.wait_for(task, 10)
    finally:
        await dead.dispose()
    assert writer.report is not None
    assert not writer.report.complete
    assert writer.report.unwritten == {WAYPOINTS: 50}
    with pytest.raises(WriterClosed):
        await blocked


@pytest.mark.parametrize("waiting", ["flush", "write_atomic"])
async def test_a_flush_or_atomic_write_taken_when_the_writer_gives_up_fails_instead_of_hanging(
    database_url: str, waiting: str
) -> None:
    # The writer takes the barrier / unit off the queue, flushes the rows before it, and gives up at the
    # stop deadline while doing so: the caller must learn it (WriterClosed), not wait for ever.
    dead = make_engine("postgresql+asyncpg://postgres@127.0.0.1:1/nowhere")
    writer = DbWriter(dead, max_rows=100, batch_rows=50, linger_s=60, drain_s=0.3, backoff_base_s=0.01)
    stop = asyncio.Event()
    try:
        await writer.put(WAYPOINTS, [waypoint_row(i) for i in range(5)])
        caller: asyncio.Task[Any]
        if waiting == "flush":
            caller = asyncio.create_task(writer.flush())
        else:
            caller = asyncio.create_task(writer.write_atomic([(WAYPOINTS, [waypoint_row(7)])]))
        task = asyncio.create_task(writer.run(stop))
        for _ in range(200):
            if writer.metrics.retries:
                break
            await asyncio.sleep(0.01)
        assert writer.metrics.retries >= 1
        stop.set()
        await asyncio.wait_for(task, 10)
        with pytest.raises(WriterClosed):
            await asyncio.wait_for(caller, 5)
    finally:
        await dead.dispose()
    assert writer.report is not None
    assert writer.report.unwritten == {WAYPOINTS: 5 if waiting == "flush" else 6}

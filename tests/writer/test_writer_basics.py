"""DbWriter on the real migrated schema: round-trips, replay, coalescing, atomic writes, drain."""

from __future__ import annotations

import asyncio
from datetime import timedelta

import pytest
from sqlalchemy.ext.asyncio import AsyncEngine

from stdaemon.db.writer import DbWriter, WriterClosed, WriteRejected
from tests.writer.writer_support import T0, count, fetch, running, snapshot_row, waypoint_row

WAYPOINTS = "reference.waypoints"
SNAPSHOTS = "telemetry.market_snapshots"
GOODS = "telemetry.market_trade_goods"


@pytest.mark.parametrize("copy_min_rows", [1, 10_000], ids=["copy", "executemany"])
async def test_jsonb_and_text_arrays_round_trip(clean_db: AsyncEngine, copy_min_rows: int) -> None:
    writer = DbWriter(clean_db, copy_min_rows=copy_min_rows, linger_s=0.01)
    rows = [waypoint_row(i) for i in range(30)]
    rows[0]["raw"] = {"nested": {"list": [1, 2.5, None, True], "quote": 'it\'s "fine"'}, "ü": "ß"}
    rows[1]["traits"] = ["A", "B,C", 'D"E']
    async with running(writer):
        await writer.put(WAYPOINTS, rows)
        await writer.flush()
    got = {r["symbol"]: r for r in await fetch(clean_db, f"SELECT * FROM {WAYPOINTS}")}
    assert len(got) == 30
    for row in rows:
        stored = got[row["symbol"]]
        assert stored["raw"] == row["raw"]
        assert stored["traits"] == row["traits"]
        assert stored["modifiers"] == []
        assert stored["chart_submitted_on"] == row["chart_submitted_on"]
    assert writer.report is not None and writer.report.written == {WAYPOINTS: 30}


async def test_replay_is_a_no_op_and_unchanged_rows_keep_written_at(clean_db: AsyncEngine) -> None:
    writer = DbWriter(clean_db, linger_s=0.01, copy_min_rows=50)
    waypoints = [waypoint_row(i) for i in range(120)]
    snapshots = [snapshot_row(i) for i in range(120)]
    async with running(writer):
        await writer.put(WAYPOINTS, waypoints)
        await writer.put(SNAPSHOTS, snapshots)
        await writer.flush()
        first = {r["symbol"]: r["written_at"] for r in await fetch(clean_db, f"SELECT * FROM {WAYPOINTS}")}
        await writer.put(WAYPOINTS, waypoints)  # replayed, unchanged
        await writer.put(SNAPSHOTS, snapshots)
        changed = dict(waypoint_row(5), x=12345)
        await writer.put(WAYPOINTS, [changed])
        await writer.flush()
    after = {r["symbol"]: r for r in await fetch(clean_db, f"SELECT * FROM {WAYPOINTS}")}
    assert len(after) == 120
    assert await count(clean_db, SNAPSHOTS) == 120
    assert after[changed["symbol"]]["x"] == 12345
    assert after[changed["symbol"]]["written_at"] > first[changed["symbol"]]
    untouched = [s for s in after if s != changed["symbol"]]
    assert all(after[s]["written_at"] == first[s] for s in untouched)


async def test_an_older_observation_never_overwrites_a_newer_one(clean_db: AsyncEngine) -> None:
    writer = DbWriter(clean_db, linger_s=0.01)
    async with running(writer):
        await writer.put(WAYPOINTS, [waypoint_row(1, x=1, observed=T0)])
        await writer.flush()
        await writer.put(WAYPOINTS, [waypoint_row(1, x=2, observed=T0 - timedelta(hours=1))])
        await writer.flush()
    [stored] = await fetch(clean_db, f"SELECT x FROM {WAYPOINTS}")
    assert stored["x"] == 1


async def test_an_older_observation_put_later_in_the_same_batch_does_not_win(clean_db: AsyncEngine) -> None:
    # The database guard keeps the newer observation across batches; collapsing within one batch must
    # agree, or the outcome would depend on when the batch happened to be cut.
    writer = DbWriter(clean_db, linger_s=5.0, batch_rows=1000)
    async with running(writer):
        await writer.put(WAYPOINTS, [waypoint_row(1, x=1, observed=T0)])
        await writer.put(WAYPOINTS, [waypoint_row(1, x=2, observed=T0 - timedelta(hours=1))])
        await writer.flush()
    [stored] = await fetch(clean_db, f"SELECT x, observed_at FROM {WAYPOINTS}")
    assert stored["x"] == 1 and stored["observed_at"] == T0


async def test_repeated_keys_in_a_batch_collapse_last_write_wins(clean_db: AsyncEngine) -> None:
    writer = DbWriter(clean_db, linger_s=5.0, batch_rows=1000)
    async with running(writer):
        for version in range(5):  # five puts of the same 10 keys, one batch
            await writer.put(GOODS, [snapshot_row(i, purchase_price=1000 + version) for i in range(10)])
        await writer.flush()
    stored = await fetch(clean_db, f"SELECT purchase_price FROM {GOODS}")
    assert sorted(r["purchase_price"] for r in stored) == [1004] * 10
    assert writer.metrics.rows_coalesced == 40
    assert writer.metrics.rows_written[GOODS] == 10
    assert writer.depth == 0


async def test_drain_on_stop_writes_everything_then_refuses_more(clean_db: AsyncEngine) -> None:
    writer = DbWriter(clean_db, linger_s=10.0, batch_rows=10_000)  # nothing would flush before stop
    stop = asyncio.Event()
    task = asyncio.create_task(writer.run(stop))
    await writer.put(SNAPSHOTS, [snapshot_row(i) for i in range(2500)])
    stop.set()
    await asyncio.wait_for(task, 30)
    assert await count(clean_db, SNAPSHOTS) == 2500
    assert writer.report is not None
    assert writer.report.complete and writer.report.written == {SNAPSHOTS: 2500}
    with pytest.raises(WriterClosed):
        await writer.put(SNAPSHOTS, [snapshot_row(1)])


async def test_atomic_write_is_all_or_nothing_and_reports_changes(clean_db: AsyncEngine) -> None:
    writer = DbWriter(clean_db, linger_s=0.01)
    good = [waypoint_row(i) for i in range(20)]
    bad = [*good, waypoint_row(99, type=None)]  # NOT NULL violation
    async with running(writer):
        with pytest.raises(WriteRejected, match="type"):
            await writer.write_atomic([(WAYPOINTS, bad)])
        assert await count(clean_db, WAYPOINTS) == 0
        assert await count(clean_db, "telemetry.dead_letters") == 0
        first = await writer.write_atomic([(WAYPOINTS, good), (SNAPSHOTS, [snapshot_row(1)])])
        again = await writer.write_atomic([(WAYPOINTS, good), (SNAPSHOTS, [snapshot_row(1)])])
    assert first == {WAYPOINTS: 20, SNAPSHOTS: 1}
    assert again == {WAYPOINTS: 0, SNAPSHOTS: 0}
    assert await count(clean_db, WAYPOINTS) == 20


async def test_bad_rows_are_refused_at_put_with_a_clear_error(clean_db: AsyncEngine) -> None:
    writer = DbWriter(clean_db)
    row = waypoint_row(1)
    del row["symbol"]
    with pytest.raises(ValueError, match="lacks key column"):
        await writer.put(WAYPOINTS, [row])
    with pytest.raises(ValueError, match="unknown table"):
        await writer.put("reference.nope", [waypoint_row(1)])
    assert writer.depth == 0

"""History tables partitioned by epoch: the writer makes an epoch's partitions, a row of an epoch without
one is kept (DEFAULT partition) and moved when they are made, a query on one epoch reads one partition, and
an old epoch is detached and dropped without touching the others."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncEngine
from structlog.testing import capture_logs

from stdaemon.db.writer import DbWriter
from tests.db.history_rows import HISTORY, history_rows, insert_rows
from tests.writer.writer_support import fetch, running

SNAPSHOTS = "telemetry.market_snapshots"


def _part(table: str, epoch: date) -> str:
    return f"partitions.{table.split('.')[1]}_{epoch.strftime('%Y_%m_%d')}"


async def _placement(engine: AsyncEngine, table: str) -> dict[str, int]:
    rows = await fetch(
        engine, f"SELECT tableoid::regclass::text AS part, count(*) AS n FROM {table} GROUP BY 1"
    )
    return {r["part"]: int(r["n"]) for r in rows}


async def _scalar(engine: AsyncEngine, sql: str) -> Any:
    async with engine.begin() as conn:
        result = await conn.execute(text(sql))
        return result.scalar() if result.returns_rows else None


async def test_the_writer_makes_a_new_epochs_partitions_before_its_first_rows(clean_db: AsyncEngine) -> None:
    epoch = date(2030, 1, 5)
    rows = history_rows(epoch, observations=4)
    writer = DbWriter(clean_db, linger_s=0.01)
    async with running(writer):
        for table, batch in rows.items():
            await writer.put(table, batch)
        await writer.flush()
    for table in HISTORY:
        assert await _placement(clean_db, table) == {_part(table, epoch): len(rows[table])}


async def test_a_row_of_an_epoch_without_partitions_is_kept_and_moved_when_they_are_made(
    clean_db: AsyncEngine,
) -> None:
    epoch = date(2030, 2, 2)
    rows = history_rows(epoch, observations=3)
    await insert_rows(clean_db, rows)  # plain INSERTs: nobody made the epoch's partitions
    for table in HISTORY:
        assert await _placement(clean_db, table) == {f"{_part(table, epoch)[:-11]}_default": len(rows[table])}
    made = await _scalar(clean_db, f"SELECT telemetry.ensure_epoch('{epoch}')")
    assert made == len(HISTORY)
    for table in HISTORY:
        assert await _placement(clean_db, table) == {_part(table, epoch): len(rows[table])}
    assert await _scalar(clean_db, f"SELECT telemetry.ensure_epoch('{epoch}')") == 0  # idempotent


async def test_rows_still_land_when_the_partitions_cannot_be_made(clean_db: AsyncEngine) -> None:
    epoch = date(2030, 3, 2)
    rows = history_rows(epoch, observations=2)[SNAPSHOTS]
    await _scalar(clean_db, "ALTER FUNCTION telemetry.ensure_epoch(date) RENAME TO ensure_epoch_gone")
    try:
        writer = DbWriter(clean_db, linger_s=0.01)
        with capture_logs() as logs:
            async with running(writer):
                await writer.put(SNAPSHOTS, rows)
                await writer.flush()
    finally:
        await _scalar(clean_db, "ALTER FUNCTION telemetry.ensure_epoch_gone(date) RENAME TO ensure_epoch")
    assert await _placement(clean_db, SNAPSHOTS) == {"partitions.market_snapshots_default": len(rows)}
    assert writer.report is not None and writer.report.written == {SNAPSHOTS: len(rows)}
    [failed] = [e for e in logs if e["event"] == "db_epoch_partitions_failed"]
    assert failed["log_level"] == "error" and failed["reset_date"] == epoch.isoformat()


async def test_a_query_on_one_epoch_reads_one_partition_and_an_old_epoch_drops_alone(
    clean_db: AsyncEngine,
) -> None:
    old, current = date(2030, 4, 6), date(2030, 4, 20)
    writer = DbWriter(clean_db, linger_s=0.01)
    async with running(writer):
        for epoch in (old, current):
            await writer.put(SNAPSHOTS, history_rows(epoch, observations=5)[SNAPSHOTS])
        await writer.flush()
    plan = "\n".join(
        r["QUERY PLAN"]
        for r in await fetch(
            clean_db,
            f"EXPLAIN SELECT observed_at, sell_price FROM {SNAPSHOTS} WHERE reset_date = '{current}'"
            " AND waypoint_symbol = 'X1-KD26-A1' AND trade_symbol = 'FUEL' ORDER BY observed_at",
        )
    )
    assert _part(SNAPSHOTS, current).split(".")[1] in plan
    assert "partitions" not in plan.replace(_part(SNAPSHOTS, current), "")  # no other partition
    assert "market_snapshots_default" not in plan and _part(SNAPSHOTS, old).split(".")[1] not in plan

    # README: drop an old epoch
    await _scalar(clean_db, f"ALTER TABLE {SNAPSHOTS} DETACH PARTITION {_part(SNAPSHOTS, old)}")
    await _scalar(clean_db, f"DROP TABLE {_part(SNAPSHOTS, old)}")
    assert await _placement(clean_db, SNAPSHOTS) == {_part(SNAPSHOTS, current): 20}
    left = await fetch(clean_db, "SELECT count(*) AS n FROM pg_tables WHERE schemaname = 'partitions'"
                                 " AND tablename = :t", t=_part(SNAPSHOTS, old).split(".")[1])  # fmt: skip
    assert left[0]["n"] == 0
    assert timedelta(0) < current - old

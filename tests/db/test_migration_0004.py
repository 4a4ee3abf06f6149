"""Migration 0004 (fleet claims and credit ledger) on a database that already holds rows: nothing is lost,
up or down."""

from __future__ import annotations

from collections.abc import Callable
from contextlib import AbstractAsyncContextManager
from datetime import timedelta

from sqlalchemy import text
from sqlalchemy.dialects.postgresql import insert
from sqlalchemy.ext.asyncio import AsyncEngine
from sqlalchemy.pool import NullPool

from stdaemon.db import migrations
from stdaemon.db.engine import make_engine
from stdaemon.db.tables import TABLES, TableSpec
from tests.db.test_tables import T0, sample_row

EmptyDb = Callable[[], AbstractAsyncContextManager[str]]
BEFORE = "0008"
OLD_TABLES = ["telemetry.ships", "telemetry.agents", "telemetry.market_snapshots", "reference.waypoints"]
NEW_TABLES = ["telemetry.ship_behaviours", "telemetry.credit_ledger"]


async def _count(engine: AsyncEngine, table: str) -> int:
    async with engine.connect() as conn:
        return int((await conn.execute(text(f"SELECT count(*) FROM {table}"))).scalar_one())


async def _fill(engine: AsyncEngine, tables: list[str], n: int) -> None:
    async with engine.begin() as conn:
        for name in tables:
            spec = TABLES[name]
            keys = [c for c in spec.key if c != "reset_date"]
            rows = [sample_row(spec, **{keys[-1]: _varied(spec, keys[-1], i)}) for i in range(n)]
            await conn.execute(insert(spec.table).values(rows))


def _varied(spec: TableSpec, column: str, i: int) -> object:
    return T0 + timedelta(seconds=i) if column in ("observed_at", "timestamp") else f"X1-TEST-{i}"


async def test_0004_adds_its_tables_and_keeps_every_existing_row(empty_database: EmptyDb) -> None:
    async with empty_database() as url:
        engine = make_engine(url, poolclass=NullPool)
        try:
            await migrations.upgrade(engine, BEFORE)
            await _fill(engine, OLD_TABLES, 25)
            before = {t: await _count(engine, t) for t in OLD_TABLES}
            assert set(before.values()) == {25}

            await migrations.upgrade(engine, "0004")
            assert {t: await _count(engine, t) for t in OLD_TABLES} == before
            await _fill(engine, NEW_TABLES, 7)
            assert [await _count(engine, t) for t in NEW_TABLES] == [7, 7]

            await migrations.downgrade(engine, BEFORE)
            assert {t: await _count(engine, t) for t in OLD_TABLES} == before
            async with engine.connect() as conn:
                left = await conn.execute(
                    text(
                        "SELECT count(*) FROM pg_tables"
                        " WHERE schemaname = 'telemetry' AND tablename = ANY(:t)"
                    ),
                    {"t": [t.split(".")[1] for t in NEW_TABLES]},
                )
                assert left.scalar_one() == 0

            await migrations.upgrade_head(engine)
            assert {t: await _count(engine, t) for t in OLD_TABLES} == before
        finally:
            await engine.dispose()

"""Migration 0007 on a database that already holds rows: views come and go, no row is lost."""

from __future__ import annotations

from collections.abc import Callable
from contextlib import AbstractAsyncContextManager
from datetime import UTC, date, datetime, timedelta

from alembic.script import ScriptDirectory
from sqlalchemy.ext.asyncio import AsyncEngine
from sqlalchemy.pool import NullPool

from stdaemon.db import migrations
from stdaemon.db.engine import make_engine
from stdaemon.db.tables import TABLES
from tests.analytics.observations import Observations, Price
from tests.writer.writer_support import fetch

EmptyDb = Callable[[], AbstractAsyncContextManager[str]]
ANALYTICS = "0007"


async def _counts(engine: AsyncEngine) -> dict[str, int]:
    """Rows per table, for the tables the database's revision has (a later migration may add some)."""
    present = await fetch(
        engine,
        "SELECT schemaname || '.' || tablename AS t FROM pg_tables"
        " WHERE schemaname IN ('reference', 'telemetry')",
    )
    names = [name for name in TABLES if name in {r["t"] for r in present}]
    sql = " UNION ALL ".join(f"SELECT '{name}' AS t, count(*) AS n FROM {name}" for name in names)
    return {r["t"]: r["n"] for r in await fetch(engine, sql)}


async def _analytics_objects(engine: AsyncEngine) -> set[str]:
    rows = await fetch(
        engine,
        "SELECT c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace"
        " WHERE n.nspname = 'analytics'"
        " UNION ALL SELECT p.proname FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace"
        " WHERE n.nspname = 'analytics'",
    )
    return {r["name"] for r in rows}


async def test_upgrade_and_downgrade_keep_every_row(empty_database: EmptyDb) -> None:
    before = ScriptDirectory.from_config(migrations.alembic_config()).get_revision(ANALYTICS).down_revision
    assert isinstance(before, str)
    now = datetime.now(UTC)
    async with empty_database() as url:
        engine = make_engine(url, poolclass=NullPool)
        try:
            await migrations.upgrade(engine, before)
            obs = Observations(date(2026, 11, 15))
            obs.reset_seen(now - timedelta(hours=2))
            obs.waypoint("X1-MG1-A1", x=1, y=2, at=now - timedelta(hours=2))
            for n in range(3):
                obs.market("X1-MG1-A1", {"IRON": Price(buy=100 + n, sell=90)}, at=now - timedelta(minutes=n))
            obs.ship("STDAEMON_TEST-1", waypoint="X1-MG1-A1", at=now)
            obs.agent(175_000, at=now)
            await obs.write(engine)
            counts = await _counts(engine)
            assert counts["telemetry.market_snapshots"] == 3

            await migrations.upgrade(engine, ANALYTICS)
            assert await _counts(engine) == counts
            assert {"latest_prices", "price_history", "best_routes", "fleet", "credits", "trade_routes"} <= (
                await _analytics_objects(engine)
            )
            [price] = await fetch(engine, "SELECT purchase_price FROM analytics.latest_prices")
            assert price["purchase_price"] == 100

            await migrations.downgrade(engine, before)
            assert await _counts(engine) == counts
            assert await _analytics_objects(engine) == set()
            assert await fetch(engine, "SELECT 1 FROM pg_namespace WHERE nspname = 'analytics'") == []

            await migrations.upgrade_head(engine)
            at_head = await _counts(engine)  # tables of later migrations arrive empty
            assert {t: n for t, n in at_head.items() if t in counts or n} == counts
        finally:
            await engine.dispose()

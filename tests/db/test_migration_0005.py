"""Migration 0005 on a database that already holds real-shaped rows across two epochs: every row survives
the move into per-epoch partitions and the move back, and the views people made on the tables keep working."""

from __future__ import annotations

from collections.abc import Callable
from contextlib import AbstractAsyncContextManager

import pytest
from alembic.script import ScriptDirectory
from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncEngine
from sqlalchemy.pool import NullPool

from stdaemon.db import migrations
from stdaemon.db.engine import make_engine
from tests.db.history_rows import EPOCHS, HISTORY, history_rows, insert_rows

EmptyDb = Callable[[], AbstractAsyncContextManager[str]]
# The revision 0005 follows, whichever landed before it (0007's analytics views read these tables too).
_DOWN = ScriptDirectory.from_config(migrations.alembic_config()).get_revision("0005").down_revision
assert isinstance(_DOWN, str)
BEFORE: str = _DOWN

# A user's own views: one on the price history, one on that view (with a comment), as people make them.
USER_VIEWS = [
    "CREATE VIEW public.my_prices AS SELECT reset_date, waypoint_symbol, trade_symbol, observed_at,"
    " sell_price FROM telemetry.market_snapshots WHERE sell_price > 0",
    "CREATE VIEW public.my_best AS SELECT trade_symbol, max(sell_price) AS best FROM public.my_prices"
    " GROUP BY trade_symbol",
    "COMMENT ON VIEW public.my_prices IS 'mine'",
]


async def _counts(engine: AsyncEngine) -> dict[str, dict[str, int]]:
    """Rows per table and epoch, and through the user's view."""
    out: dict[str, dict[str, int]] = {}
    async with engine.connect() as conn:
        for table in (*HISTORY, "public.my_prices"):
            rows = await conn.execute(text(f"SELECT reset_date::text, count(*) FROM {table} GROUP BY 1"))
            out[table] = {epoch: int(n) for epoch, n in rows}
    return out


async def _relkinds(engine: AsyncEngine) -> dict[str, str]:
    async with engine.connect() as conn:
        rows = await conn.execute(
            text(
                "SELECT c.oid::regclass::text, c.relkind::text FROM pg_class c"
                " WHERE c.oid = ANY(CAST(:t AS regclass[]))"
            ),
            {"t": list(HISTORY)},
        )
        return {name: kind for name, kind in rows}


async def test_0005_partitions_every_history_table_keeping_every_row(empty_database: EmptyDb) -> None:
    async with empty_database() as url:
        engine = make_engine(url, poolclass=NullPool)
        try:
            await migrations.upgrade(engine, BEFORE)
            for epoch in EPOCHS:
                await insert_rows(engine, history_rows(epoch, observations=25))
            async with engine.begin() as conn:
                for sql in USER_VIEWS:
                    await conn.execute(text(sql))
            before = await _counts(engine)
            assert all(len(by_epoch) == 2 and min(by_epoch.values()) >= 25 for by_epoch in before.values())
            assert set(await _relkinds(engine)) == set(HISTORY)

            await migrations.upgrade(engine, "0005")
            assert await _counts(engine) == before
            assert set((await _relkinds(engine)).values()) == {"p"}  # partitioned
            async with engine.connect() as conn:
                placed = await conn.execute(
                    text(
                        "SELECT tableoid::regclass::text, reset_date::text, count(*)"
                        " FROM telemetry.market_snapshots GROUP BY 1, 2"
                    )
                )
                assert {(p, e) for p, e, _ in placed} == {
                    (f"partitions.market_snapshots_{e.isoformat().replace('-', '_')}", e.isoformat())
                    for e in EPOCHS
                }
                comment = await conn.execute(text("SELECT obj_description('public.my_prices'::regclass)"))
                assert comment.scalar_one() == "mine"
                best = await conn.execute(text("SELECT count(*) FROM public.my_best"))
                assert best.scalar_one() > 0

            await migrations.downgrade(engine, BEFORE)
            assert await _counts(engine) == before
            assert set((await _relkinds(engine)).values()) == {"r"}  # plain tables again
            async with engine.connect() as conn:
                left = await conn.execute(
                    text("SELECT count(*) FROM pg_namespace WHERE nspname = 'partitions'")
                )
                assert left.scalar_one() == 0
                assert (await conn.execute(text("SELECT count(*) FROM public.my_best"))).scalar_one() > 0

            await migrations.upgrade(engine, "0005")  # and up again
            assert await _counts(engine) == before
        finally:
            await engine.dispose()


async def test_0005_downgrade_refuses_to_drop_a_detached_epoch(empty_database: EmptyDb) -> None:
    async with empty_database() as url:
        engine = make_engine(url, poolclass=NullPool)
        try:
            await migrations.upgrade(engine, BEFORE)
            await insert_rows(engine, history_rows(EPOCHS[0], observations=3))
            await migrations.upgrade(engine, "0005")
            async with engine.begin() as conn:
                await conn.execute(
                    text(
                        "ALTER TABLE telemetry.agent_snapshots"
                        " DETACH PARTITION partitions.agent_snapshots_2025_04_13"
                    )
                )
            with pytest.raises(RuntimeError, match=r"detached epochs \(agent_snapshots_2025_04_13\)"):
                await migrations.downgrade(engine, BEFORE)
            assert await migrations.current_revision(engine) == "0005"  # rolled back whole
            async with engine.connect() as conn:
                kept = await conn.execute(text("SELECT count(*) FROM partitions.agent_snapshots_2025_04_13"))
                assert kept.scalar_one() == 3
        finally:
            await engine.dispose()

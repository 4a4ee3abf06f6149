"""Migration 0002 (nullability follows the domain) on a database that already holds real-shaped rows.

Rows decoded from the saved payloads are stored at the revision before 0002; then the database goes up to
0002 and back down: every row is still there, with the same values, at each step; what 0002 allows (NULLs)
survives the way back as values the revision before can hold.
"""

from __future__ import annotations

from collections.abc import Callable
from contextlib import AbstractAsyncContextManager
from datetime import UTC, date, datetime
from typing import Any

from alembic.script import ScriptDirectory
from sqlalchemy import text
from sqlalchemy.dialects.postgresql import insert
from sqlalchemy.ext.asyncio import AsyncEngine
from sqlalchemy.pool import NullPool

from stdaemon.api import adapters
from stdaemon.api.adapters import decode_kind
from stdaemon.db import migrations
from stdaemon.db.engine import make_engine
from stdaemon.db.rows import Rows, merge, reset_rows, rows_for_all
from stdaemon.db.tables import TABLES
from tests.adapters.payloads import body, data

EmptyDb = Callable[[], AbstractAsyncContextManager[str]]
RESET = date(2025, 4, 13)
SEEN = datetime(2025, 4, 20, 12, 0, tzinfo=UTC)
KIND_FILES = {
    "agent": "agent",
    "ships": "ships",
    "systems": "systems",
    "waypoints": "waypoints",
    "market": "market",
    "shipyard": "shipyard",
    "jump-gate": "jump-gate",
    "construction": "construction",
    "contracts": "contracts",
    "factions": "factions",
    "supply-chain": "supply-chain",
}
RESULTS = {
    "purchase": adapters.trade_result,
    "purchase-ship": adapters.ship_purchase_result,
    "survey": adapters.survey_result,
    "extract": adapters.extract_result,
}


def real_rows() -> Rows:
    models = [x for kind, name in KIND_FILES.items() for x in decode_kind(kind, body(name))]
    models += [decode(data(name)) for name, decode in RESULTS.items()]
    status = reset_rows(adapters.server_status(body("status")), SEEN)
    return merge(status, rows_for_all(models, reset_date=RESET, observed_at=SEEN))


async def columns(engine: AsyncEngine) -> dict[str, list[str]]:
    """The columns of each table of ours as the database has them now (at whatever revision it is)."""
    sql = text(
        "SELECT table_schema || '.' || table_name, column_name FROM information_schema.columns "
        "WHERE table_schema IN ('reference', 'telemetry') ORDER BY ordinal_position"
    )
    out: dict[str, list[str]] = {}
    async with engine.connect() as conn:
        for table, column in await conn.execute(sql):
            out.setdefault(table, []).append(column)
    return out


async def store(engine: AsyncEngine, rows: Rows) -> None:
    """Insert `rows` as far as the database's revision has their tables and columns."""
    present = await columns(engine)
    async with engine.begin() as conn:
        for table, batch in rows.items():
            keep = set(present[table])
            values = [{k: v for k, v in row.items() if k in keep} for row in batch]
            await conn.execute(insert(TABLES[table].table).values(values).on_conflict_do_nothing())


async def snapshot(engine: AsyncEngine) -> dict[str, list[dict[str, Any]]]:
    """Every row of every table of ours the database has, without `written_at`, in a stable order."""
    out = {}
    async with engine.connect() as conn:
        for table, names in (await columns(engine)).items():
            listed = ", ".join(f'"{c}"' for c in names if c != "written_at")
            result = await conn.execute(text(f"SELECT {listed} FROM {table}"))
            out[table] = sorted((dict(r._mapping) for r in result), key=repr)
    return out


def previous() -> str:
    """The revision 0002 comes after (the head of main when it landed)."""
    script = ScriptDirectory.from_config(migrations.alembic_config())
    down = script.get_revision("0002").down_revision
    assert isinstance(down, str)
    return down


def counts(snap: dict[str, list[dict[str, Any]]]) -> dict[str, int]:
    return {name: len(rows) for name, rows in snap.items()}


async def test_0002_keeps_every_row_up_and_down(empty_database: EmptyDb) -> None:
    async with empty_database() as url:
        engine = make_engine(url, poolclass=NullPool)
        try:
            await migrations.upgrade(engine, previous())
            rows = real_rows()
            # a gate and a market stored by an older writer without their system: 0002 fills it in
            gate = dict(rows["reference.jump_gates"][0], symbol="X1-ZZ9-GATE", system_symbol=None)
            market = dict(rows["telemetry.markets"][0], symbol="X1-ZZ9-MKT", system_symbol=None)
            await store(engine, merge(rows, {"reference.jump_gates": [gate], "telemetry.markets": [market]}))
            before = await snapshot(engine)
            empty = {t for t, n in counts(before).items() if n == 0}
            assert empty == {"reference.crawl_progress", "telemetry.dead_letters"}, (
                "rows in every entity table"
            )

            await migrations.upgrade(engine, "0002")
            after = await snapshot(engine)
            assert counts(after) == counts(before)
            filled = {r["symbol"]: r["system_symbol"] for r in after["reference.jump_gates"]}
            assert filled["X1-ZZ9-GATE"] == "X1-ZZ9"
            assert {r["symbol"]: r["system_symbol"] for r in after["telemetry.markets"]}[
                "X1-ZZ9-MKT"
            ] == "X1-ZZ9"
            for table in after:
                for old, new in zip(before[table], after[table], strict=True):
                    assert new == old | {k: v for k, v in new.items() if k == "system_symbol"}, table

            # what 0002 lets in: an agent without headquarters, faction or ship count
            sparse = {k: v for k, v in data("agent").items() if k not in {"headquarters", "startingFaction"}}
            sparse = sparse | {"symbol": "SPARSE", "shipCount": None}
            await store(
                engine, rows_for_all(decode_kind("agent", sparse), reset_date=RESET, observed_at=SEEN)
            )
            with_sparse = await snapshot(engine)
            stored = next(r for r in with_sparse["telemetry.agents"] if r["symbol"] == "SPARSE")
            assert (stored["headquarters"], stored["starting_faction"], stored["ship_count"]) == (
                None,
                None,
                None,
            )

            await migrations.downgrade(engine, previous())
            assert await migrations.current_revision(engine) == previous()
            down = await snapshot(engine)
            assert counts(down) == counts(with_sparse)
            back = next(r for r in down["telemetry.agents"] if r["symbol"] == "SPARSE")
            assert (back["headquarters"], back["starting_faction"], back["ship_count"]) == ("", "", 0)
            assert back["raw"] == sparse, "raw keeps the truth"
            for table in down:
                others = [r for r in down[table] if r.get("symbol") != "SPARSE"]
                assert others == [r for r in with_sparse[table] if r.get("symbol") != "SPARSE"], table

            await migrations.upgrade_head(engine)
            at_head = counts(await snapshot(engine))
            # tables of later migrations (e.g. 0006's heartbeats) arrive empty; nothing else changes
            assert {t: n for t, n in at_head.items() if t in with_sparse or n} == counts(with_sparse)
        finally:
            await engine.dispose()


async def test_nothing_is_nullable_at_head_that_the_models_do_not_allow(engine: AsyncEngine) -> None:
    sql = text(
        "SELECT table_schema || '.' || table_name, column_name, is_nullable = 'YES' "
        "FROM information_schema.columns WHERE table_schema IN ('reference', 'telemetry')"
    )
    async with engine.connect() as conn:
        database = {(t, c): nullable for t, c, nullable in await conn.execute(sql)}
    models = {(n, c.name): bool(c.nullable) for n, s in TABLES.items() for c in s.table.columns}
    assert {k: v for k, v in database.items() if k in models} == models

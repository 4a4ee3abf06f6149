"""Migrations: up and down on an empty database, and the migration matches the models."""

from __future__ import annotations

from collections.abc import Callable
from contextlib import AbstractAsyncContextManager

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import text
from sqlalchemy.engine import Connection
from sqlalchemy.ext.asyncio import AsyncEngine
from sqlalchemy.pool import NullPool

from stdaemon.db import migrations
from stdaemon.db.engine import make_engine
from stdaemon.db.tables import SCHEMAS, TABLES, metadata
from stdaemon.exits import ConfigError, ServiceUnavailable

EmptyDb = Callable[[], AbstractAsyncContextManager[str]]

# Everything a migration could leave behind: schemas, relations (tables, indexes, sequences, views), types.
_OUR_OBJECTS = """
SELECT 'schema ' || nspname FROM pg_namespace
 WHERE nspname NOT IN ('public', 'information_schema') AND nspname NOT LIKE 'pg\\_%'
UNION ALL
SELECT 'relation ' || n.nspname || '.' || c.relname
  FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
 WHERE n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg\\_toast%'
UNION ALL
SELECT 'type ' || n.nspname || '.' || t.typname FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace
 WHERE n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg\\_toast%'
"""


async def _objects(engine: AsyncEngine) -> set[str]:
    async with engine.connect() as conn:
        return {row[0] for row in await conn.execute(text(_OUR_OBJECTS))}


async def test_upgrade_then_downgrade_leaves_an_empty_database_empty(empty_database: EmptyDb) -> None:
    async with empty_database() as url:
        engine = make_engine(url, poolclass=NullPool)
        try:
            assert await _objects(engine) == set()
            assert await migrations.current_revision(engine) is None

            await migrations.upgrade_head(engine)
            created = await _objects(engine)
            assert {f"schema {s}" for s in SCHEMAS} <= created
            assert {f"relation {name}" for name in TABLES} <= created
            assert "relation public.alembic_version" in created
            assert await migrations.current_revision(engine) == migrations.head_revision()

            await migrations.downgrade(engine, "base")
            assert await _objects(engine) == set()
            assert await migrations.current_revision(engine) is None

            # and it goes up again from there
            await migrations.upgrade_head(engine)
            assert await migrations.current_revision(engine) == migrations.head_revision()
        finally:
            await engine.dispose()


async def test_migration_matches_the_models(engine: AsyncEngine) -> None:
    def diff(connection: Connection) -> list[object]:
        def include_name(name: str | None, type_: str, parent_names: dict[str, str | None]) -> bool:
            if type_ == "schema":
                return name in SCHEMAS
            if type_ == "table":
                return parent_names.get("schema_name") in SCHEMAS
            return True

        ctx = MigrationContext.configure(
            connection,
            opts={
                "include_schemas": True,
                "include_name": include_name,
                "compare_type": True,
                "compare_server_default": True,
            },
        )
        return list(compare_metadata(ctx, metadata))

    async with engine.connect() as conn:
        assert await conn.run_sync(diff) == []


async def test_every_table_of_the_design_exists_at_head(engine: AsyncEngine) -> None:
    design = {
        "reference.systems", "reference.waypoints", "reference.factions", "reference.jump_gates",
        "reference.construction_sites", "telemetry.agents", "telemetry.ships", "telemetry.contracts",
        "telemetry.markets", "telemetry.market_trade_goods", "telemetry.market_snapshots",
        "telemetry.market_transactions", "telemetry.shipyards", "telemetry.shipyard_transactions",
    }  # fmt: skip
    assert design <= set(TABLES)
    async with engine.connect() as conn:
        rows = await conn.execute(
            text("SELECT schemaname || '.' || tablename FROM pg_tables WHERE schemaname = ANY(:s)"),
            {"s": list(SCHEMAS)},
        )
        assert {r[0] for r in rows} == set(TABLES)


async def test_ensure_at_head_refuses_a_database_behind_head(empty_database: EmptyDb) -> None:
    async with empty_database() as url:
        with pytest.raises(ServiceUnavailable, match="run `stdaemon migrate`") as err:
            await migrations.ensure_at_head(url)
        assert err.value.exit_code == 69
        assert f"code expects {migrations.head_revision()}" in str(err.value)
        await migrations.upgrade_head(url)
        assert await migrations.ensure_at_head(url) == migrations.head_revision()


async def test_a_database_migrated_by_a_newer_release_is_refused_and_left_alone(
    empty_database: EmptyDb,
) -> None:
    async with empty_database() as url:
        await migrations.upgrade_head(url)
        engine = make_engine(url, poolclass=NullPool)
        try:
            async with engine.begin() as conn:
                await conn.execute(text("UPDATE alembic_version SET version_num = '9999'"))
            for attempt in (migrations.upgrade_head(url), migrations.ensure_at_head(url)):
                with pytest.raises(ConfigError, match="revision 9999, which this stdaemon does not know"):
                    await attempt
            assert await migrations.current_revision(url) == "9999"
        finally:
            await engine.dispose()


async def test_check_constraints_match_the_models(engine: AsyncEngine) -> None:
    """alembic's compare does not look at CHECK constraints; compare their names and tables here."""
    from sqlalchemy import CheckConstraint

    expected = {
        (f"{t.schema}.{t.name}", str(c.name))
        for t in metadata.tables.values()
        for c in t.constraints
        if isinstance(c, CheckConstraint)
    }
    async with engine.connect() as conn:
        rows = await conn.execute(
            text(
                "SELECT n.nspname || '.' || r.relname, c.conname FROM pg_constraint c"
                " JOIN pg_class r ON r.oid = c.conrelid JOIN pg_namespace n ON n.oid = r.relnamespace"
                " WHERE c.contype = 'c' AND n.nspname = ANY(:s)"
            ),
            {"s": list(SCHEMAS)},
        )
        actual = {(r[0], r[1]) for r in rows}
    assert expected and actual == expected


async def test_concurrent_upgrades_take_turns(empty_database: EmptyDb) -> None:
    """Runner processes started together all migrate; the advisory lock makes that safe."""
    import asyncio

    async with empty_database() as url:
        engines = [make_engine(url, poolclass=NullPool) for _ in range(4)]
        try:
            await asyncio.gather(*(migrations.upgrade_head(e) for e in engines))
            assert await migrations.current_revision(engines[0]) == migrations.head_revision()
            assert {f"relation {name}" for name in TABLES} <= await _objects(engines[0])
        finally:
            for e in engines:
                await e.dispose()

"""alembic environment for stdaemon: async, both schemas, nothing else in the database touched.

Where the URL comes from (first found wins):
1. `config.attributes["connection"]`: an open sync-facing connection (run inside `AsyncConnection.run_sync`);
2. `config.attributes["url"]`: how `stdaemon migrate` and the test fixtures pass a URL;
3. `alembic -x url=postgresql+asyncpg://…`;
4. the settings: `ST_DATABASE_URL`, or the embedded PostgreSQL under `ST_STATE_DIR` when that is unset.

The version table is `public.alembic_version`. After a run that leaves the database at base (no revision),
the version table is dropped too, so `downgrade base` leaves no object of ours behind.
"""

from __future__ import annotations

import asyncio
from logging.config import fileConfig
from typing import Any, Literal

from alembic import context
from sqlalchemy import text
from sqlalchemy.engine import Connection
from sqlalchemy.ext.asyncio import create_async_engine
from sqlalchemy.pool import NullPool

from stdaemon.db.tables import SCHEMAS, metadata

config = context.config
VERSION_TABLE = "alembic_version"
VERSION_SCHEMA = "public"

if config.config_file_name is not None and config.attributes.get("configure_logger", True):
    fileConfig(config.config_file_name, disable_existing_loggers=False)


def include_name(name: str | None, type_: str, parent_names: Any) -> bool:
    """Look only at our two schemas (autogenerate must not propose dropping anybody else's tables)."""
    if type_ == "schema":
        return name in SCHEMAS
    if type_ == "table":
        return parent_names.get("schema_name") in SCHEMAS
    return True


def _configure(connection: Connection | None = None, **kwargs: Any) -> None:
    context.configure(
        connection=connection,
        target_metadata=metadata,
        include_schemas=True,
        include_name=include_name,
        version_table=VERSION_TABLE,
        version_table_schema=VERSION_SCHEMA,
        compare_type=True,
        compare_server_default=True,
        **kwargs,
    )


def do_run_migrations(connection: Connection) -> None:
    _configure(connection)
    with context.begin_transaction():
        context.run_migrations()
        _drop_version_table_at_base(connection)


def _drop_version_table_at_base(connection: Connection) -> None:
    exists = connection.execute(text("SELECT to_regclass(:t)"), {"t": f"{VERSION_SCHEMA}.{VERSION_TABLE}"})
    if exists.scalar() is None:
        return
    left = connection.execute(text(f"SELECT count(*) FROM {VERSION_SCHEMA}.{VERSION_TABLE}")).scalar()
    if left == 0:
        connection.execute(text(f"DROP TABLE {VERSION_SCHEMA}.{VERSION_TABLE}"))


async def _run_async(url: str) -> None:
    engine = create_async_engine(url, poolclass=NullPool)
    try:
        async with engine.connect() as connection:
            await connection.run_sync(do_run_migrations)
            await connection.commit()
    finally:
        await engine.dispose()


def _run_with_settings() -> None:
    """No URL given: resolve it like the daemon does (ST_DATABASE_URL or the embedded server)."""
    from stdaemon.db.engine import open_database
    from stdaemon.settings import load_settings

    async def run() -> None:
        async with open_database(load_settings()) as db:
            await db.engine.dispose()
            await _run_async(db.url)

    asyncio.run(run())


def run_online() -> None:
    connection = config.attributes.get("connection")
    if connection is not None:
        do_run_migrations(connection)
        return
    url = config.attributes.get("url") or context.get_x_argument(as_dictionary=True).get("url")
    if url:
        asyncio.run(_run_async(str(url)))
    else:
        _run_with_settings()


def run_offline() -> None:
    """`alembic upgrade head --sql`: print the DDL."""
    _configure(url="postgresql+asyncpg://", literal_binds=True, dialect_opts={"paramstyle": "named"})
    with context.begin_transaction():
        context.run_migrations()


mode: Literal["offline", "online"] = "offline" if context.is_offline_mode() else "online"
if mode == "offline":
    run_offline()
else:
    run_online()

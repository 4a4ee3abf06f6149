"""alembic from code: upgrade to head, read the current and the head revision, refuse a stale schema.

The scripts live at the repository top level (`alembic/`); `alembic.ini` is for people running `alembic` by
hand. Here the config is built in code so that the caller's logging configuration is left alone.
"""

from __future__ import annotations

from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import text
from sqlalchemy.engine import Connection
from sqlalchemy.ext.asyncio import AsyncEngine
from sqlalchemy.pool import NullPool

from stdaemon.db.engine import make_engine
from stdaemon.exits import ConfigError, ServiceUnavailable, StdaemonError

VERSION_SCHEMA = "public"
VERSION_TABLE = "alembic_version"
# Several runner processes start together under systemd and each migrates: a transaction-scoped advisory
# lock makes them take turns, so the first upgrades and the others find the schema at head.
MIGRATION_LOCK_KEY = 0x5354_4441_454D  # "STDAEM"


def script_location() -> Path:
    """`<repo>/alembic` in a source checkout, or `stdaemon/_alembic` when a wheel bundles it."""
    here = Path(__file__).resolve()
    candidates = [here.parents[1] / "_alembic", *(parent / "alembic" for parent in here.parents)]
    for candidate in candidates:
        if (candidate / "env.py").is_file() and (candidate / "versions").is_dir():
            return candidate
    raise StdaemonError(
        "the alembic migrations were not found beside the package: run stdaemon from a source checkout "
        "(pip install -e .)"
    )


def alembic_config(url: str | None = None) -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(script_location()))
    cfg.attributes["configure_logger"] = False
    if url is not None:
        cfg.attributes["url"] = url
    return cfg


def head_revision() -> str:
    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    assert head is not None, "there is no migration"
    return head


def known_revision(current: str | None) -> None:
    """ConfigError for a revision this code has no script for: a newer stdaemon migrated the database, and
    neither upgrading nor running on it can be right (alembic would fail with "Can't locate revision")."""
    if current is None:
        return
    revisions = {script.revision for script in ScriptDirectory.from_config(alembic_config()).walk_revisions()}
    if current not in revisions:
        raise ConfigError(
            f"database is at revision {current}, which this stdaemon does not know (a newer release "
            "migrated it): upgrade stdaemon, or point ST_DATABASE_URL at another database; it was left as is"
        )


def _upgrade(connection: Connection, target: str) -> None:
    known_revision(_current(connection))
    cfg = alembic_config()
    cfg.attributes["connection"] = connection
    command.upgrade(cfg, target)


def _downgrade(connection: Connection, target: str) -> None:
    cfg = alembic_config()
    cfg.attributes["connection"] = connection
    command.downgrade(cfg, target)


def _current(connection: Connection) -> str | None:
    ctx = MigrationContext.configure(
        connection, opts={"version_table": VERSION_TABLE, "version_table_schema": VERSION_SCHEMA}
    )
    return ctx.get_current_revision()


async def _with_engine(url: str | AsyncEngine) -> tuple[AsyncEngine, bool]:
    if isinstance(url, AsyncEngine):
        return url, False
    return make_engine(url, poolclass=NullPool), True


async def upgrade(url: str | AsyncEngine, target: str = "head") -> None:
    """`alembic upgrade <target>` in one transaction on the given database."""
    engine, owned = await _with_engine(url)
    try:
        async with engine.begin() as conn:
            await conn.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": MIGRATION_LOCK_KEY})
            await conn.run_sync(_upgrade, target)
    finally:
        if owned:
            await engine.dispose()


async def upgrade_head(url: str | AsyncEngine) -> None:
    await upgrade(url, "head")


async def downgrade(url: str | AsyncEngine, target: str = "base") -> None:
    """`alembic downgrade <target>`; `base` leaves no object of ours behind."""
    engine, owned = await _with_engine(url)
    try:
        async with engine.begin() as conn:
            await conn.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": MIGRATION_LOCK_KEY})
            await conn.run_sync(_downgrade, target)
    finally:
        if owned:
            await engine.dispose()


async def current_revision(url: str | AsyncEngine) -> str | None:
    """The revision the database is at, or None for an empty (never migrated) database."""
    engine, owned = await _with_engine(url)
    try:
        async with engine.connect() as conn:
            return await conn.run_sync(_current)
    finally:
        if owned:
            await engine.dispose()


async def ensure_at_head(url: str | AsyncEngine) -> str:
    """The daemon refuses to run on a schema that is not the one its code expects."""
    current, head = await current_revision(url), head_revision()
    known_revision(current)
    if current != head:
        raise ServiceUnavailable(
            f"database is at revision {current or 'none (empty)'}, code expects {head}: "
            "run `stdaemon migrate`"
        )
    return head

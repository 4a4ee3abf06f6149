"""`stdaemon migrate`: `alembic upgrade head` for the configured database (embedded or ST_DATABASE_URL).

The whole upgrade runs in one transaction: it either reaches head or changes nothing.
"""

from __future__ import annotations

import asyncio

from stdaemon.cli.app import app
from stdaemon.cli.status import setup_cli_logging
from stdaemon.exits import StdaemonError
from stdaemon.settings import Settings, load_settings


async def _migrate(settings: Settings) -> str:
    from sqlalchemy.exc import DBAPIError

    from stdaemon.bootstrap import open_db
    from stdaemon.db import migrations
    from stdaemon.db.engine import unavailable
    from stdaemon.logging import get_logger

    log = get_logger("stdaemon.migrate")
    async with open_db(settings) as db:
        head = migrations.head_revision()
        try:
            before = await migrations.current_revision(db.engine)
            await migrations.upgrade_head(db.engine)
        except DBAPIError as exc:
            if exc.connection_invalidated or isinstance(exc.orig, OSError):
                raise unavailable(exc, db.engine.url) from exc
            reason = str(exc.orig).strip().splitlines()[0] if exc.orig else type(exc).__name__
            raise StdaemonError(
                f"migrating {db.where} to {head} failed ({reason}); nothing was changed: "
                "fix the cause (ST_LOG_LEVEL=debug shows details) and run `stdaemon migrate` again"
            ) from exc
        log.info("database migrated", where=db.where, from_revision=before, to_revision=head)
        return f"{db.where}: {before or 'empty'} → {head}" if before != head else f"{db.where}: at {head}"


@app.command("migrate")
def migrate() -> None:
    """Bring the database schema to the latest revision (alembic upgrade head)."""
    settings = load_settings()
    setup_cli_logging(settings)
    print(asyncio.run(_migrate(settings)))

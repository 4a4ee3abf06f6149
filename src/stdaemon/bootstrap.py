"""The composition root: builds every resource of a daemon process and closes them in reverse order.

`build_app(settings)` opens the database (embedded or configured), brings its schema to head (or checks it
is there), builds the DbWriter, the API client and gateway (against the in-process sandbox when no token is
configured), and the DataService. The runners and the CLI call it; nothing else constructs these pieces.
The caller runs `app.writer` as a service, so it drains before the engine is disposed.
"""

from __future__ import annotations

import contextlib
from collections.abc import AsyncIterator
from dataclasses import dataclass

from stdaemon.api.decoder import ADAPTERS
from stdaemon.api.errors import ResetDetected
from stdaemon.api.gateway import Gateway, build_gateway
from stdaemon.db import migrations
from stdaemon.db.engine import Database, open_database
from stdaemon.db.epochs import ensure_sandbox_may_write
from stdaemon.db.sink import DbReferenceSource, WriterSink
from stdaemon.db.status import StatusReport, collect
from stdaemon.db.writer import DbWriter
from stdaemon.logging import get_logger
from stdaemon.sandbox import Sandbox, start_sandbox
from stdaemon.services.data_service import DataService
from stdaemon.settings import Settings
from stdaemon.systemd import Notifier

log = get_logger(__name__)

__all__ = ["App", "build_app", "open_reader", "prepare_database"]


@dataclass(frozen=True)
class App:
    settings: Settings
    db: Database
    writer: DbWriter
    gateway: Gateway
    data: DataService
    sandbox: Sandbox | None


async def prepare_database(db: Database, *, migrate: bool) -> StatusReport:
    """Migrate to head (or insist the schema is there) and return the status to report."""
    if migrate:
        await migrations.upgrade_head(db.engine)
    else:
        await migrations.ensure_at_head(db.engine)
    return await collect(db.engine, where=db.where, embedded=db.embedded)


@contextlib.asynccontextmanager
async def open_reader(settings: Settings) -> AsyncIterator[Database]:
    """The database alone, at migration head, for commands that only read it (`report`): no sandbox, no API"""
    async with open_database(settings) as db:
        await migrations.ensure_at_head(db.engine)
        yield db


@contextlib.asynccontextmanager
async def build_app(
    settings: Settings, *, migrate: bool = True, notifier: Notifier | None = None
) -> AsyncIterator[App]:
    notifier = notifier if notifier is not None else Notifier()
    async with contextlib.AsyncExitStack() as stack:
        notifier.status("opening the database")
        db = await stack.enter_async_context(open_database(settings))
        notifier.status(f"{'migrating' if migrate else 'checking'} the schema of {db.where}")
        report = await prepare_database(db, migrate=migrate)
        log.info("database_ready", **report.as_json())
        if settings.sandbox:
            await ensure_sandbox_may_write(db.engine, db.where)
        sandbox = await start_sandbox(settings) if settings.sandbox else None
        playing = sandbox.settings if sandbox else settings
        gateway = build_gateway(playing, transport=sandbox.transport if sandbox else None)
        stack.push_async_callback(gateway.aclose)
        writer = DbWriter.from_settings(db.engine, settings)
        data = DataService(
            api=gateway,
            decode=ADAPTERS,
            sink=WriterSink(writer, simulated=settings.sandbox),
            reference=DbReferenceSource(db.engine),
            settings=settings,
            reset_errors=(ResetDetected,),
        )
        yield App(settings=playing, db=db, writer=writer, gateway=gateway, data=data, sandbox=sandbox)

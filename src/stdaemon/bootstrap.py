"""The composition root: builds every resource of a stdaemon process and closes them in reverse order.

Every command gets its resources here and nowhere else:
- `open_db(settings, schema=…)`: the database (embedded or `ST_DATABASE_URL`), its schema migrated, checked
  to be at head, or left as it is (`migrate` and `status` look at it themselves); `open_reader` for the
  commands that only read it (`report`);
- `run_batch(settings, db, job)`: a finite job (`ingest`) with a `DbWriter.from_settings` run as a sink
  under the same service lifecycle as the daemon (signals, grace, drain);
- `open_base(settings)` and `open_session(base, playing)`: the daemon (`run`, the runners). The base lives as
  long as the process: the database, the DbWriter, the in-process sandbox (registered here) when no token is
  configured. A session lives as long as one agent token: the API client, gateway and DataService; after a
  server reset the supervisor opens a new session on the same base and the same rate budget. `build_app` is
  a base and one session. The caller runs the writer as a sink of `run_services`, so it drains before the
  engine is disposed.
"""

from __future__ import annotations

import asyncio
import contextlib
import os
import socket
from collections.abc import AsyncIterator, Awaitable, Callable
from dataclasses import dataclass
from datetime import date
from typing import Generic, Literal, TypeVar

import httpx
from sqlalchemy.ext.asyncio import AsyncEngine

from stdaemon.api.client import make_client
from stdaemon.api.decoder import ADAPTERS
from stdaemon.api.errors import ActionOutcomeUnknown, ApiError, ResetDetected, Unauthorized
from stdaemon.api.gateway import Gateway, build_gateway
from stdaemon.api.scheduler import Limiter
from stdaemon.daemon.registration import register_new_agent
from stdaemon.db import migrations
from stdaemon.db.budget_store import DbBudgetStore
from stdaemon.db.credit_ledger import DbCreditLedger
from stdaemon.db.engine import Database, open_database
from stdaemon.db.epochs import ensure_sandbox_may_write, next_sandbox_epoch
from stdaemon.db.fleet_store import DbAssignmentStore
from stdaemon.db.market_book import DbMarketBook
from stdaemon.db.retry import classify
from stdaemon.db.sink import DbReferenceSource, WriterSink
from stdaemon.db.status import ready_fields
from stdaemon.db.writer import DbWriter
from stdaemon.domain import models as m
from stdaemon.exits import ServiceUnavailable
from stdaemon.lifecycle import run_services
from stdaemon.logging import get_logger
from stdaemon.sandbox import SANDBOX_URL, Sandbox, register_agent, registering, sandbox_transport
from stdaemon.services.data_service import DataService
from stdaemon.services.fleet.clock import Clock, WallClock
from stdaemon.services.fleet.context import SHIP_FLOOR, FleetConfig, FleetDeps
from stdaemon.services.fleet.errors import ErrorKinds
from stdaemon.settings import Settings
from stdaemon.systemd import Notifier

log = get_logger(__name__)

__all__ = [
    "App",
    "Base",
    "Session",
    "build_app",
    "ensure_drained",
    "fleet_deps",
    "open_base",
    "open_db",
    "open_reader",
    "open_session",
    "run_batch",
]

T = TypeVar("T")
Schema = Literal["migrate", "at_head", "as_is"]

# What the fleet engine turns into plans (an answer of the game), lets through (a reset: the process stops),
# or re-reads the ship after (a POST whose outcome is unknown).
FLEET_ERRORS = ErrorKinds(
    api=(ApiError,),
    fatal=(ResetDetected, Unauthorized),
    outcome_unknown=(ActionOutcomeUnknown,),
    store_down=lambda error: classify(error) == "transient",  # the writer's own verdict on a database error
)


@dataclass(frozen=True)
class Base:
    """What lives as long as the process: the database, its writer, the sandbox (if playing it)."""

    settings: Settings  # as configured
    playing: Settings  # what the API is played with (the sandbox's URL and token when sandboxed)
    db: Database
    writer: DbWriter
    sandbox: Sandbox | None
    # The sandbox's registration spent from the server's budget: the first session goes on from that
    # limiter (a fresh one would count on the whole burst and meet a 429 in its first seconds).
    sandbox_limiter: Limiter | None = None

    @property
    def transport(self) -> httpx.AsyncBaseTransport | None:
        return self.sandbox.transport if self.sandbox else None


@dataclass(frozen=True)
class Session:
    """What lives as long as one agent token: its gateway and DataService (a reset brings a new one)."""

    settings: Settings
    gateway: Gateway
    data: DataService


@dataclass(frozen=True)
class App:
    settings: Settings
    db: Database
    writer: DbWriter
    gateway: Gateway
    data: DataService
    sandbox: Sandbox | None


@contextlib.asynccontextmanager
async def open_db(
    settings: Settings, *, schema: Schema = "as_is", notifier: Notifier | None = None
) -> AsyncIterator[Database]:
    """The database of `settings`, with its schema brought to head (`migrate`), required at head
    (`at_head`: 69 otherwise) or left as it is (`as_is`: `migrate` and `status` look at it themselves)."""
    notifier = notifier if notifier is not None else Notifier()
    notifier.status("opening the database")
    async with open_database(settings) as db:
        if schema == "migrate":
            notifier.status(f"migrating the schema of {db.where}")
            await migrations.upgrade_head(db.engine)
        elif schema == "at_head":
            notifier.status(f"checking the schema of {db.where}")
            await migrations.ensure_at_head(db.engine)
        yield db


def fleet_deps(
    data: DataService,
    engine: AsyncEngine,
    writer: DbWriter,
    settings: Settings,
    *,
    clock: Clock | None = None,
) -> FleetDeps:
    """The fleet engine's services over the database (claims, ledger, prices) and the DataService."""
    return FleetDeps(
        data=data,
        clock=clock or WallClock(),
        ledger=DbCreditLedger(writer, engine),
        book=DbMarketBook(engine),
        store=DbAssignmentStore(engine),
        errors=FLEET_ERRORS,
        config=FleetConfig(
            market_poll_interval_s=settings.market_poll_interval_s,
            probe_budget=settings.probe_budget or 0,
            mining_drones=settings.mining_drones or 0,
            haulers=settings.haulers or 0,
            ship_floor=SHIP_FLOOR if settings.api_url == SANDBOX_URL else 0,
        ),
    )


@contextlib.asynccontextmanager
async def open_reader(settings: Settings) -> AsyncIterator[Database]:
    """The database alone, at migration head, for commands that only read it (`report`): no sandbox, no API"""
    async with open_db(settings, schema="at_head") as db:
        yield db


def ensure_drained(writer: DbWriter, settings: Settings) -> None:
    """After the writer stopped: 69 if it could not store everything before its deadline."""
    report = writer.report
    if report is not None and not report.complete:
        lost = sum(report.unwritten.values())
        raise ServiceUnavailable(
            f"{lost} observed rows could not be written before the stop deadline "
            f"(ST_WRITER_DRAIN_S={settings.writer_drain_s:g}): check the database; details are in the log"
        )


class _Once(Generic[T]):
    """A finite job as a service: it ends the run (sets `stop`) when it is done."""

    def __init__(self, name: str, job: Callable[[], Awaitable[T]]) -> None:
        self.name = name
        self._job = job
        self.outcome: list[T] = []  # the job's result, once it finished

    async def run(self, stop: asyncio.Event) -> None:
        try:
            self.outcome.append(await self._job())
        finally:
            stop.set()


async def run_batch(
    settings: Settings,
    db: Database,
    job: Callable[[DbWriter], Awaitable[T]],
    *,
    name: str,
    signals: bool = True,
) -> T:
    """Run `job` with a DbWriter built from the settings (ST_WRITER_*) as a sink, then drain the writer.

    A signal stops the job after `ST_SHUTDOWN_GRACE_S`; the writer still drains what it holds.
    """
    writer = DbWriter.from_settings(db.engine, settings)
    once = _Once(name, lambda: job(writer))
    try:
        await run_services(
            [once], stop=asyncio.Event(), grace_s=settings.shutdown_grace_s, sinks=[writer], signals=signals
        )
    except BaseExceptionGroup as group:  # the job's own failure, not a group of one
        if len(group.exceptions) == 1 and isinstance(group.exceptions[0], Exception):
            raise group.exceptions[0] from None
        raise
    ensure_drained(writer, settings)
    if not once.outcome:
        raise ServiceUnavailable(f"{name} was stopped before it finished")
    return once.outcome[0]


async def start_sandbox(settings: Settings, reset_date: date) -> tuple[Sandbox, Limiter]:
    """The in-process simulator, a new game on `reset_date`, with `settings.agent_symbol` registered through a
    gateway built here, and that gateway's limiter (which knows what the registration spent)."""
    transport = sandbox_transport(reset_date=reset_date)
    gateway = build_gateway(registering(settings), transport=transport)
    try:
        sandbox = await register_agent(gateway, settings, transport)
    finally:
        await gateway.aclose()
    # The registration spent a point of the address's per-second pool, whose window then runs ahead of the
    # new token's own: wait for it to end, so the limiter's windows and both of the server's start together.
    await asyncio.sleep(1.0)
    return sandbox, gateway.limiter


@contextlib.asynccontextmanager
async def open_base(
    settings: Settings, *, migrate: bool = True, notifier: Notifier | None = None
) -> AsyncIterator[Base]:
    """The database (at head), the writer and, without a token, the sandbox with its registered agent."""
    schema: Schema = "migrate" if migrate else "at_head"
    async with open_db(settings, schema=schema, notifier=notifier) as db:
        log.info("database_ready", **await ready_fields(db.engine, where=db.where, embedded=db.embedded))
        sandbox, limiter = None, None
        if settings.sandbox:
            await ensure_sandbox_may_write(db.engine, db.where)
            sandbox, limiter = await start_sandbox(settings, await next_sandbox_epoch(db.engine))
        playing = sandbox.settings if sandbox else settings
        writer = DbWriter.from_settings(db.engine, settings)
        yield Base(settings, playing, db, writer, sandbox, sandbox_limiter=limiter)


def build_session_gateway(base: Base, playing: Settings, limiter: Limiter | None = None) -> Gateway:
    """A gateway for `playing.token`; `limiter` carries the rate budget over from the previous session."""
    limiter = limiter if limiter is not None else base.sandbox_limiter
    if limiter is not None:
        return Gateway(make_client(playing, transport=base.transport), limiter)
    return build_gateway(
        playing,
        transport=base.transport,
        # a sandbox is a server of this process alone: nothing to share with other processes
        shared=None if base.sandbox else DbBudgetStore(base.db.engine),
        process=f"{socket.gethostname()}:{os.getpid()}",
    )


@contextlib.asynccontextmanager
async def open_session(
    base: Base, playing: Settings, limiter: Limiter | None = None
) -> AsyncIterator[Session]:
    """A gateway and DataService for `playing.token`, on the base's database and writer."""
    gateway = build_session_gateway(base, playing, limiter)
    try:
        data = DataService(
            api=gateway,
            decode=ADAPTERS,
            sink=WriterSink(base.writer, simulated=base.settings.sandbox),
            reference=DbReferenceSource(base.db.engine),
            settings=base.settings,
            reset_errors=(ResetDetected,),
        )
        yield Session(settings=playing, gateway=gateway, data=data)
    finally:
        await gateway.aclose()


async def register_new(base: Base, playing: Settings, limiter: Limiter | None) -> m.RegisterResult:
    """Register a new agent with `playing`'s account token, on the base's transport and rate budget."""
    gateway = build_session_gateway(base, playing, limiter)
    try:
        return await register_new_agent(gateway, playing)
    finally:
        await gateway.aclose()


@contextlib.asynccontextmanager
async def build_app(
    settings: Settings, *, migrate: bool = True, notifier: Notifier | None = None
) -> AsyncIterator[App]:
    """A base and one session for the configured token (no reset handling: see `daemon.supervisor`)."""
    async with (
        open_base(settings, migrate=migrate, notifier=notifier) as base,
        open_session(base, base.playing) as session,
    ):
        yield App(
            settings=base.playing,
            db=base.db,
            writer=base.writer,
            gateway=session.gateway,
            data=session.data,
            sandbox=base.sandbox,
        )

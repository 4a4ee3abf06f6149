"""`stdaemon run [ROLE]`: the daemon. Runner scripts call the same code, one role per process.

It opens the database (embedded or configured), migrates it to head (`--no-migrate`: refuse to run unless it
is there already), logs a status line, then runs the DbWriter and the role's services under the supervisor
(which carries them across server resets) until SIGINT/SIGTERM; on stop the services finish their step, the
writer drains, and the process exits 0. A signal during start-up stops it there: exit 0, nothing reported as
broken, the embedded PostgreSQL stopped.
"""

from __future__ import annotations

import asyncio
import contextlib
import enum
import os
from collections.abc import Awaitable, Sequence
from dataclasses import asdict
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, TypeVar

import typer

from stdaemon.cli.app import app
from stdaemon.exits import ConfigError
from stdaemon.settings import Settings, load_settings

if TYPE_CHECKING:
    from stdaemon.bootstrap import Base
    from stdaemon.daemon.supervisor import Supervisor
    from stdaemon.domain.base import DomainModel
    from stdaemon.services.crawl.progress import ProgressListener
    from stdaemon.systemd import Notifier

__all__ = ["Role", "run_daemon"]


class Role(enum.StrEnum):
    """What `stdaemon run` runs: every runner in one process (`all`), or one of them."""

    all = "all"
    fleet = "fleet"
    crawl = "crawl"
    markets = "markets"


T = TypeVar("T")
# A Ctrl-C on a terminal also reaches our child processes (initdb, pg_ctl), whose failure can arrive before
# the signal handler has run: a start-up failure waits this long for a stop signal before it is reported.
SIGNAL_SETTLE_S = 0.2
# The supervisor gives its runners the grace period itself; it gets a little longer to end after them.
SUPERVISOR_MARGIN_S = 2.0


async def until_stopped(stop: asyncio.Event, work: Awaitable[T]) -> T | None:
    """`work`'s result, or None if `stop` was set first (`work` is then cancelled, its failure unreported)."""
    task = asyncio.ensure_future(work)
    waiter = asyncio.ensure_future(stop.wait())
    try:
        await asyncio.wait([task, waiter], return_when=asyncio.FIRST_COMPLETED)
        if task.done() and task.exception() is not None and not stop.is_set():
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(stop.wait(), timeout=SIGNAL_SETTLE_S)
        if task.done() and (not stop.is_set() or task.exception() is None):
            return task.result()
        task.cancel()
        with contextlib.suppress(asyncio.CancelledError, Exception):
            await task
        return None
    finally:
        waiter.cancel()


async def run_daemon(
    settings: Settings,
    role: Role,
    *,
    migrate: bool,
    stop: asyncio.Event,
    dump_path: Path | None = None,
    listener: ProgressListener | None = None,
) -> None:
    from stdaemon.bootstrap import ensure_drained
    from stdaemon.lifecycle import install_stop_signals, remove_stop_signals, run_services
    from stdaemon.logging import get_logger
    from stdaemon.systemd import Notifier

    log = get_logger("stdaemon.run")
    notifier = Notifier()
    installed = install_stop_signals(stop, asyncio.current_task())
    try:
        async with contextlib.AsyncExitStack() as stack:
            started = await until_stopped(
                stop,
                _start(
                    stack,
                    settings,
                    role,
                    migrate=migrate,
                    notifier=notifier,
                    dump_path=dump_path,
                    listener=listener,
                ),
            )
            if started is None:
                log.info("stopped_during_startup")
                return
            base, supervisor = started
            await run_services(
                [supervisor],
                stop=stop,
                grace_s=settings.shutdown_grace_s + SUPERVISOR_MARGIN_S,
                signals=False,
                sinks=[base.writer],
                notifier=notifier,
                announce=False,  # the supervisor's runners say it, once per epoch
            )
            if supervisor.session is not None:
                log.info("api_budget", **asdict(supervisor.session.gateway.snapshot()))
            ensure_drained(base.writer, settings)
    finally:
        remove_stop_signals(installed)


async def _start(
    stack: contextlib.AsyncExitStack,
    settings: Settings,
    role: Role,
    *,
    migrate: bool,
    notifier: Notifier,
    dump_path: Path | None,
    listener: ProgressListener | None,
) -> tuple[Base, Supervisor]:
    from stdaemon.bootstrap import App, Session, open_base, open_session, register_new
    from stdaemon.daemon.agent_token import TokenFile
    from stdaemon.daemon.roles import services_for
    from stdaemon.daemon.supervisor import Supervisor
    from stdaemon.lifecycle import Service
    from stdaemon.logging import get_logger
    from stdaemon.ops.wiring import metrics_socket, ops_services
    from stdaemon.systemd import watchdog

    dump = await load_dump(dump_path) if dump_path is not None else ()
    # a taken metrics port fails now, before anything starts
    metrics = await stack.enter_async_context(metrics_socket(settings, role.value))
    await stack.enter_async_context(watchdog(notifier))
    base = await stack.enter_async_context(open_base(settings, migrate=migrate, notifier=notifier))

    def session_services(session: Session) -> list[Service]:
        """The runners for one agent, and the reporting of this process about them."""
        runners = services_for(role, base, session, dump=dump, listener=listener)
        app = App(session.settings, base.db, base.writer, session.gateway, session.data, base.sandbox)
        # each session's metrics server owns a duplicate of the socket, so closing it keeps the port bound
        _, reporting = ops_services(
            app, role.value, runners, notifier=notifier, metrics=metrics.dup() if metrics else None
        )
        return [*runners, *reporting]

    supervisor = Supervisor(
        base.playing,
        open_session=lambda playing, limiter: open_session(base, playing, limiter),
        register=lambda playing, limiter: register_new(base, playing, limiter),
        roles=session_services,
        grace_s=settings.shutdown_grace_s,
        tokens=None if settings.sandbox else TokenFile(settings.state_dir),
    )
    await stack.enter_async_context(supervisor)
    notifier.status("checking the API")
    status = await supervisor.start()
    get_logger("stdaemon.run").info(
        "epoch", reset_date=str(status.reset_date), sandbox=base.sandbox is not None
    )
    if dump:
        assert supervisor.session is not None
        _check_dump(dump, dump_path, (await supervisor.session.data.agent()).headquarters)
    return base, supervisor


async def load_dump(path: Path) -> Sequence[DomainModel]:
    """Read and decode a saved `systems.json` (in a thread: it can be tens of megabytes)."""
    from stdaemon.cli.ingest import load_file

    loaded = await asyncio.to_thread(load_file, "systems-dump", path)
    if loaded.models is None:
        raise ConfigError(f"--from-dump {path}: {loaded.error}")
    return loaded.models


def _check_dump(dump: Sequence[DomainModel], path: Path | None, headquarters: str | None) -> None:
    from stdaemon.domain.ids import system_of
    from stdaemon.services.crawl.dump import dump_systems

    home = system_of(headquarters) if headquarters else None
    if home is not None and home not in dump_systems(dump):
        raise ConfigError(
            f"--from-dump {path} does not list your home system {home}: it is from another reset (every "
            "reset renames the systems); save a current one from GET /v2/systems.json"
        )


MigrateOption = Annotated[
    bool, typer.Option("--migrate/--no-migrate", help="bring the schema to head first (default)")
]
DumpOption = Annotated[
    Path | None,
    typer.Option(
        "--from-dump",
        help="seed the crawl with a saved systems.json (GET /v2/systems.json), not the systems pages",
        dir_okay=False,
    ),
]
RUNNER_HELP = {
    Role.all: "Every runner in one process (the crawl, the market polls, the fleet) until SIGINT/SIGTERM.",
    Role.crawl: "The universe crawl: reference data for every system, home first; resumes where it stopped.",
    Role.markets: "The market runner: probes stationed at marketplaces, markets and shipyards polled.",
    Role.fleet: "The fleet runner: one behaviour per ship (contracts, mining, trading, buying ships).",
}


def runner_app(role: Role) -> typer.Typer:
    """The command line of one runner script: `stdaemon run ROLE` without a ROLE argument to get wrong."""
    runner = typer.Typer(add_completion=False, pretty_exceptions_enable=False)
    help_text = f"{RUNNER_HELP[role]} Same as `stdaemon run {role.value}`."
    if role in (Role.all, Role.crawl):

        @runner.command(help=help_text)
        def with_dump(migrate: MigrateOption = True, from_dump: DumpOption = None) -> None:
            run_role(role, migrate=migrate, from_dump=from_dump)

    else:

        @runner.command(help=help_text)
        def without_dump(migrate: MigrateOption = True) -> None:
            run_role(role, migrate=migrate)

    return runner


@app.command("run")
def run(
    role: Annotated[Role, typer.Argument(help="which runner loops to run")] = Role.all,
    migrate: MigrateOption = True,
    from_dump: DumpOption = None,
) -> None:
    """Run the daemon until SIGINT/SIGTERM."""
    run_role(role, migrate=migrate, from_dump=from_dump)


def run_role(role: Role, *, migrate: bool = True, from_dump: Path | None = None) -> None:
    """`stdaemon run ROLE`, as the command line and the runner scripts call it."""
    from stdaemon.cli.progress_bar import crawl_bar
    from stdaemon.logging import configure_logging

    settings = load_settings()
    if from_dump is not None and role not in (Role.all, Role.crawl):
        raise ConfigError(
            f"--from-dump seeds the crawl: use it with `run crawl` or `run all`, not {role.value}"
        )
    if role is not Role.all and settings.database_url is None and os.environ.get("INVOCATION_ID"):
        # systemd kills a unit's whole cgroup when it stops, so an embedded server started by one runner unit
        # would die under the others whenever that one restarts.
        raise ConfigError(
            f"stdaemon@{role.value} under systemd needs ST_DATABASE_URL: the embedded PostgreSQL runs only "
            "in stdaemon@all (one process), since a split runner's unit would take it down for the others"
        )
    if role is not Role.all and settings.rate_budget_key is None and not settings.sandbox:
        # split runners of one account must share one budget, or together they spend several
        settings = settings.model_copy(update={"rate_budget_key": "default"})
    configure_logging(level=settings.log_level, log_format=settings.log_format, secrets=settings.secrets())

    async def main(listener: ProgressListener | None) -> None:
        await run_daemon(
            settings, role, migrate=migrate, stop=asyncio.Event(), dump_path=from_dump, listener=listener
        )

    with crawl_bar(role in (Role.all, Role.crawl)) as bar:
        asyncio.run(main(bar))

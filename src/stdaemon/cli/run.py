"""`stdaemon run [ROLE]`: the daemon. Runner scripts call the same code, one role per process.

It opens the database (embedded or configured), migrates it to head (`--no-migrate`: refuse to run unless it
is there already), logs a status line, then runs the DbWriter and the role's services until SIGINT/SIGTERM;
on stop the services finish their step, the writer drains, and the process exits 0.
"""

from __future__ import annotations

import asyncio
import enum
import os
from dataclasses import asdict
from typing import Annotated

import typer

from stdaemon.cli.app import app
from stdaemon.exits import ConfigError
from stdaemon.settings import Settings, load_settings


class Role(enum.StrEnum):
    all = "all"
    fleet = "fleet"
    crawl = "crawl"
    markets = "markets"


# Roles whose runner loops exist. The crawl runner is later work: asking for it by name is refused in one
# line rather than silently running nothing.
BUILT = {Role.all, Role.fleet, Role.markets}


async def run_daemon(settings: Settings, role: Role, *, migrate: bool, stop: asyncio.Event) -> None:
    from stdaemon.api.errors import ResetDetected
    from stdaemon.bootstrap import build_app, ensure_drained, fleet_deps
    from stdaemon.lifecycle import Service, run_services
    from stdaemon.logging import get_logger
    from stdaemon.ops.wiring import metrics_socket, ops_services
    from stdaemon.services.fleet.rules import RUNNER, fleet_planner
    from stdaemon.services.fleet.runner import Runner
    from stdaemon.services.markets import build_market_runner
    from stdaemon.systemd import Notifier, watchdog

    log = get_logger("stdaemon.run")
    notifier = Notifier()
    async with (
        metrics_socket(settings, role.value) as metrics,  # a taken port fails now, before anything starts
        watchdog(notifier),
        build_app(settings, migrate=migrate, notifier=notifier) as built,
    ):
        notifier.status("checking the API")
        epoch = await built.data.start()
        log.info("epoch", reset_date=str(epoch.reset_date), sandbox=built.sandbox is not None)
        services: list[Service] = []
        deps = fleet_deps(built.data, built.db.engine, built.writer, built.settings)
        if role in (Role.all, Role.fleet):
            services.append(Runner(RUNNER, deps, fleet_planner()))
        if role in (Role.all, Role.markets):
            services.append(build_market_runner(deps))
        _, reporting = ops_services(built, role.value, services, notifier=notifier, metrics=metrics)
        try:
            await run_services(
                [*services, *reporting],
                stop=stop,
                grace_s=settings.shutdown_grace_s,
                sinks=[built.writer],
                notifier=notifier,
            )
        except* ResetDetected as group:
            reset = group.exceptions[0]
            assert isinstance(reset, ResetDetected)
            raise ConfigError(
                f"the server was reset (now {reset.expected}, the token is from {reset.actual}): "
                "register a new agent and set ST_TOKEN; the old epoch's data stays in the database"
            ) from None
        log.info("api_budget", **asdict(built.gateway.snapshot()))
        ensure_drained(built.writer, settings)


@app.command("run")
def run(
    role: Annotated[Role, typer.Argument(help="which runner loops to run")] = Role.all,
    migrate: Annotated[
        bool, typer.Option("--migrate/--no-migrate", help="bring the schema to head first (default)")
    ] = True,
) -> None:
    """Run the daemon until SIGINT/SIGTERM."""
    from stdaemon.logging import configure_logging

    settings = load_settings()
    if role not in BUILT:
        raise ConfigError(f"the {role.value} runner is not built yet: run `stdaemon run fleet` (or all)")
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

    async def main() -> None:
        await run_daemon(settings, role, migrate=migrate, stop=asyncio.Event())

    asyncio.run(main())

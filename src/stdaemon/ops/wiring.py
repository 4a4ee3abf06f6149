"""The operations services of a runner process: heartbeat, `stats` line and (opt-in) the metrics endpoint."""

from __future__ import annotations

import contextlib
import socket
from collections.abc import AsyncIterator, Sequence

from stdaemon.bootstrap import App
from stdaemon.lifecycle import Service
from stdaemon.ops.figures import ProcessFigures
from stdaemon.ops.prometheus import MetricsServer, listen
from stdaemon.ops.reporting import Heartbeat, StatsLog
from stdaemon.settings import Settings
from stdaemon.systemd import Notifier

# `stdaemon run all` listens on ST_METRICS_PORT; the split runners of one host on the next ports.
PORT_OFFSETS = {"all": 0, "crawl": 1, "markets": 2, "fleet": 3}


@contextlib.asynccontextmanager
async def metrics_socket(settings: Settings, role: str) -> AsyncIterator[socket.socket | None]:
    """The bound metrics socket for `role` (closed on exit), or None when ST_METRICS_PORT is unset."""
    if settings.metrics_port is None:
        yield None
        return
    sock = listen(settings.metrics_host, settings.metrics_port + PORT_OFFSETS.get(role, 0))
    with contextlib.closing(sock):
        yield sock


def ops_services(
    app: App,
    role: str,
    runners: Sequence[Service],
    *,
    notifier: Notifier,
    metrics: socket.socket | None,
) -> tuple[ProcessFigures, list[Service]]:
    """The figures of this process and the services that report them."""
    settings = app.settings
    figures = ProcessFigures(
        role=role,
        settings=settings,
        gateway=app.gateway,
        writer=app.writer.metrics,
        caches=app.data,
        engine=app.db.engine,
        services=runners,
    )

    async def agent_symbol() -> str:
        return (await app.data.agent()).symbol

    services: list[Service] = [
        Heartbeat(
            figures,
            app.db.engine,
            reset_date=lambda: app.data.reset_date,
            agent_symbol=agent_symbol,
            every_s=settings.heartbeat_interval_s,
            notifier=notifier,
        ),
        StatsLog(figures, every_s=settings.stats_interval_s),
    ]
    if metrics is not None:
        services.append(MetricsServer(figures, metrics))
    return figures, services

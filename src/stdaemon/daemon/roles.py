"""The services each role of `stdaemon run` runs, built for one session (one agent token).

`all` runs every runner in one process sharing one gateway (the default, and what the sandbox runs); the
other roles run one runner each, as the runner scripts and systemd's `stdaemon@ROLE` do.
"""

from __future__ import annotations

from collections.abc import Sequence

from stdaemon.api.adapters import DecodeError
from stdaemon.api.errors import (
    ApiError,
    MalformedResponse,
    RateLimited,
    ResetDetected,
    ServerUnavailable,
    Unauthorized,
)
from stdaemon.api.universe_source import GatewayUniverse
from stdaemon.bootstrap import Base, Session, fleet_deps
from stdaemon.db.crawl_store import DbCrawlStore
from stdaemon.db.writer import WriteRejected
from stdaemon.domain.base import DomainModel
from stdaemon.lifecycle import Service
from stdaemon.services.crawl import CrawlErrors, UniverseCrawl
from stdaemon.services.crawl.progress import ProgressListener
from stdaemon.services.fleet.rules import build_fleet_runner
from stdaemon.services.markets import build_market_runner

FATAL = (ResetDetected, Unauthorized)  # the supervisor handles a reset; a bad token stops the process (78)

CRAWL_ERRORS = CrawlErrors(
    fatal=FATAL,
    # the server or the database could not do it now: retried, then set aside and retried later
    transient=(ServerUnavailable, RateLimited, MalformedResponse, DecodeError, WriteRejected),
    refused=(ApiError,),  # any other error answer (a 4xx): the item is not there to be had
)


def services_for(
    role: str,
    base: Base,
    session: Session,
    *,
    dump: Sequence[DomainModel] = (),
    listener: ProgressListener | None = None,
) -> list[Service]:
    services: list[Service] = []
    """The runners of `role` (`all`, `fleet`, `markets` or `crawl`: `stdaemon run ROLE`)."""
    if role in ("all", "fleet", "markets"):
        deps = fleet_deps(session.data, base.db.engine, base.writer, session.settings)
        if role in ("all", "fleet"):
            services.append(build_fleet_runner(deps))
        if role in ("all", "markets"):
            services.append(build_market_runner(deps))
    if role in ("all", "crawl"):
        services.append(
            UniverseCrawl(
                source=GatewayUniverse(session.gateway),
                store=DbCrawlStore(base.db.engine, base.writer),
                epochs=session.data,
                errors=CRAWL_ERRORS,
                dump=dump,
                listener=listener,
            )
        )
    return services

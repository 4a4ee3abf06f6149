"""The crawl end to end in one process: the real gateway, DataService, store and DbWriter on PostgreSQL,
against stsim in-process; every request counted at the transport.

A complete crawl equals stsim's universe; a crawl stopped several times and started again (a new gateway
and DataService each time, as after a restart) fetches no stored page twice; a saved systems.json replaces
the systems listing.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass
from typing import Any

import httpx
from sqlalchemy.ext.asyncio import AsyncEngine

from stdaemon.api import adapters
from stdaemon.api.client import make_client
from stdaemon.api.decoder import ADAPTERS
from stdaemon.api.errors import ResetDetected
from stdaemon.api.gateway import Gateway
from stdaemon.api.limiter import TwoPoolBudget
from stdaemon.api.scheduler import Scheduler
from stdaemon.api.universe_source import GatewayUniverse
from stdaemon.daemon.roles import CRAWL_ERRORS
from stdaemon.db.crawl_store import DbCrawlStore
from stdaemon.db.sink import DbReferenceSource, WriterSink
from stdaemon.db.writer import DbWriter
from stdaemon.services.crawl import UniverseCrawl
from stdaemon.services.data_service import DataService
from stdaemon.settings import Settings
from stsim.app import build_app
from tests.crawl.crawl_support import (
    CountingTransport,
    crawl_requests,
    progress_rows,
    stored_requests,
    stored_universe,
    stsim_universe,
)
from tests.writer.writer_support import running

URL = "http://stsim.test/v2"


@dataclass
class World:
    app: Any
    token: str

    @property
    def server(self) -> Any:
        return self.app.state.server


async def new_world(systems: int = 12) -> World:
    app = build_app(seed=5, systems=systems, rate_limit=False)
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app), base_url=URL) as client:
        reply = await client.post(
            "/register",
            json={"symbol": "CRAWLER", "faction": "COSMIC"},
            headers={"Authorization": "Bearer a"},
        )
        reply.raise_for_status()
    return World(app, reply.json()["data"]["token"])


@asynccontextmanager
async def crawler(
    world: World, engine: AsyncEngine, writer: DbWriter, counting: CountingTransport, **kw: Any
) -> AsyncIterator[UniverseCrawl]:
    """A crawl as a fresh process would build it: new client, gateway, DataService; same database."""
    settings = Settings(api_url=URL, token=world.token)
    gateway = Gateway(
        make_client(settings, transport=counting), Scheduler(TwoPoolBudget(per_second=1000, burst=0))
    )
    data = DataService(
        api=gateway,
        decode=ADAPTERS,
        sink=WriterSink(writer),
        reference=DbReferenceSource(engine),
        settings=settings,
        reset_errors=(ResetDetected,),
    )
    try:
        yield UniverseCrawl(
            source=GatewayUniverse(gateway),
            store=DbCrawlStore(engine, writer),
            epochs=data,
            errors=CRAWL_ERRORS,
            **kw,
        )
    finally:
        await gateway.aclose()


async def test_a_complete_crawl_equals_stsims_universe(clean_db: AsyncEngine) -> None:
    world = await new_world()
    counting = CountingTransport(httpx.ASGITransport(world.app))
    writer = DbWriter(clean_db, linger_s=0.01)
    async with running(writer), crawler(world, clean_db, writer, counting) as crawl:
        assert await crawl.crawl_epoch(asyncio.Event()) is True
    assert await stored_universe(clean_db) == stsim_universe(world.server)
    asked = crawl_requests(counting.requests)
    assert max(counting.counts[k] for k in asked) == 1, "a page was fetched twice"
    assert asked == stored_requests(await progress_rows(clean_db))
    assert crawl.last is not None
    assert crawl.last.pages_done == crawl.last.pages_total == len(asked)
    assert crawl.last.systems_done == len(world.server.world.universe.systems)
    assert crawl.last.waypoints == len(world.server.world.universe.waypoints)


async def test_a_crawl_stopped_again_and_again_never_fetches_a_stored_page_twice(
    clean_db: AsyncEngine,
) -> None:
    world = await new_world()
    counting = CountingTransport(httpx.ASGITransport(world.app))
    writer = DbWriter(clean_db, linger_s=0.01)
    async with running(writer):
        for stop_after in (3, 10, 25, 40, None):
            stop = asyncio.Event()
            async with crawler(world, clean_db, writer, counting) as crawl:
                task = asyncio.create_task(crawl.crawl_epoch(stop))
                if stop_after is not None:
                    async with asyncio.timeout(20):
                        while len(crawl_requests(counting.requests)) < stop_after and not task.done():  # noqa: ASYNC110
                            await asyncio.sleep(0)
                    stop.set()
                complete = await task
        assert complete
    asked = crawl_requests(counting.requests)
    twice = {k: n for k, n in counting.counts.items() if k in asked and n > 1}
    assert twice == {}
    assert await stored_universe(clean_db) == stsim_universe(world.server)


async def test_a_saved_systems_dump_replaces_the_systems_listing(clean_db: AsyncEngine) -> None:
    world = await new_world(systems=25)  # two pages of systems
    async with httpx.AsyncClient(transport=httpx.ASGITransport(world.app), base_url=URL) as client:
        dump = adapters.decode_kind("systems-dump", (await client.get("/systems.json")).json())
    counting = CountingTransport(httpx.ASGITransport(world.app))
    writer = DbWriter(clean_db, linger_s=0.01)
    async with running(writer), crawler(world, clean_db, writer, counting, dump=dump) as crawl:
        assert await crawl.crawl_epoch(asyncio.Event()) is True
    asked = crawl_requests(counting.requests)
    assert not [k for k in asked if k.startswith("GET /v2/systems #")]
    assert await stored_universe(clean_db) == stsim_universe(world.server)
    assert max(counting.counts[k] for k in asked) == 1

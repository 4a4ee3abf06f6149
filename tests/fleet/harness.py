"""A whole game for the fleet tests: stsim in-process on a skipping clock, the real gateway, DataService,
DbWriter and PostgreSQL, and the fleet's services wired as bootstrap wires them."""

from __future__ import annotations

import asyncio
import json
from collections.abc import AsyncIterator, Callable, Sequence
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from typing import Any

import httpx
from pydantic import SecretStr
from sqlalchemy.ext.asyncio import AsyncEngine

from stdaemon.api.adapters import register_result
from stdaemon.api.decoder import ADAPTERS
from stdaemon.api.errors import ResetDetected
from stdaemon.api.gateway import Gateway, build_gateway
from stdaemon.bootstrap import fleet_deps
from stdaemon.db.sink import DbReferenceSource, WriterSink
from stdaemon.db.writer import DbWriter
from stdaemon.services.data_service import DataService
from stdaemon.services.fleet.clock import SkipClock, WallClock
from stdaemon.services.fleet.context import FleetDeps
from stdaemon.services.fleet.runner import Runner
from stdaemon.settings import Settings
from stsim.app import Server, build_app
from stsim.model import Contract as SimContract
from stsim.model import Ship as SimShip
from stsim.state import World

URL = "http://stsim.test/v2"


Hook = Callable[[httpx.Request], None]


class CountingTransport(httpx.AsyncBaseTransport):
    """Counts answers by status (a 429 from stsim must never happen) around the ASGI transport.

    `before(method, path_end, hook)`: run `hook` once, just before the first matching request reaches the
    server (another player changing the world under us). `lose_answer(method, path_end)`: the first matching
    request reaches the server, then its answer is lost (a read timeout: the outcome is unknown to us).
    """

    def __init__(self, inner: httpx.AsyncBaseTransport, *, after: Callable[[], None] | None = None) -> None:
        self.inner = inner
        self.after = after  # called after each answer (the benchmark moves its clock by a request's cost)
        self.statuses: dict[int, int] = {}
        self.requests: list[tuple[str, str, int]] = []
        self.errors: list[tuple[str, str, int | None]] = []
        self._before: list[tuple[str, str, Hook]] = []
        self._lose: list[tuple[str, str]] = []

    def before(self, method: str, path_end: str, hook: Hook) -> None:
        self._before.append((method, path_end, hook))

    def lose_answer(self, method: str, path_end: str) -> None:
        self._lose.append((method, path_end))

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        path = request.url.path
        for i, (method, end, hook) in enumerate(self._before):
            if request.method == method and path.endswith(end):
                del self._before[i]
                hook(request)
                break
        response = await self.inner.handle_async_request(request)
        await response.aread()
        self.statuses[response.status_code] = self.statuses.get(response.status_code, 0) + 1
        self.requests.append((request.method, path, response.status_code))
        if self.after is not None:
            self.after()
        if response.status_code >= 400:
            error = json.loads(response.content).get("error", {})
            self.errors.append((request.method, path, error.get("code")))
        for i, (method, end) in enumerate(self._lose):
            if request.method == method and path.endswith(end):
                del self._lose[i]
                raise httpx.ReadTimeout("the answer was lost", request=request)
        return response


@dataclass
class Game:
    server: Server
    clock: SkipClock | WallClock
    transport: CountingTransport
    gateway: Gateway
    writer: DbWriter
    data: DataService
    deps: FleetDeps
    agent: str
    settings: Settings
    tasks: list[asyncio.Task[Any]] = field(default_factory=list)

    @property
    def world(self) -> World:
        return self.server.world

    def codes(self) -> list[int | None]:
        return [code for _, _, code in self.transport.errors]

    def ship(self, frame: str = "FRAME_FRIGATE") -> SimShip:
        return next(s for s in self.world.ships.values() if s.owner == self.agent and s.frame == frame)

    def contract(self) -> SimContract:
        return next(c for c in self.world.contracts.values() if c.agent == self.agent)

    async def run(self, runners: Sequence[Runner], until: Any, *, limit_s: float = 60.0) -> None:
        """Run the runners until `until()` is true (checked as they go), then stop them cleanly."""
        stop = asyncio.Event()
        tasks = [asyncio.create_task(r.run(stop), name=r.name) for r in runners]
        try:
            async with asyncio.timeout(limit_s):
                while not until():
                    done = [t for t in tasks if t.done()]
                    if done:
                        done[0].result()  # a runner that crashed: raise its error here
                        raise AssertionError(f"runner {done[0].get_name()} stopped on its own")
                    await asyncio.sleep(0.01)
        finally:
            stop.set()
            await asyncio.gather(*tasks, return_exceptions=True)
        await self.writer.flush()


def game_settings(**overrides: Any) -> Settings:
    base: dict[str, Any] = {
        "_env_file": None,
        "api_url": URL,
        "rate_per_second": 2,
        "rate_burst": 30,
        "ttl_ships_s": 30,
        "market_poll_interval_s": 300,
    }
    return Settings(**(base | overrides))


@asynccontextmanager
async def game(
    engine: AsyncEngine,
    *,
    seed: int = 3,
    systems: int = 6,
    speed: float = 1.0,
    rate_limit: bool = False,
    follow_wall: bool = False,
    wall: bool = False,
    request_cost_s: float = 0.0,
    **settings: Any,
) -> AsyncIterator[Game]:
    """`wall`: real time for the server and the engine (status ages compare with the database's now());
    otherwise a skipping clock, standing still between skips unless `follow_wall`. `request_cost_s`: the
    skipping clock moves this far after every answer (what the rate budget makes a request cost)."""
    skip = SkipClock(follow_wall=follow_wall)
    clock: SkipClock | WallClock = WallClock() if wall else skip
    app = build_app(
        seed=seed, systems=systems, speed=speed, rate_limit=rate_limit, clock=None if wall else skip
    )
    cost = (lambda: skip.advance(request_cost_s)) if request_cost_s > 0 and not wall else None
    transport = CountingTransport(httpx.ASGITransport(app=app), after=cost)
    if not rate_limit:  # nothing to respect: let the test run as fast as the machine
        settings = {"rate_per_second": 1000, "rate_burst": 0} | settings
    registering = game_settings(account_token=SecretStr("account"), **settings)
    setup = build_gateway(registering, transport=transport)
    try:
        registered = register_result(await setup.register("FLEETTEST", "COSMIC"))
    finally:
        await setup.aclose()
    playing = game_settings(token=registered.token, **settings)
    gateway = build_gateway(playing, transport=transport)
    writer = DbWriter(engine, linger_s=0.02, drain_s=10)
    writer_stop = asyncio.Event()
    writer_task = asyncio.create_task(writer.run(writer_stop))
    data = DataService(
        api=gateway,
        decode=ADAPTERS,
        sink=WriterSink(writer),
        reference=DbReferenceSource(engine),
        settings=playing,
        reset_errors=(ResetDetected,),
        now=clock.now,
    )
    await data.start()
    deps = fleet_deps(data, engine, writer, playing, clock=clock)
    server: Server = app.state.server
    try:
        yield Game(server, clock, transport, gateway, writer, data, deps, registered.agent.symbol, playing)
    finally:
        writer_stop.set()
        await writer_task
        await gateway.aclose()

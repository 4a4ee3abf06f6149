"""A few hours of play against an in-process stsim, observed the way the daemon observes: realistic data.

A command frigate runs a trade route out of headquarters (buy an export, fly to a market that imports it,
sell, refuel, fly back) and the probe tours the system's markets. Every step (one game minute) we read
the ships and the agent, and the market under every ship that is not flying. Every payload is decoded by
the daemon's adapters and mapped by `db.rows` into one `Observations` (written in one transaction).

stsim runs on a FakeClock that ends at the real now, so the views' ages (measured against `now()`) come
out as a live daemon's would: the last observations are fresh, the first ones hours old.
"""

from __future__ import annotations

import argparse
import asyncio
import math
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any

import httpx

from stdaemon.api import adapters
from stdaemon.domain.ids import system_of
from stdaemon.domain.market import MarketTransaction
from stdaemon.domain.operations import LedgerEntry
from stsim.app import build_app
from stsim.clock import FakeClock
from tests.analytics.observations import Observations

Json = dict[str, Any]


class GameError(Exception):
    pass


@dataclass
class Route:
    """The frigate's trade: buy `good` at `home`, sell it at `away`."""

    good: str
    home: str
    away: str
    away_sell: int | None = None  # what the good fetched at `away` last time


@dataclass
class SandboxGame:
    hours: float = 3.0
    step_s: int = 60
    seed: int = 1
    systems: int = 6
    agent: str = "STDAEMON"
    end: datetime = field(default_factory=lambda: datetime.now(UTC))

    def __post_init__(self) -> None:
        self.clock = FakeClock(self.end - timedelta(hours=self.hours))
        app = build_app(seed=self.seed, systems=self.systems, speed=1.0, rate_limit=False, clock=self.clock)
        self.http = httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://stsim/v2")
        self.headers: dict[str, str] = {"Authorization": "Bearer sandbox-account"}
        self.obs: Observations | None = None
        self.coords: dict[str, tuple[int, int]] = {}
        self.markets: list[str] = []
        self.doing: dict[str, tuple[str, str]] = {}
        self.entries = 0

    async def _call(self, method: str, path: str, body: Json | None = None) -> Any:
        response = await self.http.request(method, path, json=body, headers=self.headers)
        if response.status_code >= 400:
            raise GameError(f"{method} {path}: {response.status_code} {response.text[:300]}")
        return response.json()

    async def _data(self, method: str, path: str, body: Json | None = None) -> Any:
        return (await self._call(method, path, body))["data"]

    def _see(self, *models: Any) -> None:
        assert self.obs is not None
        self.obs.observe(models, self.clock.now())

    async def _start(self) -> tuple[str, str]:
        """Register, learn the epoch and the home system; returns (frigate, probe)."""
        registered = adapters.register_result(
            await self._data("POST", "/register", {"symbol": self.agent, "faction": "COSMIC"})
        )
        self.headers["Authorization"] = f"Bearer {registered.token.get_secret_value()}"
        status = adapters.server_status(await self._call("GET", "/"))
        self.obs = Observations(status.reset_date)
        self.obs.reset_seen(self.clock.now())
        self._see(registered)
        if registered.agent.headquarters is None:
            raise GameError("the registered agent has no headquarters")
        home = system_of(registered.agent.headquarters)
        page = 1
        while True:
            body = await self._call("GET", f"/systems/{home}/waypoints?page={page}&limit=20")
            waypoints = [adapters.waypoint(w) for w in body["data"]]
            self._see(*waypoints)
            for w in waypoints:
                self.coords[w.symbol] = (w.x, w.y)
                if "MARKETPLACE" in w.traits:
                    self.markets.append(w.symbol)
            if page * 20 >= body["meta"]["total"]:
                break
            page += 1
        frigate, probe = sorted(registered.ships, key=lambda s: s.fuel.capacity, reverse=True)[:2]
        return frigate.symbol, probe.symbol

    async def _route(self, home: str) -> Route:
        """An export of home imported by the farthest market that takes it (a real route, worth flying)."""
        here = await self._data("GET", f"/systems/{system_of(home)}/waypoints/{home}/market")
        exports = {g["symbol"] for g in here["exports"]}
        for market in sorted(self.markets, key=lambda m: -math.dist(self.coords[m], self.coords[home])):
            listing = await self._data("GET", f"/systems/{system_of(market)}/waypoints/{market}/market")
            wanted = sorted(exports & {g["symbol"] for g in listing["imports"]})
            if wanted and self.coords[market] != self.coords[home]:
                return Route(wanted[0], home, market)
        raise GameError(f"no market in {system_of(home)} imports what {home} exports")

    async def _ship(self, symbol: str) -> Json:
        ship: Json = await self._data("GET", f"/my/ships/{symbol}")
        return ship

    def _book(self, ship: str, tx: MarketTransaction, credits: int, kind: str | None = None) -> None:
        """The credit change in the ledger, under the behaviour doing it, as the fleet runner books it."""
        assert self.obs is not None
        self.entries += 1
        sign = 1 if tx.type == "SELL" else -1
        self.obs.ledger(
            LedgerEntry(
                entry_id=f"sandbox-{self.entries}", occurred_at=self.clock.now(), agent_symbol=self.agent,
                ship_symbol=ship, behaviour=self.doing[ship][0], kind=kind or tx.type, ref=tx.trade_symbol,
                amount=sign * tx.total_price, credits_after=credits, units=tx.units,
                price_per_unit=tx.price_per_unit, waypoint_symbol=tx.waypoint_symbol,
            )
        )  # fmt: skip

    def _doing(self, ship: str, behaviour: str, note: str) -> None:
        assert self.obs is not None
        self.doing[ship] = (behaviour, note)
        self.obs.behaviour(ship, behaviour, note=note, at=self.clock.now())

    async def _fly(self, ship: str, to: str) -> None:
        await self._data("POST", f"/my/ships/{ship}/orbit")
        self._see(
            adapters.nav_result(
                await self._data("POST", f"/my/ships/{ship}/navigate", {"waypointSymbol": to})
            )
        )

    async def _trade(self, ship: str, kind: str, good: str, units: int, where: str) -> None:
        """Buy or sell `units` in batches of the market's trade volume (4604 otherwise)."""
        market = await self._data("GET", f"/systems/{system_of(where)}/waypoints/{where}/market")
        [listing] = [g for g in market["tradeGoods"] if g["symbol"] == good]
        await self._data("POST", f"/my/ships/{ship}/dock")
        while units > 0:
            batch = min(units, listing["tradeVolume"])
            body = {"symbol": good, "units": batch}
            result = adapters.trade_result(await self._data("POST", f"/my/ships/{ship}/{kind}", body))
            self._see(result)
            self._book(ship, result.transaction, result.agent.credits)
            units -= batch

    async def _frigate_turn(self, symbol: str, route: Route) -> None:
        ship = await self._ship(symbol)
        if ship["nav"]["status"] == "IN_TRANSIT":
            return
        where = ship["nav"]["waypointSymbol"]
        held = {i["symbol"]: i["units"] for i in ship["cargo"]["inventory"]}
        if where == route.home and not held:
            market = await self._data("GET", f"/systems/{system_of(where)}/waypoints/{where}/market")
            [price] = [g["purchasePrice"] for g in market["tradeGoods"] if g["symbol"] == route.good]
            if route.away_sell is None or price < route.away_sell * 0.9:  # else wait for prices to relax
                self._doing(symbol, "trade", f"buying {route.good} at {where} to sell at {route.away}")
                await self._trade(symbol, "purchase", route.good, ship["cargo"]["capacity"], where)
                await self._fly(symbol, route.away)
            else:
                self._doing(symbol, "trade", f"waiting at {where} for {route.good} to get cheaper")
            return
        self._doing(symbol, "trade", f"selling {route.good} at {where}")
        for good, units in held.items():  # at the far market, or back home with something unsold
            await self._trade(symbol, "sell", good, units, where)
        if where == route.away:
            market = await self._data("GET", f"/systems/{system_of(where)}/waypoints/{where}/market")
            route.away_sell = next(g["sellPrice"] for g in market["tradeGoods"] if g["symbol"] == route.good)
            refuel = adapters.refuel_result(await self._data("POST", f"/my/ships/{symbol}/refuel"))
            self._see(refuel)
            self._book(symbol, refuel.transaction, refuel.agent.credits, kind="REFUEL")
            await self._fly(symbol, route.home)

    async def _probe_turn(self, symbol: str, step: int) -> None:
        ship = await self._ship(symbol)
        if ship["nav"]["status"] != "IN_TRANSIT" and step % 10 == 0:  # ten minutes at each market
            here = ship["nav"]["waypointSymbol"]
            tour = sorted(self.markets)
            nxt = tour[(tour.index(here) + 1) % len(tour)] if here in tour else tour[0]
            self._doing(symbol, "market-watch", f"touring the markets: next {nxt}")
            await self._fly(symbol, nxt)

    async def _observe_step(self) -> None:
        ships = [adapters.ship(s) for s in await self._data("GET", "/my/ships")]
        self._see(*ships, adapters.agent(await self._data("GET", "/my/agent")))
        for ship in ships:
            at = ship.nav.waypoint_symbol
            if ship.nav.status != "IN_TRANSIT" and at in self.markets:
                self._see(
                    adapters.market(
                        await self._data("GET", f"/systems/{system_of(at)}/waypoints/{at}/market")
                    )
                )

    async def play(self) -> Observations:
        try:
            frigate, probe = await self._start()
            route = await self._route((await self._ship(frigate))["nav"]["waypointSymbol"])
            steps = int(self.hours * 3600 / self.step_s)
            for step in range(steps):
                await self._frigate_turn(frigate, route)
                await self._probe_turn(probe, step)
                await self._observe_step()
                if step < steps - 1:
                    self.clock.advance(self.step_s)
        finally:
            await self.http.aclose()
        assert self.obs is not None
        return self.obs


async def _main() -> None:
    from stdaemon.db.engine import make_engine
    from stdaemon.db.migrations import upgrade_head

    parser = argparse.ArgumentParser(description="fill a development database with a sandbox game")
    parser.add_argument("url", help="postgresql+asyncpg://… (migrated to head first)")
    parser.add_argument("--hours", type=float, default=3.0)
    args = parser.parse_args()
    await upgrade_head(args.url)
    engine = make_engine(args.url)
    try:
        obs = await SandboxGame(hours=args.hours).play()
        await obs.write(engine)
        print({table: len(rows) for table, rows in obs.rows.items()})
    finally:
        await engine.dispose()


if __name__ == "__main__":
    asyncio.run(_main())

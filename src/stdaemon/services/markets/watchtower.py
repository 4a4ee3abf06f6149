"""The market runner's services: the station plan, polling, the sweep chore, and buying probes.

- `Watchtower.poll(waypoint, ship)`: reads the market (and the shipyard, if there is one) afresh through the
  DataService, which writes `markets`, `market_trade_goods`, `market_snapshots`, `market_transactions` and
  the shipyard tables; a waypoint polled less than half an interval ago is skipped, so a probe and the sweep
  never poll the same market twice in a row.
- `Watchtower.plan_for(view)`: the stations of one probe, from `stations.plan_stations` over every probe the
  runner holds and every market of the home system; re-planned when either set changes (`fingerprint`).
- `PollSweep`: every interval, polls each market where any of our ships (a probe or not) is present.
- Buying probes: when a shipyard that sells SHIP_PROBE is polled with one of our ships there, there are
  fewer probes than markets to watch, `ST_PROBE_BUDGET` (credits for probes this reset) allows the price, and
  the credits left stay above `FleetConfig.ship_floor` (in the sandbox the starting credits: from profit),
  one probe is bought and adopted by the runner at once. Budget 0 never buys.
"""

from __future__ import annotations

import asyncio
from datetime import date, datetime, timedelta
from typing import TYPE_CHECKING

from stdaemon.domain.ids import system_of
from stdaemon.logging import get_logger
from stdaemon.services.fleet.context import FleetDeps, ShipContext, settled
from stdaemon.services.fleet.navigation import Point
from stdaemon.services.fleet.planner import PlanView
from stdaemon.services.fleet.runner import ChoreHealth
from stdaemon.services.markets.stations import fingerprint, plan_stations

if TYPE_CHECKING:
    from stdaemon.services.fleet.runner import Runner

log = get_logger("stdaemon.markets")

PROBE = "SHIP_PROBE"
BUYER = "buy_probes"


class Watchtower:
    def __init__(self, deps: FleetDeps, *, interval: timedelta, probe_budget: int = 0) -> None:
        self.deps = deps
        self.interval = interval
        self.probe_budget = probe_budget
        self.runner: Runner | None = None
        self.fingerprint = ""
        self._plan: dict[str, list[str]] = {}
        self.polled: dict[str, datetime] = {}  # waypoint -> last poll
        self._spent: int | None = None
        self._buying = asyncio.Lock()
        self._epoch: date | None = None
        self.polls = 0

    # --- stations ------------------------------------------------------------------------------------

    async def home_markets(self) -> tuple[list[Point], Point | None]:
        agent = await self.deps.data.agent()
        if agent.headquarters is None:
            return [], None
        system = system_of(agent.headquarters)
        points = await self.deps.atlas.points(system)
        listings = await self.deps.atlas.listings(system)
        return [points[s] for s in sorted(listings) if s in points], points.get(agent.headquarters)

    async def plan_for(self, view: PlanView) -> list[str]:
        self._same_epoch()
        probes = sorted(view.others)
        markets, home = await self.home_markets()
        now_print = fingerprint(probes, [m.symbol for m in markets])
        if now_print != self.fingerprint:
            where: dict[str, Point | None] = {}
            for probe in probes:
                ship = await self.deps.data.ship(probe)
                where[probe] = next((m for m in markets if m.symbol == ship.nav.waypoint_symbol), None) or (
                    self.deps.atlas.known_points(ship.nav.system_symbol).get(ship.nav.waypoint_symbol)
                )
            self._plan = plan_stations(where, markets, home)
            self.fingerprint = now_print
            log.info("stations_planned", probes=len(probes), markets=len(markets), plan=self._plan)
        return self._plan.get(view.ship.symbol, [])

    # --- polling -------------------------------------------------------------------------------------

    def _same_epoch(self) -> None:
        """After a server reset the polls, the plan and the probe spending start again."""
        epoch = self.deps.reset_date()
        if epoch != self._epoch:
            self.polled.clear()
            self._plan, self.fingerprint, self._spent, self._epoch = {}, "", None, epoch

    async def poll(self, waypoint: str, ship: str) -> None:
        self._same_epoch()
        now = self.deps.clock.now()
        last = self.polled.get(waypoint)
        if last is None or now - last >= self.interval / 2:
            self.polled[waypoint] = now
            market = await self.deps.data.market(waypoint, fresh=True)
            self.polls += 1
            shipyard = None
            if "SHIPYARD" in (await self.deps.data.waypoint(waypoint)).traits:
                shipyard = await self.deps.data.shipyard(waypoint, fresh=True)
            log.info(
                "market_polled",
                waypoint=waypoint,
                ship=ship,
                goods=len(market.trade_goods),
                shipyard=shipyard is not None,
            )
        if "SHIPYARD" in (await self.deps.data.waypoint(waypoint)).traits:
            await self._consider_buying(waypoint)

    async def sweep(self) -> None:
        """Poll every market where one of our ships is present (not in transit)."""
        now = self.deps.clock.now()
        for listed in await self.deps.data.ships():
            ship = settled(listed, now)
            if ship.nav.status == "IN_TRANSIT":
                continue
            listings = await self.deps.atlas.listings(ship.nav.system_symbol)
            if ship.nav.waypoint_symbol in listings:
                await self.poll(ship.nav.waypoint_symbol, ship.symbol)

    # --- buying probes -------------------------------------------------------------------------------

    async def _consider_buying(self, waypoint: str) -> None:
        if self.probe_budget <= 0 or self.runner is None:
            return
        async with self._buying:  # a probe's poll and the sweep may both be here: one decides at a time
            await self._buy_if_wanted(waypoint)

    async def _buy_if_wanted(self, waypoint: str) -> None:
        assert self.runner is not None
        markets, _ = await self.home_markets()
        if len(self.runner.ships) >= len(markets):
            return
        shipyard = await self.deps.data.shipyard(waypoint)
        listing = next((s for s in shipyard.ships if s.type == PROBE), None)
        price = listing.purchase_price if listing is not None else None
        if price is None:
            return
        if self._spent is None:
            self._spent = await self.deps.ledger.spent(
                self.deps.reset_date(), behaviour=BUYER, kind="SHIP_PURCHASE"
            )
        agent = await self.deps.data.agent()
        floor = max(self.deps.config.ship_floor, self.deps.config.credit_reserve)  # sandbox: from profit
        if self._spent + price > self.probe_budget or agent.credits - floor < price:
            return
        buyer = await self._present(waypoint)
        if buyer is None:  # the ship that brought us here has left meanwhile
            return
        try:
            result = await ShipContext(self.deps, buyer, BUYER).purchase_ship(PROBE, waypoint)
        except self.deps.errors.fatal:
            raise
        except (
            self.deps.errors.api
        ) as err:  # e.g. 4245: no ship of ours there after all; next poll tries again
            log.info("probe_not_bought", waypoint=waypoint, reason=str(err))
            return
        self._spent += result.transaction.price
        log.info(
            "probe_bought",
            ship=result.ship.symbol,
            price=result.transaction.price,
            spent=self._spent,
            budget=self.probe_budget,
        )
        await self.runner.adopt(result.ship)

    async def _present(self, waypoint: str) -> str | None:
        """One of our ships at `waypoint` now (as this process knows them: actions fold into the cache)."""
        now = self.deps.clock.now()
        for listed in await self.deps.data.ships():
            ship = settled(listed, now)
            if ship.nav.waypoint_symbol == waypoint and ship.nav.status != "IN_TRANSIT":
                return ship.symbol
        return None


class PollSweep:
    """The chore that polls markets with a ship present every interval."""

    def __init__(self, tower: Watchtower) -> None:
        self.tower = tower
        self.health = ChoreHealth(self.key)

    @property
    def key(self) -> str:
        return "markets:sweep"

    async def step(self) -> datetime:
        await self.health.run(self.tower.deps, self.tower.sweep)
        return self.tower.deps.clock.now() + self.tower.interval

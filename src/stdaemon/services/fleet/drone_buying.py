"""Buying mining drones: the fleet runner's chore, within a cap and a credit floor.

Every `EVERY` (no request while the credits fall short of the last price seen), while the agent owns fewer
mining drones than `cap` (`ST_MINING_DRONES`; 0 never buys), it looks for a shipyard of the home system that
sells `SHIP_MINING_DRONE` with one of our ships there (the game sells only where we are present), reads its
price there, and buys when the credits left after the purchase stay above the floor
(`FleetConfig.ship_floor`: in the sandbox the game's starting credits, so a drone is bought from what the
fleet earned; or the credit reserve if higher). The new drone is adopted at once and gets
`Mining` from the planner. Every purchase is in the ledger (`buy_ships`, `SHIP_PURCHASE`).
"""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import TYPE_CHECKING

from stdaemon.domain import models as m
from stdaemon.domain.ids import system_of
from stdaemon.logging import get_logger
from stdaemon.services.fleet.context import FleetDeps, ShipContext, settled
from stdaemon.services.fleet.deposits import lasers
from stdaemon.services.fleet.navigation import distance

if TYPE_CHECKING:
    from stdaemon.services.fleet.runner import Runner

log = get_logger("stdaemon.fleet")

DRONE = "SHIP_MINING_DRONE"
BUYER = "buy_ships"
EVERY = timedelta(seconds=15)  # a ship stops at a shipyard only briefly; a look without buying is cheap


def is_mining_drone(ship: m.Ship) -> bool:
    return ship.frame is not None and ship.frame.symbol == "FRAME_DRONE" and bool(lasers(ship))


class DroneBuyer:
    def __init__(self, deps: FleetDeps, *, cap: int) -> None:
        self.deps = deps
        self.cap = cap
        self.runner: Runner | None = None
        self.bought = 0
        self.price: int | None = None  # the last price seen: no shipyard is read while credits fall short
        self._healthy = True

    @property
    def key(self) -> str:
        return "fleet:buy_drones"

    async def step(self) -> datetime:
        if self.cap > 0:
            try:
                await self.consider()
            except self.deps.errors.fatal:
                raise
            except Exception as err:  # the API or the database: try again next time
                if self._healthy:
                    log.warning("drone_buying_failed", error=str(err), error_type=type(err).__name__)
                self._healthy = False
            else:
                self._healthy = True
        return self.deps.clock.now() + EVERY

    async def consider(self) -> m.Ship | None:
        """Buy one drone if the cap, the credits and a shipyard with a ship of ours allow; the new ship."""
        data = self.deps.data
        ships = [settled(s, self.deps.clock.now()) for s in await data.ships()]
        owned = sum(1 for s in ships if is_mining_drone(s))
        if owned >= self.cap:
            return None
        agent = await data.agent()
        if agent.headquarters is None:
            return None
        floor = max(self.deps.config.ship_floor, self.deps.config.credit_reserve)
        if self.price is not None and agent.credits - self.price < floor:
            return None
        for yard, buyer in await self._yards(agent.headquarters, ships):
            listing = next(
                (s for s in (await data.shipyard(yard, fresh=True)).ships if s.type == DRONE), None
            )
            price = listing.purchase_price if listing is not None else None
            if price is None:
                continue
            self.price = price
            if agent.credits - price < floor:
                log.debug("drone_not_bought", credits=agent.credits, price=price, floor=floor)
                return None
            result = await ShipContext(self.deps, buyer, BUYER).purchase_ship(DRONE, yard)
            self.bought += 1
            log.info(
                "mining_drone_bought",
                ship=result.ship.symbol,
                price=result.transaction.price,
                credits=result.agent.credits,
                drones=owned + 1,
                cap=self.cap,
            )
            if self.runner is not None:
                await self.runner.adopt(result.ship)
            return result.ship
        return None

    async def _yards(self, home: str, ships: list[m.Ship]) -> list[tuple[str, str]]:
        """(shipyard, our ship there) for the home system's shipyards selling drones, nearest HQ first."""
        system = system_of(home)
        waypoints = await self.deps.atlas.waypoints(system)
        points = await self.deps.atlas.points(system)
        found: list[tuple[float, str, str]] = []
        for symbol, waypoint in waypoints.items():
            if "SHIPYARD" not in waypoint.traits:
                continue
            here = next(
                (s.symbol for s in ships if s.nav.waypoint_symbol == symbol and s.nav.status != "IN_TRANSIT"),
                None,
            )
            if here is None or DRONE not in (await self.deps.data.shipyard(symbol)).ship_types:
                continue
            found.append((distance(points[home], points[symbol]) if home in points else 0.0, symbol, here))
        return [(yard, ship) for _, yard, ship in sorted(found)]

"""Buying ships: the fleet runner's chore, one `Want` (a kind of ship, a cap) at a time, above a credit floor.

A `Kind` is one fact about a ship type: its symbol and how to recognise one of ours (`is_light_hauler`,
`is_mining_drone`). `build_fleet_runner` wants light haulers up to `ST_HAULERS` first (a trading hauler earns
far more than a mining drone: README, "The fleet"), then mining drones up to `ST_MINING_DRONES`; a cap of 0
never buys that kind.

Every `EVERY`, for the first want below its cap that a shipyard of the home system sells with one of our ships
there (the game sells only where we are present; no ship is moved there for it), the buyer reads the price and
buys when the credits left after the purchase stay at or above the floor (`FleetConfig.ship_floor`: in the
sandbox the game's starting credits, so a ship is bought from what the fleet earned; or the credit reserve if
higher). While the credits fall short of that want's last price seen, nothing is read and no cheaper kind is
bought in its place (the fleet saves for the better ship). The new ship is adopted at once and the planner
gives it its behaviour (Trade for a hauler, Mining for a drone). Every purchase is in the ledger (`buy_ships`,
`SHIP_PURCHASE`).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
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

BUYER = "buy_ships"
EVERY = timedelta(seconds=15)  # a ship stops at a shipyard only briefly; a look without buying is cheap


def is_mining_drone(ship: m.Ship) -> bool:
    return ship.frame is not None and ship.frame.symbol == "FRAME_DRONE" and bool(lasers(ship))


def is_light_hauler(ship: m.Ship) -> bool:
    return ship.frame is not None and ship.frame.symbol == "FRAME_LIGHT_FREIGHTER"


@dataclass(frozen=True)
class Kind:
    ship_type: str
    owns: Callable[[m.Ship], bool]  # "this ship of ours is one of these"


LIGHT_HAULER = Kind("SHIP_LIGHT_HAULER", is_light_hauler)
MINING_DRONE = Kind("SHIP_MINING_DRONE", is_mining_drone)


@dataclass(frozen=True)
class Want:
    kind: Kind
    cap: int  # own at most this many (0: never buy)


class ShipBuyer:
    def __init__(self, deps: FleetDeps, wants: Sequence[Want]) -> None:
        self.deps = deps
        self.wants = [w for w in wants if w.cap > 0]  # in order of preference
        self.runner: Runner | None = None
        self.bought: dict[str, int] = {}
        self.prices: dict[str, int] = {}  # last price seen per type: no yard is read while short of it
        self._healthy = True

    @property
    def key(self) -> str:
        return "fleet:buy_ships"

    async def step(self) -> datetime:
        if self.wants:
            try:
                await self.consider()
            except self.deps.errors.fatal:
                raise
            except Exception as err:  # the API or the database: try again next time
                if self._healthy:
                    log.warning("ship_buying_failed", error=str(err), error_type=type(err).__name__)
                self._healthy = False
            else:
                self._healthy = True
        return self.deps.clock.now() + EVERY

    async def consider(self) -> m.Ship | None:
        """Buy one ship of the first want the cap, the credits and a shipyard with a ship of ours allow."""
        data = self.deps.data
        ships = [settled(s, self.deps.clock.now()) for s in await data.ships()]
        counts = [(w, sum(1 for s in ships if w.kind.owns(s))) for w in self.wants]
        wanted = [(w, owned) for w, owned in counts if owned < w.cap]
        if not wanted:
            return None
        agent = await data.agent()
        if agent.headquarters is None:
            return None
        floor = max(self.deps.config.ship_floor, self.deps.config.credit_reserve)
        for want, owned in wanted:
            ship_type = want.kind.ship_type
            known = self.prices.get(ship_type)
            if known is not None and agent.credits - known < floor:
                return None  # save for it
            for yard, buyer in await self._yards(agent.headquarters, ships, ship_type):
                listing = next(
                    (s for s in (await data.shipyard(yard, fresh=True)).ships if s.type == ship_type), None
                )
                price = listing.purchase_price if listing is not None else None
                if price is None:
                    continue
                self.prices[ship_type] = price
                if agent.credits - price < floor:
                    log.debug(
                        "ship_not_bought", type=ship_type, credits=agent.credits, price=price, floor=floor
                    )
                    return None
                result = await ShipContext(self.deps, buyer, BUYER).purchase_ship(ship_type, yard)
                self.bought[ship_type] = self.bought.get(ship_type, 0) + 1
                log.info(
                    "ship_bought",
                    ship=result.ship.symbol,
                    ship_type=ship_type,
                    price=result.transaction.price,
                    credits=result.agent.credits,
                    owned=owned + 1,
                    cap=want.cap,
                )
                if self.runner is not None:
                    await self.runner.adopt(result.ship)
                return result.ship
        return None

    async def _yards(self, home: str, ships: list[m.Ship], ship_type: str) -> list[tuple[str, str]]:
        """(shipyard, our ship there) for the home system's yards selling `ship_type`, nearest HQ first."""
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
            if here is None or ship_type not in (await self.deps.data.shipyard(symbol)).ship_types:
                continue
            found.append((distance(points[home], points[symbol]) if home in points else 0.0, symbol, here))
        return [(yard, ship) for _, yard, ship in sorted(found)]

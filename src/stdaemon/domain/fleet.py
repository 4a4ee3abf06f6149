"""Ships and their parts: navigation, fuel, cargo, cooldown, frame/reactor/engine, mounts, modules, crew.

Fields the server is known to omit although the spec requires them (`quality` on frame/engine/reactor) and
fields that only describe (names, descriptions) are optional; the raw object keeps them all.
"""

from __future__ import annotations

from pydantic import AwareDatetime

from stdaemon.domain.base import Entity
from stdaemon.domain.ids import FactionSymbol, ShipSymbol, SystemSymbol, TradeSymbol, WaypointSymbol


class RouteWaypoint(Entity):
    """One end of a ship's route."""

    symbol: WaypointSymbol
    system_symbol: SystemSymbol
    type: str | None = None
    x: int | None = None
    y: int | None = None


class ShipNavRoute(Entity):
    """The last (or current) leg; `arrival` is when an IN_TRANSIT ship arrives."""

    origin: RouteWaypoint | None = None
    destination: RouteWaypoint | None = None
    departure_time: AwareDatetime | None = None
    arrival: AwareDatetime | None = None


class ShipNav(Entity):
    """Where a ship is and what it is doing: `status` is IN_TRANSIT, IN_ORBIT or DOCKED (or a new value)."""

    system_symbol: SystemSymbol
    waypoint_symbol: WaypointSymbol
    status: str
    flight_mode: str = "CRUISE"
    route: ShipNavRoute | None = None


class ShipFuel(Entity):
    """Fuel in ship units; `consumed_*` describes the last burn, when the payload says so."""

    current: int
    capacity: int
    consumed_amount: int | None = None
    consumed_at: AwareDatetime | None = None


class ShipCargoItem(Entity):
    """Units of one good in a hold."""

    symbol: TradeSymbol
    units: int


class ShipCargo(Entity):
    """A ship's hold."""

    capacity: int
    units: int
    inventory: tuple[ShipCargoItem, ...] = ()


class Cooldown(Entity):
    """A reactor cooldown; `expiration` is absent when nothing is cooling down."""

    ship_symbol: ShipSymbol
    total_seconds: int
    remaining_seconds: int
    expiration: AwareDatetime | None = None


class ShipRequirements(Entity):
    """What a part needs from the ship."""

    power: int | None = None
    crew: int | None = None
    slots: int | None = None


class ShipFrame(Entity):
    """The hull. `quality` is required by the spec but missing on real payloads."""

    symbol: str
    name: str | None = None
    condition: float | None = None
    integrity: float | None = None
    quality: float | None = None
    module_slots: int | None = None
    mounting_points: int | None = None
    fuel_capacity: int | None = None
    requirements: ShipRequirements | None = None


class ShipReactor(Entity):
    """The power plant."""

    symbol: str
    name: str | None = None
    condition: float | None = None
    integrity: float | None = None
    quality: float | None = None
    power_output: int | None = None
    requirements: ShipRequirements | None = None


class ShipEngine(Entity):
    """The drive; `speed` sets travel time."""

    symbol: str
    name: str | None = None
    condition: float | None = None
    integrity: float | None = None
    quality: float | None = None
    speed: int | None = None
    requirements: ShipRequirements | None = None


class ShipModule(Entity):
    """An internal module (cargo hold, refinery, warp drive…)."""

    symbol: str
    name: str | None = None
    capacity: int | None = None
    range: int | None = None
    requirements: ShipRequirements | None = None


class ShipMount(Entity):
    """An external mount (mining laser, surveyor, siphon, sensor array…)."""

    symbol: str
    name: str | None = None
    strength: int | None = None
    deposits: tuple[TradeSymbol, ...] = ()
    requirements: ShipRequirements | None = None


class ShipCrew(Entity):
    """Crew numbers; all optional because none of them decide anything we do yet."""

    current: int | None = None
    required: int | None = None
    capacity: int | None = None
    rotation: str | None = None
    morale: int | None = None
    wages: int | None = None


class Ship(Entity):
    """One of our ships. `name`, `faction_symbol` and `role` come from its registration."""

    symbol: ShipSymbol
    name: str | None = None
    faction_symbol: FactionSymbol | None = None
    role: str | None = None
    nav: ShipNav
    fuel: ShipFuel
    cargo: ShipCargo
    cooldown: Cooldown | None = None
    frame: ShipFrame | None = None
    reactor: ShipReactor | None = None
    engine: ShipEngine | None = None
    mounts: tuple[ShipMount, ...] = ()
    modules: tuple[ShipModule, ...] = ()
    crew: ShipCrew | None = None


class ShipConditionEvent(Entity):
    """Wear an action caused (e.g. THRUSTER_NOZZLE_WEAR on FRAME)."""

    symbol: str
    component: str | None = None
    name: str | None = None
    description: str | None = None

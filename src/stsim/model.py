"""The simulator's mutable state: universe, agents, ships, contracts and surveys (plain dataclasses)."""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from datetime import datetime


@dataclass
class Waypoint:
    symbol: str
    system: str
    type: str
    x: int
    y: int
    traits: list[str]
    orbitals: list[str] = field(default_factory=list)
    orbits: str | None = None
    faction: str | None = None
    modifiers: list[str] = field(default_factory=list)
    charted_by: str | None = None
    charted_on: datetime | None = None
    under_construction: bool = False

    @property
    def charted(self) -> bool:
        return self.charted_by is not None

    def visible_traits(self) -> list[str]:
        return self.traits if self.charted else ["UNCHARTED"]

    def has(self, trait: str) -> bool:
        return self.charted and trait in self.traits


@dataclass
class System:
    symbol: str
    type: str
    x: int
    y: int
    name: str
    constellation: str
    waypoints: list[str] = field(default_factory=list)
    factions: list[str] = field(default_factory=list)


def distance(ax: int, ay: int, bx: int, by: int) -> float:
    return math.hypot(ax - bx, ay - by)


@dataclass
class TradeListing:
    """One good at one market. `stock` is 0 at equilibrium, < 0 when bought out, > 0 when flooded."""

    symbol: str
    type: str  # EXPORT | IMPORT | EXCHANGE
    trade_volume: int
    mid: float
    activity: str | None
    stock: float = 0.0
    updated: datetime | None = None


@dataclass
class MarketTx:
    waypoint: str
    ship: str
    good: str
    type: str
    units: int
    price: int
    at: datetime


@dataclass
class Market:
    symbol: str
    goods: dict[str, TradeListing]
    transactions: list[MarketTx] = field(default_factory=list)


@dataclass
class ShipListing:
    type: str
    mid: float
    activity: str
    stock: float = 0.0
    updated: datetime | None = None


@dataclass
class ShipyardTx:
    waypoint: str
    ship: str
    type: str
    price: int
    agent: str
    at: datetime


@dataclass
class Shipyard:
    symbol: str
    ships: dict[str, ShipListing]
    fee: int = 100
    transactions: list[ShipyardTx] = field(default_factory=list)


@dataclass
class Construction:
    symbol: str
    materials: dict[str, list[int]]  # tradeSymbol -> [required, fulfilled]

    @property
    def complete(self) -> bool:
        return all(f >= r for r, f in self.materials.values())


@dataclass
class Faction:
    symbol: str
    name: str
    description: str
    traits: list[str]
    headquarters: str | None
    recruiting: bool


@dataclass
class Universe:
    systems: dict[str, System]
    waypoints: dict[str, Waypoint]
    markets: dict[str, Market]
    shipyards: dict[str, Shipyard]
    gates: dict[str, list[str]]  # gate waypoint -> connected gate waypoints
    constructions: dict[str, Construction]
    factions: dict[str, Faction]


@dataclass
class Agent:
    account_id: str
    symbol: str
    faction: str
    headquarters: str
    credits: int
    created: datetime
    ship_counter: int = 0
    charts: int = 0
    events: list[dict[str, object]] = field(default_factory=list)
    events_made: int = 0  # numbers event ids; `events` keeps only the latest
    reputation: dict[str, int] = field(default_factory=dict)


@dataclass
class Ship:
    symbol: str
    owner: str
    faction: str
    role: str
    type: str
    frame: str
    reactor: str
    engine: str
    modules: list[str]
    mounts: list[str]
    fuel: int
    system: str
    waypoint: str
    departed: datetime
    arrival: datetime
    origin: str
    status: str = "DOCKED"
    flight_mode: str = "CRUISE"
    cargo: dict[str, int] = field(default_factory=dict)
    cooldown_total: int = 0
    cooldown_until: datetime | None = None
    fuel_consumed: tuple[int, datetime] | None = None
    condition: dict[str, float] = field(default_factory=lambda: {"FRAME": 1.0, "REACTOR": 1.0, "ENGINE": 1.0})
    integrity: dict[str, float] = field(default_factory=lambda: {"FRAME": 1.0, "REACTOR": 1.0, "ENGINE": 1.0})

    @property
    def cargo_units(self) -> int:
        return sum(self.cargo.values())


@dataclass
class Deliver:
    trade_symbol: str
    destination: str
    required: int
    fulfilled: int = 0


@dataclass
class Contract:
    id: str
    agent: str
    faction: str
    type: str
    deliver: list[Deliver]
    on_accepted: int
    on_fulfilled: int
    deadline_to_accept: datetime
    deadline: datetime
    accepted: bool = False
    fulfilled: bool = False


@dataclass
class Survey:
    signature: str
    waypoint: str
    deposits: list[str]
    expiration: datetime
    size: str
    remaining: int

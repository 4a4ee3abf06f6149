"""What the `analytics` views answer, as values: the report is drawn from these and nothing else.

One row of a view is one model (the column names are the field names); `ReportData` is everything one
report page shows, for one system of the current epoch.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta

from stdaemon.domain.base import DomainModel


class PricePoint(DomainModel):
    """A good's prices at a market at one moment (`analytics.price_history`, possibly averaged per bucket)."""

    waypoint_symbol: str
    trade_symbol: str
    observed_at: datetime
    purchase_price: float
    sell_price: float


class TradedGood(DomainModel):
    """`analytics.traded_goods`: how widely a good is listed in a system and how much of it changed hands."""

    trade_symbol: str
    markets: int
    transactions: int
    units_traded: int
    credits_traded: int


class MapWaypoint(DomainModel):
    """`analytics.system_map`: a waypoint where it is, and whether it has a market or a shipyard."""

    waypoint_symbol: str
    type: str
    x: int
    y: int
    orbits: str | None
    traits: list[str]
    has_market: bool
    has_shipyard: bool
    is_under_construction: bool


class FleetShip(DomainModel):
    """`analytics.fleet`: a ship where it is now (between two waypoints while flying) and what it carries."""

    ship_symbol: str
    role: str | None
    frame_symbol: str | None
    system_symbol: str
    waypoint_symbol: str
    status: str
    flight_mode: str
    origin_symbol: str | None
    destination_symbol: str | None
    arrival: datetime | None
    arrives_in: timedelta | None
    fuel_current: int
    fuel_capacity: int
    cargo_units: int
    cargo_capacity: int
    cargo: str | None
    x: float | None
    y: float | None
    destination_x: float | None
    destination_y: float | None
    age: timedelta
    behaviour: str | None  # what the fleet runner has it do, and its note on the step it is at
    doing: str | None


class MarketSummary(DomainModel):
    """`analytics.latest_prices` per market: how many goods it lists and how old its prices are."""

    waypoint_symbol: str
    waypoint_type: str | None
    goods: int
    age: timedelta


class CreditPoint(DomainModel):
    """`analytics.credits`: our agent's credits and fleet size at one observation."""

    agent_symbol: str
    observed_at: datetime
    credits: int
    ship_count: int | None


class TradeRoute(DomainModel):
    """`analytics.best_routes`: buy here, sell there, and what one trip earns after fuel."""

    trade_symbol: str
    buy_waypoint: str
    buy_price: int
    sell_waypoint: str
    sell_price: int
    spread: int
    volume: int
    units: int
    distance: float
    fuel: int
    fuel_cost: int | None
    flight_seconds: int
    profit: int
    profit_per_unit: float
    profit_per_hour: float
    buy_age: timedelta
    sell_age: timedelta


class LedgerLine(DomainModel):
    """`analytics.ledger_by_behaviour`: credits earned and spent by one behaviour in this epoch."""

    behaviour: str
    entries: int
    earned: int
    spent: int
    net: int
    net_last_hour: int
    net_per_hour: float | None


class ReportData(DomainModel):
    """Everything one report page shows: one system of one epoch, as of `generated_at`."""

    reset_date: date
    generated_at: datetime
    system_symbol: str
    agent_symbol: str | None
    goods: list[str]
    prices: list[PricePoint]
    waypoints: list[MapWaypoint]
    fleet: list[FleetShip]
    credits: list[CreditPoint]
    ledger: list[LedgerLine]
    routes: list[TradeRoute]
    route_cargo: int
    route_speed: int
    markets: list[MarketSummary]
    fresh_within: timedelta  # a price younger than this is fresh (routes use only fresh prices)

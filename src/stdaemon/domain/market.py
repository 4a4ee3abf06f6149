"""Markets and shipyards: listings, prices and the transactions seen there.

Prices and transactions are only returned while one of our ships is at the waypoint, so `trade_goods`,
`transactions` and `ships` are empty tuples otherwise (never `None`: an empty listing is a fact too).
"""

from __future__ import annotations

from pydantic import AwareDatetime

from stdaemon.domain.base import Entity
from stdaemon.domain.fleet import ShipEngine, ShipFrame, ShipModule, ShipMount, ShipReactor
from stdaemon.domain.ids import AgentSymbol, ShipSymbol, TradeSymbol, WaypointSymbol


class MarketTradeGood(Entity):
    """A good's current price at a market. Exchange goods have no `activity`."""

    symbol: TradeSymbol
    type: str
    trade_volume: int
    supply: str
    activity: str | None = None
    purchase_price: int
    sell_price: int


class MarketTransaction(Entity):
    """A purchase or sale at a market (ours, or seen there). There is no id: the key is the whole tuple."""

    waypoint_symbol: WaypointSymbol
    ship_symbol: ShipSymbol
    trade_symbol: TradeSymbol
    type: str
    units: int
    price_per_unit: int
    total_price: int
    timestamp: AwareDatetime


class Market(Entity):
    """A marketplace: what it exports, imports and exchanges, and (with a ship present) its prices."""

    symbol: WaypointSymbol
    exports: tuple[TradeSymbol, ...] = ()
    imports: tuple[TradeSymbol, ...] = ()
    exchange: tuple[TradeSymbol, ...] = ()
    trade_goods: tuple[MarketTradeGood, ...] = ()
    transactions: tuple[MarketTransaction, ...] = ()


class ShipyardShip(Entity):
    """A ship for sale at a shipyard, with its price and parts."""

    type: str
    name: str | None = None
    supply: str | None = None
    activity: str | None = None
    purchase_price: int | None = None
    frame: ShipFrame | None = None
    reactor: ShipReactor | None = None
    engine: ShipEngine | None = None
    modules: tuple[ShipModule, ...] = ()
    mounts: tuple[ShipMount, ...] = ()
    crew_required: int | None = None
    crew_capacity: int | None = None


class ShipyardTransaction(Entity):
    """A ship purchase. Real payloads carry `agentSymbol` and often no `shipSymbol` (spec says required)."""

    waypoint_symbol: WaypointSymbol
    ship_type: str
    price: int
    agent_symbol: AgentSymbol | None = None
    ship_symbol: ShipSymbol | None = None
    timestamp: AwareDatetime


class Shipyard(Entity):
    """A shipyard: the ship types it builds and (with a ship present) listings and transactions."""

    symbol: WaypointSymbol
    ship_types: tuple[str, ...] = ()
    ships: tuple[ShipyardShip, ...] = ()
    transactions: tuple[ShipyardTransaction, ...] = ()
    modifications_fee: int | None = None

"""Schema `telemetry`, trade side: markets, their goods and price history, shipyards, transactions.

`market_trade_goods` / `shipyard_ships` hold the latest listing; `market_snapshots` keeps one row per good per
observation (the price history). Transactions have no id in the API: their natural key includes the
timestamp, so a replayed batch is a no-op.
"""

from __future__ import annotations

from datetime import datetime
from typing import ClassVar

from sqlalchemy import CheckConstraint, Index, PrimaryKeyConstraint

from stdaemon.db.tables.base import (
    TELEMETRY,
    EntityTable,
    bigint_col,
    int_col,
    text_array_col,
    text_col,
    text_key,
    ts_key,
)
from stdaemon.db.tables.partitioning import BY_EPOCH, brin

_PRICES = "purchase_price >= 0 AND sell_price >= 0"


class Market(EntityTable, table=True):
    """A marketplace and what it trades; prices are in `market_trade_goods`."""

    __tablename__: ClassVar[str] = "markets"
    __table_args__ = (
        Index(None, "reset_date", "system_symbol"),
        Index("ix_markets_exports", "exports", postgresql_using="gin"),
        Index("ix_markets_imports", "imports", postgresql_using="gin"),
        Index("ix_markets_exchange", "exchange", postgresql_using="gin"),
        {"schema": TELEMETRY},
    )

    symbol: str = text_key()
    system_symbol: str = text_col()  # derived from the symbol
    exports: list[str] = text_array_col()
    imports: list[str] = text_array_col()
    exchange: list[str] = text_array_col()


class MarketTradeGood(EntityTable, table=True):
    """The latest price and supply of one good at one market."""

    __tablename__: ClassVar[str] = "market_trade_goods"
    __table_args__ = (
        CheckConstraint(_PRICES, name="prices"),
        CheckConstraint("trade_volume >= 0", name="trade_volume"),
        Index(None, "reset_date", "trade_symbol"),
        {"schema": TELEMETRY},
    )

    waypoint_symbol: str = text_key()
    trade_symbol: str = text_key()
    type: str = text_col()
    trade_volume: int = int_col()
    supply: str = text_col()
    activity: str | None = text_col(nullable=True)
    purchase_price: int = int_col()
    sell_price: int = int_col()


class MarketSnapshot(EntityTable, table=True):
    """One good at one market at one observation: the price history (append-only)."""

    __tablename__: ClassVar[str] = "market_snapshots"
    __table_args__ = (
        PrimaryKeyConstraint("reset_date", "waypoint_symbol", "trade_symbol", "observed_at"),
        CheckConstraint(_PRICES, name="prices"),
        CheckConstraint("trade_volume >= 0", name="trade_volume"),
        brin("observed_at"),
        BY_EPOCH,
    )

    waypoint_symbol: str = text_key()
    trade_symbol: str = text_key()
    observed_at: datetime = ts_key()
    type: str = text_col()
    trade_volume: int = int_col()
    supply: str = text_col()
    activity: str | None = text_col(nullable=True)
    purchase_price: int = int_col()
    sell_price: int = int_col()


class MarketTransaction(EntityTable, table=True):
    __tablename__: ClassVar[str] = "market_transactions"
    __table_args__ = (
        CheckConstraint("units >= 0 AND price_per_unit >= 0 AND total_price >= 0", name="amounts"),
        Index(None, "reset_date", "trade_symbol", "timestamp"),
        brin("timestamp"),
        BY_EPOCH,
    )

    waypoint_symbol: str = text_key()
    ship_symbol: str = text_key()
    trade_symbol: str = text_key()
    type: str = text_key()
    timestamp: datetime = ts_key()
    units: int = int_col()
    price_per_unit: int = int_col()
    total_price: int = bigint_col()


class Shipyard(EntityTable, table=True):
    __tablename__: ClassVar[str] = "shipyards"
    __table_args__ = (
        CheckConstraint("modifications_fee IS NULL OR modifications_fee >= 0", name="modifications_fee"),
        Index(None, "reset_date", "system_symbol"),
        Index("ix_shipyards_ship_types", "ship_types", postgresql_using="gin"),
        {"schema": TELEMETRY},
    )

    symbol: str = text_key()
    system_symbol: str = text_col()  # derived from the symbol
    ship_types: list[str] = text_array_col()
    modifications_fee: int | None = int_col(nullable=True)


class ShipyardShip(EntityTable, table=True):
    """The latest listing of one ship type at one shipyard (`ship_type` is the API's `type`)."""

    __tablename__: ClassVar[str] = "shipyard_ships"
    __table_args__ = (
        CheckConstraint("purchase_price >= 0", name="purchase_price"),
        Index(None, "reset_date", "ship_type"),
        {"schema": TELEMETRY},
    )

    waypoint_symbol: str = text_key()
    ship_type: str = text_key()
    name: str | None = text_col(nullable=True)
    supply: str | None = text_col(nullable=True)
    activity: str | None = text_col(nullable=True)
    purchase_price: int | None = int_col(nullable=True)


class ShipyardTransaction(EntityTable, table=True):
    """A ship sale; `ship_symbol` is deprecated in the spec and absent from real payloads."""

    __tablename__: ClassVar[str] = "shipyard_transactions"
    __table_args__ = (
        CheckConstraint("price >= 0", name="price"),
        brin("timestamp"),
        BY_EPOCH,
    )

    waypoint_symbol: str = text_key()
    ship_type: str = text_key()
    agent_symbol: str = text_key()
    timestamp: datetime = ts_key()
    ship_symbol: str | None = text_col(nullable=True)
    price: int = int_col()

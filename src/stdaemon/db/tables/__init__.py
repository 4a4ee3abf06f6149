"""Every stdaemon table, in schemas `reference` and `telemetry`.

`metadata` is what alembic compares against; `TABLES` maps `schema.table` to a `TableSpec` (key columns and
kind: latest-state, history or log) for the writer and `stdaemon status`. Tables are created only by the
alembic migrations, never by `create_all()`.

No foreign keys on purpose: the writer batches per table and the API delivers entities in any order (a market
before its waypoint, a transaction before its market); a missing parent must never get a row rejected.
Column names are the snake_case of the API fields, except where the API's name would be ambiguous in a table
of its own (`ship_type` for a listing's `type`, `waypoint_symbol` for a survey's `symbol`,
`trade_symbol` for a trade good's `symbol`); `raw` always keeps the API's own names.
"""

from __future__ import annotations

from stdaemon.db.tables.base import REFERENCE, SCHEMAS, TELEMETRY, Base, metadata
from stdaemon.db.tables.fleet import CreditLedgerEntry, ShipBehaviour
from stdaemon.db.tables.markets import (
    Market,
    MarketSnapshot,
    MarketTradeGood,
    MarketTransaction,
    Shipyard,
    ShipyardShip,
    ShipyardTransaction,
)
from stdaemon.db.tables.ops import RunnerHeartbeat
from stdaemon.db.tables.reference import (
    ConstructionSite,
    CrawlProgress,
    Faction,
    JumpGate,
    Reset,
    SupplyChain,
    System,
    Waypoint,
)
from stdaemon.db.tables.registry import ALL_TABLES, SERVER_COLUMNS, TABLES, TableKind, TableSpec
from stdaemon.db.tables.telemetry import (
    Agent,
    AgentSnapshot,
    Contract,
    DeadLetter,
    Extraction,
    Ship,
    Survey,
)

__all__ = [
    "ALL_TABLES",
    "REFERENCE",
    "SCHEMAS",
    "SERVER_COLUMNS",
    "TABLES",
    "TELEMETRY",
    "Agent",
    "AgentSnapshot",
    "Base",
    "ConstructionSite",
    "Contract",
    "CrawlProgress",
    "CreditLedgerEntry",
    "DeadLetter",
    "Extraction",
    "Faction",
    "JumpGate",
    "Market",
    "MarketSnapshot",
    "MarketTradeGood",
    "MarketTransaction",
    "Reset",
    "RunnerHeartbeat",
    "Ship",
    "ShipBehaviour",
    "Shipyard",
    "ShipyardShip",
    "ShipyardTransaction",
    "SupplyChain",
    "Survey",
    "System",
    "TableKind",
    "TableSpec",
    "Waypoint",
    "metadata",
]

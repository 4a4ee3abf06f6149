"""Every stdaemon table, in schemas `reference` and `telemetry`.

`metadata` is what alembic compares against; `TABLES` maps `schema.table` to a `TableSpec` (key columns and
kind: latest-state, history or log) for the writer and `stdaemon status`. Tables are created only by the
alembic migrations, never by `create_all()`.
"""

from __future__ import annotations

from stdaemon.db.tables.base import REFERENCE, SCHEMAS, TELEMETRY, Base, metadata
from stdaemon.db.tables.markets import (
    Market,
    MarketSnapshot,
    MarketTradeGood,
    MarketTransaction,
    Shipyard,
    ShipyardShip,
    ShipyardTransaction,
)
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
    "DeadLetter",
    "Extraction",
    "Faction",
    "JumpGate",
    "Market",
    "MarketSnapshot",
    "MarketTradeGood",
    "MarketTransaction",
    "Reset",
    "Ship",
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

"""Schema `reference`: what changes rarely within a reset (systems, waypoints, factions, gates, …).

All latest-state tables keyed by (reset_date, natural key): the writer upserts them.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any, ClassVar

from sqlalchemy import Boolean, CheckConstraint, Index, text
from sqlmodel import Field

from stdaemon.db.tables.base import (
    REFERENCE,
    TIMESTAMPTZ,
    Base,
    EntityTable,
    bool_col,
    int_col,
    raw_col,
    reset_date_key,
    text_array_col,
    text_col,
    text_key,
    ts_col,
    written_at_col,
)


class Reset(Base, table=True):
    """One row per server reset seen (from `GET /` or the token): the epochs of every other table."""

    __tablename__: ClassVar[str] = "resets"
    __table_args__ = ({"schema": REFERENCE},)

    reset_date: date = reset_date_key()
    first_seen_at: datetime = Field(default=None, sa_type=TIMESTAMPTZ, nullable=False)
    last_seen_at: datetime = Field(default=None, sa_type=TIMESTAMPTZ, nullable=False)
    raw: dict[str, Any] = raw_col()
    # played against a simulator (the sandbox, `stsim serve`): the sandbox never writes beside a real epoch
    simulated: bool = Field(
        default=False, sa_type=Boolean, nullable=False, sa_column_kwargs={"server_default": text("false")}
    )
    written_at: datetime = written_at_col()


class System(EntityTable, table=True):
    __tablename__: ClassVar[str] = "systems"
    __table_args__ = (
        Index(None, "reset_date", "type"),
        Index(None, "reset_date", "sector_symbol"),
        {"schema": REFERENCE},
    )

    symbol: str = text_key()
    sector_symbol: str = text_col()
    type: str = text_col()
    x: int = int_col()
    y: int = int_col()
    constellation: str | None = text_col(nullable=True)
    name: str | None = text_col(nullable=True)


class Waypoint(EntityTable, table=True):
    """A waypoint; `traits`/`modifiers` are the symbols only (names and descriptions stay in `raw`)."""

    __tablename__: ClassVar[str] = "waypoints"
    __table_args__ = (
        Index(None, "reset_date", "system_symbol", "type"),
        Index("ix_waypoints_traits", "traits", postgresql_using="gin"),
        {"schema": REFERENCE},
    )

    symbol: str = text_key()
    system_symbol: str = text_col()
    type: str = text_col()
    x: int = int_col()
    y: int = int_col()
    orbits: str | None = text_col(nullable=True)
    faction_symbol: str | None = text_col(nullable=True)
    traits: list[str] = text_array_col()
    modifiers: list[str] = text_array_col()
    is_under_construction: bool = bool_col()
    chart_submitted_by: str | None = text_col(nullable=True)
    chart_submitted_on: datetime | None = ts_col(nullable=True)


class Faction(EntityTable, table=True):
    __tablename__: ClassVar[str] = "factions"
    __table_args__ = ({"schema": REFERENCE},)

    symbol: str = text_key()
    name: str = text_col()
    description: str | None = text_col(nullable=True)
    headquarters: str | None = text_col(nullable=True)  # empty for independent factions (api-docs#86)
    is_recruiting: bool | None = bool_col(nullable=True)
    traits: list[str] = text_array_col()


class JumpGate(EntityTable, table=True):
    """`system_symbol` is derived from the waypoint symbol by the writer (the API does not send it)."""

    __tablename__: ClassVar[str] = "jump_gates"
    __table_args__ = (
        Index(None, "reset_date", "system_symbol"),
        Index("ix_jump_gates_connections", "connections", postgresql_using="gin"),
        {"schema": REFERENCE},
    )

    symbol: str = text_key()
    system_symbol: str = text_col()  # derived from the symbol
    connections: list[str] = text_array_col()


class ConstructionSite(EntityTable, table=True):
    """A construction site; its `materials` (required/fulfilled per good) stay in `raw`."""

    __tablename__: ClassVar[str] = "construction_sites"
    __table_args__ = ({"schema": REFERENCE},)

    symbol: str = text_key()
    system_symbol: str = text_col()  # derived from the symbol
    is_complete: bool = bool_col()


class SupplyChain(EntityTable, table=True):
    """One row per exported good: `import_symbols` are what its production needs.

    `raw` holds `{"<export>": [<imports>]}`, the slice of `exportToImportMap` this row came from.
    """

    __tablename__: ClassVar[str] = "supply_chain"
    __table_args__ = (
        Index("ix_supply_chain_import_symbols", "import_symbols", postgresql_using="gin"),
        {"schema": REFERENCE},
    )

    export_symbol: str = text_key()
    import_symbols: list[str] = text_array_col()


class CrawlProgress(Base, table=True):
    """Where a resumable crawl stands, per task (e.g. `systems`, `waypoints:X1-AD75`)."""

    __tablename__: ClassVar[str] = "crawl_progress"
    __table_args__ = (
        CheckConstraint("next_page >= 1", name="next_page"),
        CheckConstraint("total IS NULL OR total >= 0", name="total"),
        {"schema": REFERENCE},
    )

    reset_date: date = reset_date_key()
    task: str = text_key()
    next_page: int = int_col()
    total: int | None = int_col(nullable=True)
    completed_at: datetime | None = ts_col(nullable=True)
    observed_at: datetime = ts_col()
    written_at: datetime = written_at_col()

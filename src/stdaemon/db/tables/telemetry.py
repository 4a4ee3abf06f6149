"""Schema `telemetry`, fleet side: agents, ships, contracts, surveys, extractions.

Latest-state tables keyed by (reset_date, natural key); history tables add the observation or event time.
Credits are not constrained: the spec says they go negative when overdrawn.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any, ClassVar

from sqlalchemy import BigInteger, CheckConstraint, Date, Index, PrimaryKeyConstraint
from sqlmodel import Field

from stdaemon.db.tables.base import (
    TELEMETRY,
    Base,
    EntityTable,
    bigint_col,
    bool_col,
    int_col,
    raw_col,
    text_array_col,
    text_col,
    text_key,
    ts_col,
    ts_key,
    written_at_col,
)
from stdaemon.db.tables.partitioning import BY_EPOCH, brin


class Agent(EntityTable, table=True):
    __tablename__: ClassVar[str] = "agents"
    __table_args__ = (CheckConstraint("ship_count >= 0", name="ship_count"), {"schema": TELEMETRY})

    symbol: str = text_key()
    account_id: str | None = text_col(nullable=True)  # only on our own agent
    headquarters: str | None = text_col(nullable=True)
    credits: int = bigint_col()
    starting_faction: str | None = text_col(nullable=True)
    ship_count: int | None = int_col(nullable=True)


class AgentSnapshot(EntityTable, table=True):
    """Credits and fleet size over time: one row per agent observation."""

    __tablename__: ClassVar[str] = "agent_snapshots"
    __table_args__ = (
        PrimaryKeyConstraint("reset_date", "symbol", "observed_at"),
        CheckConstraint("ship_count >= 0", name="ship_count"),
        brin("observed_at"),
        BY_EPOCH,
    )

    symbol: str = text_key()
    observed_at: datetime = ts_key()
    credits: int = bigint_col()
    ship_count: int | None = int_col(nullable=True)


class Ship(EntityTable, table=True):
    """A ship's latest state, flattened for queries (where, doing what, fuel, cargo, cooldown)."""

    __tablename__: ClassVar[str] = "ships"
    __table_args__ = (
        CheckConstraint("fuel_current >= 0 AND fuel_capacity >= 0", name="fuel"),
        CheckConstraint("cargo_units >= 0 AND cargo_capacity >= 0", name="cargo"),
        Index(None, "reset_date", "system_symbol"),
        Index(None, "reset_date", "waypoint_symbol"),
        {"schema": TELEMETRY},
    )

    symbol: str = text_key()
    role: str | None = text_col(nullable=True)
    faction_symbol: str | None = text_col(nullable=True)
    frame_symbol: str | None = text_col(nullable=True)
    engine_symbol: str | None = text_col(nullable=True)
    reactor_symbol: str | None = text_col(nullable=True)
    system_symbol: str = text_col()
    waypoint_symbol: str = text_col()
    nav_status: str = text_col()
    flight_mode: str = text_col()
    route_origin_symbol: str | None = text_col(nullable=True)
    route_destination_symbol: str | None = text_col(nullable=True)
    route_departure_time: datetime | None = ts_col(nullable=True)
    route_arrival: datetime | None = ts_col(nullable=True)
    fuel_current: int = int_col()
    fuel_capacity: int = int_col()
    cargo_units: int = int_col()
    cargo_capacity: int = int_col()
    cooldown_expiration: datetime | None = ts_col(nullable=True)


class Contract(EntityTable, table=True):
    __tablename__: ClassVar[str] = "contracts"
    __table_args__ = (
        CheckConstraint("payment_on_accepted >= 0 AND payment_on_fulfilled >= 0", name="payment"),
        {"schema": TELEMETRY},
    )

    id: str = text_key()
    faction_symbol: str = text_col()
    type: str = text_col()
    accepted: bool = bool_col()
    fulfilled: bool = bool_col()
    deadline_to_accept: datetime | None = ts_col(nullable=True)
    deadline: datetime | None = ts_col(nullable=True)
    payment_on_accepted: int | None = bigint_col(nullable=True)
    payment_on_fulfilled: int | None = bigint_col(nullable=True)


class Survey(EntityTable, table=True):
    """A survey by signature; `waypoint_symbol` is the API's `symbol`, `deposits` the deposit symbols."""

    __tablename__: ClassVar[str] = "surveys"
    __table_args__ = (Index(None, "reset_date", "waypoint_symbol"), {"schema": TELEMETRY})

    signature: str = text_key()
    waypoint_symbol: str = text_col()
    deposits: list[str] = text_array_col()
    expiration: datetime = ts_col()
    size: str = text_col()


class Extraction(EntityTable, table=True):
    """One extraction (or siphon) result; the API gives no timestamp, so `observed_at` is in the key."""

    __tablename__: ClassVar[str] = "extractions"
    __table_args__ = (
        PrimaryKeyConstraint("reset_date", "ship_symbol", "observed_at"),
        CheckConstraint("yield_units >= 0", name="yield_units"),
        brin("observed_at"),
        Index(None, "reset_date", "waypoint_symbol"),
        BY_EPOCH,
    )

    ship_symbol: str = text_key()
    observed_at: datetime = ts_key()
    yield_symbol: str = text_col()
    yield_units: int = int_col()
    waypoint_symbol: str | None = text_col(nullable=True)
    survey_signature: str | None = text_col(nullable=True)


class DeadLetter(Base, table=True):
    """A row the database rejected, kept with the error so nothing vanishes silently."""

    __tablename__: ClassVar[str] = "dead_letters"
    __table_args__ = (Index(None, "failed_at"), {"schema": TELEMETRY})

    id: int | None = Field(default=None, primary_key=True, sa_type=BigInteger)  # bigserial
    reset_date: date | None = Field(
        default=None, sa_type=Date, nullable=True
    )  # from the row, when it has one
    table_name: str = text_col()
    row: dict[str, Any] = raw_col()
    error: str = text_col()
    failed_at: datetime = written_at_col()
    written_at: datetime = written_at_col()


__all__ = [
    "Agent",
    "AgentSnapshot",
    "Contract",
    "DeadLetter",
    "Extraction",
    "Ship",
    "Survey",
]

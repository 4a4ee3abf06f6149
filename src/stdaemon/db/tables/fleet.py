"""Schema `telemetry`, the fleet's own records: ship claims with their behaviour state, and the credit ledger.

`ship_behaviours` is written directly by `db.fleet_store` (claims must be atomic and visible at once, so not
through the batching writer): which runner holds each ship until when, and the behaviour's saved state, so
a restart resumes the ship where it was. `credit_ledger` is history written through the DbWriter: one row
per credit change, with the behaviour that caused it.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any, ClassVar

from sqlalchemy import Index, text
from sqlalchemy.dialects.postgresql import JSONB
from sqlmodel import Field

from stdaemon.db.tables.base import (
    TELEMETRY,
    Base,
    bigint_col,
    int_col,
    reset_date_key,
    text_col,
    text_key,
    ts_col,
    ts_key,
    written_at_col,
)
from stdaemon.db.tables.partitioning import BY_EPOCH, brin


class ShipBehaviour(Base, table=True):
    """A ship's claim (`runner` until `lease_until`) and its behaviour's saved state."""

    __tablename__: ClassVar[str] = "ship_behaviours"
    __table_args__ = (Index(None, "reset_date", "runner"), {"schema": TELEMETRY})

    reset_date: date = reset_date_key()
    ship_symbol: str = text_key()
    runner: str = text_col()
    lease_until: datetime = ts_col()
    behaviour: str | None = text_col(nullable=True)
    state: dict[str, Any] = Field(
        default_factory=dict,
        sa_type=JSONB(none_as_null=True),
        nullable=False,
        sa_column_kwargs={"server_default": text("'{}'::jsonb")},
    )
    wake_at: datetime | None = ts_col(nullable=True)
    note: str | None = text_col(nullable=True)
    claimed_at: datetime = ts_col()
    written_at: datetime = written_at_col()


class CreditLedgerEntry(Base, table=True):
    """One credit change (signed `amount`) and the behaviour that caused it."""

    __tablename__: ClassVar[str] = "credit_ledger"
    __table_args__ = (
        Index(None, "reset_date", "behaviour", "observed_at"),
        brin("observed_at"),
        BY_EPOCH,
    )

    reset_date: date = reset_date_key()
    observed_at: datetime = ts_key()
    entry_id: str = text_key()
    agent_symbol: str = text_col()
    ship_symbol: str = text_col()
    behaviour: str = text_col()
    kind: str = text_col()
    ref: str = text_col()
    amount: int = bigint_col()
    credits_after: int | None = bigint_col(nullable=True)
    units: int | None = int_col(nullable=True)
    price_per_unit: int | None = int_col(nullable=True)
    waypoint_symbol: str | None = text_col(nullable=True)
    written_at: datetime = written_at_col()


__all__ = ["CreditLedgerEntry", "ShipBehaviour"]

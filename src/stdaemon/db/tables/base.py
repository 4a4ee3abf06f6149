"""The declarative base and column helpers shared by every table.

Our own `MetaData` (not SQLModel's global one) so that alembic and `status` see exactly our tables, and a
naming convention so constraint and index names are stable across migrations.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy import TIMESTAMP, BigInteger, Boolean, Date, Integer, MetaData, Text, text
from sqlalchemy.dialects.postgresql import ARRAY, JSONB
from sqlalchemy.orm import registry
from sqlmodel import Field, SQLModel

REFERENCE = "reference"
TELEMETRY = "telemetry"
SCHEMAS = (REFERENCE, TELEMETRY)

NAMING_CONVENTION = {
    "pk": "pk_%(table_name)s",
    "ix": "ix_%(table_name)s_%(column_0_N_name)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
}

metadata = MetaData(naming_convention=NAMING_CONVENTION)


class Base(SQLModel, registry=registry(metadata=metadata)):
    """Base of every stdaemon table; the classes are used for their `__table__`, not as an ORM."""


TIMESTAMPTZ = TIMESTAMP(timezone=True)


def reset_date_key() -> Any:
    """`reset_date date NOT NULL`, the first key column of every table: the server reset epoch."""
    return Field(primary_key=True, sa_type=Date, sa_column_kwargs={"autoincrement": False})


def text_key() -> Any:
    return Field(primary_key=True, sa_type=Text)


def ts_key() -> Any:
    return Field(primary_key=True, sa_type=TIMESTAMPTZ)


def text_col(*, nullable: bool = False) -> Any:
    return Field(default=None, sa_type=Text, nullable=nullable)


def int_col(*, nullable: bool = False) -> Any:
    return Field(default=None, sa_type=Integer, nullable=nullable)


def bigint_col(*, nullable: bool = False) -> Any:
    return Field(default=None, sa_type=BigInteger, nullable=nullable)


def bool_col(*, nullable: bool = False) -> Any:
    return Field(default=None, sa_type=Boolean, nullable=nullable)


def ts_col(*, nullable: bool = False) -> Any:
    return Field(default=None, sa_type=TIMESTAMPTZ, nullable=nullable)


def text_array_col() -> Any:
    """`text[] NOT NULL DEFAULT '{}'`: symbol lists people filter on (traits, exports, …)."""
    return Field(
        default_factory=list,
        sa_type=ARRAY(Text),
        nullable=False,
        sa_column_kwargs={"server_default": text("'{}'::text[]")},
    )


def raw_col() -> Any:
    """`raw jsonb NOT NULL`: the object exactly as the API sent it, the source of truth.

    `none_as_null`: a Python None becomes SQL NULL and is rejected, instead of being stored as JSON `null`.
    """
    return Field(default=None, sa_type=JSONB(none_as_null=True), nullable=False)


def written_at_col() -> Any:
    """`written_at timestamptz NOT NULL DEFAULT now()`; the writer also sets it on every real update."""
    return Field(
        default=None, sa_type=TIMESTAMPTZ, nullable=False, sa_column_kwargs={"server_default": text("now()")}
    )


class EntityTable(Base):
    """The columns every table of API entities shares, declared once.

    `reset_date` (the first key column: the server reset epoch), `raw` (the object as the API sent it, the
    source of truth), `observed_at` (when we saw it) and `written_at` (when the writer last changed the row).
    A history table keyed by the observation time redeclares `observed_at` as a key column, and gives its
    key's order in a `PrimaryKeyConstraint` (inherited columns come first in a model; in the database the
    columns are in the migrations' order, the key in the constraint's).
    """

    reset_date: date = reset_date_key()
    raw: dict[str, Any] = raw_col()
    observed_at: datetime = ts_col()
    written_at: datetime = written_at_col()


__all__ = [
    "REFERENCE",
    "SCHEMAS",
    "TELEMETRY",
    "Base",
    "EntityTable",
    "date",
    "datetime",
    "metadata",
]

"""The dispatcher every mapper registers with, and the helpers they share (see the package docstring)."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime
from functools import singledispatch
from typing import Any

from stdaemon.domain.base import DomainModel, Entity

Row = dict[str, Any]
Rows = dict[str, list[Row]]


def base(reset_date: date, observed_at: datetime, raw: dict[str, Any]) -> Row:
    """The columns every entity row shares (`db.tables.base.EntityTable`) but `written_at`, the writer's."""
    return {"reset_date": reset_date, "raw": raw, "observed_at": observed_at}


def merge(*parts: Rows) -> Rows:
    """Concatenate row sets table by table."""
    out: Rows = {}
    for part in parts:
        for table, rows in part.items():
            out.setdefault(table, []).extend(rows)
    return out


def rows_for_all(models: Iterable[DomainModel], *, reset_date: date, observed_at: datetime) -> Rows:
    return merge(*(rows_for(x, reset_date=reset_date, observed_at=observed_at) for x in models))


@singledispatch
def rows_for(model: DomainModel, *, reset_date: date, observed_at: datetime) -> Rows:
    """The rows that store `model`.

    A model without a table of its own (an action result, a nav, a cargo) yields the rows of the entities
    it carries, e.g. a TradeResult → its agent and its transaction; a bare nav or cargo yields nothing.
    """
    parts: list[Rows] = []
    for name in type(model).model_fields:
        value = getattr(model, name)
        values = value if isinstance(value, tuple) else (value,)
        parts.extend(
            rows_for(v, reset_date=reset_date, observed_at=observed_at)
            for v in values
            if isinstance(v, Entity)
        )
    return merge(*parts)

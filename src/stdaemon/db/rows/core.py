"""The dispatcher every mapper registers with, and the helpers they share (see the package docstring)."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import date, datetime
from functools import singledispatch
from typing import Any, TypeVar

from stdaemon.domain.base import DomainModel, Entity

Row = dict[str, Any]
Rows = dict[str, list[Row]]
Mapper = Callable[..., Rows]
M = TypeVar("M", bound=Mapper)


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


class _Dispatch:
    """`functools.singledispatch` on the model's type, with the function found for each type kept in a plain
    dict: singledispatch's own lookup (a weak dictionary, an ABC cache token) took 0.6 µs of the 1.8 µs a
    waypoint's rows cost (benchmarks/writer.py). `register` is singledispatch's."""

    def __init__(self, default: Mapper) -> None:
        self._dispatch = singledispatch(default)
        self._found: dict[type, Mapper] = {}

    def register(self, mapper: M) -> M:
        self._dispatch.register(mapper)
        self._found.clear()
        return mapper

    def __call__(self, model: DomainModel, *, reset_date: date, observed_at: datetime) -> Rows:
        kind = type(model)
        mapper = self._found.get(kind)
        if mapper is None:
            mapper = self._found[kind] = self._dispatch.dispatch(kind)
        return mapper(model, reset_date=reset_date, observed_at=observed_at)


def _entities_rows(model: DomainModel, *, reset_date: date, observed_at: datetime) -> Rows:
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


rows_for = _Dispatch(_entities_rows)
"""The rows that store a model, by the mapper registered for its type (`@rows_for.register`)."""

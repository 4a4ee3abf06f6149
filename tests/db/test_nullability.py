"""Column nullability follows the domain model, in every entity table, both ways.

For each domain model that has rows (`db.rows`), two instances are built from its field declarations alone:
the *fullest* (every field set, every collection one element long) and the *sparsest* (every optional field
None). Then:

- every optional field, set to None on its own in the fullest instance, may only turn the columns it feeds
  into NULL, and those columns must be nullable: a mapper that invents a value (`x or 0`, `bool(x)`) or a
  NOT NULL column fed by an optional field (the agent without `headquarters` that was dead-lettered) fails;
- in the sparsest instance every nullable column is NULL (else the column is always known and should be
  NOT NULL) and every NOT NULL column has a value.

A table of API entities nobody maps, or a column no mapper fills, fails too. The few columns that are
derived on purpose when the payload lacks them are listed in DERIVED with the reason.
"""

from __future__ import annotations

import itertools
import types
from collections.abc import Callable, Iterator
from datetime import UTC, date, datetime, timedelta
from typing import Annotated, Any, NewType, Union, get_args, get_origin

import pytest
from pydantic import AwareDatetime, BaseModel

from stdaemon.db.credit_ledger import ledger_row
from stdaemon.db.rows import Rows, reset_rows, rows_for
from stdaemon.db.tables import TABLES
from stdaemon.db.tables.base import EntityTable
from stdaemon.domain import models as m
from stdaemon.domain.crawl import TaskState
from stdaemon.domain.operations import LedgerEntry

RESET = date(2030, 1, 1)
SEEN = datetime(2030, 1, 2, tzinfo=UTC)
SHARED = {"reset_date", "raw", "observed_at", "written_at"}

Mapper = Callable[[Any], Rows]


def _rows(model: Any) -> Rows:
    return rows_for(model, reset_date=RESET, observed_at=SEEN)


MAPPED: dict[type[BaseModel], Mapper] = {
    m.Agent: _rows,
    m.System: _rows,
    m.Waypoint: _rows,
    m.Faction: _rows,
    m.JumpGate: _rows,
    m.Construction: _rows,
    m.SupplyChain: _rows,
    m.Market: _rows,
    m.MarketTransaction: _rows,
    m.Shipyard: _rows,
    m.ShipyardTransaction: _rows,
    m.Ship: _rows,
    m.Contract: _rows,
    m.Survey: _rows,
    m.Extraction: _rows,
    m.ServerStatus: lambda status: reset_rows(status, SEEN),
    TaskState: _rows,
    LedgerEntry: lambda entry: {"telemetry.credit_ledger": [ledger_row(entry, RESET)]},
}
# Tables without the columns of API entities (bookkeeping), and those no domain model is mapped to (the
# fleet's claims are written by SQL of their own, db.fleet_store).
BOOKKEEPING = {
    "reference.resets",
    "reference.crawl_progress",
    "telemetry.dead_letters",
    "telemetry.runner_heartbeats",
    "telemetry.ship_behaviours",
    "telemetry.credit_ledger",
}
UNMAPPED = {"telemetry.dead_letters", "telemetry.runner_heartbeats", "telemetry.ship_behaviours"}
DERIVED = {
    ("reference.systems", "sector_symbol"): "the sector is the first part of the system symbol",
    ("telemetry.shipyard_transactions", "agent_symbol"): "part of the key: '' is an agent the payload omits",
}


# --- instances built from the field declarations ------------------------------------------------------

_counter = itertools.count(1)


def _optional(annotation: Any) -> bool:
    return get_origin(annotation) in (Union, types.UnionType) and type(None) in get_args(annotation)


def _value(annotation: Any, *, full: bool) -> Any:  # noqa: PLR0911  one return per kind of type
    origin, args = get_origin(annotation), get_args(annotation)
    if origin in (Union, types.UnionType):
        return _value(next(a for a in args if a is not type(None)), full=full)
    if origin is Annotated:
        return _value(args[0], full=full)
    if isinstance(annotation, NewType):
        return _value(annotation.__supertype__, full=full)
    if origin is tuple:
        return (_value(args[0], full=full),)
    if origin is dict:
        return {_value(args[0], full=full): _value(args[1], full=full)}
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return build(annotation, full=full)
    n = next(_counter)
    if annotation is str:
        return f"X1-S{n}-W{n}"  # unique, and shaped like a waypoint symbol
    if annotation is bool:
        return True
    if annotation is int:
        return n
    if annotation is float:
        return n + 0.5
    if annotation is date:
        return RESET
    if annotation in (datetime, AwareDatetime):
        return SEEN + timedelta(seconds=n)
    if annotation is Any:
        return {}
    raise AssertionError(f"no value for {annotation!r}: teach this test the type")


def build(model: type[BaseModel], *, full: bool) -> Any:
    """The fullest instance (every field set), or the sparsest (every optional field None)."""
    values: dict[str, Any] = {}
    for name, field in model.model_fields.items():
        if name == "raw":
            values[name] = {}
        elif not full and _optional(field.annotation):
            values[name] = None
        elif not full and not field.is_required() and get_origin(field.annotation) is not tuple:
            values[name] = field.get_default(call_default_factory=True)
        else:
            values[name] = _value(field.annotation, full=full)
    return model(**values)


def optional_paths(model: BaseModel, prefix: tuple[str | int, ...] = ()) -> Iterator[tuple[str | int, ...]]:
    """Every optional field reachable from `model` (into nested models and the first element of tuples)."""
    for name, field in type(model).model_fields.items():
        value = getattr(model, name)
        if _optional(field.annotation):
            yield (*prefix, name)
        if isinstance(value, BaseModel):
            yield from optional_paths(value, (*prefix, name))
        elif isinstance(value, tuple) and value and isinstance(value[0], BaseModel):
            yield from optional_paths(value[0], (*prefix, name, 0))


def without(model: Any, path: tuple[str | int, ...]) -> Any:
    """`model` with the field at `path` set to None."""
    head, *rest = path
    if isinstance(head, int):
        return (without(model[0], tuple(rest)), *model[1:])
    if not rest:
        return model.model_copy(update={head: None})
    return model.model_copy(update={head: without(getattr(model, head), tuple(rest))})


def _cells(rows: Rows) -> dict[tuple[str, int, str], Any]:
    return {
        (table, i, col): v for table, rs in rows.items() for i, row in enumerate(rs) for col, v in row.items()
    }


def _nullable(table: str, column: str) -> bool:
    return bool(TABLES[table].table.columns[column].nullable)


# --- the checks ----------------------------------------------------------------------------------------


def test_every_entity_table_is_mapped_and_every_column_filled() -> None:
    filled: dict[str, set[str]] = {}
    for model, mapper in MAPPED.items():
        for table, rows in mapper(build(model, full=True)).items():
            filled.setdefault(table, set()).update(*(row.keys() for row in rows))
    mapped = set(TABLES) - UNMAPPED
    assert set(filled) == mapped, "every table a domain model is stored in must be in MAPPED"
    for table in mapped:
        columns = {c.name for c in TABLES[table].table.columns} - {"written_at"}
        assert filled[table] == columns, (
            f"{table}: columns no mapper fills / unknown: {filled[table] ^ columns}"
        )


def test_the_shared_columns_are_declared_once_and_never_null() -> None:
    for name in set(TABLES) - BOOKKEEPING:
        spec = TABLES[name]
        assert issubclass(spec.model, EntityTable), f"{name} must take its shared columns from EntityTable"
        assert all(not spec.table.columns[c].nullable for c in SHARED), name


@pytest.mark.parametrize("model", list(MAPPED), ids=lambda t: t.__name__)
def test_an_optional_field_feeds_only_nullable_columns_and_makes_them_null(model: type[BaseModel]) -> None:
    mapper = MAPPED[model]
    fullest = build(model, full=True)
    base = _cells(mapper(fullest))
    mismatches = []
    for path in optional_paths(fullest):
        changed = {k: v for k, v in _cells(mapper(without(fullest, path))).items() if base.get(k) != v}
        for (table, _, column), value in changed.items():
            field = ".".join(map(str, path))
            if (table, column) in DERIVED:
                if value is None or _nullable(table, column):
                    mismatches.append(
                        f"{table}.{column} is derived when {field} is missing; keep it NOT NULL"
                    )
            elif value is not None:
                mismatches.append(f"{table}.{column} gets {value!r} when {model.__name__}.{field} is None")
            elif not _nullable(table, column):
                mismatches.append(f"{table}.{column} is NOT NULL but {model.__name__}.{field} is optional")
    assert not mismatches, "\n".join(sorted(set(mismatches)))


@pytest.mark.parametrize("model", list(MAPPED), ids=lambda t: t.__name__)
def test_the_sparsest_instance_fills_exactly_the_not_null_columns(model: type[BaseModel]) -> None:
    rows = MAPPED[model](build(model, full=False))
    mismatches = []
    for (table, _, column), value in _cells(rows).items():
        if column in SHARED:
            continue
        if _nullable(table, column) and value is not None:
            mismatches.append(f"{table}.{column} is nullable but always has a value ({value!r}): NOT NULL")
        if not _nullable(table, column) and value is None:
            mismatches.append(f"{table}.{column} is NOT NULL but the domain lets it be missing")
    assert not mismatches, "\n".join(sorted(set(mismatches)))

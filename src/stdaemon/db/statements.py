"""Set-based SQL for the writer: one statement shape per table kind, built once per column set.

- `latest` tables: `INSERT … ON CONFLICT (key) DO UPDATE SET … WHERE (cols) IS DISTINCT FROM (excluded …)`.
  Unchanged rows are skipped (no dead tuple, no WAL, `written_at` untouched), and an older observation never
  overwrites a newer one (`observed_at <= excluded.observed_at`).
- `history` tables: `ON CONFLICT DO NOTHING` on the natural key, so a replayed batch is a no-op.
- `log` tables (dead letters): a plain INSERT.

Two ways to feed a statement, chosen by batch size (see `benchmarks/writer.py`): small batches go through
asyncpg `executemany` of a one-row `VALUES` statement (prepared once, pipelined); large ones are COPYed into a
temporary table dropped at commit and moved with one `INSERT … SELECT … ON CONFLICT`. Neither binds more than
one row's columns per statement, so PostgreSQL's 32,767 bind-parameter limit is never near.

Values go to asyncpg as Python objects, except jsonb: SQLAlchemy's asyncpg dialect installs a jsonb codec
that takes JSON *text*, so jsonb values are serialised here (`encoders`).
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from functools import cache
from typing import Any

from sqlalchemy import JSON
from sqlalchemy.dialects.postgresql import JSONB

from stdaemon.db.tables import TableSpec

Row = Mapping[str, Any]
Encoder = Callable[[Any], Any]


def quote(name: str) -> str:
    """A double-quoted SQL identifier."""
    return '"' + name.replace('"', '""') + '"'


def qualified(spec: TableSpec) -> str:
    schema, _, table = spec.name.partition(".")
    return f"{quote(schema)}.{quote(table)}"


def json_default(value: Any) -> Any:
    """How non-JSON values (dates, decimals, sets) are spelled inside jsonb (dead-letter rows, raw)."""
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, set | frozenset | tuple):
        return list(value)
    raise TypeError(f"{type(value).__name__} is not JSON serialisable")


_ENCODE = json.JSONEncoder(default=json_default, separators=(",", ":"), ensure_ascii=False).encode


def to_json(value: Any) -> str | None:
    """JSON text for a jsonb parameter (one encoder built once: json.dumps per call costs ~20 % more)."""
    return None if value is None else _ENCODE(value)


def _encoder(spec: TableSpec, column: str) -> Encoder | None:
    if isinstance(spec.table.c[column].type, JSON | JSONB):
        return to_json
    return None


@dataclass(frozen=True, slots=True)
class Plan:
    """The SQL for one table and one column set; `records()` turns row dicts into tuples in column order."""

    spec: TableSpec
    columns: tuple[str, ...]
    encoders: tuple[Encoder | None, ...]
    values_sql: str  # one-row VALUES statement for executemany
    stage_name: str
    create_stage_sql: str
    from_stage_sql: str  # INSERT … SELECT FROM the stage

    def records(self, rows: Iterable[Row]) -> list[tuple[Any, ...]]:
        cols, encoders = self.columns, self.encoders
        out: list[tuple[Any, ...]] = []
        for row in rows:
            values = [row.get(c) for c in cols]
            for i, enc in enumerate(encoders):
                if enc is not None:
                    values[i] = enc(values[i])
            out.append(tuple(values))
        return out


def _conflict_clause(spec: TableSpec, columns: Sequence[str]) -> str:
    if spec.kind == "log":
        return ""
    key = ", ".join(quote(k) for k in spec.key)
    if spec.kind == "history":
        return f" ON CONFLICT ({key}) DO NOTHING"
    update = [c for c in spec.update_columns if c in columns]
    compare = [c for c in spec.compare_columns if c in columns]
    if not update:
        return f" ON CONFLICT ({key}) DO NOTHING"
    sets = [f"{quote(c)} = EXCLUDED.{quote(c)}" for c in update]
    if "written_at" in spec.table.c:
        sets.append('"written_at" = now()')
    where: list[str] = []
    if compare:
        mine = ", ".join(f"t.{quote(c)}" for c in compare)
        theirs = ", ".join(f"EXCLUDED.{quote(c)}" for c in compare)
        # ROW(…) so that a single column still compares as a row
        where.append(f"ROW({mine}) IS DISTINCT FROM ROW({theirs})")
    if "observed_at" in columns and "observed_at" not in spec.key:
        where.append('t."observed_at" <= EXCLUDED."observed_at"')
    guard = f" WHERE {' AND '.join(where)}" if where else ""
    return f" ON CONFLICT ({key}) DO UPDATE SET {', '.join(sets)}{guard}"


@cache
def plan(spec: TableSpec, columns: tuple[str, ...]) -> Plan:
    """Build (once per table and column set) the statements that write rows carrying `columns`."""
    unknown = set(columns) - set(spec.columns)
    if unknown:
        raise ValueError(f"{spec.name} has no column(s) {sorted(unknown)}")
    target = qualified(spec)
    cols = ", ".join(quote(c) for c in columns)
    conflict = _conflict_clause(spec, columns)
    params = ", ".join(f"${i}" for i in range(1, len(columns) + 1))
    stage = "_st_stage_" + spec.name.replace(".", "_")
    return Plan(
        spec=spec,
        columns=columns,
        encoders=tuple(_encoder(spec, c) for c in columns),
        values_sql=f"INSERT INTO {target} AS t ({cols}) VALUES ({params}){conflict}",
        stage_name=stage,
        create_stage_sql=(
            f"CREATE TEMPORARY TABLE {quote(stage)} ON COMMIT DROP"
            f" AS SELECT {cols} FROM {target} WITH NO DATA"
        ),
        from_stage_sql=f"INSERT INTO {target} AS t ({cols}) SELECT {cols} FROM {quote(stage)}{conflict}",
    )


def columns_of(spec: TableSpec, rows: Iterable[Row]) -> tuple[str, ...]:
    """The columns a batch writes, in table order: every column some row carries.

    A column no row carries is left out so its server default applies (e.g. `traits DEFAULT '{}'`); a
    column one row lacks but another carries is NULL for that row. Unknown names fail in `plan()`.
    """
    present: set[str] = set()
    for row in rows:
        present.update(row.keys())
    ordered = tuple(c for c in spec.columns if c in present)
    if len(ordered) != len(present):
        raise ValueError(f"{spec.name} has no column(s) {sorted(present - set(ordered))}")
    return ordered


def key_of(spec: TableSpec, row: Row) -> tuple[Any, ...]:
    """The row's key; a row without one cannot be written (KeyError names the column)."""
    return tuple(row[k] for k in spec.key)


def affected(status: str) -> int:
    """Rows an INSERT really inserted or changed, from asyncpg's status string `INSERT 0 <n>`."""
    try:
        return int(status.rsplit(" ", 1)[1])
    except (IndexError, ValueError):
        return 0

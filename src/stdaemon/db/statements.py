"""Set-based SQL for the writer: one statement shape per table kind, built once per column set.

- `latest` tables: `INSERT … ON CONFLICT (key) DO UPDATE SET … WHERE (cols) IS DISTINCT FROM (excluded …)`.
  Unchanged rows are skipped (no dead tuple, no WAL, `written_at` untouched), and an older observation never
  overwrites a newer one (`observed_at <= excluded.observed_at`).
- `history` tables: `ON CONFLICT DO NOTHING` on the natural key, so a replayed batch is a no-op.
- `log` tables (dead letters): a plain INSERT.

Three ways to feed a statement, chosen by batch size and history (see `committer.py`): small batches go
through asyncpg `executemany` of a one-row `VALUES` statement (prepared once, pipelined); large ones are
COPYed straight into the table inside a savepoint (`Plan.schema`/`Plan.table`), which is all a batch of new
keys needs; when that meets an existing key (a replay, an upsert) the savepoint is rolled back and the batch
is COPYed into a temporary table dropped at commit and moved with one `INSERT … SELECT … ON CONFLICT`. None
binds more than one row's columns per statement, so PostgreSQL's 32,767 bind-parameter limit is never near.

Values go to asyncpg as Python objects, except jsonb: SQLAlchemy's asyncpg dialect installs a jsonb codec
that takes JSON *text*, so jsonb values are serialised here (`to_json`), by orjson (ten times faster than
the standard library on a waypoint's `raw`); what orjson refuses (non-string keys, integers beyond 64 bits)
goes through the standard library as before. That happens when the rows are put (`encode_json_values`, from
`batching.normalise`), so a record only takes the text of an `EncodedJson` (`encoders`).
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from functools import cache
from operator import itemgetter
from typing import Any

import orjson
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


class EncodedJson:
    """A jsonb value already serialised: its JSON text, written as it is.

    `batching.normalise` encodes the jsonb values of a row when it is `put`, right after the producer decoded
    it, while its JSON tree is still in the CPU's cache; the writer used to encode them when it took a batch
    of up to 20,000 rows, each tree long evicted: 2.3 µs of CPU per waypoint row then, 0.5 µs now
    (benchmarks/writer.py, py-spy). The rows waiting in the queue then hold one string each, not a tree.
    """

    __slots__ = ("text",)

    def __init__(self, text: str) -> None:
        self.text = text

    def __eq__(self, other: object) -> bool:
        return isinstance(other, EncodedJson) and other.text == self.text

    def __hash__(self) -> int:
        return hash(self.text)

    def __repr__(self) -> str:
        return f"EncodedJson({self.text!r})"


def json_default(value: Any) -> Any:
    """How non-JSON values (dates, decimals, sets) are spelled inside jsonb (dead-letter rows, raw)."""
    if isinstance(value, EncodedJson):  # a row's encoded `raw` inside a dead-letter row: the object again
        return json.loads(value.text)
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, set | frozenset | tuple):
        return list(value)
    raise TypeError(f"{type(value).__name__} is not JSON serialisable")


_ENCODE = json.JSONEncoder(default=json_default, separators=(",", ":"), ensure_ascii=False).encode


def to_json(value: Any) -> str | None:
    """JSON text for a jsonb parameter: compact, UTF-8 as is, dates ISO 8601 (`json_default`).

    NaN and infinities, which JSON cannot spell, come out as null (the standard library wrote `NaN`,
    which PostgreSQL refused).
    """
    if value is None:
        return None
    if type(value) is EncodedJson:
        return value.text
    try:
        return orjson.dumps(value, default=json_default).decode()
    except TypeError:  # orjson.JSONEncodeError: a non-string key, an int beyond 64 bits, an unknown type
        return _ENCODE(value)


def _encoder(spec: TableSpec, column: str) -> Encoder | None:
    if isinstance(spec.table.c[column].type, JSON | JSONB):
        return to_json
    return None


@cache
def json_columns(spec: TableSpec) -> tuple[str, ...]:
    """The columns of `spec` whose values are serialised to JSON text (jsonb, json)."""
    return tuple(c for c in spec.columns if _encoder(spec, c) is not None)


def encode_json_values(spec: TableSpec, rows: Iterable[dict[str, Any]]) -> None:
    """Replace each row's jsonb values by their `EncodedJson`, in place. A value that cannot be encoded is
    left as it is: encoding the batch fails for that row, which is then isolated (dead-lettered) as before."""
    columns = json_columns(spec)
    if not columns:
        return
    for row in rows:
        for column in columns:
            value = row.get(column)
            if value is None or type(value) is EncodedJson:
                continue
            try:
                text = to_json(value)
            except (TypeError, ValueError, OverflowError, UnicodeError):
                continue
            if text is not None:
                row[column] = EncodedJson(text)


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
    schema: str  # for COPY straight into the table
    table: str

    def records(self, rows: Iterable[Row]) -> list[tuple[Any, ...]]:
        cols = self.columns
        record = _record(cols, self.encoders)
        encoded = [(i, enc) for i, enc in enumerate(self.encoders) if enc is not None]
        out: list[tuple[Any, ...]] = []
        append = out.append
        for row in rows:
            try:
                values = record(row)
            except KeyError:  # a row without some column the batch carries: NULL there
                values = tuple(map(row.get, cols))
                for i, enc in encoded:
                    values = (*values[:i], enc(values[i]), *values[i + 1 :])
            append(values)
        return out


@cache
def _record(
    columns: tuple[str, ...], encoders: tuple[Encoder | None, ...]
) -> Callable[[Row], tuple[Any, ...]]:
    """`row -> (row[c0], encode(row[c1]), …)` in one expression, compiled once per column set: the record of a
    row without a tuple built and rebuilt around its encoded values (KeyError names a missing column)."""
    names: dict[str, Any] = {}
    values = []
    for i, (column, encoder) in enumerate(zip(columns, encoders, strict=True)):
        if encoder is None:
            values.append(f"row[{column!r}]")
        else:
            names[f"encode{i}"] = encoder
            values.append(f"encode{i}(row[{column!r}])")
    exec(f"def record(row):\n    return ({', '.join(values)},)", names)  # the source is built above
    record: Callable[[Row], tuple[Any, ...]] = names["record"]
    return record


@dataclass(slots=True)
class Batch:
    """One table's rows with their plan and, once encoded, their records (tuples in column order).

    The writer encodes a batch while the previous one is being committed; a value that cannot be encoded
    leaves `records` None, and encoding again inside the transaction raises where the error is classified.
    """

    plan: Plan
    rows: list[dict[str, Any]]
    records: list[tuple[Any, ...]] | None = None

    @classmethod
    def of(cls, spec: TableSpec, rows: list[dict[str, Any]]) -> Batch:
        return cls(plan(spec, columns_of(spec, rows)), rows)

    def encode(self) -> Batch:
        """Encode the records now if every value can be; never raises for a bad value."""
        if self.records is None:
            try:
                self.records = self.plan.records(self.rows)
            except (TypeError, ValueError, OverflowError, UnicodeError):
                self.records = None
        return self

    def halves(self) -> tuple[Batch, Batch]:
        mid = len(self.rows) // 2
        recs = self.records
        return (
            Batch(self.plan, self.rows[:mid], None if recs is None else recs[:mid]),
            Batch(self.plan, self.rows[mid:], None if recs is None else recs[mid:]),
        )


def conflict_clause(spec: TableSpec, columns: Sequence[str]) -> str:
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
    conflict = conflict_clause(spec, columns)
    params = ", ".join(f"${i}" for i in range(1, len(columns) + 1))
    stage = "_st_stage_" + spec.name.replace(".", "_")
    schema, _, table = spec.name.partition(".")
    return Plan(
        schema=schema,
        table=table,
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


@cache
def getter(columns: tuple[str, ...]) -> Callable[[Row], tuple[Any, ...]]:
    """A fast `row -> tuple of these columns` (KeyError names a missing one)."""
    if len(columns) == 1:
        (only,) = columns
        return lambda row: (row[only],)
    return itemgetter(*columns)


def key_of(spec: TableSpec, row: Row) -> tuple[Any, ...]:
    """The row's key; a row without one cannot be written (KeyError names the column)."""
    return getter(spec.key)(row)


def affected(status: str) -> int:
    """Rows an INSERT really inserted or changed, from asyncpg's status string `INSERT 0 <n>`."""
    try:
        return int(status.rsplit(" ", 1)[1])
    except (IndexError, ValueError):
        return 0

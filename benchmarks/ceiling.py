"""The physical ceiling of a table, for `benchmarks/writer.py`: what the database and asyncpg can do at best.

- `run_server`: `INSERT … SELECT … FROM generate_series … ON CONFLICT …` into the real table, no client at
  all, rows shaped like `realrows`' (the same keys; each row's `raw` the fixture's JSON text with the row's
  own symbol in it, parsed into jsonb per row as a client's rows are);
- `run_copy`: a plain COPY into the real table (no staging, no conflict handling) by one asyncpg connection,
  records pre-built as tuples, jsonb encoded by orjson straight to bytes (the fastest encoder).
`server_cpu_s` reads the CPU time of the database's backends from /proc when PostgreSQL runs on this machine.
"""

from __future__ import annotations

import os
from typing import Any

import asyncpg
import orjson
from benchmarks import realrows as rr
from sqlalchemy.engine import make_url

from stdaemon.db.statements import conflict_clause, qualified

# Server-side rows (see the module docstring); a constant would be parsed once, so `raw` is built per row.
_SNAPSHOT_COLUMNS = {
    "reset_date": "$1::date",
    "waypoint_symbol": "'X1-B' || lpad(((i / 12) % 500 / 10)::text, 3, '0') || '-M' || ((i / 12) % 10)",
    "trade_symbol": "good",
    "observed_at": "$3::timestamptz + (i / 12) * interval '1 second'",
    "type": "'EXPORT'",
    "trade_volume": "20 + i % 80",
    "supply": "'MODERATE'",
    "activity": "'GROWING'",
    "purchase_price": "20 + i % 500",
    "sell_price": "19 + i % 500",
    "raw": "replace($4::text, '@SYMBOL@', good)::jsonb",
}
_SNAPSHOT_FROM = """
  FROM generate_series(0, $5 - 1) AS i,
       LATERAL (SELECT ($2::text[])[((i / 12) + i % 12) % 40 + 1]) AS g(good)"""
_WAYPOINT_COLUMNS = {
    "reset_date": "$1::date",
    "symbol": "sym",
    "system_symbol": "sys",
    "type": "'PLANET'",
    "x": "i % 701 - 350",
    "y": "(i * 13) % 701 - 350",
    "orbits": "NULL",
    "faction_symbol": "'COSMIC'",
    "traits": "ARRAY['ROCKY', 'MARKETPLACE', 'SHIPYARD']",
    "modifiers": "'{}'::text[]",
    "is_under_construction": "false",
    "chart_submitted_by": "'COSMIC'",
    "chart_submitted_on": "$3::timestamptz - interval '200 days'",
    "raw": "replace($4::text, '@SYMBOL@', sym)::jsonb",
    "observed_at": "$3::timestamptz",
}
_WAYPOINT_FROM = """
  FROM generate_series(0, $5 - 1) AS i,
       LATERAL (SELECT 'X1-W' || lpad((i / 30)::text, 5, '0')) AS s(sys),
       LATERAL (SELECT sys || '-W' || lpad((i % 30)::text, 2, '0') WHERE $2::text[] IS NOT NULL) AS w(sym)"""


async def plain_connection(url: str) -> Any:
    """An asyncpg connection whose jsonb codec takes orjson's bytes as they are (binary jsonb: 1 + text)."""
    conn = await asyncpg.connect(make_url(url).set(drivername="postgresql").render_as_string(False))
    await conn.set_type_codec(
        "jsonb", schema="pg_catalog", format="binary", encoder=lambda b: b"\x01" + b, decoder=lambda b: b[1:]
    )
    return conn


async def run_server(conn: Any, case: rr.Case) -> None:
    exprs, source = (
        (_SNAPSHOT_COLUMNS, _SNAPSHOT_FROM)
        if case.table == rr.SNAPSHOTS
        else (_WAYPOINT_COLUMNS, _WAYPOINT_FROM)
    )
    cols = ", ".join(f'"{c}"' for c in case.columns)
    select = "SELECT " + ", ".join(exprs[c] for c in case.columns) + source
    sql = (
        f"INSERT INTO {qualified(case.spec)} AS t ({cols}) {select}{conflict_clause(case.spec, case.columns)}"
    )
    first = case.rows[0]
    symbol = first["trade_symbol" if case.table == rr.SNAPSHOTS else "symbol"]
    raw = orjson.dumps(first["raw"]).decode().replace(f'"{symbol}"', '"@SYMBOL@"')
    await conn.execute(sql, rr.RESET, list(rr.GOODS), rr.T0, raw, len(case.rows))


async def run_copy(conn: Any, case: rr.Case) -> None:
    schema, _, name = case.table.partition(".")
    records = case.records()
    await conn.copy_records_to_table(name, schema_name=schema, records=records, columns=case.columns)


_CLOCK_TICKS = os.sysconf("SC_CLK_TCK")


async def server_cpu_s(conn: Any) -> float | None:
    """CPU seconds used so far by the backends of this database, when the server runs on this machine."""
    pids = [
        r[0] for r in await conn.fetch("SELECT pid FROM pg_stat_activity WHERE datname = current_database()")
    ]
    total = 0
    for pid in pids:
        try:
            with open(f"/proc/{pid}/stat") as f:  # noqa: ASYNC230 - procfs answers at once
                fields = f.read().rsplit(")", 1)[1].split()
        except OSError:
            return None  # not our machine's process (a remote server) or gone
        total += int(fields[11]) + int(fields[12])  # utime + stime
    return total / _CLOCK_TICKS

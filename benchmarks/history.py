"""Years of price history: the queries people run, and dropping an epoch, on millions of snapshot rows.

    .venv/bin/python benchmarks/history.py [--rows 10000000] [--epochs 4] [--reps 7] [--json]

Server: ST_TEST_DATABASE_URL or postgresql+asyncpg://postgres@127.0.0.1:5432/test; a scratch database is
created there, migrated with alembic (history tables partitioned by epoch, migration 0005) and dropped.
`--rows` market snapshots are loaded server-side across `--epochs` epochs, shaped like a real fleet's: 500
markets in 50 systems, 12 goods each out of 40, one observation every 5 minutes, `raw` the fixture's trade
good (126 B); `telemetry.markets` gets the 500 markets of each epoch. Then, interleaved, `--reps` times
each, with a different market, good and system every time (median and spread, ms):
- price history: every observation of one good at one market in the current epoch, oldest first;
- best sell price now: the market of a system paying most for a good, by its latest observation there
  (one backward primary-key probe per market of the system: the query shape the README recommends);
and how many partitions each plan reads (EXPLAIN). Last, the oldest epoch is detached and dropped (ms),
and a DbWriter load into the current epoch of the now large table is timed against a plain COPY (rows/s).
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import secrets
import statistics
import sys
import time
from datetime import date, timedelta
from pathlib import Path
from typing import Any

if __package__ in (None, ""):  # run as a script: make `benchmarks.*` importable
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import orjson
from benchmarks import ceiling
from benchmarks import realrows as rr
from benchmarks import writer as wb
from sqlalchemy import text
from sqlalchemy.engine import make_url
from sqlalchemy.ext.asyncio import create_async_engine
from sqlalchemy.pool import NullPool

from stdaemon.db.engine import make_engine
from stdaemon.db.migrations import upgrade_head
from stdaemon.logging import configure_logging

MARKETS, GOODS_PER_MARKET, STEP_S = 500, 12, 300
CHUNK = 500_000

_LOAD = """
INSERT INTO telemetry.market_snapshots (reset_date, waypoint_symbol, trade_symbol, observed_at, type,
       trade_volume, supply, activity, purchase_price, sell_price, raw)
SELECT $1::date, 'X1-B' || lpad((m / 10)::text, 3, '0') || '-M' || (m % 10),
       ($2::text[])[(m + g) % 40 + 1], $3::timestamptz + (k * 300) * interval '1 second', 'EXCHANGE',
       20 + i % 80, 'MODERATE', 'GROWING', 20 + (i * 7) % 500, 19 + (i * 7) % 500 - (i % 9), $4::jsonb
  FROM generate_series($5::bigint, $6::bigint - 1) AS i,
       LATERAL (SELECT (i / 12) % 500 AS m, i % 12 AS g, i / 6000 AS k) AS x
"""
_MARKETS = """
INSERT INTO telemetry.markets (reset_date, symbol, system_symbol, raw, observed_at)
SELECT $1::date, 'X1-B' || lpad((m / 10)::text, 3, '0') || '-M' || (m % 10),
       'X1-B' || lpad((m / 10)::text, 3, '0'), '{}'::jsonb, $2::timestamptz
  FROM generate_series(0, 499) AS m
"""
PRICE_HISTORY = """
SELECT observed_at, purchase_price, sell_price FROM telemetry.market_snapshots
 WHERE reset_date = $1 AND waypoint_symbol = $2 AND trade_symbol = $3 ORDER BY observed_at
"""
BEST_SELL_NOW = """
SELECT m.symbol, s.sell_price, s.observed_at
  FROM telemetry.markets m
  CROSS JOIN LATERAL (
      SELECT sell_price, observed_at FROM telemetry.market_snapshots s
       WHERE s.reset_date = $1 AND s.waypoint_symbol = m.symbol AND s.trade_symbol = $3
       ORDER BY s.observed_at DESC LIMIT 1) s
 WHERE m.reset_date = $1 AND m.system_symbol = $2
 ORDER BY s.sell_price DESC LIMIT 1
"""


def market(m: int) -> str:
    return f"X1-B{m // 10:03d}-M{m % 10}"


async def load(conn: Any, rows: int, epochs: list[date]) -> float:
    raw = orjson.dumps(rr.decode_market(rr.market_payloads(1)[0], 0)[0]["raw"])
    per = rows // len(epochs)
    began = time.perf_counter()
    for n, epoch in enumerate(epochs):
        await conn.fetchval("SELECT telemetry.ensure_epoch($1)", epoch)
        t0 = rr.T0 + timedelta(days=14 * n)
        await conn.execute(_MARKETS, epoch, t0)
        for start in range(0, per, CHUNK):
            await conn.execute(_LOAD, epoch, list(rr.GOODS), t0, raw, start, min(per, start + CHUNK))
            print(f"  loaded {n * per + min(per, start + CHUNK):,} rows", file=sys.stderr, flush=True)
    await conn.execute("ANALYZE telemetry.market_snapshots")
    await conn.execute("ANALYZE telemetry.markets")
    return time.perf_counter() - began


async def partitions_read(conn: Any, sql: str, *args: Any) -> int:
    plan = "\n".join(r[0] for r in await conn.fetch(f"EXPLAIN {sql}", *args))
    return plan.count(" on market_snapshots_")


async def timed_ms(conn: Any, sql: str, *args: Any) -> tuple[float, int]:
    began = time.perf_counter()
    rows = await conn.fetch(sql, *args)
    return (time.perf_counter() - began) * 1000, len(rows)


def summary(values: list[float]) -> dict[str, float]:
    return {"median": statistics.median(values), "min": min(values), "max": max(values)}


async def bench(url: str, args: argparse.Namespace) -> dict[str, Any]:
    epochs = [date(2026, 1, 4) + timedelta(days=14 * n) for n in range(args.epochs)]
    current = epochs[-1]
    conn = await ceiling.plain_connection(url)
    r: dict[str, Any] = {"rows": args.rows, "epochs": len(epochs), "reps": args.reps}
    r["write_reps"] = args.write_reps
    try:
        r["load_s"] = await load(conn, args.rows, epochs)
        size = await conn.fetchval("SELECT pg_total_relation_size('partitions.market_snapshots_' || $1)",
                                   current.strftime("%Y_%m_%d"))  # fmt: skip
        r["epoch_partition_mb"] = size / 2**20
        rng = random.Random(12)
        times: dict[str, list[float]] = {"price_history": [], "best_sell_now": []}
        found: dict[str, list[int]] = {"price_history": [], "best_sell_now": []}
        for _ in range(args.reps):
            m = rng.randrange(MARKETS)
            good = rr.GOODS[(m + rng.randrange(GOODS_PER_MARKET)) % 40]
            system = market(m).rsplit("-", 1)[0]
            for name, sql, params in (
                ("price_history", PRICE_HISTORY, (current, market(m), good)),
                ("best_sell_now", BEST_SELL_NOW, (current, system, good)),
            ):
                ms, n = await timed_ms(conn, sql, *params)
                times[name].append(ms)
                found[name].append(n)
        r["queries_ms"] = {k: summary(v) for k, v in times.items()}
        r["rows_returned"] = {k: statistics.median(v) for k, v in found.items()}
        r["partitions_read"] = {
            "price_history": await partitions_read(conn, PRICE_HISTORY, current, market(1), rr.GOODS[1]),
            "best_sell_now": await partitions_read(conn, BEST_SELL_NOW, current, "X1-B000", rr.GOODS[1]),
        }
        oldest = f"partitions.market_snapshots_{epochs[0].strftime('%Y_%m_%d')}"
        began = time.perf_counter()
        await conn.execute(f"ALTER TABLE telemetry.market_snapshots DETACH PARTITION {oldest}")
        await conn.execute(f"DROP TABLE {oldest}")
        r["drop_epoch_ms"] = (time.perf_counter() - began) * 1000
        r["rows_after_drop"] = await conn.fetchval("SELECT count(*) FROM telemetry.market_snapshots")
        r["write"] = await write_after(url, conn, args)
    finally:
        await conn.close()
    return r


async def write_after(url: str, conn: Any, args: argparse.Namespace) -> dict[str, Any]:
    """DbWriter vs plain COPY into a history table that already holds the loaded epochs (rows/s)."""
    case = rr.Case(rr.SNAPSHOTS, rr.market_payloads(args.write_rows, start=0), rr.decode_market)
    engine = make_engine(url)
    rates: dict[str, list[float]] = {"copy": [], "writer": []}
    try:
        for rep in range(args.write_reps):
            for method in ("copy", "writer") if rep % 2 == 0 else ("writer", "copy"):
                await conn.execute("DELETE FROM telemetry.market_snapshots WHERE reset_date = $1", rr.RESET)
                began = time.perf_counter()
                if method == "copy":
                    await ceiling.run_copy(conn, case)
                else:
                    await wb.run_writer(engine, case, decode=False)
                rates[method].append(len(case.rows) / (time.perf_counter() - began))
    finally:
        await engine.dispose()
    ratios = [w / c for w, c in zip(rates["writer"], rates["copy"], strict=True)]
    return {"rows": len(case.rows), **{k: summary(v) for k, v in rates.items()}, "ratio": summary(ratios)}


async def main_async(args: argparse.Namespace) -> dict[str, Any]:
    server = os.environ.get("ST_TEST_DATABASE_URL", "").strip() or wb.DEFAULT_SERVER
    server = make_url(server).set(drivername="postgresql+asyncpg").render_as_string(hide_password=False)
    name = f"stdaemon_history_{os.getpid()}_{secrets.token_hex(3)}"
    admin = create_async_engine(server, poolclass=NullPool, isolation_level="AUTOCOMMIT")
    try:
        async with admin.connect() as conn:
            await conn.execute(text(f'CREATE DATABASE "{name}"'))
        url = make_url(server).set(database=name).render_as_string(hide_password=False)
        try:
            await upgrade_head(url)
            return await bench(url, args)
        finally:
            async with admin.connect() as conn:
                await conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    finally:
        await admin.dispose()


def show(r: dict[str, Any]) -> None:
    def ms(s: dict[str, float]) -> str:
        return f"{s['median']:.2f} ms ({s['min']:.2f}–{s['max']:.2f})"

    print(f"{r['rows']:,} market snapshots in {r['epochs']} epochs, loaded in {r['load_s']:.0f} s; "
          f"one epoch's partition: {r['epoch_partition_mb']:.0f} MB with its indexes")  # fmt: skip
    print(f"queries on the current epoch, median (min–max) of {r['reps']}:")
    for name, s in r["queries_ms"].items():
        print(f"  {name:14} {ms(s):>28}   {r['rows_returned'][name]:.0f} rows, "
              f"{r['partitions_read'][name]} partition(s) read")  # fmt: skip
    print(f"drop the oldest epoch (DETACH PARTITION + DROP TABLE): {r['drop_epoch_ms']:.1f} ms; "
          f"{r['rows_after_drop']:,} rows left")  # fmt: skip
    w = r["write"]
    print(f"writing {w['rows']:,} real snapshot rows into the loaded table, {r['write_reps']} "
          f"interleaved: DbWriter {w['writer']['median'] / 1000:.1f}k rows/s, plain COPY "
          f"{w['copy']['median'] / 1000:.1f}k rows/s, ratio {w['ratio']['median']:.2f} "
          f"({w['ratio']['min']:.2f}–{w['ratio']['max']:.2f})")  # fmt: skip
    load = os.getloadavg()
    print(f"load average after the run: {load[0]:.1f} {load[1]:.1f} {load[2]:.1f} on {os.cpu_count()} cores")


def main() -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n")[0])
    parser.add_argument("--rows", type=int, default=10_000_000)
    parser.add_argument("--epochs", type=int, default=4)
    parser.add_argument("--reps", type=int, default=7)
    parser.add_argument("--write-rows", type=int, default=100_000)
    parser.add_argument("--write-reps", type=int, default=5)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    configure_logging(log_format="console", level="warning")
    result = asyncio.run(main_async(args))
    if args.json:
        json.dump(result, sys.stdout, indent=2, default=str)
        print()
    else:
        show(result)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

"""How long the analytics views and `stdaemon report` take on a database of real size, against direct queries.

    .venv/bin/python benchmarks/analytics.py [--url postgresql+asyncpg://postgres@127.0.0.1:5432/test]
        [--epochs 2] [--days 7] [--markets 30] [--goods 8] [--reps 5]

A scratch database is created on the server of `--url`, migrated, filled, and dropped at the end. Each epoch
holds what a markets runner polling `--markets` markets of one system every 5 minutes for `--days` writes: one
snapshot per good per poll (the `raw` of each row is the saved fixture's trade good, so rows have real size),
the latest prices, the system's waypoints, two ships and an agent snapshot a minute. The older epochs are the
same size: the views must answer for the latest one at the cost of one.

Cases, interleaved per repetition (median and min–max over `--reps`):
- `price history (view)` vs `price history (table)`: one good at one market through `analytics.price_history`,
  and the same rows read straight from `telemetry.market_snapshots` with the epoch as a literal (the ceiling:
  the view can only add its epoch lookup); their ratio is printed;
- `best routes`, `latest prices`: the whole view;
- `report: load` (every query of `stdaemon report`) and `report: render` (the HTML page).
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import re
import statistics
import sys
import time
from collections.abc import Awaitable, Callable
from datetime import date
from pathlib import Path
from typing import Any

from sqlalchemy import text
from sqlalchemy.engine import make_url
from sqlalchemy.ext.asyncio import AsyncEngine, create_async_engine
from sqlalchemy.pool import NullPool

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "src"))

from stdaemon.db.analytics import load_report  # noqa: E402
from stdaemon.db.engine import make_engine  # noqa: E402
from stdaemon.db.migrations import upgrade_head  # noqa: E402
from stdaemon.report import render_page  # noqa: E402

FIXTURE = REPO / "tests" / "fixtures" / "payloads" / "market.json"
SYSTEM = "X1-BN1"
POLL_MINUTES = 5

FILL = """
WITH e AS (SELECT :epoch AS d, now() - make_interval(days => :days) AS t0),
m AS (SELECT i, format('%s-M%s', :system, i) AS w FROM generate_series(1, :markets) i),
g AS (SELECT j, format('GOOD_%s', j) AS s FROM generate_series(1, :goods) j)
INSERT INTO telemetry.market_snapshots
    (reset_date, waypoint_symbol, trade_symbol, observed_at, type, trade_volume, supply, activity,
     purchase_price, sell_price, raw)
SELECT e.d, m.w, g.s, e.t0 + make_interval(mins => k * :poll),
       'EXCHANGE', 20, 'MODERATE', 'GROWING', p.buy, p.buy - 10 - m.i, :raw::jsonb
  FROM e, m, g, generate_series(0, :polls - 1) k,
       LATERAL (SELECT 100 + j * 10 + ((k * 7 + i * 13) % 40) AS buy) p
"""
LATEST = """
INSERT INTO telemetry.market_trade_goods
    (reset_date, waypoint_symbol, trade_symbol, type, trade_volume, supply, activity, purchase_price,
     sell_price, raw, observed_at)
SELECT DISTINCT ON (waypoint_symbol, trade_symbol) reset_date, waypoint_symbol, trade_symbol, type,
       trade_volume, supply, activity, purchase_price, sell_price, raw, observed_at
  FROM telemetry.market_snapshots WHERE reset_date = :epoch
 ORDER BY waypoint_symbol, trade_symbol, observed_at DESC
"""
WAYPOINTS = """
INSERT INTO reference.waypoints
    (reset_date, symbol, system_symbol, type, x, y, traits, is_under_construction, raw, observed_at)
SELECT :epoch, format('%s-M%s', :system, i), :system, 'PLANET', (i * 37) % 400 - 200, (i * 91) % 400 - 200,
       ARRAY['MARKETPLACE'], false, '{}'::jsonb, now()
  FROM generate_series(1, :markets) i
"""
OTHERS = [
    "INSERT INTO reference.resets (reset_date, first_seen_at, last_seen_at, raw)"
    " VALUES (:epoch, now(), now(), '{}')",
    """INSERT INTO telemetry.agents (reset_date, symbol, account_id, headquarters, credits, starting_faction,
                                     ship_count, raw, observed_at)
       VALUES (:epoch, 'BENCH', 'acct', :system || '-M1', 175000, 'COSMIC', 2, '{}', now())""",
    """INSERT INTO telemetry.agent_snapshots (reset_date, symbol, observed_at, credits, ship_count, raw)
       SELECT :epoch, 'BENCH', now() - make_interval(mins => k), 175000 + k * 3, 2, '{}'
         FROM generate_series(0, :days * 24 * 60) k""",
    """INSERT INTO telemetry.ships
           (reset_date, symbol, role, system_symbol, waypoint_symbol, nav_status, flight_mode, fuel_current,
            fuel_capacity, cargo_units, cargo_capacity, raw, observed_at)
       SELECT :epoch, 'BENCH-' || i, 'COMMAND', :system, :system || '-M' || i, 'DOCKED', 'CRUISE',
              400, 400, 0, 40, '{}', now()
         FROM generate_series(1, 2) i""",
]


async def fill(engine: AsyncEngine, args: argparse.Namespace) -> int:
    raw = json.dumps(json.loads(FIXTURE.read_text(encoding="utf-8"))["data"]["tradeGoods"][0])
    polls = args.days * 24 * 60 // POLL_MINUTES
    for n in range(args.epochs):
        params: dict[str, Any] = {
            "epoch": date(2026, 1 + n, 1), "days": args.days, "system": SYSTEM, "markets": args.markets,
            "goods": args.goods, "poll": POLL_MINUTES, "polls": polls, "raw": raw,
        }  # fmt: skip
        async with engine.begin() as conn:
            for sql in (FILL, LATEST, WAYPOINTS, *OTHERS):
                await conn.execute(*_typed(sql, params))
    async with engine.begin() as conn:
        await conn.execute(text("ANALYZE"))
        return int((await conn.execute(text("SELECT count(*) FROM telemetry.market_snapshots"))).scalar_one())


def _typed(sql: str, params: dict[str, Any]) -> tuple[Any, dict[str, Any]]:
    """Each `:name` cast to its Python type's SQL type (asyncpg cannot infer a parameter inside format())."""
    sql_type = {date: "date", int: "int", str: "text"}
    used = {k: v for k, v in params.items() if re.search(rf":{k}\b", sql)}
    for k, v in used.items():
        sql = re.sub(rf"(?<!:):{k}\b", f"CAST(:{k} AS {sql_type[type(v)]})", sql)
    return text(sql), used


async def timed(fn: Callable[[], Awaitable[object]]) -> float:
    start = time.perf_counter()
    await fn()
    return time.perf_counter() - start


async def bench(engine: AsyncEngine, args: argparse.Namespace) -> dict[str, list[float]]:
    latest = date(2026, args.epochs, 1).isoformat()
    market, good = f"{SYSTEM}-M1", "GOOD_1"

    async def query(sql: str) -> None:
        async with engine.connect() as conn:
            rows = (await conn.execute(text(sql), {"w": market, "g": good})).all()
            assert rows, sql

    data = await load_report(engine, system=SYSTEM)
    cases: dict[str, Callable[[], Awaitable[object]]] = {
        "price history (view)": lambda: query(
            "SELECT observed_at, purchase_price, sell_price FROM analytics.price_history"
            " WHERE trade_symbol = :g AND waypoint_symbol = :w ORDER BY observed_at"
        ),
        "price history (table)": lambda: query(
            "SELECT observed_at, purchase_price, sell_price FROM telemetry.market_snapshots"
            f" WHERE reset_date = DATE '{latest}' AND trade_symbol = :g AND waypoint_symbol = :w"
            " ORDER BY observed_at"
        ),
        "best routes": lambda: query("SELECT * FROM analytics.best_routes"),
        "latest prices": lambda: query("SELECT * FROM analytics.latest_prices"),
        "report: load": lambda: load_report(engine, system=SYSTEM),
        "report: render": lambda: asyncio.to_thread(render_page, data),
    }
    times: dict[str, list[float]] = {name: [] for name in cases}
    for fn in cases.values():  # warm-up
        await fn()
    for _ in range(args.reps):
        for name, fn in cases.items():
            times[name].append(await timed(fn))
    return times


def report(times: dict[str, list[float]], rows: int) -> None:
    print(f"market_snapshots rows: {rows:,}")
    for name, values in times.items():
        med, low, high = (x * 1000 for x in (statistics.median(values), min(values), max(values)))
        print(f"{name:<24} median {med:8.1f} ms   spread {low:8.1f} – {high:8.1f} ms")
    ratios = [
        v / t for v, t in zip(times["price history (view)"], times["price history (table)"], strict=True)
    ]
    print(
        f"view / table (price history): median {statistics.median(ratios):.2f}×"
        f"   spread {min(ratios):.2f} – {max(ratios):.2f}×"
    )


async def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--url",
        default=os.environ.get("ST_TEST_DATABASE_URL", "postgresql+asyncpg://postgres@127.0.0.1:5432/test"),
    )
    parser.add_argument("--epochs", type=int, default=2)
    parser.add_argument("--days", type=int, default=7)
    parser.add_argument("--markets", type=int, default=30)
    parser.add_argument("--goods", type=int, default=8)
    parser.add_argument("--reps", type=int, default=5)
    args = parser.parse_args()
    name = f"stdaemon_bench_analytics_{os.getpid()}"
    admin = create_async_engine(args.url, poolclass=NullPool, isolation_level="AUTOCOMMIT")
    async with admin.connect() as conn:
        await conn.execute(text(f'CREATE DATABASE "{name}"'))
    url = make_url(args.url).set(database=name).render_as_string(hide_password=False)
    engine = make_engine(url)
    try:
        await upgrade_head(url)
        started = time.perf_counter()
        rows = await fill(engine, args)
        print(f"filled in {time.perf_counter() - started:.0f} s")
        report(await bench(engine, args), rows)
    finally:
        await engine.dispose()
        async with admin.connect() as conn:
            await conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        await admin.dispose()


if __name__ == "__main__":
    asyncio.run(main())

"""DbWriter throughput against the ceiling and the naive way, and enqueue → commit latency.

    .venv/bin/python benchmarks/writer.py --rows 100000 [--json] [--latency-s 10]

Server: ST_TEST_DATABASE_URL or postgresql+asyncpg://postgres@127.0.0.1:5432/test. The script creates its own
scratch database there, migrates it with alembic, and drops it at the end. In one run it measures (rows/s):
1. the DbWriter at default settings for market snapshot rows (history, fresh) and waypoint upserts (fresh,
   and re-upserted unchanged): from the first `put` until `flush()` returns, everything committed;
2. the ceiling: raw asyncpg, the same row dicts turned into records, one COPY into a temporary table and one
   `INSERT … SELECT … ON CONFLICT` (the same statement the writer uses) in one transaction;
3. the naive way: a SQLModel session `merge` per row, commit per 1,000 rows — on at most `--naive-rows` rows
   (it is ~100× slower), the rate extrapolated to the full run;
4. enqueue → commit latency p50/p99 at default settings under a steady 2,000 rows/s;
5. executemany vs COPY per batch size, which sets the writer's `COPY_MIN_ROWS`.
Targets: DbWriter ≥ 0.5× the ceiling and ≥ 10× the naive way; p99 ≤ 1 s.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import secrets
import sys
import time
from collections.abc import Awaitable, Callable
from datetime import UTC, date, datetime, timedelta
from typing import Any

from sqlalchemy import text
from sqlalchemy.engine import make_url
from sqlalchemy.ext.asyncio import AsyncEngine, create_async_engine
from sqlalchemy.pool import NullPool
from sqlmodel.ext.asyncio.session import AsyncSession

from stdaemon.db.committer import Committer
from stdaemon.db.engine import make_engine
from stdaemon.db.metrics import WriterMetrics, percentile
from stdaemon.db.migrations import upgrade_head
from stdaemon.db.statements import Plan, columns_of, plan
from stdaemon.db.tables import TABLES, Base, MarketSnapshot, Waypoint
from stdaemon.db.writer import DbWriter
from stdaemon.logging import configure_logging

DEFAULT_SERVER = "postgresql+asyncpg://postgres@127.0.0.1:5432/test"
SNAPSHOTS, WAYPOINTS = "telemetry.market_snapshots", "reference.waypoints"
RESET = date(2026, 11, 15)
T0 = datetime(2026, 11, 21, 12, 0, tzinfo=UTC)


def snapshot_rows(n: int, *, start: int = 0) -> list[dict[str, Any]]:
    """10 data columns + jsonb, unique (market, good, observed_at)."""
    return [
        {
            "reset_date": RESET,
            "waypoint_symbol": f"X1-S{i // 4000:03d}-M{(i // 40) % 100:03d}",
            "trade_symbol": f"GOOD_{i % 40:02d}",
            "observed_at": T0 + timedelta(microseconds=i),
            "type": "EXCHANGE",
            "trade_volume": 60 + i % 40,
            "supply": "MODERATE",
            "activity": "GROWING",
            "purchase_price": 100 + i % 97,
            "sell_price": 90 + i % 97,
            "raw": {
                "symbol": f"GOOD_{i % 40:02d}",
                "tradeVolume": 60 + i % 40,
                "purchasePrice": 100 + i % 97,
            },
        }
        for i in range(start, start + n)
    ]


def waypoint_rows(n: int) -> list[dict[str, Any]]:
    """An upsert row with two text[] columns and a jsonb `raw` like the API's."""
    out = []
    for i in range(n):
        symbol = f"X1-S{i // 30:05d}-W{i:06d}"
        out.append(
            {
                "reset_date": RESET,
                "symbol": symbol,
                "system_symbol": f"X1-S{i // 30:05d}",
                "type": "PLANET" if i % 4 else "ASTEROID",
                "x": i % 700 - 350,
                "y": (i * 13) % 700 - 350,
                "orbits": None,
                "faction_symbol": "COSMIC",
                "traits": ["MARKETPLACE", "ROCKY"] if i % 3 == 0 else ["BARREN"],
                "modifiers": [],
                "is_under_construction": False,
                "raw": {
                    "symbol": symbol,
                    "type": "PLANET",
                    "x": i % 700 - 350,
                    "traits": [{"symbol": "ROCKY", "name": "Rocky", "description": "A rocky world."}],
                    "orbitals": [],
                },
                "observed_at": T0,
            }
        )
    return out


async def truncate(engine: AsyncEngine, *tables: str) -> None:
    async with engine.begin() as conn:
        await conn.execute(text(f"TRUNCATE {', '.join(tables)}"))


async def timed(fn: Callable[[], Awaitable[object]]) -> float:
    began = time.perf_counter()
    await fn()
    return time.perf_counter() - began


async def through_writer(engine: AsyncEngine, table: str, rows: list[dict[str, Any]]) -> float:
    writer = DbWriter(engine)  # default settings
    stop = asyncio.Event()
    task = asyncio.create_task(writer.run(stop))
    try:
        began = time.perf_counter()
        for i in range(0, len(rows), 500):  # producers hand over a page or a market at a time
            await writer.put(table, rows[i : i + 500])
        await writer.flush()
        return time.perf_counter() - began
    finally:
        stop.set()
        await task


async def ceiling(engine: AsyncEngine, table: str, rows: list[dict[str, Any]]) -> float:
    spec = TABLES[table]
    p = plan(spec, columns_of(spec, rows[:1]))
    async with engine.connect() as sa_conn:
        conn: Any = (await sa_conn.get_raw_connection()).driver_connection
        began = time.perf_counter()
        async with conn.transaction():
            await conn.execute(p.create_stage_sql)
            await conn.copy_records_to_table(p.stage_name, records=p.records(rows), columns=p.columns)
            await conn.execute(p.from_stage_sql)
        return time.perf_counter() - began


async def naive(engine: AsyncEngine, model: type[Base], rows: list[dict[str, Any]]) -> float:
    async with AsyncSession(engine, expire_on_commit=False) as session:
        began = time.perf_counter()
        for i, row in enumerate(rows, 1):
            await session.merge(model(**row))
            if i % 1000 == 0:
                await session.commit()
        await session.commit()
        return time.perf_counter() - began


async def latency(engine: AsyncEngine, seconds: float, rate: int = 2000) -> dict[str, float | None]:
    writer = DbWriter(engine)
    stop = asyncio.Event()
    task = asyncio.create_task(writer.run(stop))
    tick, per_tick = 0.01, rate // 100
    loop = asyncio.get_running_loop()
    start = loop.time()
    try:
        for k in range(int(seconds / tick)):
            await writer.put(SNAPSHOTS, snapshot_rows(per_tick, start=10_000_000 + k * per_tick))
            await asyncio.sleep(max(0.0, start + (k + 1) * tick - loop.time()))
        await writer.flush()
    finally:
        stop.set()
        await task
    samples = writer.metrics.commit_latency_s
    return {"p50_s": percentile(samples, 0.5), "p99_s": percentile(samples, 0.99), "samples": len(samples)}


async def copy_vs_executemany(engine: AsyncEngine, total: int) -> dict[str, dict[str, float]]:
    """rows/s writing `total` snapshot rows in batches of each size, each batch one transaction."""
    spec = TABLES[SNAPSHOTS]
    committer = Committer(engine, WriterMetrics(), copy_min_rows=0, attempt_timeout_s=60, backoff_base_s=0.1,
                          backoff_cap_s=1)  # fmt: skip
    out: dict[str, dict[str, float]] = {}
    for size in (20, 100, 300, 1000, 5000):
        out[str(size)] = {}
        for how in ("executemany", "copy"):
            await truncate(engine, SNAPSHOTS)
            rows = snapshot_rows(total)
            p = plan(spec, columns_of(spec, rows[:1]))
            began = time.perf_counter()
            for i in range(0, total, size):
                part = rows[i : i + size]

                async def work(
                    conn: Any, part: list[dict[str, Any]] = part, how: str = how, p: Plan = p
                ) -> int:
                    return await committer.execute(conn, p, part, copy=how == "copy")

                await committer.run(work, what="bench")
            out[str(size)][how] = round(total / (time.perf_counter() - began))
    return out


async def bench(url: str, n: int, naive_rows: int, latency_s: float) -> dict[str, Any]:
    engine = make_engine(url)
    r: dict[str, Any] = {"rows": n, "naive_rows": min(n, naive_rows)}
    try:
        snaps, wps = snapshot_rows(n), waypoint_rows(n)
        await truncate(engine, SNAPSHOTS)
        r["writer_snapshots"] = n / await through_writer(engine, SNAPSHOTS, snaps)
        await truncate(engine, SNAPSHOTS)
        r["ceiling_snapshots"] = n / await ceiling(engine, SNAPSHOTS, snaps)
        await truncate(engine, WAYPOINTS)
        r["writer_waypoints_fresh"] = n / await through_writer(engine, WAYPOINTS, wps)
        r["writer_waypoints_unchanged"] = n / await through_writer(engine, WAYPOINTS, wps)
        await truncate(engine, WAYPOINTS)
        r["ceiling_waypoints_fresh"] = n / await ceiling(engine, WAYPOINTS, wps)
        r["ceiling_waypoints_unchanged"] = n / await ceiling(engine, WAYPOINTS, wps)
        k = min(n, naive_rows)
        await truncate(engine, SNAPSHOTS, WAYPOINTS)
        r["naive_snapshots"] = k / await naive(engine, MarketSnapshot, snaps[:k])
        r["naive_waypoints_fresh"] = k / await naive(engine, Waypoint, wps[:k])
        await truncate(engine, SNAPSHOTS)
        r["latency_2000_rows_per_s"] = await latency(engine, latency_s)
        r["copy_vs_executemany_rows_per_s"] = await copy_vs_executemany(engine, min(n, 20_000))
    finally:
        await engine.dispose()
    for kind in ("snapshots", "waypoints_fresh", "waypoints_unchanged"):
        ceiling_key = "ceiling_snapshots" if kind == "snapshots" else f"ceiling_{kind}"
        r[f"ratio_vs_ceiling_{kind}"] = r[f"writer_{kind}"] / r[ceiling_key]
    r["ratio_vs_naive_snapshots"] = r["writer_snapshots"] / r["naive_snapshots"]
    r["ratio_vs_naive_waypoints"] = r["writer_waypoints_fresh"] / r["naive_waypoints_fresh"]
    p99 = r["latency_2000_rows_per_s"]["p99_s"]
    r["targets_met"] = {
        "writer >= 0.5x ceiling": all(
            r[f"ratio_vs_ceiling_{k}"] >= 0.5 for k in ("snapshots", "waypoints_fresh")
        ),
        "writer >= 10x naive": min(r["ratio_vs_naive_snapshots"], r["ratio_vs_naive_waypoints"]) >= 10,
        "p99 <= 1 s": p99 is not None and p99 <= 1.0,
    }
    return r


async def main_async(args: argparse.Namespace) -> dict[str, Any]:
    server = os.environ.get("ST_TEST_DATABASE_URL", "").strip() or DEFAULT_SERVER
    server = make_url(server).set(drivername="postgresql+asyncpg").render_as_string(hide_password=False)
    name = f"stdaemon_bench_{os.getpid()}_{secrets.token_hex(3)}"
    admin = create_async_engine(server, poolclass=NullPool, isolation_level="AUTOCOMMIT")
    try:
        async with admin.connect() as conn:
            await conn.execute(text(f'CREATE DATABASE "{name}"'))
        url = make_url(server).set(database=name).render_as_string(hide_password=False)
        try:
            await upgrade_head(url)
            return await bench(url, args.rows, args.naive_rows, args.latency_s)
        finally:
            async with admin.connect() as conn:
                await conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    finally:
        await admin.dispose()


def show(r: dict[str, Any]) -> None:
    def f(v: float) -> str:
        return f"{v:>10,.0f} rows/s"

    print(f"rows: {r['rows']:,} (naive: {r['naive_rows']:,}, extrapolated)")
    print(f"{'':28}{'DbWriter':>17}{'ceiling':>17}{'naive merge':>17}")
    print(f"{'market snapshots (fresh)':28}{f(r['writer_snapshots'])}{f(r['ceiling_snapshots'])}"
          f"{f(r['naive_snapshots'])}")  # fmt: skip
    print(f"{'waypoints (fresh upsert)':28}{f(r['writer_waypoints_fresh'])}{f(r['ceiling_waypoints_fresh'])}"
          f"{f(r['naive_waypoints_fresh'])}")  # fmt: skip
    unchanged = f"{f(r['writer_waypoints_unchanged'])}{f(r['ceiling_waypoints_unchanged'])}"
    print(f"{'waypoints (unchanged)':28}{unchanged}")
    print("ratios: DbWriter / ceiling: snapshots {:.2f}, waypoints {:.2f}, unchanged {:.2f}".format(
        r["ratio_vs_ceiling_snapshots"], r["ratio_vs_ceiling_waypoints_fresh"],
        r["ratio_vs_ceiling_waypoints_unchanged"]))  # fmt: skip
    print(f"        DbWriter / naive:   snapshots {r['ratio_vs_naive_snapshots']:.1f}, "
          f"waypoints {r['ratio_vs_naive_waypoints']:.1f}")  # fmt: skip
    lat = r["latency_2000_rows_per_s"]
    print(f"enqueue → commit at 2,000 rows/s: p50 {lat['p50_s']:.3f} s, p99 {lat['p99_s']:.3f} s "
          f"({lat['samples']} puts)")  # fmt: skip
    print("executemany vs COPY per batch size (rows/s):")
    for size, v in r["copy_vs_executemany_rows_per_s"].items():
        print(f"  batch {size:>5}: executemany {v['executemany']:>9,}   copy {v['copy']:>9,}")
    for target, ok in r["targets_met"].items():
        print(f"target {target}: {'MET' if ok else 'NOT MET'}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--naive-rows", type=int, default=5_000)
    parser.add_argument("--latency-s", type=float, default=10.0)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    configure_logging(log_format="console", level="warning")
    result = asyncio.run(main_async(args))
    if args.json:
        json.dump(result, sys.stdout, indent=2, default=str)
        print()
    else:
        show(result)
    return 0 if all(result["targets_met"].values()) else 1


if __name__ == "__main__":
    raise SystemExit(main())

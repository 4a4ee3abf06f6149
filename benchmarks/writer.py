"""The DbWriter against the physical ceiling of the same table, and end to end from real payloads.

    .venv/bin/python benchmarks/writer.py [--rows 100000] [--reps 5] [--latency-s 10] [--json]

Server: ST_TEST_DATABASE_URL or postgresql+asyncpg://postgres@127.0.0.1:5432/test; the script creates a
scratch database there, migrates it with alembic (the real tables, indexes and partitions) and drops it.
Rows are real-sized: built from `tests/fixtures/payloads/` (market.json trade goods, waypoint.json), see
`benchmarks/realrows.py`. For market snapshots (history, append) and waypoints (latest, fresh upsert), each
repetition runs these in rotated order on an emptied table, `--rows` rows each (rows/s; the first two are
`benchmarks/ceiling.py`):
- server:  `INSERT … SELECT … FROM generate_series … ON CONFLICT …` into the real table: no client at all;
- copy:    a plain COPY into the real table (no staging, no conflict handling) by one asyncpg connection,
           records pre-built as tuples, jsonb encoded by orjson straight to bytes (the fastest encoder);
- writer:  the DbWriter at its default settings, fed the decoded rows one payload at a time (12 snapshots
           per market, 20 waypoints per page), from the first `put` until `flush()` returns (committed);
- e2e:     JSON payload bytes → the sender's JSON decoder → adapters → db.rows → DbWriter → committed, one
           payload a put.
The ceiling is the faster of server and copy in the same repetition; ratios are taken per repetition and
their median printed with the spread (min–max). CPU per row is printed too, for the client process and,
when PostgreSQL runs on this machine, for the database's backends (/proc): unlike rates, it barely moves
when other work loads the machine. Then enqueue → commit latency under a steady 2,000 rows/s.
The process runs with the garbage collector's settings of every stdaemon process (`stdaemon.gc_tuning`), and
the benchmark's own data set is frozen out of the collector (`gc.freeze`): it is not the writer's.
Targets: writer ≥ 0.7× ceiling, e2e ≥ 0.5× ceiling (snapshots and waypoints); p99 latency ≤ 1 s.
"""

from __future__ import annotations

import argparse
import asyncio
import gc
import json
import os
import secrets
import statistics
import sys
import time
from pathlib import Path
from typing import Any

if __package__ in (None, ""):  # run as a script: make `benchmarks.*` importable
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks import ceiling
from benchmarks import realrows as rr
from sqlalchemy import text
from sqlalchemy.engine import make_url
from sqlalchemy.ext.asyncio import AsyncEngine, create_async_engine
from sqlalchemy.pool import NullPool

from stdaemon import gc_tuning
from stdaemon.db.engine import make_engine
from stdaemon.db.metrics import percentile
from stdaemon.db.migrations import upgrade_head
from stdaemon.db.writer import DbWriter
from stdaemon.logging import configure_logging

DEFAULT_SERVER = "postgresql+asyncpg://postgres@127.0.0.1:5432/test"
METHODS = ("server", "copy", "writer", "e2e")


async def run_writer(engine: AsyncEngine, case: rr.Case, *, decode: bool) -> None:
    writer = DbWriter(engine)  # default settings
    stop = asyncio.Event()
    task = asyncio.create_task(writer.run(stop))
    try:
        if decode:
            for k, payload in enumerate(case.payloads):
                await writer.put(case.table, case.decode(payload, k))
        else:
            for chunk in case.chunks:
                await writer.put(case.table, chunk)
        await writer.flush()
    finally:
        stop.set()
        await task
    assert writer.metrics.rows_written[case.table] == len(case.rows), "every row must be committed"


async def one(
    engine: AsyncEngine, conn: Any, case: rr.Case, method: str
) -> tuple[float, float, float | None]:
    """rows/s, client CPU µs per row and server CPU µs per row (None when the server is elsewhere)."""
    async with engine.begin() as c:
        await c.execute(text(f"TRUNCATE {case.table}"))
    server_before = await ceiling.server_cpu_s(conn)
    client_before, began = time.process_time(), time.perf_counter()
    if method == "server":
        await ceiling.run_server(conn, case)
    elif method == "copy":
        await ceiling.run_copy(conn, case)
    else:
        await run_writer(engine, case, decode=method == "e2e")
    seconds, client = time.perf_counter() - began, time.process_time() - client_before
    server_after = await ceiling.server_cpu_s(conn)
    async with engine.connect() as c:
        stored = (await c.execute(text(f"SELECT count(*) FROM {case.table}"))).scalar_one()
    assert stored == len(case.rows), f"{method} stored {stored} of {len(case.rows)} rows in {case.table}"
    n = len(case.rows)
    server = (
        None if server_before is None or server_after is None else (server_after - server_before) / n * 1e6
    )
    return n / seconds, client / n * 1e6, server


async def latency(engine: AsyncEngine, seconds: float, rate: int = 2000) -> dict[str, float | None]:
    writer = DbWriter(engine)
    stop = asyncio.Event()
    task = asyncio.create_task(writer.run(stop))
    tick = 0.01
    rows = rr.decode_markets(rr.market_payloads(int(rate * seconds) + rate), t0=rr.T0.replace(year=2027))
    per_tick = rate // 100
    loop = asyncio.get_running_loop()
    start = loop.time()
    try:
        for k in range(int(seconds / tick)):
            await writer.put(rr.SNAPSHOTS, rows[k * per_tick : (k + 1) * per_tick])
            await asyncio.sleep(max(0.0, start + (k + 1) * tick - loop.time()))
        await writer.flush()
    finally:
        stop.set()
        await task
    samples = writer.metrics.commit_latency_s
    return {"p50_s": percentile(samples, 0.5), "p99_s": percentile(samples, 0.99), "samples": len(samples)}


def summary(values: list[float]) -> dict[str, float]:
    return {"median": statistics.median(values), "min": min(values), "max": max(values)}


async def bench(url: str, n: int, reps: int, latency_s: float) -> dict[str, Any]:
    cases = {
        "snapshots": rr.Case(rr.SNAPSHOTS, rr.market_payloads(n), rr.decode_market),
        "waypoints": rr.Case(rr.WAYPOINTS, rr.waypoint_pages(n), rr.decode_page),
    }
    gc.freeze()  # the benchmark's own data set is not the writer's garbage: keep the collector off it
    engine = make_engine(url)
    conn = await ceiling.plain_connection(url)
    raw: dict[str, dict[str, list[tuple[float, float, float | None]]]] = {
        k: {m: [] for m in METHODS} for k in cases
    }
    try:
        for rep in range(reps):
            for name, case in cases.items():
                order = METHODS[rep % len(METHODS) :] + METHODS[: rep % len(METHODS)]  # rotate
                for method in order:
                    raw[name][method].append(await one(engine, conn, case, method))
        lat = await latency(engine, latency_s)
    finally:
        await conn.close()
        await engine.dispose()
    r: dict[str, Any] = {"rows": n, "reps": reps, "latency_2000_rows_per_s": lat, "cases": {}}
    for name, case in cases.items():
        rate = {m: [run[0] for run in raw[name][m]] for m in METHODS}
        best = [max(s, c) for s, c in zip(rate["server"], rate["copy"], strict=True)]
        r["cases"][name] = {
            "raw_bytes": round(rr.raw_size(case.rows)),
            **{m: summary(rate[m]) for m in METHODS},
            "writer_ratio": summary([w / c for w, c in zip(rate["writer"], best, strict=True)]),
            "e2e_ratio": summary([e / c for e, c in zip(rate["e2e"], best, strict=True)]),
            "cpu_us_per_row": {
                m: {
                    "client": statistics.median(run[1] for run in raw[name][m]),
                    "server": None
                    if any(run[2] is None for run in raw[name][m])
                    else statistics.median(run[2] or 0.0 for run in raw[name][m]),
                }
                for m in METHODS
            },
        }
    cs = r["cases"].values()
    p99 = lat["p99_s"]
    r["targets_met"] = {
        "writer >= 0.7x ceiling": all(c["writer_ratio"]["median"] >= 0.7 for c in cs),
        "e2e >= 0.5x ceiling": all(c["e2e_ratio"]["median"] >= 0.5 for c in cs),
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
            return await bench(url, args.rows, args.reps, args.latency_s)
        finally:
            async with admin.connect() as conn:
                await conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    finally:
        await admin.dispose()


def _us(v: float | None) -> str:
    return "?" if v is None else f"{v:.1f}"


def show(r: dict[str, Any]) -> None:
    def f(s: dict[str, float]) -> str:
        return f"{s['median'] / 1000:7.1f}k ({s['min'] / 1000:.1f}–{s['max'] / 1000:.1f})"

    def x(s: dict[str, float]) -> str:
        return f"{s['median']:.2f}× ({s['min']:.2f}–{s['max']:.2f})"

    print(f"rows/s, {r['rows']:,} rows a run, median (min–max) of {r['reps']} interleaved repetitions")
    print(f"{'':10}{'raw B':>6} {'server':>21} {'copy':>21} {'writer':>21} {'e2e':>21}")
    for name, c in r["cases"].items():
        print(f"{name:10}{c['raw_bytes']:>6} " + " ".join(f"{f(c[m]):>21}" for m in METHODS))
    for name, c in r["cases"].items():
        print(f"{name}: writer / ceiling {x(c['writer_ratio'])}; e2e / ceiling {x(c['e2e_ratio'])}")
    print("CPU µs per row, client + server backend (median; immune to the machine's load):")
    for name, c in r["cases"].items():
        cpu = c["cpu_us_per_row"]
        cells = [f"{m} {v['client']:.1f} + {_us(v['server'])}" for m, v in cpu.items()]
        print(f"  {name:10}" + "   ".join(cells))
    lat = r["latency_2000_rows_per_s"]
    print(f"enqueue → commit at 2,000 rows/s: p50 {lat['p50_s']:.3f} s, p99 {lat['p99_s']:.3f} s "
          f"({lat['samples']} puts)")  # fmt: skip
    load = os.getloadavg()
    print(f"load average after the run: {load[0]:.1f} {load[1]:.1f} {load[2]:.1f} on {os.cpu_count()} cores")
    for target, ok in r["targets_met"].items():
        print(f"target {target}: {'MET' if ok else 'NOT MET'}")


def main() -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n")[0])
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--reps", type=int, default=5)
    parser.add_argument("--latency-s", type=float, default=10.0)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    configure_logging(log_format="console", level="warning")
    gc_tuning.tune()  # the collector's settings of every stdaemon process (`stdaemon.cli.invoke`)
    result = asyncio.run(main_async(args))
    if args.json:
        json.dump(result, sys.stdout, indent=2, default=str)
        print()
    else:
        show(result)
    return 0 if all(result["targets_met"].values()) else 1


if __name__ == "__main__":
    raise SystemExit(main())

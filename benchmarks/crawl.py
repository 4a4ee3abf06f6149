"""The crawl against the rate budget, measured at the server: `stdaemon run crawl` (a process, as users run
it) crawls the universe of `stsim serve` (another process, over HTTP, with the documented limits), and stsim's
own request counter (`GET /v2/_admin/stats`) says what it accepted and refused.

Per run it prints:
- the crawl's wall time (first request to `crawl_completed`) against the least time the budget allows for the
  requests it made (2/s + 30 per 60 s: T with 2·T + 30·ceil(T/60) ≥ requests), and their ratio;
- the window figure: requests accepted in the 60 s after the first 15 s, against the allowance (150), and the
  429s in that window (the goal: ≥ 97 %, 0);
then the median and spread over the runs. The ceiling is the server's allowance itself, not a client.

Run (as a module from the repository root: it starts stsim with the tests' `serving` helper):
    .venv/bin/python -m benchmarks.crawl [--systems 40] [--runs 5] [--database-url postgresql+asyncpg://…]
Each run uses a fresh universe (the seed varies) and a fresh database: a scratch database on the server of
--database-url, or else an embedded PostgreSQL in a temporary state directory.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import math
import os
import secrets
import signal
import statistics
import sys
import tempfile
import time
from collections.abc import AsyncIterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

import httpx
from sqlalchemy import text
from sqlalchemy.engine import make_url
from sqlalchemy.ext.asyncio import create_async_engine
from sqlalchemy.pool import NullPool

from tests.stsim.serve import STSIM, free_port, serving

PER_SECOND, BURST, BURST_S = 2, 30, 60.0
WARMUP_S, WINDOW_S = 15.0, 60.0
ALLOWANCE = int(PER_SECOND * WINDOW_S + BURST)  # 150 in any 60 s window that holds one burst refill


def least_time(requests: int) -> float:
    """The least seconds the server's two pools need to accept `requests` (both pools full at the start)."""
    t = 0.0
    while PER_SECOND * t + BURST * math.ceil(max(t, 1e-9) / BURST_S) < requests:
        t += 0.01
    return t


@dataclass
class Run:
    systems: int
    requests: int
    pages: int
    wall_s: float
    least_s: float
    window_accepted: int
    window_429: int
    total_429: int

    @property
    def ratio(self) -> float:
        return self.wall_s / self.least_s

    @property
    def share(self) -> float:
        return self.window_accepted / ALLOWANCE


@contextlib.asynccontextmanager
async def stsim_serve(seed: int, systems: int) -> AsyncIterator[str]:
    port = free_port()
    command = [*STSIM, *f"serve --port {port} --seed {seed} --systems {systems} --log-level warning".split()]
    async with serving(command, port) as url:
        yield url


@contextlib.asynccontextmanager
async def scratch_database(server_url: str | None) -> AsyncIterator[dict[str, str]]:
    """The daemon's database settings: a scratch database on `server_url`, or an embedded one."""
    if server_url is None:
        with tempfile.TemporaryDirectory(prefix="crawl-bench-") as state:
            yield {"ST_STATE_DIR": state}
        return
    name = f"crawl_bench_{secrets.token_hex(4)}"
    admin = create_async_engine(server_url, poolclass=NullPool, isolation_level="AUTOCOMMIT")
    try:
        async with admin.connect() as conn:
            await conn.execute(text(f'CREATE DATABASE "{name}"'))
        with tempfile.TemporaryDirectory(prefix="crawl-bench-") as state:
            url = make_url(server_url).set(database=name).render_as_string(hide_password=False)
            yield {"ST_DATABASE_URL": url, "ST_STATE_DIR": state}
    finally:
        async with admin.connect() as conn:
            await conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        await admin.dispose()


async def one_run(seed: int, systems: int, database_url: str | None) -> Run:
    async with stsim_serve(seed, systems) as url, scratch_database(database_url) as db_env:
        async with httpx.AsyncClient() as client:
            reply = await client.post(
                f"{url}/register", json={"symbol": "BENCH", "faction": "COSMIC"},
                headers={"Authorization": "Bearer bench"},
            )  # fmt: skip
            reply.raise_for_status()
            token = reply.json()["data"]["token"]
            await asyncio.sleep(1.1)  # the registration's static-pool window is over: the daemon starts clean
            await client.post(f"{url}/_admin/stats/reset")
        env = {k: v for k, v in os.environ.items() if not k.startswith("ST_")}
        env |= db_env | {
            "ST_TOKEN": token,
            "ST_API_URL": url,
            "ST_LOG_FORMAT": "json",
            "ST_LOG_LEVEL": "info",
        }
        proc = await asyncio.create_subprocess_exec(
            sys.executable, "-m", "stdaemon", "run", "crawl", env=env,
            stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.PIPE,
        )  # fmt: skip
        assert proc.stdout is not None
        completed: dict[str, Any] | None = None
        try:
            while line := await proc.stdout.readline():
                event = json.loads(line)
                if event["event"] == "crawl_completed":
                    completed = event
                    break
            done_at = datetime.now(UTC)
        finally:
            with contextlib.suppress(ProcessLookupError):
                proc.send_signal(signal.SIGTERM)
            _, err = await proc.communicate()
        if completed is None:
            raise SystemExit(f"the crawl did not complete: {err.decode()[-2000:]}")
        async with httpx.AsyncClient() as client:
            stats = (await client.get(f"{url}/_admin/stats")).json()["data"]
            first = datetime.fromisoformat(stats["window"]["acceptedAt"][0].replace("Z", "+00:00"))
            start, end = first + timedelta(seconds=WARMUP_S), first + timedelta(seconds=WARMUP_S + WINDOW_S)
            params = {"from": start.isoformat(), "to": end.isoformat()}
            window = (await client.get(f"{url}/_admin/stats", params=params)).json()["data"]["window"]
        accepted_until_done = sum(
            1
            for t in stats["window"]["acceptedAt"]
            if datetime.fromisoformat(t.replace("Z", "+00:00")) <= done_at
        )
        if end > done_at:
            early = (end - done_at).total_seconds()
            print(f"  (seed {seed}: the crawl ended {early:.0f} s before the window did: use more --systems)")
        return Run(
            systems=systems,
            requests=accepted_until_done,
            pages=int(completed["pages_done"]),
            wall_s=(done_at - first).total_seconds(),
            least_s=least_time(accepted_until_done),
            window_accepted=int(window["accepted"]),
            window_429=int(window["rateLimited"]),
            total_429=int(stats["rateLimited"]),
        )


def spread(values: list[float]) -> str:
    return f"median {statistics.median(values):.3f}, min {min(values):.3f}, max {max(values):.3f}"


async def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--systems", type=int, default=40)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--seed", type=int, default=100)
    parser.add_argument("--database-url", default=os.environ.get("ST_BENCH_DATABASE_URL"))
    args = parser.parse_args()
    runs: list[Run] = []
    started = time.perf_counter()
    for i in range(args.runs):
        run = await one_run(args.seed + i, args.systems, args.database_url)
        runs.append(run)
        print(
            f"run {i + 1}: {run.systems} systems, {run.pages} pages, {run.requests} requests at the server; "
            f"wall {run.wall_s:.1f} s vs least {run.least_s:.1f} s (×{run.ratio:.3f}); "
            f"window [{WARMUP_S:.0f} s, {WARMUP_S + WINDOW_S:.0f} s]: {run.window_accepted}/{ALLOWANCE} "
            f"accepted ({100 * run.share:.1f} %), {run.window_429} × 429 (whole run: {run.total_429})"
        )
    print(f"\n{len(runs)} runs of {args.systems} systems in {time.perf_counter() - started:.0f} s")
    print(f"wall time / least time the budget allows: {spread([r.ratio for r in runs])}")
    print(f"share of the allowance in the window:      {spread([100 * r.share for r in runs])} (%)")
    in_windows, in_runs = sum(r.window_429 for r in runs), sum(r.total_429 for r in runs)
    print(f"429s in the windows: {in_windows}; in the whole runs: {in_runs}")


if __name__ == "__main__":
    asyncio.run(main())

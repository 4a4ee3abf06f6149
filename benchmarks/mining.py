"""Mining in credits per game hour: one mining drone alone, and the same drone with a surveyor beside it.

    ST_DATABASE_URL=postgresql+asyncpg://… .venv/bin/python -m benchmarks.mining [--hours 3] [--runs 5]

(as a module from the repository root: it uses the fleet tests' in-process game; the URL names a server where
the user may CREATE DATABASE: each run gets a fresh database, migrated, and dropped after)

Method: stsim in-process on a skipping clock at --speed 10 (the real gateway, DataService, DbWriter and
PostgreSQL, wired as `stdaemon run fleet` wires them), universe seed = run number, six systems. One
SHIP_MINING_DRONE is given to the agent at its headquarters, plus a SHIP_SURVEYOR in the `surveyed` variant,
and the fleet's mining and surveying rules run them (the command ship and the probe stay put) for `--hours`
game hours. The figure is the credit ledger's sum for behaviour `mining` (sales less refuels) per game hour,
from the first step (so the flight to the site counts). The two variants alternate run by run on the same
seed; the median and the spread (min–max) of `--runs` runs are printed per variant.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import statistics
import sys
import time

from sqlalchemy import text
from structlog.testing import capture_logs

from stdaemon.db.engine import make_engine
from stdaemon.db.migrations import upgrade_head
from stdaemon.services.fleet.runner import Runner
from tests.conftest import fresh_database
from tests.fleet.harness import game
from tests.fleet.mining_support import give, miners_only

SPEED = 10.0
EARNED = "SELECT coalesce(sum(amount), 0) FROM telemetry.credit_ledger WHERE behaviour = 'mining'"
EARNED = "SELECT coalesce(sum(amount), 0) FROM telemetry.credit_ledger WHERE behaviour = 'mining'"


async def one_run(server: str, seed: int, *, surveyed: bool, hours: float) -> tuple[float, int, int]:
    """(credits per game hour, extractions, extractions with a survey) of one run."""
    async with fresh_database(server, "stdaemon_bench_mining") as url:
        await upgrade_head(url)
        engine = make_engine(url)
        try:
            async with game(engine, seed=seed, speed=SPEED) as g:
                give(g, "SHIP_MINING_DRONE")
                if surveyed:
                    give(g, "SHIP_SURVEYOR")
                start = g.clock.now()
                game_seconds = hours * 3600 / SPEED  # the clock's seconds: stsim divides durations by SPEED
                runner = Runner("fleet", g.deps, miners_only())
                with capture_logs() as logs:
                    await g.run(
                        [runner],
                        lambda: (g.clock.now() - start).total_seconds() >= game_seconds,
                        limit_s=600,
                    )
                mined = [e for e in logs if e["event"] == "mining_extracted"]
                async with engine.connect() as conn:
                    earned = (await conn.execute(text(EARNED))).scalar_one()
            return float(earned) / hours, len(mined), sum(1 for e in mined if e["survey"])
        finally:
            await engine.dispose()


def spread(values: list[float]) -> str:
    return f"median {statistics.median(values):8,.0f}  spread {min(values):,.0f}–{max(values):,.0f}"


async def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--hours", type=float, default=3.0, help="game hours per run")
    parser.add_argument("--runs", type=int, default=5, help="runs per variant (>= 5 for the figures)")
    args = parser.parse_args()
    server = os.environ.get("ST_DATABASE_URL")
    if not server:
        sys.exit("set ST_DATABASE_URL to a PostgreSQL server where this user may CREATE DATABASE")
    results: dict[str, list[float]] = {"plain": [], "surveyed": []}
    began = time.monotonic()
    for run in range(1, args.runs + 1):
        for variant in ("plain", "surveyed"):
            rate, extractions, with_survey = await one_run(
                server, run, surveyed=variant == "surveyed", hours=args.hours
            )
            results[variant].append(rate)
            print(
                f"run {run} seed {run} {variant:8}  {rate:8,.0f} credits/game hour"
                f"  extractions {extractions} (with a survey {with_survey})",
                flush=True,
            )
    took = time.monotonic() - began
    print(f"\nmining, {args.hours:g} game hours per run, {args.runs} runs per variant, {took:.0f} s")
    for variant, values in results.items():
        print(f"  {variant:8}  credits per game hour: {spread(values)}")


if __name__ == "__main__":
    asyncio.run(main())

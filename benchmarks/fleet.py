"""The fleet against a plain baseline: credits per simulated hour, and their cost in requests and idle time.

Each run plays one stsim universe (in-process, `--speed 1`: the game's own durations) with the real gateway,
DataService, DbWriter, PostgreSQL and fleet runners, on a skipping clock: time jumps over every wait (a
flight, a cooldown), and each request moves it on by 0.5 s, the cost of one request in the rate budget
(2 per second, the burst pool left aside), so a request-hungry strategy pays for its requests in game time.
A deadline actor stops the run at exactly the simulated time asked for.

- FLEET: what the sandbox's `stdaemon run all` plays (minus the crawl): `rules.fleet_planner()` for every
  ship (contracts, trading, mining, surveying), the ship buyer (the sandbox's light haulers first, then its
  mining drones; `--haulers`, `--mining-drones`) and the market runner's probes (the sandbox's probe budget),
  ships bought from profit only (credits kept >= 175,000).
- BASELINE: the command ship doing contracts only, buying each contract's goods at the first market (by
  symbol) that sells it, flying CRUISE (BURN only with less than an hour to the deadline); no probes, no
  trading.

Printed per run and as median (min–max) over the runs, baseline and fleet interleaved on the same seed:
credits gained per simulated hour (the agent's credits at the end minus at the start; ships bought count as
spent), contracts fulfilled, trade runs, extractions, requests per 1,000 credits gained, and each ship's idle
share (time waiting with nothing to wait for: an Idle behaviour, a rest after a failure; goal ≤ 5 %).

Run (from the repository root; needs a PostgreSQL server, e.g. the tests' one):
    .venv/bin/python -m benchmarks.fleet [--hours 1] [--seeds 1 2 3 4 5] [--database-url postgresql+asyncpg://…]
"""

from __future__ import annotations

import argparse
import asyncio
import dataclasses
import os
import statistics
import sys
import time
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncEngine

from stdaemon.db import migrations
from stdaemon.db.engine import make_engine
from stdaemon.domain import models as m
from stdaemon.domain.ids import system_of
from stdaemon.logging import configure_logging
from stdaemon.sandbox import SANDBOX_HAULERS, SANDBOX_MINING_DRONES, SANDBOX_PROBE_BUDGET
from stdaemon.services.fleet.behaviour import Done, Failed, register
from stdaemon.services.fleet.behaviours.contracts import Contracts
from stdaemon.services.fleet.context import SHIP_FLOOR, ShipContext
from stdaemon.services.fleet.navigation import Urgency
from stdaemon.services.fleet.planner import Rule, RulePlanner, is_command
from stdaemon.services.fleet.rules import RUNNER, fleet_planner, fleet_wants
from stdaemon.services.fleet.runner import Runner
from stdaemon.services.fleet.ship_buying import ShipBuyer
from stdaemon.services.markets import build_market_runner
from tests.conftest import fresh_database, truncate_all
from tests.fleet.harness import game

REQUEST_COST_S = 0.5  # one request of the sustained budget (2/s)
SYSTEMS = 6


@register
class FirstMarketContracts(Contracts):
    """The baseline's contracts: the goods come from the first market (by symbol) that sells them."""

    name = "contracts-baseline"

    async def _source(self, ctx: ShipContext, good: str, near: str) -> str | None:
        listings = await ctx.atlas.listings(system_of(near))
        avoid = set(self.state.avoid)
        first = next(
            (w for w, x in sorted(listings.items()) if x.sells(good) and f"{w}:{good}" not in avoid), None
        )
        self.state.source = first
        return first

    async def _urgency(self, ctx: ShipContext, contract: m.Contract) -> Urgency:
        """CRUISE, burning only when the deadline is less than an hour away (the fleet's first rule)."""
        left = (contract.deadline - ctx.now()).total_seconds() if contract.deadline else float("inf")
        return Urgency.URGENT if left < 3600 * ctx.deps.time_scale else Urgency.NORMAL


class CountingPlanner(RulePlanner):
    """A planner that counts how behaviours ended (trade runs, contracts)."""

    def __init__(self, inner: RulePlanner) -> None:
        super().__init__(inner.rules, wants=inner.wants)
        self.ended: dict[str, int] = {}

    def finished(self, ship: str, behaviour: str, outcome: Done | Failed, now: datetime) -> None:
        if isinstance(outcome, Done):
            word = outcome.reason.split(" ", 1)[0]
            self.ended[word] = self.ended.get(word, 0) + 1
        super().finished(ship, behaviour, outcome, now)


async def _baseline_contracts(view: Any) -> Any:
    return FirstMarketContracts.start()


def baseline_planner() -> RulePlanner:
    rule = Rule(FirstMarketContracts.name, lambda v: is_command(v.ship), _baseline_contracts)
    return RulePlanner([rule], wants=is_command)


class Deadline:
    """An actor that wakes at the end of the run: the skipping clock never jumps past it."""

    def __init__(self, clock: Any, at: datetime) -> None:
        self.clock, self.at = clock, at
        self.reached = False

    @property
    def key(self) -> str:
        return "benchmark:deadline"

    async def step(self) -> datetime:
        if self.clock.now() >= self.at:
            self.reached = True
            return self.at + timedelta(days=365)
        return self.at


@dataclass
class Figures:
    kind: str
    seed: int
    hours: float
    gained: int
    contracts: int
    trades: int
    extractions: int
    requests: int
    idle: dict[str, float] = field(default_factory=dict)  # ship -> share of the run
    wall_s: float = 0.0
    bought: int = 0
    haulers: int = 0  # light haulers bought

    @property
    def per_hour(self) -> float:
        return self.gained / self.hours

    @property
    def requests_per_1000(self) -> float:
        return self.requests / (self.gained / 1000) if self.gained > 0 else float("inf")

    @property
    def worst_idle(self) -> float:
        return max(self.idle.values(), default=0.0)


async def one_run(engine: AsyncEngine, kind: str, seed: int, args: argparse.Namespace) -> Figures:
    await truncate_all(engine)
    started = time.perf_counter()
    hours = args.hours
    budget = args.probe_budget if kind == "fleet" else 0
    drones = args.mining_drones if kind == "fleet" else 0
    haulers = args.haulers if kind == "fleet" else 0
    async with game(
        engine,
        seed=seed,
        systems=SYSTEMS,
        request_cost_s=REQUEST_COST_S,
        probe_budget=budget,
        mining_drones=drones,
        haulers=haulers,
    ) as g:
        first = len(g.transport.requests)
        credits0 = g.world.agents[g.agent].credits
        start = g.clock.now()
        deadline = Deadline(g.clock, start + timedelta(hours=hours))
        planner = CountingPlanner(fleet_planner() if kind == "fleet" else baseline_planner())
        buyer = ShipBuyer(g.deps, fleet_wants(haulers=haulers, mining_drones=drones))
        fleet = Runner(RUNNER, g.deps, planner, chores=[deadline, buyer] if buyer.wants else [deadline])
        buyer.runner = fleet
        runners = [fleet]
        if kind == "fleet":  # as bootstrap wires the sandbox: ships bought from profit only, drones, probes
            g.deps.config = dataclasses.replace(g.deps.config, ship_floor=SHIP_FLOOR)
            runners.append(build_market_runner(g.deps))
        await g.run(runners, lambda: deadline.reached, limit_s=3600)
        end = g.clock.now()
        span = (end - start).total_seconds()
        idle = {
            symbol: actor.idle.total(end).total_seconds() / span
            for runner in runners
            for symbol, actor in runner.ships.items()
        }
        agent = g.world.agents[g.agent]
        requests = g.transport.requests[first:]
        async with engine.connect() as conn:
            bought = (
                await conn.execute(
                    text(
                        "SELECT coalesce(-sum(amount), 0) FROM telemetry.credit_ledger"
                        " WHERE kind = 'SHIP_PURCHASE'"
                    )
                )
            ).scalar_one()
        return Figures(
            kind=kind,
            seed=seed,
            hours=span / 3600,
            gained=agent.credits - credits0,
            contracts=sum(1 for c in g.world.contracts.values() if c.agent == g.agent and c.fulfilled),
            trades=planner.ended.get("traded", 0),
            extractions=sum(1 for m, p, s in requests if m == "POST" and p.endswith("/extract") and s < 300),
            requests=len(requests),
            idle=idle,
            wall_s=time.perf_counter() - started,
            bought=int(bought),
            haulers=sum(
                1 for s in g.world.ships.values() if s.owner == g.agent and s.type == "SHIP_LIGHT_HAULER"
            ),
        )


def spread(values: list[float], fmt: str = "{:,.0f}") -> str:
    return f"{fmt.format(statistics.median(values))} ({fmt.format(min(values))}–{fmt.format(max(values))})"


def print_run(f: Figures) -> None:
    idle = ", ".join(f"{s.rsplit('-', 1)[-1]} {v:.0%}" for s, v in sorted(f.idle.items()))
    print(
        f"  seed {f.seed} {f.kind:8} {f.per_hour:>10,.0f} cr/h  contracts {f.contracts:2}"
        f"  trades {f.trades:3}"
        f"  extractions {f.extractions:3}  requests {f.requests:5} ({f.requests_per_1000:6.2f}/1k cr)"
        f"  ships bought {f.bought:>7,} ({f.haulers} haulers)  idle [{idle}]  wall {f.wall_s:.1f} s",
        flush=True,
    )


def summary(runs: list[Figures]) -> None:
    print("\nmedian (min–max) over the runs:")
    print(f"  {'':10}{'cr/sim h':>28}{'contracts':>16}{'trades':>16}{'extractions':>16}{'req/1k cr':>22}"
          f"{'worst idle':>20}")  # fmt: skip
    for kind in ("baseline", "fleet"):
        mine = [r for r in runs if r.kind == kind]
        if not mine:
            continue
        print(
            f"  {kind:10}{spread([r.per_hour for r in mine]):>28}"
            f"{spread([r.contracts for r in mine]):>16}{spread([r.trades for r in mine]):>16}"
            f"{spread([r.extractions for r in mine]):>16}"
            f"{spread([r.requests_per_1000 for r in mine], '{:.2f}'):>22}"
            f"{spread([r.worst_idle * 100 for r in mine], '{:.1f}%'):>20}"
        )
    pairs = [
        (b, f) for b in runs if b.kind == "baseline" for f in runs if f.kind == "fleet" and f.seed == b.seed
    ]
    if pairs:
        ratios = [f.gained / b.gained for b, f in pairs if b.gained > 0]
        if ratios:
            print(f"\n  fleet ÷ baseline credits per hour, same seed: {spread(ratios, '{:.2f}×')}")


async def main(args: argparse.Namespace) -> None:
    configure_logging(log_format="console", level=args.log_level)
    print(__doc__.split("Run (")[0].strip())
    print(
        f"\nthis run: {args.hours:g} simulated hour(s) per run, stsim seeds {args.seeds} ({SYSTEMS} systems, "
        f"probe budget {args.probe_budget:,}, haulers {args.haulers}, mining drones {args.mining_drones}, "
        f"--speed 1), one run of each kind per seed, baseline and fleet interleaved; requests cost "
        f"{REQUEST_COST_S} s of game time each\n",
        flush=True,
    )
    async with fresh_database(args.database_url, prefix="fleet_bench") as url:
        await migrations.upgrade_head(url)
        engine = make_engine(url)
        runs: list[Figures] = []
        try:
            for seed in args.seeds:
                for kind in ("baseline", "fleet"):
                    run = await one_run(engine, kind, seed, args)
                    print_run(run)
                    runs.append(run)
        finally:
            await engine.dispose()
    summary(runs)


def parse(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--hours", type=float, default=1.0, help="simulated hours per run (default 1)")
    parser.add_argument(
        "--seeds", type=int, nargs="+", default=[1, 2, 3, 4, 5], help="stsim seeds (≥ 5 runs)"
    )
    parser.add_argument(
        "--database-url",
        default=os.environ.get("ST_TEST_DATABASE_URL") or os.environ.get("ST_DATABASE_URL", ""),
        help="a PostgreSQL server for a scratch database (default: ST_TEST_DATABASE_URL, ST_DATABASE_URL)",
    )
    parser.add_argument(
        "--probe-budget",
        type=int,
        default=SANDBOX_PROBE_BUDGET,
        help=f"credits the fleet may spend on probes (default {SANDBOX_PROBE_BUDGET:,}, the sandbox's)",
    )
    parser.add_argument(
        "--haulers",
        type=int,
        default=SANDBOX_HAULERS,
        help=f"light haulers the fleet may buy (default {SANDBOX_HAULERS}, the sandbox's)",
    )
    parser.add_argument(
        "--mining-drones",
        type=int,
        default=SANDBOX_MINING_DRONES,
        help=f"mining drones the fleet may buy (default {SANDBOX_MINING_DRONES}, the sandbox's)",
    )
    parser.add_argument("--log-level", default="error", help="the fleet's log level (default error)")
    args = parser.parse_args(argv)
    if not args.database_url:
        raise SystemExit("set ST_TEST_DATABASE_URL (or --database-url) to a PostgreSQL server")
    return args


if __name__ == "__main__":
    asyncio.run(main(parse(sys.argv[1:])))

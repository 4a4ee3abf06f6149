"""The market runner (`stdaemon run markets`): probes stationed at marketplaces, markets polled on a cadence.

Prices exist only where one of our ships is present, so the runner claims the agent's probes (a probe belongs
to one runner at a time: the claim lives in `telemetry.ship_behaviours`), gives each a `MarketWatch`
behaviour with stations from `stations.plan_stations` (home system first), and polls every market and
shipyard where any of our ships is present every `ST_MARKET_POLL_INTERVAL_S` (`watchtower.PollSweep`).
It runs on the fleet engine (`services.fleet`); `build_market_runner` wires it.
"""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from stdaemon.services.fleet.behaviour import Behaviour
from stdaemon.services.fleet.behaviours.market_watch import MarketWatch
from stdaemon.services.fleet.context import FleetDeps
from stdaemon.services.fleet.planner import PlanView, Rule, RulePlanner, is_probe
from stdaemon.services.fleet.runner import Runner
from stdaemon.services.markets.watchtower import PollSweep, Watchtower

RUNNER = "markets"


def build_market_runner(deps: FleetDeps) -> Runner:
    tower = Watchtower(
        deps,
        interval=timedelta(seconds=deps.config.market_poll_interval_s),
        probe_budget=deps.config.probe_budget,
    )
    deps.extras["watchtower"] = tower

    async def watch(view: PlanView) -> Behaviour[Any]:
        return MarketWatch.start(await tower.plan_for(view), tower.fingerprint)

    planner = RulePlanner([Rule(MarketWatch.name, lambda v: is_probe(v.ship), watch)], wants=is_probe)
    runner = Runner(RUNNER, deps, planner, chores=[PollSweep(tower)])
    tower.runner = runner
    return runner


__all__ = ["RUNNER", "Watchtower", "build_market_runner"]

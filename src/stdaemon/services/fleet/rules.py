"""The fleet runner's planner: which behaviour each non-probe ship gets (first matching rule wins).

1. The command ship works the faction's contracts (one ship at a time holds the contract); between two
   contracts, with an empty hold, it makes a trade run instead when the best deal earns more per second
   than the last contract assessed promised (`contracts.RATE`).
2. Ships with a mining laser other than the command ship (mining drones) mine.
3. Surveyors (a surveyor mount, no laser) survey the site the miners work.
4. Any ship with a hold trades (one run at a time, `trade.find_deal`) when it has nothing better: haulers
   always, the command ship while contracts rest (none doable, none offered).
5. The command ship mines a cycle when neither contracts nor trades give it anything.
6. Otherwise Idle.

`build_fleet_runner` adds the `ShipBuyer` chore (`fleet_wants`: light haulers within `ST_HAULERS`, then mining
drones within `ST_MINING_DRONES`).
"""

from __future__ import annotations

from typing import Any

from stdaemon.services.fleet.behaviour import Behaviour
from stdaemon.services.fleet.behaviours.contracts import RATE, Contracts
from stdaemon.services.fleet.behaviours.mining import Mining
from stdaemon.services.fleet.behaviours.surveying import Surveying
from stdaemon.services.fleet.behaviours.trade import Trade, find_deal
from stdaemon.services.fleet.context import FleetDeps, ShipContext
from stdaemon.services.fleet.deposits import can_survey, lasers
from stdaemon.services.fleet.planner import PlanView, Rule, RulePlanner, can_haul, is_command, is_probe
from stdaemon.services.fleet.runner import Runner
from stdaemon.services.fleet.ship_buying import LIGHT_HAULER, MINING_DRONE, ShipBuyer, Want

RUNNER = "fleet"


async def _contracts(view: PlanView) -> Behaviour[Any]:
    rate = view.deps.extras.get(RATE)
    if view.ship.cargo.units == 0 and rate is not None:
        ctx = ShipContext(view.deps, view.ship.symbol, Trade.name)
        try:
            deal = await find_deal(ctx, view.ship)
        except view.deps.errors.fatal:
            raise
        except Exception as err:  # the comparison is an optimisation: without it, contracts as usual
            ctx.log.warning("trade_not_compared", error=str(err), error_type=type(err).__name__)
            deal = None
        if deal is not None and deal.per_second > rate:
            ctx.log.info(
                "trade_preferred", per_second=round(deal.per_second, 2), contracts_per_second=round(rate, 2)
            )
            return Trade.for_deal(ctx, deal)
    return Contracts.start()


async def _trade(view: PlanView) -> Behaviour[Any]:
    return Trade.start()


async def _mine(view: PlanView) -> Behaviour[Any]:
    return Mining.start()


async def _survey(view: PlanView) -> Behaviour[Any]:
    return Surveying.start()


def fleet_rules(*, contracts: bool = True, trading: bool = True, mining: bool = True) -> list[Rule]:
    rules = []
    if contracts:
        rules.append(
            Rule(
                Contracts.name,
                lambda v: is_command(v.ship) and v.held_by_others(Contracts.name) == 0,
                _contracts,
            )
        )
    if mining:
        rules.append(Rule(Mining.name, lambda v: bool(lasers(v.ship)) and not is_command(v.ship), _mine))
        rules.append(Rule(Surveying.name, lambda v: can_survey(v.ship) and not lasers(v.ship), _survey))
    if trading:
        rules.append(Rule(Trade.name, lambda v: can_haul(v.ship), _trade))
    if mining:
        rules.append(Rule(Mining.name, lambda v: bool(lasers(v.ship)), _mine))
    return rules


def fleet_planner(*, contracts: bool = True, trading: bool = True, mining: bool = True) -> RulePlanner:
    return RulePlanner(
        fleet_rules(contracts=contracts, trading=trading, mining=mining), wants=lambda s: not is_probe(s)
    )


def fleet_wants(*, haulers: int, mining_drones: int) -> list[Want]:
    """The ships the fleet runner buys, the more profitable first: trading haulers, then mining drones."""
    return [Want(LIGHT_HAULER, haulers), Want(MINING_DRONE, mining_drones)]


def build_fleet_runner(deps: FleetDeps) -> Runner:
    """The fleet runner as `stdaemon run fleet` runs it: the planner above and the ship-buying chore."""
    wants = fleet_wants(haulers=deps.config.haulers, mining_drones=deps.config.mining_drones)
    buyer = ShipBuyer(deps, wants)
    runner = Runner(RUNNER, deps, fleet_planner(), chores=[buyer])
    buyer.runner = runner
    return runner

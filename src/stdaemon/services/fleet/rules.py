"""The fleet runner's planner: which behaviour each non-probe ship gets (first matching rule wins).

1. The command ship works the faction's contracts (one ship at a time holds the contract); between two
   contracts, with an empty hold, it makes a trade run instead when the best deal earns more per second
   than the last contract assessed promised (`contracts.RATE`).
2. Any ship with a hold trades (one run at a time, `trade.find_deal`) when it has nothing better: haulers
   always, the command ship while contracts rest (none doable, none offered).
3. Otherwise Idle.
"""

from __future__ import annotations

from typing import Any

from stdaemon.services.fleet.behaviour import Behaviour
from stdaemon.services.fleet.behaviours.contracts import RATE, Contracts
from stdaemon.services.fleet.behaviours.trade import Trade, find_deal
from stdaemon.services.fleet.context import ShipContext
from stdaemon.services.fleet.planner import PlanView, Rule, RulePlanner, can_haul, is_command, is_probe

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


def fleet_rules(*, contracts: bool = True, trading: bool = True) -> list[Rule]:
    rules = []
    if contracts:
        rules.append(
            Rule(
                Contracts.name,
                lambda v: is_command(v.ship) and v.held_by_others(Contracts.name) == 0,
                _contracts,
            )
        )
    if trading:
        rules.append(Rule(Trade.name, lambda v: can_haul(v.ship), _trade))
    return rules


def fleet_planner(*, contracts: bool = True, trading: bool = True) -> RulePlanner:
    return RulePlanner(fleet_rules(contracts=contracts, trading=trading), wants=lambda s: not is_probe(s))

"""The fleet runner's planner: which behaviour each non-probe ship gets (first matching rule wins).

1. The command ship works the faction's contracts (one ship at a time holds the contract).
2. Any ship with a hold trades (one simple run at a time) when it has nothing better: between contracts,
   while contracts rest (none doable, none offered).
3. Otherwise Idle. Mining, ship buying and real route scoring slot in as further rules.
"""

from __future__ import annotations

from typing import Any

from stdaemon.services.fleet.behaviour import Behaviour
from stdaemon.services.fleet.behaviours.contracts import Contracts
from stdaemon.services.fleet.behaviours.trade import Trade
from stdaemon.services.fleet.planner import PlanView, Rule, RulePlanner, can_haul, is_command, is_probe

RUNNER = "fleet"


async def _contracts(view: PlanView) -> Behaviour[Any]:
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

"""What a contract asks and whether we can do it: open or offered, the terms left, and `assess` (can the
goods be bought, in time for the deadline, with the credits we have?)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from stdaemon.domain import models as m
from stdaemon.services.fleet.context import ShipContext
from stdaemon.services.fleet.sourcing import sources, trip_seconds

SAFETY = 1.5  # a contract is taken if it can be done in the time left divided by this
REST_UNKNOWN = timedelta(minutes=10)  # no seller known, or too slow: new prices and listings take a while
REST_CREDITS = timedelta(minutes=1)  # not enough credits yet: trading between contracts earns them


def open_for_work(contract: m.Contract, now: datetime) -> bool:
    return (
        contract.accepted
        and not contract.fulfilled
        and (contract.deadline is None or contract.deadline > now)
    )


def offered(contract: m.Contract, now: datetime) -> bool:
    deadline = contract.deadline_to_accept
    return not contract.accepted and not contract.fulfilled and (deadline is None or deadline > now)


def remaining_terms(contract: m.Contract) -> list[m.ContractDeliverGood]:
    return [t for t in contract.deliver if t.units_fulfilled < t.units_required]


@dataclass(frozen=True)
class Refusal:
    reason: str
    rest: timedelta  # how long until asking again is worth it


async def assess(ctx: ShipContext, contract: m.Contract) -> Refusal | None:
    """Why we cannot do `contract` in time with our credits, or None when we can."""
    ship = await ctx.ship()
    agent = await ctx.data.agent()
    now = ctx.now()
    seconds, cost = 0.0, 0
    position = ship.nav.waypoint_symbol
    for term in remaining_terms(contract):
        ranked = await sources(ctx, term.trade_symbol, near=term.destination_symbol)
        if not ranked:
            reason = f"no known market in {term.destination_symbol}'s system sells {term.trade_symbol}"
            return Refusal(reason, REST_UNKNOWN)
        best = ranked[0]
        units = term.units_required - term.units_fulfilled
        trips = -(-units // max(1, ship.cargo.capacity))
        there = await trip_seconds(ctx, ship, position, best.waypoint)
        leg = await trip_seconds(ctx, ship, best.waypoint, term.destination_symbol)
        seconds += there + leg * (2 * trips - 1)
        cost += (best.price or 0) * units
        position = term.destination_symbol
    if contract.deadline is not None and seconds * SAFETY > (contract.deadline - now).total_seconds():
        reason = f"needs about {seconds:.0f} s, the deadline is {contract.deadline.isoformat()}"
        return Refusal(reason, REST_UNKNOWN)
    upfront = 0 if contract.accepted else (contract.on_accepted or 0)  # accepting pays before we buy
    if cost > agent.credits - ctx.deps.config.credit_reserve + upfront:
        reason = f"the goods cost about {cost} credits, we have {agent.credits} and {upfront} on accepting"
        return Refusal(reason, REST_CREDITS)
    payment = (contract.on_accepted or 0) + (contract.on_fulfilled or 0)
    ctx.log.info(
        "contract_assessed",
        contract=contract.id,
        est_seconds=round(seconds),
        est_cost=cost,
        payment=payment,
        est_profit=payment - cost,
    )
    return None

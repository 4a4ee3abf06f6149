"""Contracts: take the faction's contract, source the goods, deliver them in as few trips as cargo allows.

Each step re-derives where the work stands from the game (the contract's `unitsFulfilled`, the cargo held),
so a step killed half-way is simply run again. The state only remembers the contract, the chosen source
market and the markets that refused a good. In order:

1. No contract yet: adopt an accepted, open one; else judge the offered one (`assess`: can the goods be
   bought, in time for the deadline, with the credits we have?) and accept it, or log why not and rest;
   with none offered, negotiate one at a waypoint of the faction (the headquarters).
2. Per delivery term: carry `min(remaining, cargo capacity)` units a trip. Short of that, fly to the
   cheapest source we know (`sourcing.sources`), buy what the hold takes, fly to the destination, deliver.
3. All delivered: fulfil. Past the deadline: log the reason and give the contract up (4503 ends it too).

Mining the goods instead of buying them is not done here (a ship that can mine still buys, and the miners
sell their yield); a contract for an ore no market sells logs that as part of its reason.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from pydantic import Field

from stdaemon.domain import models as m
from stdaemon.services.fleet import pilot
from stdaemon.services.fleet.behaviour import Behaviour, BehaviourState, Done, Failed, Next, Wait, register
from stdaemon.services.fleet.behaviours.contract_terms import assess, offered, open_for_work, remaining_terms
from stdaemon.services.fleet.context import ShipContext
from stdaemon.services.fleet.deals import DEFAULT_FUEL_PRICE
from stdaemon.services.fleet.deposits import DEPOSIT_GOODS
from stdaemon.services.fleet.errors import CONTRACT_DEADLINE, CONTRACT_OPEN, DELIVERY, NOT_TRADED
from stdaemon.services.fleet.navigation import Urgency, pays_to_burn
from stdaemon.services.fleet.sourcing import sources

REST_NO_CONTRACT = timedelta(minutes=10)
CONTRACT_WORK_S = 900  # the time a contract's remaining work is worth its payment over (for burning)
RATE = "contracts:rate"  # FleetDeps.extras: credits per second contracts made so far (see _measure)
TOTALS = "contracts:totals"  # FleetDeps.extras: (credits earned, seconds spent) by the contracts fulfilled
MINED_NOT_DELIVERED = "; miners yield it, but they sell their hold: mining for a contract is not done yet"


class ContractState(BehaviourState):
    contract_id: str | None = None
    source: str | None = None
    avoid: list[str] = Field(default_factory=list)  # "WAYPOINT:GOOD" a market refused
    deadline: datetime | None = None
    accepted_at: datetime | None = None  # when this ship took it up (None: resumed from an older state)
    spent: int = 0  # credits paid for its goods so far


@register
class Contracts(Behaviour[ContractState]):
    name = "contracts"
    State = ContractState

    @classmethod
    def start(cls) -> Contracts:
        return cls(ContractState())

    def describe(self) -> str:
        return f"contract {self.state.contract_id}" if self.state.contract_id else "looking for a contract"

    async def step(self, ctx: ShipContext) -> Next:
        if self.state.contract_id is None:
            return await self._find(ctx)
        contract = await ctx.data.contract(self.state.contract_id, fresh=ctx.refresh)
        now = ctx.now()
        if contract.fulfilled:
            return Done(f"contract {contract.id} fulfilled")
        if contract.deadline is not None and contract.deadline <= now:
            ctx.log.warning(
                "contract_missed", contract=contract.id, reason="the deadline passed before delivery"
            )
            return Done(f"contract {contract.id} missed its deadline", REST_NO_CONTRACT)
        terms = remaining_terms(contract)
        if not terms:
            await ctx.fulfill(contract)
            self._measure(ctx, contract)
            ctx.log.info("contract_fulfilled", contract=contract.id, paid=contract.on_fulfilled)
            return Done(f"contract {contract.id} fulfilled")
        return await self._work(ctx, contract, terms[0])

    # --- choosing a contract -------------------------------------------------------------------------

    async def _find(self, ctx: ShipContext) -> Next:
        now = ctx.now()
        contracts = await ctx.data.contracts(fresh=True)
        active = next((c for c in contracts if open_for_work(c, now)), None)
        if active is not None:
            return self._adopt(ctx, active, "resumed")
        offer = next((c for c in contracts if offered(c, now)), None)
        if offer is None:
            return await self._negotiate(ctx)
        refusal = await assess(ctx, offer)
        if refusal is not None:
            ctx.log.warning("contract_not_taken", contract=offer.id, reason=refusal.reason)
            return Done(f"contract {offer.id} not taken: {refusal.reason}", refusal.rest)
        accepted = await ctx.accept(offer)
        self.state.accepted_at = ctx.now()
        return self._adopt(ctx, accepted, "accepted")

    def _measure(self, ctx: ShipContext, contract: m.Contract) -> None:
        """Add what this contract earned, and in how long, to the totals the planner compares trades with."""
        if self.state.accepted_at is None:
            return
        seconds = max(1.0, (ctx.now() - self.state.accepted_at).total_seconds())
        profit = (contract.on_accepted or 0) + (contract.on_fulfilled or 0) - self.state.spent
        earned, spent_s = ctx.deps.extras.get(TOTALS, (0.0, 0.0))
        earned, spent_s = earned + profit, spent_s + seconds
        ctx.deps.extras[TOTALS] = (earned, spent_s)
        # a run of losing contracts does not make the ship trade for ever: below zero it counts as unknown
        if earned > 0:
            ctx.deps.extras[RATE] = earned / spent_s
        else:
            ctx.deps.extras.pop(RATE, None)

    def _adopt(self, ctx: ShipContext, contract: m.Contract, how: str) -> Next:
        self.state.contract_id, self.state.deadline = contract.id, contract.deadline
        ctx.log.info(
            f"contract_{how}",
            contract=contract.id,
            deliver=[
                f"{t.units_required - t.units_fulfilled} {t.trade_symbol} to {t.destination_symbol}"
                for t in contract.deliver
            ],
            on_accepted=contract.on_accepted,
            on_fulfilled=contract.on_fulfilled,
            deadline=contract.deadline.isoformat() if contract.deadline else None,
        )
        return Wait(ctx.now(), f"contract {contract.id} {how}")

    async def _negotiate(self, ctx: ShipContext) -> Next:
        ship = await ctx.ship()
        here = await ctx.data.waypoint(ship.nav.waypoint_symbol)
        if here.faction_symbol is None:
            agent = await ctx.data.agent()
            if agent.headquarters is None:
                return Done("no faction waypoint known to negotiate a contract at", REST_NO_CONTRACT)
            wait = await pilot.travel(ctx, agent.headquarters)
            if wait is not None:
                return wait
            ship = await ctx.ship()
        await ctx.dock(ship)
        result = await ctx.data.negotiate_contract(ctx.symbol)
        ctx.log.info("contract_negotiated", contract=result.contract.id)
        return Wait(ctx.now(), "judging the negotiated contract")

    # --- working a contract --------------------------------------------------------------------------

    async def _work(  # noqa: PLR0911  one return per next move
        self, ctx: ShipContext, contract: m.Contract, term: m.ContractDeliverGood
    ) -> Next:
        ship = await ctx.ship()
        good, remaining = term.trade_symbol, term.units_required - term.units_fulfilled
        held = sum(i.units for i in ship.cargo.inventory if i.symbol == good)
        trip = min(remaining, ship.cargo.capacity)
        urgency = await self._urgency(ctx, contract)
        arrived = ship.nav.waypoint_symbol == term.destination_symbol and ship.nav.status != "IN_TRANSIT"
        if held >= trip or (held > 0 and (arrived or ship.cargo.units >= ship.cargo.capacity)):
            wait = await pilot.travel(ctx, term.destination_symbol, urgency=urgency)
            if wait is not None:
                return wait
            units = min(held, remaining)
            after = await ctx.deliver(contract, good, units)
            done = next(t for t in after.deliver if t.trade_symbol == good)
            ctx.log.info(
                "contract_delivered",
                contract=contract.id,
                good=good,
                units=units,
                progress=f"{done.units_fulfilled}/{done.units_required}",
            )
            return Wait(ctx.now(), "delivered")
        source = await self._source(ctx, good, term.destination_symbol)
        if source is None:
            ctx.log.warning(
                "contract_unsourced",
                contract=contract.id,
                good=good,
                reason="no known market in the system sells it"
                + (MINED_NOT_DELIVERED if any(good in g for g in DEPOSIT_GOODS.values()) else ""),
            )
            return Failed(f"no known market sells {good}", ctx.now() + REST_NO_CONTRACT)
        wait = await pilot.travel(ctx, source, urgency=urgency)
        if wait is not None:
            return wait
        ship = await ctx.ship()
        await self._make_room(ctx, ship, good)
        ship = await ctx.ship()
        room = ship.cargo.capacity - ship.cargo.units
        units = min(trip - held, room, await self._affordable(ctx, ship, good))
        if units <= 0:
            if held > 0:  # deliver what we have rather than wait
                return await self._deliver_partial(ctx, term, urgency)
            return Failed(f"cannot afford or hold any {good} at {source}", ctx.now() + REST_NO_CONTRACT)
        before = (await ctx.data.agent()).credits
        bought = await ctx.buy(good, units)
        self.state.spent += before - (await ctx.data.agent()).credits
        ctx.log.info("contract_goods_bought", contract=contract.id, good=good, units=bought, market=source)
        return Wait(ctx.now(), f"bought {bought} {good}")

    async def _deliver_partial(self, ctx: ShipContext, term: m.ContractDeliverGood, urgency: Urgency) -> Next:
        wait = await pilot.travel(ctx, term.destination_symbol, urgency=urgency)
        return wait if wait is not None else Wait(ctx.now(), "at the destination with a partial load")

    async def _source(self, ctx: ShipContext, good: str, near: str) -> str | None:
        if self.state.source is not None and f"{self.state.source}:{good}" not in self.state.avoid:
            return self.state.source
        ranked = await sources(ctx, good, near=near, avoid=frozenset(self.state.avoid))
        self.state.source = ranked[0].waypoint if ranked else None
        return self.state.source

    async def _affordable(self, ctx: ShipContext, ship: m.Ship, good: str) -> int:
        listing = next((g for g in (await ctx.market_here(ship)).trade_goods if g.symbol == good), None)
        if listing is None or listing.purchase_price <= 0:
            return 1 << 30
        agent = await ctx.data.agent()
        return max(0, (agent.credits - ctx.deps.config.credit_reserve) // listing.purchase_price)

    async def _make_room(self, ctx: ShipContext, ship: m.Ship, keep: str) -> None:
        """Sell (or, if this market does not buy it, jettison) whatever the contract does not need."""
        others = [i for i in ship.cargo.inventory if i.symbol != keep]
        if not others:
            return
        market = await ctx.market_here(ship)
        traded = {g.symbol for g in market.trade_goods} | set(market.imports) | set(market.exchange)
        for item in others:
            if item.symbol in traded:
                await ctx.sell(item.symbol, item.units)
            else:
                await ctx.data.jettison(ctx.symbol, item.symbol, item.units)
                ctx.log.warning(
                    "cargo_jettisoned", good=item.symbol, units=item.units, reason="not sold here"
                )

    async def _urgency(self, ctx: ShipContext, contract: m.Contract) -> Urgency:
        """Burn when the deadline is close, or when the contract makes the ship's time worth the fuel."""
        left = (contract.deadline - ctx.now()).total_seconds() if contract.deadline else None
        if left is not None and left < 3600 * ctx.deps.time_scale:
            return Urgency.URGENT
        ship = await ctx.ship()
        speed = ship.engine.speed if ship.engine is not None and ship.engine.speed else 1
        worth = (contract.on_fulfilled or 0) / CONTRACT_WORK_S
        return Urgency.URGENT if pays_to_burn(worth, speed, DEFAULT_FUEL_PRICE) else Urgency.NORMAL

    async def on_error(self, ctx: ShipContext, error: Exception, code: int | None) -> Next | None:
        if code == CONTRACT_DEADLINE:
            ctx.log.warning(
                "contract_missed", contract=self.state.contract_id, reason=f"the server says: {error}"
            )
            return Done(f"contract {self.state.contract_id} expired (4503)", REST_NO_CONTRACT)
        if code in NOT_TRADED and self.state.source is not None:
            contract = await ctx.data.contract(self.state.contract_id) if self.state.contract_id else None
            goods = [t.trade_symbol for t in contract.deliver] if contract is not None else []
            self.state.avoid.extend(f"{self.state.source}:{g}" for g in goods)
            ctx.atlas.forget_listing(self.state.source)
            self.state.source = None
            return Wait(ctx.now(), "the market refused the good: choosing another")
        if code == CONTRACT_OPEN:
            return Done("an open contract we do not take blocks negotiating", REST_NO_CONTRACT)
        if code in DELIVERY:
            return Wait(ctx.now(), "re-reading the contract")
        return None

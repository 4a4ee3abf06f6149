"""Mining: extract at the best asteroid near a market that buys its goods, sell a full hold, repeat.

A cycle, each step re-derived from the ship (cargo, cooldown, position), so a step killed half-way is run
again safely; the state holds the chosen site and market, the survey in use and the selling trip:

1. Choose the site and its market (`mining_plan.choose_site`: expected credits per second of a cycle).
2. At the site, in orbit: wait out the reactor cooldown (the server's expiration, never a fixed sleep);
   extract with the best live survey of the fleet's pool when one beats plain extraction (a ship with a
   surveyor mount surveys first when the pool has no live survey of the site), else plain; jettison what
   no market within range of the site buys (logged and counted).
3. When the free hold is less than one extraction's yield (or the server says 4228 cargo full): fly to the
   market worth most for the hold (`choose_market`), sell in lots of the trade volume (every sale in the
   ledger as `mining`), refuel where FUEL is sold, and go on to the next market while something held sells
   elsewhere; what nothing in range buys is jettisoned. The cycle ends (`Done`), and the planner gives the
   ship its next behaviour: mining again for a drone, its contract for the command ship.

Game errors planned around here: 4220/4221/4224 (survey unknown, expired, exhausted) drop the survey from the
pool; 4228 cargo full starts the selling trip; 4205/4222/4253 (not a mining site, destabilised) avoid the
site; 4601/4602 (not traded here) skip that market. 4000 (cooldown) is the engine's: wait for the expiration.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from pydantic import Field

from stdaemon.domain import models as m
from stdaemon.services.fleet import pilot
from stdaemon.services.fleet.behaviour import Behaviour, BehaviourState, Done, Next, Wait, register
from stdaemon.services.fleet.context import ShipContext
from stdaemon.services.fleet.deposits import can_survey, expected_yield, site_goods
from stdaemon.services.fleet.errors import CARGO_FULL, NOT_TRADED, SITE_REFUSED, SURVEY_GONE
from stdaemon.services.fleet.mining_plan import choose_market, choose_site, prices, sellable, unit_value

REST_NO_SITE = timedelta(minutes=10)


class MiningState(BehaviourState):
    site: str | None = None
    market: str | None = None
    rate: float = 0.0  # the site's expected credits per second: what a detour to sell leftovers costs
    selling: bool = False
    sell_to: str | None = None
    sold_at: list[str] = Field(default_factory=list)
    survey: str | None = None  # the signature of the survey the last extraction used
    avoid: list[str] = Field(default_factory=list)
    extractions: int = 0
    jettisoned: int = 0  # units thrown away this cycle


def cooldown_until(ship: m.Ship, now: datetime) -> datetime | None:
    cooldown = ship.cooldown
    if cooldown is None or cooldown.expiration is None or cooldown.expiration <= now:
        return None
    return cooldown.expiration


@register
class Mining(Behaviour[MiningState]):
    name = "mining"
    State = MiningState

    @classmethod
    def start(cls) -> Mining:
        return cls(MiningState())

    def describe(self) -> str:
        if self.state.selling:
            return f"selling the hold at {self.state.sell_to or 'a market'}"
        return f"mining at {self.state.site}" if self.state.site else "choosing a mining site"

    async def step(self, ctx: ShipContext) -> Next:
        ship = await ctx.ship()
        if self.state.selling:
            return await self._sell(ctx, ship)
        if self.state.site is None:
            return await self._choose(ctx, ship)
        if ship.cargo.capacity - ship.cargo.units < max(1, expected_yield(ship)):
            self.state.selling = True
            return Wait(ctx.now(), "the hold is full: selling")
        wait = await pilot.travel(ctx, self.state.site)
        if wait is not None:
            return wait
        ship = await ctx.ship()
        await ctx.orbit(ship)
        until = cooldown_until(ship, ctx.now())
        if until is not None:
            return Wait(until + ctx.deps.config.arrival_margin, "reactor cooldown")
        return await self._extract(ctx, ship)

    async def _choose(self, ctx: ShipContext, ship: m.Ship) -> Next:
        plan = await choose_site(ctx, ship, frozenset(self.state.avoid))
        if plan is None:
            ctx.log.warning(
                "mining_no_site", reason="no asteroid within range of a market that buys its yield"
            )
            return Done("no mining site near a market", REST_NO_SITE)
        self.state.site, self.state.market, self.state.rate = plan.site, plan.market, plan.rate
        ctx.deps.surveys.sites[ctx.symbol] = plan.site
        ctx.log.info(
            "mining_site_chosen",
            site=plan.site,
            market=plan.market,
            credits_per_unit=round(plan.value, 1),
            est_credits_per_s=round(plan.rate, 2),
        )
        return Wait(ctx.now(), f"mining at {plan.site}")

    async def _extract(self, ctx: ShipContext, ship: m.Ship) -> Next:
        assert self.state.site is not None
        site = self.state.site
        goods = site_goods((await ctx.atlas.waypoints(ship.nav.system_symbol))[site])
        pays = (await prices(ctx, ship.nav.system_symbol, set(goods))).get(self.state.market or "", {})
        plain = unit_value(goods, pays)
        pool = ctx.deps.surveys
        survey = pool.best(site, ctx.now(), lambda s: unit_value(s.deposits, pays), better_than=plain)
        if survey is None and can_survey(ship) and not pool.live(site, ctx.now()):
            made = await ctx.data.survey(ctx.symbol)
            pool.add(made.surveys)
            ctx.log.info("mining_surveyed", site=site, surveys=len(made.surveys))
            return Wait(self._after(ctx, made.cooldown), "surveyed: cooling down")
        self.state.survey = survey.signature if survey is not None else None
        if survey is not None:
            result = await ctx.data.extract_with_survey(ctx.symbol, survey)
        else:
            result = await ctx.data.extract(ctx.symbol)
        self.state.extractions += 1
        got = result.extraction
        ctx.log.info(
            "mining_extracted",
            site=site,
            good=got.trade_symbol,
            units=got.units,
            survey=self.state.survey,
            hold=f"{result.cargo.units}/{result.cargo.capacity}",
        )
        await self._jettison(
            ctx, result.cargo, await sellable(ctx, site, ship.nav.system_symbol), "at the site"
        )
        return Wait(self._after(ctx, result.cooldown), "extracted: cooling down")

    def _after(self, ctx: ShipContext, cooldown: m.Cooldown) -> datetime:
        return (cooldown.expiration or ctx.now()) + ctx.deps.config.arrival_margin

    async def _jettison(self, ctx: ShipContext, cargo: m.ShipCargo, keep: set[str], where: str) -> None:
        for item in cargo.inventory:
            if item.symbol in keep or item.units <= 0:
                continue
            await ctx.data.jettison(ctx.symbol, item.symbol, item.units)
            self.state.jettisoned += item.units
            ctx.log.warning(
                "cargo_jettisoned",
                good=item.symbol,
                units=item.units,
                reason=f"no market within range buys it ({where})",
                jettisoned_this_cycle=self.state.jettisoned,
            )

    async def _sell(self, ctx: ShipContext, ship: m.Ship) -> Next:
        if self.state.sell_to is None:
            sold_at = frozenset(self.state.sold_at)
            self.state.sell_to = await choose_market(ctx, ship, sold_at, rate=self.state.rate)
            if self.state.sell_to is None:
                return await self._end_cycle(ctx, ship)
        market = self.state.sell_to
        wait = await pilot.travel(ctx, market)
        if wait is not None:
            return wait
        ship = await ctx.ship()
        await ctx.dock(ship)
        here = await ctx.market_here(ship)
        traded = {g.symbol for g in here.trade_goods}
        before = (await ctx.data.agent()).credits
        sold: dict[str, int] = {}
        for item in ship.cargo.inventory:
            if item.symbol in traded and item.units > 0:
                sold[item.symbol] = await ctx.sell(item.symbol, item.units)
        earned = (await ctx.data.agent()).credits - before
        ctx.log.info("mining_sold", market=market, goods=sold, credits=earned)
        if "FUEL" in traded:
            await ctx.refuel(await ctx.ship())
        self.state.sold_at.append(market)
        self.state.sell_to = None
        return Wait(ctx.now(), f"sold at {market}")

    async def _end_cycle(self, ctx: ShipContext, ship: m.Ship) -> Next:
        """Nothing held sells at a market not yet tried, or none is worth the detour: throw the rest away."""
        await self._jettison(ctx, ship.cargo, set(), "or is worth the detour, after selling")
        ctx.log.info(
            "mining_cycle_done",
            site=self.state.site,
            markets=self.state.sold_at,
            extractions=self.state.extractions,
            jettisoned=self.state.jettisoned,
        )
        ctx.deps.surveys.sites.pop(ctx.symbol, None)
        return Done(f"mining cycle done: sold at {', '.join(self.state.sold_at) or 'no market'}")

    async def on_error(self, ctx: ShipContext, error: Exception, code: int | None) -> Next | None:
        now = ctx.now()
        if code in SURVEY_GONE and self.state.survey is not None:
            ctx.deps.surveys.drop(self.state.survey)
            ctx.log.info("survey_dropped", survey=self.state.survey, code=code)
            self.state.survey = None
            return Wait(now, f"survey refused ({code}): extracting with another")
        if code == CARGO_FULL:
            self.state.selling = True
            return Wait(now, "cargo full (4228): selling")
        if code in SITE_REFUSED and self.state.site is not None:
            ctx.log.warning("mining_site_refused", site=self.state.site, code=code, reason=str(error))
            self.state.avoid.append(self.state.site)
            self.state.site = None
            return Wait(now, f"the site refused us ({code}): choosing another")
        if code in NOT_TRADED and self.state.selling and self.state.sell_to is not None:
            ctx.atlas.forget_listing(self.state.sell_to)
            self.state.sold_at.append(self.state.sell_to)
            self.state.sell_to = None
            return Wait(now, f"the market refused the goods ({code}): trying another")
        return None

"""Surveying: a surveyor (a ship with a surveyor mount and no mining laser) surveys where the miners mine.

It goes to the site most of the fleet's miners work (`SurveyPool.busiest_site`), else to the site a miner
would choose, surveys every time its reactor has cooled down (the server's expiration), and puts what it
finds in the fleet's pool, where the miners take the best. With `ENOUGH` live surveys of the site in the
pool it waits a cooldown without surveying (the miners cannot use them all before they expire). After
`ROUNDS` surveys the behaviour ends, so the planner can send it where the miners have moved. 4222 (the
site cannot be surveyed) avoids the site.
"""

from __future__ import annotations

from datetime import timedelta

from pydantic import Field

from stdaemon.services.fleet import pilot
from stdaemon.services.fleet.behaviour import Behaviour, BehaviourState, Done, Next, Wait, register
from stdaemon.services.fleet.behaviours.mining import cooldown_until
from stdaemon.services.fleet.context import ShipContext
from stdaemon.services.fleet.deposits import SURVEYOR, cooldown_seconds
from stdaemon.services.fleet.errors import SITE_REFUSED
from stdaemon.services.fleet.mining_plan import choose_site

ENOUGH = 10
ROUNDS = 10
REST_NO_SITE = timedelta(minutes=10)


class SurveyingState(BehaviourState):
    site: str | None = None
    rounds: int = 0
    avoid: list[str] = Field(default_factory=list)


@register
class Surveying(Behaviour[SurveyingState]):
    name = "surveying"
    State = SurveyingState

    @classmethod
    def start(cls) -> Surveying:
        return cls(SurveyingState())

    def describe(self) -> str:
        return f"surveying {self.state.site}" if self.state.site else "choosing a site to survey"

    async def step(self, ctx: ShipContext) -> Next:
        ship = await ctx.ship()
        pool = ctx.deps.surveys
        if self.state.site is None:
            site = pool.busiest_site(ship.nav.system_symbol)
            if site is None or site in self.state.avoid:
                plan = await choose_site(ctx, ship, frozenset(self.state.avoid))
                site = plan.site if plan is not None else None
            if site is None:
                return Done("no mining site to survey", REST_NO_SITE)
            self.state.site = site
            ctx.log.info("surveying_site_chosen", site=site)
        if self.state.rounds >= ROUNDS:
            return Done(f"surveyed {self.state.site} {self.state.rounds} times")
        wait = await pilot.travel(ctx, self.state.site)
        if wait is not None:
            return wait
        ship = await ctx.ship()
        await ctx.orbit(ship)
        now = ctx.now()
        until = cooldown_until(ship, now)
        if until is not None:
            return Wait(until + ctx.deps.config.arrival_margin, "reactor cooldown")
        if len(pool.live(self.state.site, now)) >= ENOUGH:
            pause = timedelta(seconds=cooldown_seconds(ship, SURVEYOR) * ctx.deps.time_scale)
            return Wait(now + pause, f"{ENOUGH} live surveys of {self.state.site} already")
        made = await ctx.data.survey(ctx.symbol)
        pool.add(made.surveys)
        self.state.rounds += 1
        ctx.log.info("site_surveyed", site=self.state.site, surveys=len(made.surveys))
        return Wait((made.cooldown.expiration or now) + ctx.deps.config.arrival_margin, "surveyed")

    async def on_error(self, ctx: ShipContext, error: Exception, code: int | None) -> Next | None:
        if code in SITE_REFUSED and self.state.site is not None:
            self.state.avoid.append(self.state.site)
            self.state.site = None
            return Wait(ctx.now(), f"the site cannot be surveyed ({code})")
        return None

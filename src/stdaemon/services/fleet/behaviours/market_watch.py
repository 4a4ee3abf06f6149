"""MarketWatch: a probe stationed at one market (polled every interval) or cycling through several.

The stations come from the market runner's plan (`services.markets.stations`); when the probes or markets
change, the plan's fingerprint changes and the behaviour ends, so the planner hands out new stations. The
polling itself (market and shipyard, deduplicated across ships) is the runner's `Watchtower`, found in
`ctx.deps.extras["watchtower"]`.
"""

from __future__ import annotations

from datetime import timedelta
from typing import Protocol

from pydantic import Field

from stdaemon.services.fleet import pilot
from stdaemon.services.fleet.behaviour import Behaviour, BehaviourState, Done, Next, Wait, register
from stdaemon.services.fleet.context import ShipContext


class Watchtower(Protocol):
    @property
    def fingerprint(self) -> str: ...

    @property
    def interval(self) -> timedelta: ...

    async def poll(self, waypoint: str, ship: str) -> None: ...


class WatchState(BehaviourState):
    stations: list[str] = Field(default_factory=list)
    index: int = 0
    fingerprint: str = ""


@register
class MarketWatch(Behaviour[WatchState]):
    name = "market_watch"
    State = WatchState

    @classmethod
    def start(cls, stations: list[str], fingerprint: str) -> MarketWatch:
        return cls(WatchState(stations=stations, fingerprint=fingerprint))

    def describe(self) -> str:
        if len(self.state.stations) == 1:
            return f"stationed at {self.state.stations[0]}"
        return f"cycling {len(self.state.stations)} markets"

    async def step(self, ctx: ShipContext) -> Next:
        tower: Watchtower = ctx.deps.extras["watchtower"]
        if not self.state.stations:
            return Done("no station: more probes than markets to watch", tower.interval)
        if tower.fingerprint != self.state.fingerprint:
            return Done("stations re-planned")
        self.state.index %= len(self.state.stations)
        station = self.state.stations[self.state.index]
        wait = await pilot.travel(ctx, station)
        if wait is not None:
            return wait
        await tower.poll(station, ctx.symbol)
        if len(self.state.stations) == 1:
            return Wait(ctx.now() + tower.interval, f"watching {station}")
        self.state.index = (self.state.index + 1) % len(self.state.stations)
        return Wait(ctx.now(), f"polled {station}, moving on")

"""Travel: fly to each of a list of waypoints in turn (any system: the pilot jumps through gates), then end.

A building block for planners (reposition a ship, take a probe to its system) and the simplest behaviour to
read as an example: the state is the list and where we are in it; every step is one pilot step.
"""

from __future__ import annotations

from pydantic import Field

from stdaemon.services.fleet import pilot
from stdaemon.services.fleet.behaviour import Behaviour, BehaviourState, Done, Next, Wait, register
from stdaemon.services.fleet.context import ShipContext
from stdaemon.services.fleet.navigation import Urgency


class TravelState(BehaviourState):
    destinations: list[str] = Field(default_factory=list)
    index: int = 0
    urgent: bool = False


@register
class Travel(Behaviour[TravelState]):
    name = "travel"
    State = TravelState

    @classmethod
    def to(cls, *destinations: str, urgent: bool = False) -> Travel:
        return cls(TravelState(destinations=list(destinations), urgent=urgent))

    def describe(self) -> str:
        left = self.state.destinations[self.state.index :]
        return f"travelling to {left[0]}" if left else "arrived"

    async def step(self, ctx: ShipContext) -> Next:
        if self.state.index >= len(self.state.destinations):
            return Done(f"arrived at {self.state.destinations[-1] if self.state.destinations else 'nowhere'}")
        target = self.state.destinations[self.state.index]
        urgency = Urgency.URGENT if self.state.urgent else Urgency.NORMAL
        wait = await pilot.travel(ctx, target, urgency=urgency)
        if wait is not None:
            return wait
        ctx.log.info("ship_arrived", waypoint=target)
        self.state.index += 1
        return Wait(ctx.now(), f"at {target}")

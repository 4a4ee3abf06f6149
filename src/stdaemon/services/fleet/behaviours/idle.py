"""Idle: a ship with nothing to do waits (until the planner's next idea is due), then ends."""

from __future__ import annotations

from datetime import datetime, timedelta

from stdaemon.services.fleet.behaviour import Behaviour, BehaviourState, Done, Next, Wait, register
from stdaemon.services.fleet.context import ShipContext

IDLE_FOR = timedelta(minutes=5)


class IdleState(BehaviourState):
    until: datetime | None = None


@register
class Idle(Behaviour[IdleState]):
    name = "idle"
    State = IdleState

    @classmethod
    def until(cls, now: datetime, wake: datetime | None) -> Idle:
        return cls(IdleState(until=wake or now + IDLE_FOR))

    def describe(self) -> str:
        return f"idle until {self.state.until:%H:%M:%S}" if self.state.until else "idle"

    async def step(self, ctx: ShipContext) -> Next:
        until = self.state.until or ctx.now()
        if ctx.now() < until:
            return Wait(until, "nothing to do")
        return Done("rested")

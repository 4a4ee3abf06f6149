"""What a behaviour is: a resumable step function over a small JSON state, and what a step returns.

A behaviour owns one ship. Each `step(ctx)` looks at the ship as it is now (`ctx.ship()`), does the next one
or few actions, and says when to call it again:

- `Wait(until)`: call me again at `until` (a route's arrival, a cooldown's expiration, "now" to continue);
- `Done(reason)`: finished (contract fulfilled, nothing to do); the planner picks the ship's next behaviour,
  and will not give it this one again for `rest` (so "no contract doable" does not loop);
- `Failed(reason)`: gave up (the game refused something the step cannot fix); the ship rests until
  `retry_at`, then the planner assigns again.

The state (`State`, a pydantic model) is saved to the database after every step, so a restart resumes each
ship where it was. Keep it small and prefer re-deriving facts from the ship and the game (cargo held,
contract progress) over counting in the state: a step killed half-way is simply run again, and must do the
right thing when some of its actions had already happened.

To add a behaviour: subclass `Behaviour[YourState]`, set `name` (unique: it is stored) and `State`, write
`step`, optionally `on_error` (a game error code this behaviour can turn into a plan, e.g. 4601 "this market
does not sell it" → try another market), decorate the class with `@register`, and give the planner a rule
that creates it (`planner.Rule`).
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Any, ClassVar, Generic, TypeVar

from pydantic import BaseModel, ConfigDict

if TYPE_CHECKING:
    from stdaemon.services.fleet.context import ShipContext


class BehaviourState(BaseModel):
    """Base of every behaviour's state: JSON-serialisable, unknown keys ignored (older or newer code)."""

    model_config = ConfigDict(extra="ignore")


S = TypeVar("S", bound=BehaviourState)


@dataclass(frozen=True, slots=True)
class Wait:
    until: datetime
    why: str = ""


@dataclass(frozen=True, slots=True)
class Done:
    reason: str
    rest: timedelta = timedelta(0)


@dataclass(frozen=True, slots=True)
class Failed:
    reason: str
    retry_at: datetime


Next = Wait | Done | Failed


class Behaviour(ABC, Generic[S]):
    """One ship's job; see the module docstring."""

    name: ClassVar[str]
    State: ClassVar[type[BehaviourState]]

    def __init__(self, state: S) -> None:
        self.state = state

    @classmethod
    def restore(cls, saved: dict[str, Any]) -> Behaviour[Any]:
        state: Any = cls.State.model_validate(saved)
        return cls(state)

    def dump(self) -> dict[str, Any]:
        return self.state.model_dump(mode="json")

    def describe(self) -> str:
        """One short phrase for logs and `status` (e.g. 'contract c12: buying IRON_ORE')."""
        return self.name

    @abstractmethod
    async def step(self, ctx: ShipContext) -> Next: ...

    async def on_error(self, ctx: ShipContext, error: Exception, code: int | None) -> Next | None:
        """Turn a game error of the last step into a plan; None leaves it to the generic reactions."""
        return None


BEHAVIOURS: dict[str, type[Behaviour[Any]]] = {}

B = TypeVar("B", bound=type[Behaviour[Any]])


def register(cls: B) -> B:
    """Make a behaviour restorable by its `name` (the name is what the database stores)."""
    if cls.name in BEHAVIOURS and BEHAVIOURS[cls.name] is not cls:
        raise ValueError(f"two behaviours are named {cls.name!r}")
    BEHAVIOURS[cls.name] = cls
    return cls


def restore(name: str, saved: dict[str, Any]) -> Behaviour[Any] | None:
    """The behaviour saved as (`name`, `saved`), or None if this code no longer knows it or its state."""
    cls = BEHAVIOURS.get(name)
    if cls is None:
        return None
    try:
        return cls.restore(saved)
    except ValueError:  # pydantic's ValidationError: a state this code cannot read
        return None

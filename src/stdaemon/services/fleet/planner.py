"""Planners: which ships a runner takes, and which behaviour each gets, again whenever one ends.

`RulePlanner` walks an ordered list of `Rule`s and gives the ship the first that matches; a rule whose
behaviour just finished or failed for that ship is skipped until its rest is over (`Done.rest`,
`Failed.retry_at`), so "no contract doable" or "this market refuses us" does not loop. Nothing matching
gives `Idle`, which waits a while and ends, so the rules are asked again.

To add a behaviour to the fleet, insert a `Rule` into the runner's list (bootstrap builds them in
`fleet_rules()` / `market_rules()`): `Rule(behaviour=Mining.name, applies=can_mine, make=Mining.start)`.
A rule's `applies(view)` sees the ship (frame, mounts, cargo) and what every other ship of the runner
is doing (`view.others`), e.g. to keep one ship on contracts.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any, Protocol

from stdaemon.domain import models as m
from stdaemon.services.fleet.behaviour import Behaviour, Done, Failed
from stdaemon.services.fleet.behaviours.idle import Idle
from stdaemon.services.fleet.context import FleetDeps

MINING_MOUNTS = ("MOUNT_MINING_LASER", "MOUNT_GAS_SIPHON")


def is_probe(ship: m.Ship) -> bool:
    """A satellite: no cargo, no fuel tank (the market runner's ships)."""
    frame = ship.frame.symbol if ship.frame is not None else ""
    return frame == "FRAME_PROBE" or (ship.role == "SATELLITE" and ship.cargo.capacity == 0)


def is_command(ship: m.Ship) -> bool:
    return ship.role == "COMMAND"


def can_mine(ship: m.Ship) -> bool:
    return any(mount.symbol.startswith(MINING_MOUNTS) for mount in ship.mounts)


def can_haul(ship: m.Ship) -> bool:
    return ship.cargo.capacity > 0


@dataclass(frozen=True)
class PlanView:
    """What a rule sees: the ship, the time, the shared services, and the other ships' behaviours."""

    ship: m.Ship
    now: datetime
    deps: FleetDeps
    others: Mapping[str, str | None]  # ship symbol -> behaviour name (None = none yet)

    def held_by_others(self, behaviour: str) -> int:
        return sum(1 for s, b in self.others.items() if b == behaviour and s != self.ship.symbol)


@dataclass(frozen=True)
class Rule:
    behaviour: str
    applies: Callable[[PlanView], bool]
    make: Callable[[PlanView], Awaitable[Behaviour[Any]]]


class Planner(Protocol):
    def wants(self, ship: m.Ship) -> bool:
        """Whether this runner claims the ship at all."""
        ...

    async def assign(self, view: PlanView) -> Behaviour[Any]: ...

    def finished(self, ship: str, behaviour: str, outcome: Done | Failed, now: datetime) -> None: ...


class RulePlanner:
    """First matching rule wins; see the module docstring."""

    def __init__(self, rules: Sequence[Rule], *, wants: Callable[[m.Ship], bool]) -> None:
        self.rules = list(rules)
        self._wants = wants
        self._resting: dict[tuple[str, str], datetime] = {}

    def wants(self, ship: m.Ship) -> bool:
        return self._wants(ship)

    def resting_until(self, ship: str, behaviour: str) -> datetime | None:
        return self._resting.get((ship, behaviour))

    async def assign(self, view: PlanView) -> Behaviour[Any]:
        for rule in self.rules:
            until = self._resting.get((view.ship.symbol, rule.behaviour))
            if until is not None and until > view.now:
                continue
            if rule.applies(view):
                return await rule.make(view)
        wake = min(
            (t for (s, _), t in self._resting.items() if s == view.ship.symbol and t > view.now),
            default=None,
        )
        return Idle.until(view.now, wake)

    def finished(self, ship: str, behaviour: str, outcome: Done | Failed, now: datetime) -> None:
        until = now + outcome.rest if isinstance(outcome, Done) else outcome.retry_at
        if until > now:
            self._resting[(ship, behaviour)] = until
        else:
            self._resting.pop((ship, behaviour), None)

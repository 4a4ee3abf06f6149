"""Navigation inside a system, as pure functions: the game's fuel and time formulas, and route planning.

Formulas (SPACETRADERS.md §6.3, the api-docs wiki "Travel-Fuel-and-Time"), d = Euclidean distance:

- fuel: CRUISE and STEALTH `round(d)`, BURN `2·round(d)`, DRIFT `1`; never less than 1. A ship whose
  tank holds nothing (a probe) flies for free.
- time (seconds): `round(round(max(1, d)) · multiplier / engine speed + 15)`, multipliers CRUISE 25,
  DRIFT 250, BURN 12.5, STEALTH 30. The server rounds half up (JavaScript `Math.round`).

`plan_route` finds the fastest way from one waypoint to another with the fuel on board: a direct leg if
the tank allows it, else hops between markets that sell FUEL (the ship refuels to full at each), else
DRIFT, which always costs 1 fuel. `Urgency` decides which flight modes are allowed: NORMAL never burns,
URGENT burns whenever the fuel allows. A leg never leaves the ship with an empty tank at a waypoint that
sells no fuel, so it can always drift on. stsim implements the same formulas on its side (it imports
nothing of ours).
"""

from __future__ import annotations

import heapq
import math
from collections.abc import Collection, Mapping
from dataclasses import dataclass
from enum import Enum

NAV_MULTIPLIER = {"CRUISE": 25.0, "DRIFT": 250.0, "BURN": 12.5, "STEALTH": 30.0}
REFUEL_STOP_S = 5  # docking, refuelling and leaving orbit again, in request round trips
FUEL_UNIT = 100  # ship fuel per market unit of FUEL: refuelling buys whole units


class Urgency(Enum):
    NORMAL = "normal"  # CRUISE; DRIFT when the fuel does not reach
    URGENT = "urgent"  # BURN whenever the tank allows, else CRUISE, else DRIFT (a deadline is close)


MODES_BY_URGENCY = {
    Urgency.NORMAL: ("CRUISE", "DRIFT"),
    Urgency.URGENT: ("BURN", "CRUISE", "DRIFT"),
}


@dataclass(frozen=True, slots=True)
class Point:
    """A waypoint's position inside its system."""

    symbol: str
    x: int
    y: int


@dataclass(frozen=True, slots=True)
class Leg:
    """One navigate call: fly `origin` → `destination` in `mode`, refuelling to full before if `refuel`."""

    origin: str
    destination: str
    mode: str
    fuel: int
    seconds: int
    refuel: bool = False


@dataclass(frozen=True, slots=True)
class Route:
    legs: tuple[Leg, ...]

    @property
    def seconds(self) -> int:
        return sum(leg.seconds for leg in self.legs) + REFUEL_STOP_S * sum(leg.refuel for leg in self.legs)

    @property
    def fuel(self) -> int:
        return sum(leg.fuel for leg in self.legs)


def js_round(value: float) -> int:
    """Round half up, as the server does (Python's `round` rounds half to even)."""
    return math.floor(value + 0.5)


def distance(a: Point, b: Point) -> float:
    return math.hypot(a.x - b.x, a.y - b.y)


def fuel_cost(mode: str, d: float, *, capacity: int = 1) -> int:
    """Fuel a leg of distance `d` uses in `mode`; 0 for a ship without a tank."""
    if capacity == 0:
        return 0
    if mode == "DRIFT":
        return 1
    base = js_round(d)
    return max(1, 2 * base if mode == "BURN" else base)


def travel_seconds(mode: str, d: float, speed: int) -> int:
    """Seconds a leg of distance `d` takes in `mode` with an engine of `speed` (before any --speed factor)."""
    return js_round(js_round(max(1.0, d)) * NAV_MULTIPLIER[mode] / max(1, speed) + 15)


def pays_to_burn(credits_per_s: float, speed: int, fuel_price: float) -> bool:
    """Whether BURN beats CRUISE for a ship whose time is worth `credits_per_s` (per formula second): a unit
    of distance burnt saves `(25 - 12.5) / speed` seconds and costs one more ship fuel (1/100 market unit)."""
    return (
        credits_per_s * (NAV_MULTIPLIER["CRUISE"] - NAV_MULTIPLIER["BURN"]) / max(1, speed) > fuel_price / 100
    )


class NoRoute(Exception):
    """No way to reach the destination with the fuel on board and the fuel markets known."""


def _best_leg(
    a: Point, b: Point, fuel: int, *, capacity: int, speed: int, modes: tuple[str, ...], keep: int
) -> Leg | None:
    """The fastest mode that leaves at least `keep` fuel in the tank; None if not even DRIFT does."""
    d = distance(a, b)
    if capacity == 0:
        mode = "BURN" if "BURN" in modes else "CRUISE"
        return Leg(a.symbol, b.symbol, mode, 0, travel_seconds(mode, d, speed))
    for mode in modes:
        cost = fuel_cost(mode, d)
        if cost <= fuel - keep:
            return Leg(a.symbol, b.symbol, mode, cost, travel_seconds(mode, d, speed))
    return None


def _departures(here: str, start: str, fuel: int, capacity: int, stops: set[str]) -> list[tuple[int, bool]]:
    """(fuel on board, refuel first) options for leaving `here`.

    Intermediate nodes are FUEL markets, where the ship always fills up. At the start it fills up when a
    whole market unit (100 fuel) is missing anyway; otherwise it may also leave with what it has.
    """
    if capacity == 0:
        return [(0, False)]
    if here != start:
        return [(capacity, True)]
    if here not in stops or fuel >= capacity:
        return [(fuel, False)]
    if capacity - fuel >= FUEL_UNIT:
        return [(capacity, True)]
    return [(fuel, False), (capacity, True)]


def plan_route(
    points: Mapping[str, Point],
    start: str,
    goal: str,
    *,
    fuel: int,
    capacity: int,
    speed: int,
    fuel_stops: Collection[str],
    urgency: Urgency = Urgency.NORMAL,
) -> Route:
    """The fastest route `start` → `goal` inside one system (Dijkstra over the FUEL markets).

    Raises NoRoute when even drifting cannot get there (an empty tank far from any fuel).
    """
    if start == goal:
        return Route(())
    for symbol in (start, goal):
        if symbol not in points:
            raise NoRoute(f"{symbol} is not a known waypoint of this system")
    modes = MODES_BY_URGENCY[urgency]
    stops = {s for s in fuel_stops if s in points}
    nodes = [goal, *sorted(stops - {start, goal})]
    best: dict[str, float] = {start: 0.0}
    legs_to: dict[str, tuple[Leg, ...]] = {start: ()}
    queue: list[tuple[float, str]] = [(0.0, start)]
    while queue:
        seconds, here = heapq.heappop(queue)
        if here == goal:
            return Route(legs_to[here])
        if seconds > best.get(here, math.inf):
            continue
        for there in nodes:
            if there == here:
                continue
            keep = 0 if there in stops or capacity == 0 else 1
            options = []
            for on_board, refuel in _departures(here, start, fuel, capacity, stops):
                leg = _best_leg(
                    points[here],
                    points[there],
                    on_board,
                    capacity=capacity,
                    speed=speed,
                    modes=modes,
                    keep=keep,
                )
                if leg is not None:
                    cost = leg.seconds + (REFUEL_STOP_S if refuel else 0)
                    options.append((cost, refuel, leg))
            if not options:
                continue
            cost, refuel, leg = min(options, key=lambda o: (o[0], o[1]))
            total = seconds + cost
            if total < best.get(there, math.inf):
                best[there] = total
                legs_to[there] = (
                    *legs_to[here],
                    Leg(leg.origin, there, leg.mode, leg.fuel, leg.seconds, refuel),
                )
                heapq.heappush(queue, (total, there))
    raise NoRoute(f"no route from {start} to {goal} with {fuel}/{capacity} fuel")

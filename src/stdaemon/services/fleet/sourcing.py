"""Where to buy a good, and how long a job takes: choices made from our own observations in the database.

`sources(ctx, good, near)` ranks the markets of a system that sell `good`: first those whose price we
observed (`telemetry.market_trade_goods`, the latest of our price history), cheapest first once the fuel
for the detour is counted; then those we only know from a listing (no price seen yet), nearest first.
`trip_seconds` estimates a flight with the real formulas, scaled by what the server showed us of its clock
(`time_scale`: a simulator run at `--speed` answers shorter arrivals than the formulas say).
"""

from __future__ import annotations

from dataclasses import dataclass

from stdaemon.domain import models as m
from stdaemon.domain.ids import system_of
from stdaemon.services.fleet.context import ShipContext
from stdaemon.services.fleet.navigation import NoRoute, Point, distance, plan_route

CREDITS_PER_DISTANCE = 1.0  # fuel ≈ 0.7 credits per unit of distance in CRUISE, plus the ship's time
BUYABLE = ("EXPORT", "EXCHANGE")


@dataclass(frozen=True)
class Source:
    waypoint: str
    price: int | None  # purchase price per unit when observed
    trade_volume: int | None
    score: float


async def sources(
    ctx: ShipContext, good: str, *, near: str, avoid: frozenset[str] = frozenset()
) -> list[Source]:
    """Markets of `near`'s system selling `good`, best first (see the module docstring)."""
    system = system_of(near)
    points = await ctx.atlas.points(system)
    listings = await ctx.atlas.listings(system)
    quotes = await ctx.deps.book.quotes(ctx.deps.reset_date(), good, system=system)
    here = points.get(near)
    found: list[Source] = []
    priced: set[str] = set()
    for quote in quotes:
        where = quote.waypoint_symbol
        if f"{where}:{good}" in avoid or where not in points:
            continue
        listing = listings.get(where)
        if quote.type not in BUYABLE and listing is not None and listing.sells(good):
            continue  # stale type; the listing knows better
        detour = distance(here, points[where]) if here is not None else 0.0
        # imports (about twice an export's price) only when no market exporting or exchanging it is known
        penalty = 0.0 if quote.type in BUYABLE else 1e13
        score = quote.purchase_price + CREDITS_PER_DISTANCE * detour / 10 + penalty
        found.append(Source(where, quote.purchase_price, quote.trade_volume, score))
        priced.add(where)
    for where, listing in listings.items():
        if where in priced or f"{where}:{good}" in avoid or not listing.sells(good) or where not in points:
            continue
        detour = distance(here, points[where]) if here is not None else 0.0
        found.append(Source(where, None, None, 1e12 + detour))
    return sorted(found, key=lambda s: (s.score, s.waypoint))


async def trip_seconds(ctx: ShipContext, ship: m.Ship, start: str, goal: str) -> float:
    """Seconds (on the server's clock) to fly `start` → `goal` with a full tank; inf when unreachable."""
    if start == goal:
        return 0.0
    if system_of(start) != system_of(goal):
        return float("inf")
    system = system_of(start)
    points: dict[str, Point] = await ctx.atlas.points(system)
    try:
        route = plan_route(
            points,
            start,
            goal,
            fuel=ship.fuel.capacity,
            capacity=ship.fuel.capacity,
            speed=ship.engine.speed if ship.engine is not None and ship.engine.speed else 1,
            fuel_stops=await ctx.atlas.fuel_stops(system),
        )
    except NoRoute:
        return float("inf")
    return route.seconds * ctx.deps.time_scale

"""Where to mine and where to sell: chosen by expected credits per second, from our own prices.

- `prices(ctx, system, goods)`: what each market of the system pays for each good: the latest sell price
  we observed (`MarketBook.quotes`), else `UNPRICED` where the market lists the good but we have not seen a
  price yet (so a market that buys beats one that does not), else nothing.
- `choose_site`: for every extractable waypoint of the ship's system (not stripped, not avoided) and every
  market within `MAX_RANGE` of it, the expected rate of a cycle is
  `hold × mean value of the site's goods at that market / (time to fill the hold + round trip)`,
  with the fill time from the ship's lasers (yield and cooldown) and flight times from the navigation
  formulas (`round_trip`: out from the market with a full tank, back with what is left, since a mining site
  sells no fuel; refuel stops, drifting where the tank does not reach; scaled by the server's clock). The
  best pair wins. The strongest public bot scores sites by distance only and sells at the nearest importer;
  pricing the goods and the time is where we do better.
- `choose_market`: for a hold to sell, the market within range of the ship worth most after the flight (its
  fuel, and its time at the site's rate); leftovers after a sale go on only where that is worth the detour.
- `sellable`: the goods some market within range of the site buys; the rest is jettisoned at the site.
"""

from __future__ import annotations

from dataclasses import dataclass

from stdaemon.domain import models as m
from stdaemon.services.fleet.context import ShipContext
from stdaemon.services.fleet.deposits import (
    POOR_SITE,
    cooldown_seconds,
    expected_yield,
    site_goods,
)
from stdaemon.services.fleet.navigation import NoRoute, Point, distance, plan_route

MAX_RANGE = 300.0  # a market farther than this from the site is not "near" (the public bot: 160; stsim's
# systems span 240 units, and the rate below already prefers near markets)
UNPRICED = 1.0  # credits per unit for a market that lists a good whose price we have not seen
CREDITS_PER_DISTANCE = 1.0  # fuel and wear of flying one unit of distance, roughly (as in sourcing)

Prices = dict[str, dict[str, float]]  # market -> good -> credits per unit


@dataclass(frozen=True)
class SitePlan:
    site: str
    market: str
    rate: float  # expected credits per second (server clock) of a whole cycle
    value: float  # expected credits per unit extracted, sold at `market`


async def prices(ctx: ShipContext, system: str, goods: set[str]) -> Prices:
    listings = await ctx.atlas.listings(system)
    found: Prices = {
        market: {g: UNPRICED for g in goods if listing.buys(g)} for market, listing in listings.items()
    }
    for good in sorted(goods):
        for quote in await ctx.deps.book.quotes(ctx.deps.reset_date(), good, system=system):
            if quote.waypoint_symbol in found and quote.sell_price > 0:
                found[quote.waypoint_symbol][good] = float(quote.sell_price)
    return found


def unit_value(goods: tuple[str, ...], paid: dict[str, float]) -> float:
    """Mean credits per unit of an extraction drawing from `goods` (repeats weigh), sold where `paid`."""
    return sum(paid.get(g, 0.0) for g in goods) / len(goods) if goods else 0.0


def round_trip(
    ctx: ShipContext, ship: m.Ship, points: dict[str, Point], stops: set[str], *, market: str, site: str
) -> float:
    """Seconds (server clock) of market → site with a full tank and back with the fuel left."""
    speed = ship.engine.speed if ship.engine is not None and ship.engine.speed else 1
    cap = ship.fuel.capacity
    try:
        out = plan_route(points, market, site, fuel=cap, capacity=cap, speed=speed, fuel_stops=stops)
        left = cap - sum(leg.fuel for leg in out.legs[-1:]) if out.legs else cap
        back = plan_route(points, site, market, fuel=left, capacity=cap, speed=speed, fuel_stops=stops)
    except NoRoute:
        return float("inf")
    return (out.seconds + back.seconds) * ctx.deps.time_scale


async def choose_site(ctx: ShipContext, ship: m.Ship, avoid: frozenset[str] = frozenset()) -> SitePlan | None:
    system = ship.nav.system_symbol
    waypoints = await ctx.atlas.waypoints(system)
    points = await ctx.atlas.points(system)
    sites = {s: site_goods(w) for s, w in waypoints.items() if site_goods(w) and s not in avoid}
    paid = await prices(ctx, system, {g for goods in sites.values() for g in goods})
    hold = max(1, ship.cargo.capacity)
    per_extraction = max(1, expected_yield(ship))
    fill = -(-hold // per_extraction) * cooldown_seconds(ship) * ctx.deps.time_scale
    stops = await ctx.atlas.fuel_stops(system)
    best: tuple[bool, float, str, str, float] | None = None
    for site, goods in sorted(sites.items()):
        poor = POOR_SITE in waypoints[site].traits
        for market, pays in sorted(paid.items()):
            value = unit_value(goods, pays)
            if value <= 0 or market not in points:
                continue
            d = distance(points[site], points[market])
            if d > MAX_RANGE:
                continue
            trip = round_trip(ctx, ship, points, stops, market=market, site=site)
            rate = (hold * value - 2 * CREDITS_PER_DISTANCE * d) / max(1.0, fill + trip)
            key = (not poor, rate, site, market, value)
            if best is None or key[:2] > best[:2]:
                best = key
    if best is None:
        return None
    return SitePlan(site=best[2], market=best[3], rate=best[1], value=best[4])


async def sellable(ctx: ShipContext, site: str, system: str) -> set[str]:
    """The goods some market within `MAX_RANGE` of `site` buys."""
    points = await ctx.atlas.points(system)
    listings = await ctx.atlas.listings(system)
    here = points.get(site)
    return {
        g
        for market, listing in listings.items()
        if market in points and (here is None or distance(here, points[market]) <= MAX_RANGE)
        for g in listing.goods
    }


async def choose_market(
    ctx: ShipContext, ship: m.Ship, skip: frozenset[str] = frozenset(), *, rate: float = 0.0
) -> str | None:
    """The market worth most for the hold after the flight there: the goods' value less the flight's fuel and
    its time at `rate` credits per second (what mining earns meanwhile). None: nothing held sells in range,
    or (with `skip`, a hold already partly sold) no market is worth the detour."""
    system = ship.nav.system_symbol
    held = {i.symbol: i.units for i in ship.cargo.inventory}
    if not held:
        return None
    points = await ctx.atlas.points(system)
    stops = await ctx.atlas.fuel_stops(system)
    here = ship.nav.waypoint_symbol
    speed = ship.engine.speed if ship.engine is not None and ship.engine.speed else 1
    cap = ship.fuel.capacity
    paid = await prices(ctx, system, set(held))
    best: tuple[float, str] | None = None
    for market, pays in sorted(paid.items()):
        if market in skip or market not in points or here not in points or not pays:
            continue
        d = distance(points[here], points[market])
        if d > MAX_RANGE:
            continue
        try:
            route = plan_route(
                points, here, market, fuel=ship.fuel.current, capacity=cap, speed=speed, fuel_stops=stops
            )
        except NoRoute:
            continue
        seconds = route.seconds * ctx.deps.time_scale
        worth = sum(units * pays.get(g, 0.0) for g, units in held.items()) - CREDITS_PER_DISTANCE * d
        worth -= max(0.0, rate) * seconds
        if best is None or worth > best[0]:
            best = (worth, market)
    if best is None or (skip and best[0] <= 0):
        return None
    return best[1]

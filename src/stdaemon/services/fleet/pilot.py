"""The pilot: one step of getting a ship to a waypoint, re-planned from where the ship is at every step.

`travel(ctx, destination)` returns None once the ship is there, else does the next navigation action and
returns the `Wait` until it is done (the route's arrival, read from the navigate result). It keeps no state
of its own: after a restart, an error or a detour it plans again from the ship's position and fuel, so a
behaviour only stores where it is going. Inside a system it follows `navigation.plan_route` (refuel stops at
FUEL markets, flight mode by fuel and urgency); to another system it flies to the local gate and jumps along
`Atlas.gate_path`. After a 4203 (not enough fuel) the next leg is flown in DRIFT (`ctx.drift_once`).
"""

from __future__ import annotations

from datetime import datetime

from stdaemon.domain import models as m
from stdaemon.domain.ids import system_of
from stdaemon.services.fleet.behaviour import Wait
from stdaemon.services.fleet.context import ShipContext
from stdaemon.services.fleet.navigation import (
    Leg,
    NoRoute,
    Route,
    Urgency,
    distance,
    plan_route,
    travel_seconds,
)


async def plan(ctx: ShipContext, ship: m.Ship, target: str, urgency: Urgency) -> Route:
    system = ship.nav.system_symbol
    points = await ctx.atlas.points(system)
    speed = ship.engine.speed if ship.engine is not None and ship.engine.speed else 1
    return plan_route(
        points,
        ship.nav.waypoint_symbol,
        target,
        fuel=ship.fuel.current,
        capacity=ship.fuel.capacity,
        speed=speed,
        fuel_stops=await ctx.atlas.fuel_stops(system),
        urgency=urgency,
    )


def arrival(ctx: ShipContext, ship: m.Ship) -> datetime:
    route = ship.nav.route
    when = route.arrival if route is not None and route.arrival is not None else ctx.now()
    return when + ctx.deps.config.arrival_margin


async def fly_leg(ctx: ShipContext, ship: m.Ship, leg: Leg) -> Wait:
    mode = "DRIFT" if ctx.drift_once else leg.mode
    if leg.refuel:  # a full tank also settles a 4203: fly the planned mode
        await ctx.refuel(ship)
        ship = await ctx.ship()
        mode = leg.mode
    ctx.drift_once = False
    result = await ctx.navigate(ship, leg.destination, mode)
    moved = ship.model_copy(update={"nav": result.nav})
    learn_time_scale(ctx, ship, leg, mode, result.nav)
    ctx.log.info(
        "ship_departed",
        origin=leg.origin,
        destination=leg.destination,
        mode=mode,
        fuel=result.fuel.current if result.fuel else None,
    )
    return Wait(arrival(ctx, moved), f"flying to {leg.destination}")


def learn_time_scale(ctx: ShipContext, ship: m.Ship, leg: Leg, mode: str, nav: m.ShipNav) -> None:
    """Compare the server's arrival with the formula's: the ratio is how fast the server's clock runs."""
    route = nav.route
    if route is None or route.arrival is None or route.departure_time is None:
        return
    speed = ship.engine.speed if ship.engine is not None and ship.engine.speed else 1
    predicted = leg.seconds if mode == leg.mode else leg_seconds(ctx, leg, mode, speed)
    observed = (route.arrival - route.departure_time).total_seconds()
    if predicted > 0 and observed > 0:
        ctx.deps.time_scale = max(1e-6, min(1.0, observed / predicted))


def leg_seconds(ctx: ShipContext, leg: Leg, mode: str, speed: int) -> int:
    points = ctx.atlas.known_points(system_of(leg.origin))
    if leg.origin not in points or leg.destination not in points:
        return leg.seconds
    return travel_seconds(mode, distance(points[leg.origin], points[leg.destination]), speed)


async def travel(ctx: ShipContext, destination: str, *, urgency: Urgency = Urgency.NORMAL) -> Wait | None:
    """One step towards `destination`; None when the ship is there (in orbit or docked)."""
    ship = await ctx.ship()
    if ship.nav.status == "IN_TRANSIT":
        return Wait(arrival(ctx, ship), f"in transit to {ship.nav.waypoint_symbol}")
    here = ship.nav.waypoint_symbol
    if here == destination:
        return None
    target = destination
    if system_of(destination) != ship.nav.system_symbol:
        gate = await ctx.atlas.gate_of(ship.nav.system_symbol)
        if gate is None:
            raise NoRoute(f"{ship.nav.system_symbol} has no jump gate to leave by")
        if here == gate:
            path = await ctx.atlas.gate_path(ship.nav.system_symbol, system_of(destination))
            await ctx.jump(ship, path[0])
            ctx.log.info("ship_jumped", origin=gate, destination=path[0])
            return Wait(ctx.now(), f"jumped to {path[0]}")
        target = gate
    route = await plan(ctx, ship, target, urgency)
    return await fly_leg(ctx, ship, route.legs[0])

"""Orbit, dock, navigate, warp, jump and flight mode."""

from __future__ import annotations

from typing import Any

from stsim.errors import game, invalid
from stsim.model import Agent, Ship, distance
from stsim.render import cooldown_json, my_agent, nav_json, ship_fuel
from stsim.rules.formulas import fuel_cost, jump_cooldown_seconds, travel_seconds
from stsim.rules.market import buy_price, record_trade
from stsim.ships import ENGINES, MODULES
from stsim.state import World

FLIGHT_MODES = ("DRIFT", "STEALTH", "CRUISE", "BURN")


def orbit(world: World, ship: Ship) -> dict[str, Any]:
    world.require_not_transit(ship)
    ship.status = "IN_ORBIT"
    return {"nav": nav_json(world, ship)}


def dock(world: World, ship: Ship) -> dict[str, Any]:
    world.require_not_transit(ship)
    ship.status = "DOCKED"
    return {"nav": nav_json(world, ship)}


def set_flight_mode(world: World, ship: Ship, mode: str) -> dict[str, Any]:
    if mode not in FLIGHT_MODES:
        raise invalid("flightMode", f"flightMode must be one of {', '.join(FLIGHT_MODES)}.")
    ship.flight_mode = mode
    return {"nav": nav_json(world, ship), "fuel": ship_fuel(ship), "events": []}


def _wear(ship: Ship, amount: float) -> None:
    for part in ("ENGINE", "FRAME"):
        ship.condition[part] = round(max(0.0, ship.condition[part] - amount), 4)


def _depart(world: World, ship: Ship, dest: str, game_seconds: int, fuel: int) -> None:
    capacity_fuel = ship.fuel
    if fuel > capacity_fuel and _fuel_capacity(ship) > 0:
        raise game(
            4203,
            f"Navigate request failed. Ship {ship.symbol} requires {fuel} more fuel for navigation.",
            fuelRequired=fuel,
            fuelAvailable=capacity_fuel,
            shipSymbol=ship.symbol,
        )
    now = world.now()
    if _fuel_capacity(ship) > 0:
        ship.fuel -= fuel
        ship.fuel_consumed = (fuel, now)
    else:
        ship.fuel_consumed = (0, now)
    ship.origin, ship.waypoint = ship.waypoint, dest
    ship.system = world.universe.waypoints[dest].system
    ship.departed, ship.arrival = now, world.later(game_seconds)
    ship.status = "IN_TRANSIT"
    _wear(ship, 0.002)


def _fuel_capacity(ship: Ship) -> int:
    from stsim.ships import FRAMES

    return FRAMES[ship.frame][2]


def navigate(world: World, ship: Ship, dest_symbol: str) -> dict[str, Any]:
    world.require_orbit(ship)
    here = world.universe.waypoints[ship.waypoint]
    dest = world.universe.waypoints.get(dest_symbol)
    if dest is None:
        raise game(
            4201,
            f"Navigate request failed. Destination {dest_symbol} does not exist.",
            destinationSymbol=dest_symbol,
        )
    if dest.system != here.system:
        raise game(
            4202,
            f"Navigate request failed. Destination {dest_symbol} is outside system {here.system}; "
            "use jump or warp.",
            destinationSymbol=dest_symbol,
            systemSymbol=here.system,
        )
    if dest.symbol == here.symbol:
        raise game(
            4204,
            f"Navigate request failed. Ship {ship.symbol} is already at {dest_symbol}.",
            destinationSymbol=dest_symbol,
        )
    d = distance(here.x, here.y, dest.x, dest.y)
    _depart(
        world,
        ship,
        dest.symbol,
        travel_seconds(ship.flight_mode, d, ENGINES[ship.engine][0]),
        fuel_cost(ship.flight_mode, d),
    )
    return {"nav": nav_json(world, ship), "fuel": ship_fuel(ship), "events": []}


def warp(world: World, ship: Ship, dest_symbol: str) -> dict[str, Any]:
    world.require_orbit(ship)
    if not any(m.startswith("MODULE_WARP_DRIVE") for m in ship.modules):
        raise game(4241, f"Ship {ship.symbol} does not have a warp drive module.", shipSymbol=ship.symbol)
    dest = world.universe.waypoints.get(dest_symbol)
    if dest is None:
        raise game(
            4201,
            f"Warp request failed. Destination {dest_symbol} does not exist.",
            destinationSymbol=dest_symbol,
        )
    if dest.system == ship.system:
        raise game(
            4235,
            "Warp request failed. Use navigate for a destination inside the current system.",
            destinationSymbol=dest_symbol,
        )
    a, b = world.universe.systems[ship.system], world.universe.systems[dest.system]
    d = distance(a.x, a.y, b.x, b.y)
    reach = max(MODULES[m][1] or 0 for m in ship.modules if m.startswith("MODULE_WARP_DRIVE"))
    if d > reach:
        raise game(
            4201,
            f"Warp request failed. {dest.system} is {round(d)} units away; range is {reach}.",
            destinationSymbol=dest_symbol,
        )
    _depart(
        world,
        ship,
        dest.symbol,
        travel_seconds(ship.flight_mode, d, ENGINES[ship.engine][0], warp=True),
        fuel_cost(ship.flight_mode, d),
    )
    return {"nav": nav_json(world, ship), "fuel": ship_fuel(ship), "events": []}


def jump(world: World, agent: Agent, ship: Ship, dest_symbol: str) -> dict[str, Any]:
    u = world.universe
    world.require_orbit(ship)
    here = u.waypoints[ship.waypoint]
    if here.type != "JUMP_GATE":
        raise game(
            4254,
            f"Jump request failed. Ship {ship.symbol} is not at a jump gate.",
            waypointSymbol=here.symbol,
        )
    if here.under_construction:
        raise game(
            4256,
            f"Jump request failed. Jump gate {here.symbol} is under construction.",
            waypointSymbol=here.symbol,
        )
    dest = u.waypoints.get(dest_symbol)
    if dest is not None and dest.system == here.system:
        raise game(
            4208,
            "Jump request failed. The destination is in the current system.",
            destinationSymbol=dest_symbol,
        )
    if dest is None or dest.symbol not in u.gates.get(here.symbol, []):
        raise game(
            4255,
            f"Jump request failed. {dest_symbol} is not a jump gate connected to {here.symbol}.",
            destinationSymbol=dest_symbol,
        )
    if dest.under_construction:
        raise game(
            4262,
            f"Jump request failed. Destination gate {dest.symbol} is under construction.",
            destinationSymbol=dest_symbol,
        )
    world.require_no_cooldown(ship)
    market = u.markets.get(here.symbol)
    if market is None or "ANTIMATTER" not in market.goods:
        raise game(
            4212, "Jump request failed. No antimatter is sold at this gate.", waypointSymbol=here.symbol
        )
    price = buy_price(world, market.goods["ANTIMATTER"])
    if agent.credits < price:
        raise game(
            4600,
            f"Jump request failed. Antimatter costs {price} credits; agent has {agent.credits}.",
            creditsAvailable=agent.credits,
            totalPrice=price,
        )
    agent.credits -= price
    tx = record_trade(world, market, ship, "ANTIMATTER", kind="PURCHASE", units=1, price=price)
    a, b = u.systems[here.system], u.systems[dest.system]
    d = distance(a.x, a.y, b.x, b.y)
    now = world.now()
    ship.origin, ship.waypoint, ship.system = here.symbol, dest.symbol, dest.system
    ship.departed = ship.arrival = now
    ship.status = "IN_ORBIT"
    world.set_cooldown(ship, jump_cooldown_seconds(d))
    return {
        "nav": nav_json(world, ship),
        "cooldown": cooldown_json(world, ship),
        "transaction": tx,
        "agent": my_agent(world, agent),
    }

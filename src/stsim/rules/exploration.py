"""Charting, scans, cargo transfer and jettison, and supplying construction sites."""

from __future__ import annotations

from typing import Any

from stsim.clock import iso
from stsim.errors import game
from stsim.model import Agent, Ship, distance
from stsim.render import (
    cargo_json,
    chart_json,
    cooldown_json,
    my_agent,
    nav_json,
    scanned_waypoint,
    waypoint_json,
)
from stsim.rules.market import remove_cargo
from stsim.ships import MOUNTS, cargo_capacity
from stsim.state import World

CHART_REWARD = 500
SCAN_COOLDOWN = 70


def chart(world: World, agent: Agent, ship: Ship) -> dict[str, Any]:
    world.require_not_transit(ship)
    wp = world.universe.waypoints[ship.waypoint]
    if wp.charted:
        raise game(4230, f"Waypoint {wp.symbol} has already been charted.", waypointSymbol=wp.symbol)
    wp.charted_by, wp.charted_on = agent.symbol, world.now()
    agent.credits += CHART_REWARD
    agent.charts += 1
    return {
        "chart": chart_json(wp),
        "waypoint": waypoint_json(wp),
        "transaction": {
            "waypointSymbol": wp.symbol,
            "shipSymbol": ship.symbol,
            "totalPrice": CHART_REWARD,
            "timestamp": iso(world.now()),
        },
        "agent": my_agent(world, agent),
    }


def _sensors(world: World, ship: Ship) -> int:
    world.require_not_transit(ship)
    sensors = [m for m in ship.mounts if m.startswith("MOUNT_SENSOR_ARRAY")]
    if not sensors:
        raise game(4215, f"Ship {ship.symbol} has no sensor arrays.", shipSymbol=ship.symbol)
    world.require_no_cooldown(ship)
    world.set_cooldown(ship, SCAN_COOLDOWN)
    return sum(MOUNTS[m][0] or 1 for m in sensors)


def scan_systems(world: World, ship: Ship) -> dict[str, Any]:
    strength = _sensors(world, ship)
    here = world.universe.systems[ship.system]
    found = sorted(world.universe.systems.values(), key=lambda s: distance(here.x, here.y, s.x, s.y))
    systems = [
        {
            "symbol": s.symbol,
            "sectorSymbol": "X1",
            "type": s.type,
            "x": s.x,
            "y": s.y,
            "distance": round(distance(here.x, here.y, s.x, s.y)),
        }
        for s in found[: 5 * strength]
    ]
    return {"cooldown": cooldown_json(world, ship), "systems": systems}


def scan_waypoints(world: World, ship: Ship) -> dict[str, Any]:
    _sensors(world, ship)
    system = world.universe.systems[ship.system]
    return {
        "cooldown": cooldown_json(world, ship),
        "waypoints": [scanned_waypoint(world.universe.waypoints[w]) for w in system.waypoints],
    }


def scan_ships(world: World, ship: Ship) -> dict[str, Any]:
    _sensors(world, ship)
    others = [s for s in world.ships.values() if s.system == ship.system and s.owner != ship.owner]
    scanned = [
        {
            "symbol": s.symbol,
            "registration": {"name": s.symbol, "factionSymbol": s.faction, "role": s.role},
            "nav": nav_json(world, s),
            "frame": {"symbol": s.frame},
            "reactor": {"symbol": s.reactor},
            "engine": {"symbol": s.engine},
            "mounts": [{"symbol": m} for m in s.mounts],
        }
        for s in others[:20]
    ]
    return {"cooldown": cooldown_json(world, ship), "ships": scanned}


def jettison(world: World, ship: Ship, good: str, units: int) -> dict[str, Any]:
    world.require_not_transit(ship)
    remove_cargo(ship, good, units)
    return {"cargo": cargo_json(ship)}


def transfer(
    world: World, agent: Agent, ship: Ship, good: str, units: int, *, target_symbol: str
) -> dict[str, Any]:
    world.require_not_transit(ship)
    target = world.ships.get(target_symbol)
    if target is None:
        raise game(4231, f"Transfer failed. Ship {target_symbol} not found.", shipSymbol=target_symbol)
    if target.owner != agent.symbol:
        raise game(
            4232, f"Transfer failed. Ship {target_symbol} belongs to another agent.", shipSymbol=target_symbol
        )
    if target.symbol == ship.symbol:
        raise game(4233, "Transfer failed. A ship cannot transfer cargo to itself.", shipSymbol=target_symbol)
    world.settle(target)
    if target.waypoint != ship.waypoint or target.status != ship.status:
        raise game(
            4234,
            f"Transfer failed. {ship.symbol} and {target_symbol} must be at the same waypoint and "
            "both docked or both in orbit.",
            shipSymbol=target_symbol,
        )
    free = cargo_capacity(target.modules) - target.cargo_units
    if units > free:
        raise game(
            4217,
            f"Transfer failed. {target_symbol} has room for {free} units, not {units}.",
            shipSymbol=target_symbol,
        )
    remove_cargo(ship, good, units)
    target.cargo[good] = target.cargo.get(good, 0) + units
    return {"cargo": cargo_json(ship), "targetCargo": cargo_json(target)}


def construction_json(world: World, waypoint: str) -> dict[str, Any]:
    site = world.universe.constructions.get(waypoint)
    if site is None:
        raise game(4802, f"Waypoint {waypoint} is not a construction site.", waypointSymbol=waypoint)
    return {
        "symbol": site.symbol,
        "materials": [
            {"tradeSymbol": t, "required": r, "fulfilled": f} for t, (r, f) in site.materials.items()
        ],
        "isComplete": site.complete,
    }


def supply(world: World, ship: Ship, waypoint: str, good: str, units: int) -> dict[str, Any]:
    site = world.universe.constructions.get(waypoint)
    if site is None or ship.waypoint != waypoint:
        raise game(
            4802,
            f"Ship {ship.symbol} must be docked at construction site {waypoint}.",
            waypointSymbol=waypoint,
        )
    world.require_docked(ship)
    if good not in site.materials:
        raise game(4800, f"Construction at {waypoint} does not require {good}.", tradeSymbol=good)
    required, fulfilled = site.materials[good]
    if fulfilled + units > required:
        raise game(
            4801,
            f"Construction at {waypoint} needs only {required - fulfilled} more {good}.",
            tradeSymbol=good,
        )
    remove_cargo(ship, good, units)
    site.materials[good][1] += units
    if site.complete:
        world.universe.waypoints[waypoint].under_construction = False
    return {"construction": construction_json(world, waypoint), "cargo": cargo_json(ship)}

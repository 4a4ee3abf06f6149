"""State -> the JSON objects of the spec (camelCase, ISO timestamps)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from stsim.clock import ceil_seconds, iso
from stsim.goods import title, trade_good
from stsim.model import Agent, Contract, Faction, Ship, Survey, System, Waypoint
from stsim.ships import (
    crew_capacity,
    crew_required,
    engine_json,
    frame_json,
    module_json,
    mount_json,
    reactor_json,
)

if TYPE_CHECKING:
    from stsim.state import World


def _named(symbol: str) -> dict[str, str]:
    return {"symbol": symbol, "name": title(symbol), "description": f"{title(symbol)}."}


def agent_json(agent: Agent, ship_count: int) -> dict[str, Any]:
    return {
        "accountId": agent.account_id,
        "symbol": agent.symbol,
        "headquarters": agent.headquarters,
        "credits": agent.credits,
        "startingFaction": agent.faction,
        "shipCount": ship_count,
    }


def my_agent(world: World, agent: Agent) -> dict[str, Any]:
    return agent_json(agent, sum(1 for s in world.ships.values() if s.owner == agent.symbol))


def public_agent(world: World, agent: Agent) -> dict[str, Any]:
    out = my_agent(world, agent)
    del out["accountId"]
    return out


def system_waypoint(wp: Waypoint) -> dict[str, Any]:
    out: dict[str, Any] = {
        "symbol": wp.symbol,
        "type": wp.type,
        "x": wp.x,
        "y": wp.y,
        "orbitals": [{"symbol": o} for o in wp.orbitals],
    }
    if wp.orbits:
        out["orbits"] = wp.orbits
    return out


def system_json(world: World, system: System) -> dict[str, Any]:
    return {
        "symbol": system.symbol,
        "sectorSymbol": "X1",
        "type": system.type,
        "x": system.x,
        "y": system.y,
        "name": system.name,
        "constellation": system.constellation,
        "waypoints": [system_waypoint(world.universe.waypoints[w]) for w in system.waypoints],
        "factions": [{"symbol": f} for f in system.factions],
    }


def chart_json(wp: Waypoint) -> dict[str, Any]:
    assert wp.charted_by is not None and wp.charted_on is not None
    return {"waypointSymbol": wp.symbol, "submittedBy": wp.charted_by, "submittedOn": iso(wp.charted_on)}


def waypoint_json(wp: Waypoint) -> dict[str, Any]:
    out = system_waypoint(wp)
    out["systemSymbol"] = wp.system
    out["traits"] = [_named(t) for t in wp.visible_traits()]
    out["modifiers"] = [_named(m) for m in wp.modifiers]
    out["isUnderConstruction"] = wp.under_construction
    if wp.faction:
        out["faction"] = {"symbol": wp.faction}
    if wp.charted:
        out["chart"] = chart_json(wp)
    return out


def scanned_waypoint(wp: Waypoint) -> dict[str, Any]:
    out = waypoint_json(wp)
    for key in ("orbits", "modifiers", "isUnderConstruction"):
        out.pop(key, None)
    return out


def faction_json(faction: Faction) -> dict[str, Any]:
    out: dict[str, Any] = {
        "symbol": faction.symbol,
        "name": faction.name,
        "description": faction.description,
        "traits": [_named(t) for t in faction.traits],
        "isRecruiting": faction.recruiting,
    }
    if faction.headquarters:
        out["headquarters"] = faction.headquarters
    return out


def route_point(wp: Waypoint) -> dict[str, Any]:
    return {"symbol": wp.symbol, "type": wp.type, "systemSymbol": wp.system, "x": wp.x, "y": wp.y}


def nav_json(world: World, ship: Ship) -> dict[str, Any]:
    world.settle(ship)
    wps = world.universe.waypoints
    return {
        "systemSymbol": ship.system,
        "waypointSymbol": ship.waypoint,
        "route": {
            "destination": route_point(wps[ship.waypoint]),
            "origin": route_point(wps[ship.origin]),
            "departureTime": iso(ship.departed),
            "arrival": iso(ship.arrival),
        },
        "status": ship.status,
        "flightMode": ship.flight_mode,
    }


def fuel_json(ship: Ship, capacity: int) -> dict[str, Any]:
    out: dict[str, Any] = {"current": ship.fuel, "capacity": capacity}
    if ship.fuel_consumed is not None:
        out["consumed"] = {"amount": ship.fuel_consumed[0], "timestamp": iso(ship.fuel_consumed[1])}
    return out


def ship_fuel(ship: Ship) -> dict[str, Any]:
    from stsim.ships import FRAMES

    return fuel_json(ship, FRAMES[ship.frame][2])


def cargo_json(ship: Ship) -> dict[str, Any]:
    from stsim.ships import cargo_capacity

    items = [{**trade_good(sym), "units": units} for sym, units in ship.cargo.items() if units > 0]
    return {"capacity": cargo_capacity(ship.modules), "units": ship.cargo_units, "inventory": items}


def cooldown_json(world: World, ship: Ship) -> dict[str, Any]:
    out: dict[str, Any] = {"shipSymbol": ship.symbol, "totalSeconds": 0, "remainingSeconds": 0}
    if ship.cooldown_until is not None and ship.cooldown_until > world.now():
        remaining = ceil_seconds(ship.cooldown_until - world.now())
        out.update(
            totalSeconds=max(ship.cooldown_total, remaining),
            remainingSeconds=remaining,
            expiration=iso(ship.cooldown_until),
        )
    return out


def crew_json(ship: Ship) -> dict[str, Any]:
    required = crew_required(ship.frame, ship.reactor, ship.engine, ship.modules, ship.mounts)
    return {
        "current": required,
        "required": required,
        "capacity": max(required, crew_capacity(ship.modules)),
        "rotation": "STRICT",
        "morale": 100,
        "wages": 0,
    }


def ship_json(world: World, ship: Ship) -> dict[str, Any]:
    c, i = ship.condition, ship.integrity
    return {
        "symbol": ship.symbol,
        "registration": {"name": ship.symbol, "factionSymbol": ship.faction, "role": ship.role},
        "nav": nav_json(world, ship),
        "crew": crew_json(ship),
        "frame": frame_json(ship.frame, c["FRAME"], i["FRAME"]),
        "reactor": reactor_json(ship.reactor, c["REACTOR"], i["REACTOR"]),
        "engine": engine_json(ship.engine, c["ENGINE"], i["ENGINE"]),
        "modules": [module_json(m) for m in ship.modules],
        "mounts": [mount_json(m) for m in ship.mounts],
        "cargo": cargo_json(ship),
        "fuel": ship_fuel(ship),
        "cooldown": cooldown_json(world, ship),
    }


def contract_json(contract: Contract) -> dict[str, Any]:
    return {
        "id": contract.id,
        "factionSymbol": contract.faction,
        "type": contract.type,
        "terms": {
            "deadline": iso(contract.deadline),
            "payment": {"onAccepted": contract.on_accepted, "onFulfilled": contract.on_fulfilled},
            "deliver": [
                {
                    "tradeSymbol": d.trade_symbol,
                    "destinationSymbol": d.destination,
                    "unitsRequired": d.required,
                    "unitsFulfilled": d.fulfilled,
                }
                for d in contract.deliver
            ],
        },
        "accepted": contract.accepted,
        "fulfilled": contract.fulfilled,
        "expiration": iso(contract.deadline_to_accept),
        "deadlineToAccept": iso(contract.deadline_to_accept),
    }


def survey_json(survey: Survey) -> dict[str, Any]:
    return {
        "signature": survey.signature,
        "symbol": survey.waypoint,
        "deposits": [{"symbol": d} for d in survey.deposits],
        "expiration": iso(survey.expiration),
        "size": survey.size,
    }


def agent_event(
    world: World, agent: Agent, kind: str, message: str, data: dict[str, Any] | None = None
) -> None:
    """Remember something that happened to the agent (GET /my/agent/events lists them)."""
    agent.events_made += 1
    agent.events.append(
        {
            "id": f"{agent.symbol}-{agent.events_made}",
            "type": kind,
            "message": message,
            "data": data or {},
            "createdAt": iso(world.now()),
        }
    )
    del agent.events[:-100]

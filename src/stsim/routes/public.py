"""Public data: status, error codes, systems, waypoints, markets, shipyards, gates, construction, etc."""

from __future__ import annotations

from datetime import UTC, datetime, time, timedelta
from typing import Any

from stsim import __version__
from stsim.clock import iso
from stsim.errors import ERROR_CODES, ApiError, game, not_found
from stsim.goods import SUPPLY_CHAIN
from stsim.render import faction_json, public_agent, system_json, waypoint_json
from stsim.routes.base import Call, Reply, data, op, paginate
from stsim.rules.exploration import construction_json, supply
from stsim.rules.market import market_json
from stsim.rules.shipyard import shipyard_json
from stsim.universe import FACTIONS

WAYPOINT_TYPES = (
    "PLANET",
    "GAS_GIANT",
    "MOON",
    "ORBITAL_STATION",
    "JUMP_GATE",
    "ASTEROID_FIELD",
    "ASTEROID",
    "ENGINEERED_ASTEROID",
    "ASTEROID_BASE",
    "NEBULA",
    "DEBRIS_FIELD",
    "GRAVITY_WELL",
    "ARTIFICIAL_GRAVITY_WELL",
    "FUEL_STATION",
)


@op("GET", "/", auth="optional")
def status(call: Call) -> dict[str, Any]:
    w = call.world
    agents = sorted(w.agents.values(), key=lambda a: -a.credits)
    charters = sorted((a for a in w.agents.values() if a.charts), key=lambda a: -a.charts)
    next_reset = datetime.combine(w.reset_date + timedelta(days=7), time(), tzinfo=UTC)
    return {
        "status": "SpaceTraders (stsim) is currently online and available to play",
        "version": "v2.3.0",
        "resetDate": w.reset_date.isoformat(),
        "description": f"stsim {__version__}: a local SpaceTraders simulator (seed {w.seed}, x{w.speed})",
        "stats": {
            "accounts": w.accounts,
            "agents": len(w.agents),
            "ships": len(w.ships),
            "systems": len(w.universe.systems),
            "waypoints": len(w.universe.waypoints),
        },
        "health": {"lastMarketUpdate": iso(w.now())},
        "leaderboards": {
            "mostCredits": [{"agentSymbol": a.symbol, "credits": a.credits} for a in agents[:10]],
            "mostSubmittedCharts": [{"agentSymbol": a.symbol, "chartCount": a.charts} for a in charters[:10]],
        },
        "serverResets": {"next": iso(next_reset), "frequency": "weekly"},
        "announcements": [
            {"title": "stsim", "body": "A local simulator; POST /v2/_admin/reset starts a new reset."}
        ],
        "links": [{"name": "Spec", "url": "https://spacetraders.io/openapi"}],
    }


@op("GET", "/error-codes", auth="none")
def error_codes(call: Call) -> dict[str, Any]:
    return {"errorCodes": [{"code": code, "name": name} for code, name in ERROR_CODES.items()]}


@op("GET", "/systems", auth="optional")
def systems(call: Call) -> dict[str, Any]:
    return paginate(call, list(call.world.universe.systems.values()), lambda s: system_json(call.world, s))


@op("GET", "/systems.json", auth="none")
def systems_dump(call: Call) -> Reply:
    """The bulk dump the live server publishes beside the spec: every system of the reset, as a bare array."""
    return Reply(200, [system_json(call.world, s) for s in call.world.universe.systems.values()])


@op("GET", "/systems/{systemSymbol}", auth="optional")
def system(call: Call) -> dict[str, Any]:
    return data(system_json(call.world, call.world.system(call.params["systemSymbol"])))


@op("GET", "/systems/{systemSymbol}/waypoints", auth="optional")
def waypoints(call: Call) -> dict[str, Any]:
    w = call.world
    found = [w.universe.waypoints[s] for s in w.system(call.params["systemSymbol"]).waypoints]
    kinds = call.query.get("type", [])
    if kinds:
        if kinds[-1] not in WAYPOINT_TYPES:
            raise ApiError(
                422, "Invalid query parameter: type.", status=422, data={"type": ["Unknown type."]}
            )
        found = [x for x in found if x.type == kinds[-1]]
    traits = [t for value in call.query.get("traits", []) for t in value.split(",") if t]
    if traits:
        found = [x for x in found if all(t in x.visible_traits() for t in traits)]
    return paginate(call, found, waypoint_json)


def _waypoint(call: Call) -> str:
    return call.world.waypoint(call.params["waypointSymbol"], call.params["systemSymbol"]).symbol


@op("GET", "/systems/{systemSymbol}/waypoints/{waypointSymbol}", auth="optional")
def waypoint(call: Call) -> dict[str, Any]:
    return data(waypoint_json(call.world.universe.waypoints[_waypoint(call)]))


@op("GET", "/systems/{systemSymbol}/waypoints/{waypointSymbol}/market", auth="optional")
def market(call: Call) -> dict[str, Any]:
    found = call.world.universe.markets.get(_waypoint(call))
    if found is None:
        raise game(4603, f"Market not found at waypoint {call.params['waypointSymbol']}.")
    return data(market_json(call.world, found, call.agent))


@op("GET", "/systems/{systemSymbol}/waypoints/{waypointSymbol}/shipyard", auth="optional")
def shipyard(call: Call) -> dict[str, Any]:
    found = call.world.universe.shipyards.get(_waypoint(call))
    if found is None:
        raise not_found("Shipyard", call.params["waypointSymbol"])
    return data(shipyard_json(call.world, found, call.agent))


@op("GET", "/systems/{systemSymbol}/waypoints/{waypointSymbol}/jump-gate", auth="optional")
def jump_gate(call: Call) -> dict[str, Any]:
    symbol = _waypoint(call)
    if symbol not in call.world.universe.gates:
        raise not_found("Jump gate", symbol)
    return data({"symbol": symbol, "connections": list(call.world.universe.gates[symbol])})


@op("GET", "/systems/{systemSymbol}/waypoints/{waypointSymbol}/construction", auth="optional")
def construction(call: Call) -> dict[str, Any]:
    return data(construction_json(call.world, _waypoint(call)))


@op(
    "POST",
    "/systems/{systemSymbol}/waypoints/{waypointSymbol}/construction/supply",
    status=201,
    body="required",
)
def supply_construction(call: Call) -> dict[str, Any]:
    symbol = _waypoint(call)
    ship = call.world.ship(call.me, call.text("shipSymbol"))
    return data(supply(call.world, ship, symbol, call.text("tradeSymbol"), call.integer("units")))


@op("GET", "/factions", auth="optional")
def factions(call: Call) -> dict[str, Any]:
    return paginate(call, list(call.world.universe.factions.values()), faction_json)


@op("GET", "/factions/{factionSymbol}", auth="optional")
def faction(call: Call) -> dict[str, Any]:
    symbol = call.params["factionSymbol"]
    if symbol not in FACTIONS:
        raise not_found("Faction", symbol)
    return data(faction_json(call.world.universe.factions[symbol]))


@op("GET", "/agents", auth="optional")
def agents(call: Call) -> dict[str, Any]:
    return paginate(call, list(call.world.agents.values()), lambda a: public_agent(call.world, a))


@op("GET", "/agents/{agentSymbol}", auth="optional")
def agent(call: Call) -> dict[str, Any]:
    return data(public_agent(call.world, call.world.agent(call.params["agentSymbol"].upper())))


@op("GET", "/market/supply-chain")
def supply_chain(call: Call) -> dict[str, Any]:
    return data({"exportToImportMap": {k: list(v) for k, v in SUPPLY_CHAIN.items()}})

"""Registration: a new agent with 175,000 credits, a command frigate, a probe and a contract."""

from __future__ import annotations

import re
from typing import Any

from stsim.errors import ApiError, invalid
from stsim.model import Agent
from stsim.render import agent_event, contract_json, faction_json, my_agent, ship_json
from stsim.rules.contracts import offer
from stsim.rules.shipyard import build_ship
from stsim.state import World
from stsim.universe import FACTIONS

STARTING_CREDITS = 175_000
SYMBOL = re.compile(r"^[a-zA-Z0-9_-]{3,14}$")


def register(world: World, symbol: Any, faction_symbol: Any) -> tuple[Agent, dict[str, Any]]:
    """Create the agent; the caller issues the token and adds it to the response."""
    if not isinstance(symbol, str) or not SYMBOL.match(symbol):
        raise invalid("symbol", "symbol must be 3–14 characters of letters, digits, '-' or '_'.")
    if faction_symbol not in FACTIONS:
        raise invalid("faction", f"faction must be one of {', '.join(FACTIONS)}.")
    faction = world.universe.factions[faction_symbol]
    if not faction.recruiting or faction.headquarters is None:
        raise invalid("faction", f"Faction {faction_symbol} is not recruiting new agents.")
    name = symbol.upper()
    if name in world.agents:
        raise ApiError(
            4111, f"Agent symbol {name} has already been claimed.", status=409, data={"agentSymbol": name}
        )
    world.accounts += 1
    agent = Agent(
        account_id=f"acct{world.accounts:06d}",
        symbol=name,
        faction=faction_symbol,
        headquarters=faction.headquarters,
        credits=STARTING_CREDITS,
        created=world.now(),
        reputation={faction_symbol: 100},
    )
    world.agents[name] = agent
    frigate = build_ship(world, agent, "SHIP_COMMAND_FRIGATE", faction.headquarters)
    hq_system = world.universe.waypoints[faction.headquarters].system
    yards = [w for w in world.universe.systems[hq_system].waypoints if w in world.universe.shipyards]
    probe = build_ship(world, agent, "SHIP_PROBE", yards[0] if yards else faction.headquarters)
    contract = offer(world, agent, hq_system, faction_symbol)
    agent_event(world, agent, "AGENT_REGISTERED", f"Agent {name} registered with {faction_symbol}.")
    return agent, {
        "agent": my_agent(world, agent),
        "faction": faction_json(faction),
        "contract": contract_json(contract),
        "ships": [ship_json(world, frigate), ship_json(world, probe)],
    }

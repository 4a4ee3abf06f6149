"""Contracts: offered on registration or negotiated, accepted, delivered in parts, fulfilled."""

from __future__ import annotations

from typing import Any

from stsim.errors import game
from stsim.goods import BASE_PRICE
from stsim.model import Agent, Contract, Deliver, Ship
from stsim.render import agent_event, cargo_json, contract_json, my_agent
from stsim.rules.market import remove_cargo
from stsim.state import World

ACCEPT_WINDOW = 7 * 86400  # game seconds
DEADLINE = 14 * 86400


def offer(world: World, agent: Agent, system_symbol: str, faction: str) -> Contract:
    """A PROCUREMENT contract for a good exported in the system, to be delivered to another market there."""
    u = world.universe
    system = u.systems[system_symbol]
    markets = [u.markets[w] for w in system.waypoints if w in u.markets]
    exported = sorted(
        {
            (g.symbol, m.symbol)
            for m in markets
            for g in m.goods.values()
            if g.type in ("EXPORT", "EXCHANGE") and g.symbol not in ("FUEL", "ANTIMATTER")
        }
    )
    if exported:
        good, source = world.rng.choice(exported)
        importers = [m.symbol for m in markets if good in m.goods and m.goods[good].type == "IMPORT"]
        others = [m.symbol for m in markets if m.symbol != source]
        destination = world.rng.choice(importers or others or [source])
    else:
        good, destination = "IRON_ORE", agent.headquarters
    units = world.rng.randint(10, 30)
    value = BASE_PRICE[good] * units
    contract = Contract(
        id=f"c{world.rng.getrandbits(64):016x}",
        agent=agent.symbol,
        faction=faction,
        type="PROCUREMENT",
        deliver=[Deliver(good, destination, units)],
        on_accepted=max(1000, round(value * 0.25)),
        on_fulfilled=max(5000, round(value * 1.2)),
        deadline_to_accept=world.later(ACCEPT_WINDOW),
        deadline=world.later(DEADLINE),
    )
    world.contracts[contract.id] = contract
    return contract


def _open(world: World, contract: Contract) -> bool:
    if contract.fulfilled:
        return False
    if contract.accepted:
        return contract.deadline > world.now()
    return contract.deadline_to_accept > world.now()


def negotiate(world: World, agent: Agent, ship: Ship) -> dict[str, Any]:
    world.require_docked(ship)
    wp = world.universe.waypoints[ship.waypoint]
    if not wp.faction:
        raise game(
            4700,
            f"Waypoint {wp.symbol} has no faction to negotiate a contract with.",
            waypointSymbol=wp.symbol,
        )
    if any(_open(world, c) for c in world.contracts.values() if c.agent == agent.symbol):
        raise game(4511, "Agent already has an active contract; the maximum is 1.", agentSymbol=agent.symbol)
    contract = offer(world, agent, wp.system, wp.faction)
    return {"contract": contract_json(contract)}


def accept(world: World, agent: Agent, contract: Contract) -> dict[str, Any]:
    if contract.accepted:
        raise game(4501, f"Contract {contract.id} has already been accepted.", contractId=contract.id)
    if contract.deadline_to_accept <= world.now():
        raise game(
            4503,
            f"Contract {contract.id} can no longer be accepted; its deadline has passed.",
            contractId=contract.id,
        )
    contract.accepted = True
    agent.credits += contract.on_accepted
    agent_event(world, agent, "CONTRACT_ACCEPTED", f"Accepted contract {contract.id}.")
    return {"contract": contract_json(contract), "agent": my_agent(world, agent)}


def deliver(world: World, contract: Contract, ship: Ship, good: str, units: int) -> dict[str, Any]:
    if not contract.accepted:
        raise game(4505, f"Contract {contract.id} has not been accepted.", contractId=contract.id)
    if contract.fulfilled:
        raise game(4504, f"Contract {contract.id} has already been fulfilled.", contractId=contract.id)
    if contract.deadline <= world.now():
        raise game(4503, f"Contract {contract.id} has expired.", contractId=contract.id)
    term = next((d for d in contract.deliver if d.trade_symbol == good), None)
    if term is None:
        raise game(
            4508, f"Contract {contract.id} does not require {good}.", contractId=contract.id, tradeSymbol=good
        )
    world.require_docked(ship)
    if ship.waypoint != term.destination:
        raise game(
            4510,
            f"Contract {contract.id} deliveries of {good} go to {term.destination}.",
            contractId=contract.id,
            destinationSymbol=term.destination,
            waypointSymbol=ship.waypoint,
        )
    if term.fulfilled + units > term.required:
        raise game(
            4509,
            f"Contract {contract.id} needs only {term.required - term.fulfilled} more {good}.",
            contractId=contract.id,
            tradeSymbol=good,
        )
    remove_cargo(ship, good, units)
    term.fulfilled += units
    return {"contract": contract_json(contract), "cargo": cargo_json(ship)}


def fulfill(world: World, agent: Agent, contract: Contract) -> dict[str, Any]:
    if not contract.accepted:
        raise game(4505, f"Contract {contract.id} has not been accepted.", contractId=contract.id)
    if contract.fulfilled:
        raise game(4504, f"Contract {contract.id} has already been fulfilled.", contractId=contract.id)
    if contract.deadline <= world.now():
        raise game(4503, f"Contract {contract.id} has expired.", contractId=contract.id)
    if any(d.fulfilled < d.required for d in contract.deliver):
        raise game(4502, f"Contract {contract.id} deliveries are not complete.", contractId=contract.id)
    contract.fulfilled = True
    agent.credits += contract.on_fulfilled
    agent.reputation[contract.faction] = agent.reputation.get(contract.faction, 0) + 5
    agent_event(world, agent, "CONTRACT_FULFILLED", f"Fulfilled contract {contract.id}.")
    return {"contract": contract_json(contract), "agent": my_agent(world, agent)}

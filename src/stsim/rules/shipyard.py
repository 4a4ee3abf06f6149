"""Shipyards: listings, ship purchase at rising prices, mounts and modules, repair and scrap."""

from __future__ import annotations

import math
from typing import Any

from stsim.clock import iso
from stsim.errors import game, invalid
from stsim.model import Agent, Ship, Shipyard, ShipyardTx
from stsim.render import agent_event, cargo_json, my_agent, ship_json
from stsim.rules.market import RELAX_SECONDS, supply_level
from stsim.ships import (
    FRAMES,
    MODULES,
    MOUNTS,
    SHIP_TYPES,
    cargo_capacity,
    crew_capacity,
    crew_required,
    engine_json,
    frame_json,
    module_json,
    mount_json,
    reactor_json,
)
from stsim.state import World

PRICE_STEP = 0.1  # stock change per ship sold: about +3.5 % on the price


def ship_price(world: World, yard: Shipyard, ship_type: str) -> int:
    listing = yard.ships[ship_type]
    now = world.now()
    if listing.updated is not None:
        elapsed = (now - listing.updated).total_seconds() * world.speed
        listing.stock *= math.exp(-max(0.0, elapsed) / (RELAX_SECONDS * 4))
    listing.updated = now
    return round(listing.mid * math.exp(-0.35 * listing.stock))


def shipyard_json(world: World, yard: Shipyard, agent: Agent | None) -> dict[str, Any]:
    out: dict[str, Any] = {
        "symbol": yard.symbol,
        "shipTypes": [{"type": t} for t in yard.ships],
        "modificationsFee": yard.fee,
    }
    if world.present(agent, yard.symbol):
        ships = []
        for t, listing in yard.ships.items():
            st = SHIP_TYPES[t]
            ships.append(
                {
                    "type": t,
                    "name": t.removeprefix("SHIP_").replace("_", " ").title(),
                    "description": f"A {t.removeprefix('SHIP_').replace('_', ' ').lower()}.",
                    "activity": listing.activity,
                    "supply": supply_level(listing.stock),
                    "purchasePrice": ship_price(world, yard, t),
                    "frame": frame_json(st.frame, 1.0, 1.0),
                    "reactor": reactor_json(st.reactor, 1.0, 1.0),
                    "engine": engine_json(st.engine, 1.0, 1.0),
                    "modules": [module_json(m) for m in st.modules],
                    "mounts": [mount_json(m) for m in st.mounts],
                    "crew": {
                        "required": crew_required(st.frame, st.reactor, st.engine, st.modules, st.mounts),
                        "capacity": crew_capacity(st.modules),
                    },
                }
            )
        out["ships"] = ships
        out["transactions"] = [
            {
                "waypointSymbol": t.waypoint,
                "shipSymbol": t.ship,
                "shipType": t.type,
                "price": t.price,
                "agentSymbol": t.agent,
                "timestamp": iso(t.at),
            }
            for t in yard.transactions[-50:]
        ]
    return out


def build_ship(world: World, agent: Agent, ship_type: str, waypoint: str) -> Ship:
    """A new ship, docked at `waypoint`, named AGENT-<hex counter>."""
    st = SHIP_TYPES[ship_type]
    agent.ship_counter += 1
    symbol = f"{agent.symbol}-{agent.ship_counter:X}"
    wp = world.universe.waypoints[waypoint]
    now = world.now()
    ship = Ship(
        symbol=symbol,
        owner=agent.symbol,
        faction=agent.faction,
        role=st.role,
        type=ship_type,
        frame=st.frame,
        reactor=st.reactor,
        engine=st.engine,
        modules=list(st.modules),
        mounts=list(st.mounts),
        fuel=FRAMES[st.frame][2],
        system=wp.system,
        waypoint=waypoint,
        departed=now,
        arrival=now,
        origin=waypoint,
    )
    world.ships[symbol] = ship
    return ship


def purchase_ship(world: World, agent: Agent, ship_type: str, waypoint: str) -> dict[str, Any]:
    if ship_type not in SHIP_TYPES:
        raise invalid("shipType", f"shipType must be one of {', '.join(SHIP_TYPES)}.")
    yard = world.universe.shipyards.get(waypoint)
    if yard is None:
        raise game(4246, f"Waypoint {waypoint} has no shipyard.", waypointSymbol=waypoint)
    if not world.present(agent, waypoint):
        raise game(
            4245,
            f"Ship purchase failed. Agent {agent.symbol} has no ship at {waypoint}.",
            waypointSymbol=waypoint,
        )
    if ship_type not in yard.ships:
        raise game(4601, f"Ship purchase failed. {ship_type} is not sold at {waypoint}.", shipType=ship_type)
    price = ship_price(world, yard, ship_type)
    if agent.credits < price:
        raise game(
            4216,
            f"Ship purchase failed. Agent has {agent.credits} credits; {price} needed.",
            creditsAvailable=agent.credits,
            creditsNeeded=price,
        )
    agent.credits -= price
    ship = build_ship(world, agent, ship_type, waypoint)
    yard.ships[ship_type].stock -= PRICE_STEP
    tx = ShipyardTx(waypoint, ship.symbol, ship_type, price, agent.symbol, world.now())
    yard.transactions.append(tx)
    del yard.transactions[:-200]
    agent_event(world, agent, "SHIP_PURCHASED", f"Purchased {ship_type} {ship.symbol}.", {"price": price})
    return {
        "ship": ship_json(world, ship),
        "agent": my_agent(world, agent),
        "transaction": {
            "waypointSymbol": waypoint,
            "shipSymbol": ship.symbol,
            "shipType": ship_type,
            "price": price,
            "agentSymbol": agent.symbol,
            "timestamp": iso(tx.at),
        },
    }


def yard_here(world: World, ship: Ship) -> Shipyard:
    world.require_docked(ship)
    yard = world.universe.shipyards.get(ship.waypoint)
    if yard is None:
        raise game(4246, f"Ship {ship.symbol} must be docked at a shipyard.", waypointSymbol=ship.waypoint)
    return yard


def _charge(world: World, agent: Agent, ship: Ship, amount: int, symbol: str) -> dict[str, Any]:
    if agent.credits < amount:
        raise game(
            4248,
            f"Agent has {agent.credits} credits; the modification costs {amount}.",
            creditsAvailable=agent.credits,
            creditsNeeded=amount,
        )
    agent.credits -= amount
    return {
        "waypointSymbol": ship.waypoint,
        "shipSymbol": ship.symbol,
        "tradeSymbol": symbol,
        "totalPrice": amount,
        "timestamp": iso(world.now()),
    }


def change_part(
    world: World, agent: Agent, ship: Ship, symbol: str, *, kind: str, install: bool
) -> dict[str, Any]:
    """Install or remove a mount or module, docked at a shipyard; parts come from cargo and go back."""
    yard = yard_here(world, ship)
    catalogue: dict[str, Any] = MOUNTS if kind == "mounts" else MODULES
    if symbol not in catalogue:
        raise invalid("symbol", f"{symbol} is not a known {kind[:-1]}.")
    fitted: list[str] = ship.mounts if kind == "mounts" else ship.modules
    if install:
        if ship.cargo.get(symbol, 0) < 1:
            raise game(
                4218, f"Ship {ship.symbol} has no {symbol} in its cargo to install.", tradeSymbol=symbol
            )
        if kind == "mounts" and len(fitted) >= FRAMES[ship.frame][1]:
            raise game(4251, f"Ship {ship.symbol} has no free mounting point.", shipSymbol=ship.symbol)
        slots = sum(MODULES[m][4] for m in ship.modules)
        if kind == "modules" and slots + MODULES[symbol][4] > FRAMES[ship.frame][0]:
            raise game(
                4250, f"Ship {ship.symbol} has no free module slot for {symbol}.", shipSymbol=ship.symbol
            )
        tx = _charge(world, agent, ship, yard.fee, symbol)
        ship.cargo[symbol] -= 1
        if not ship.cargo[symbol]:
            del ship.cargo[symbol]
        fitted.append(symbol)
    else:
        if symbol not in fitted:
            raise game(4247, f"Ship {ship.symbol} does not have {symbol} installed.", shipSymbol=ship.symbol)
        fitted.remove(symbol)
        if ship.cargo_units + 1 > cargo_capacity(ship.modules):
            fitted.append(symbol)
            raise game(4217, f"Ship {ship.symbol} has no cargo room for the removed {symbol}.")
        tx = _charge(world, agent, ship, yard.fee, symbol)
        ship.cargo[symbol] = ship.cargo.get(symbol, 0) + 1
    parts = (
        [mount_json(m) for m in ship.mounts] if kind == "mounts" else [module_json(m) for m in ship.modules]
    )
    return {"agent": my_agent(world, agent), kind: parts, "cargo": cargo_json(ship), "transaction": tx}


def repair_cost(world: World, ship: Ship) -> int:
    from stsim.goods import BASE_PRICE

    wear = sum(1.0 - c for c in ship.condition.values())
    return round(BASE_PRICE[ship.type] * 0.1 * wear)


def scrap_value(ship: Ship) -> int:
    from stsim.goods import BASE_PRICE

    return round(BASE_PRICE[ship.type] * 0.1)


def quote(world: World, ship: Ship, amount: int) -> dict[str, Any]:
    return {
        "waypointSymbol": ship.waypoint,
        "shipSymbol": ship.symbol,
        "totalPrice": amount,
        "timestamp": iso(world.now()),
    }


def repair(world: World, agent: Agent, ship: Ship) -> dict[str, Any]:
    yard_here(world, ship)
    cost = repair_cost(world, ship)
    if agent.credits < cost:
        raise game(
            4600, f"Repair costs {cost} credits; agent has {agent.credits}.", creditsAvailable=agent.credits
        )
    agent.credits -= cost
    for part in ship.condition:
        ship.condition[part] = 1.0
    return {
        "agent": my_agent(world, agent),
        "ship": ship_json(world, ship),
        "transaction": quote(world, ship, cost),
    }


def scrap(world: World, agent: Agent, ship: Ship) -> dict[str, Any]:
    yard_here(world, ship)
    value = scrap_value(ship)
    agent.credits += value
    del world.ships[ship.symbol]
    agent_event(world, agent, "SHIP_SCRAPPED", f"Scrapped {ship.symbol}.", {"value": value})
    return {"agent": my_agent(world, agent), "transaction": quote(world, ship, value)}

"""Market prices that move with trades and relax back over time; buy, sell and refuel."""

from __future__ import annotations

import math
from typing import Any

from stsim.clock import iso
from stsim.errors import game
from stsim.goods import SUPPLY_CHAIN, trade_good
from stsim.model import Agent, Market, MarketTx, Ship, TradeListing
from stsim.render import cargo_json, my_agent, ship_fuel
from stsim.ships import FRAMES, cargo_capacity
from stsim.state import World

RELAX_SECONDS = 1800.0  # game seconds for a price disturbance to decay by 1/e
STEP = 0.12  # stock change per tradeVolume batch
SPREAD = 0.04
MAX_STOCK = 3.0  # prices stay within e^(±0.35·3), about ×0.35 … ×2.9 of the equilibrium


def relax(world: World, listing: TradeListing) -> None:
    now = world.now()
    if listing.updated is not None:
        elapsed = (now - listing.updated).total_seconds() * world.speed
        listing.stock *= math.exp(-max(0.0, elapsed) / RELAX_SECONDS)
    listing.updated = now


def _mid(world: World, listing: TradeListing) -> float:
    relax(world, listing)
    return listing.mid * math.exp(-0.35 * listing.stock)


def buy_price(world: World, listing: TradeListing) -> int:
    # at least one credit above the sell price: rounding a cheap good must not close the spread
    return max(sell_price(world, listing) + 1, round(_mid(world, listing) * (1 + SPREAD)))


def sell_price(world: World, listing: TradeListing) -> int:
    return max(1, round(_mid(world, listing) * (1 - SPREAD)))


def supply_level(stock: float) -> str:
    for bound, level in ((-0.6, "SCARCE"), (-0.2, "LIMITED"), (0.2, "MODERATE"), (0.6, "HIGH")):
        if stock < bound:
            return level
    return "ABUNDANT"


def activity(world: World, market: Market, listing: TradeListing) -> str | None:
    """An export whose inputs are bought out at this market is RESTRICTED (the supply chain is starved)."""
    if listing.type == "EXPORT":
        for need in SUPPLY_CHAIN.get(listing.symbol, ()):
            supplied = market.goods.get(need)
            if supplied is not None:
                relax(world, supplied)
                if supplied.stock < -0.6:
                    return "RESTRICTED"
    return listing.activity


def listing_json(world: World, market: Market, listing: TradeListing) -> dict[str, Any]:
    out: dict[str, Any] = {
        "symbol": listing.symbol,
        "type": listing.type,
        "tradeVolume": listing.trade_volume,
        "supply": supply_level(listing.stock),
        "purchasePrice": buy_price(world, listing),
        "sellPrice": sell_price(world, listing),
    }
    level = activity(world, market, listing)
    if level is not None:
        out["activity"] = level
    return out


def tx_json(tx: MarketTx) -> dict[str, Any]:
    return {
        "waypointSymbol": tx.waypoint,
        "shipSymbol": tx.ship,
        "tradeSymbol": tx.good,
        "type": tx.type,
        "units": tx.units,
        "pricePerUnit": tx.price,
        "totalPrice": tx.price * tx.units,
        "timestamp": iso(tx.at),
    }


def market_json(world: World, market: Market, agent: Agent | None) -> dict[str, Any]:
    """tradeGoods and transactions only while one of the agent's ships is at the market."""
    goods = market.goods.values()
    out: dict[str, Any] = {"symbol": market.symbol}
    for key, kind in (("exports", "EXPORT"), ("imports", "IMPORT"), ("exchange", "EXCHANGE")):
        out[key] = [trade_good(g.symbol) for g in goods if g.type == kind]
    if world.present(agent, market.symbol):
        out["tradeGoods"] = [listing_json(world, market, g) for g in goods]
        out["transactions"] = [tx_json(t) for t in market.transactions[-50:]]
    return out


def record_trade(
    world: World, market: Market, ship: Ship, good: str, *, kind: str, units: int, price: int
) -> dict[str, Any]:
    listing = market.goods[good]
    relax(world, listing)
    delta = (-STEP if kind == "PURCHASE" else STEP) * units / listing.trade_volume
    listing.stock = max(-MAX_STOCK, min(MAX_STOCK, listing.stock + delta))
    if kind == "SELL" and listing.type == "IMPORT":
        # supplying an import feeds the exports made from it: they become more plentiful (cheaper)
        for export in market.goods.values():
            if export.type == "EXPORT" and good in SUPPLY_CHAIN.get(export.symbol, ()):
                relax(world, export)
                export.stock = min(MAX_STOCK, export.stock + delta / 2)
    tx = MarketTx(market.symbol, ship.symbol, good, kind, units, price, world.now())
    market.transactions.append(tx)
    del market.transactions[:-200]
    return tx_json(tx)


def _market_here(world: World, ship: Ship) -> Market:
    market = world.universe.markets.get(ship.waypoint)
    if market is None:
        raise game(4603, f"Market not found at waypoint {ship.waypoint}.", waypointSymbol=ship.waypoint)
    return market


def _check_units(units: int, listing: TradeListing) -> None:
    if units > listing.trade_volume:
        raise game(
            4604,
            f"Market transaction failed. Trade volume is limited to {listing.trade_volume} units "
            "per transaction.",
            tradeVolume=listing.trade_volume,
            units=units,
        )


def purchase(world: World, agent: Agent, ship: Ship, good: str, units: int) -> dict[str, Any]:
    world.require_docked(ship)
    market = _market_here(world, ship)
    listing = market.goods.get(good)
    if listing is None:
        raise game(
            4601, f"Market purchase failed. {good} is not available at {market.symbol}.", tradeSymbol=good
        )
    _check_units(units, listing)
    free = cargo_capacity(ship.modules) - ship.cargo_units
    if units > free:
        raise game(
            4217,
            f"Ship {ship.symbol} cargo has room for {free} more units, not {units}.",
            shipSymbol=ship.symbol,
            cargoCapacity=cargo_capacity(ship.modules),
            cargoUnits=ship.cargo_units,
            unitsToAdd=units,
        )
    price = buy_price(world, listing)
    if agent.credits < price * units:
        raise game(
            4600,
            f"Market purchase failed. Agent has {agent.credits} credits; {price * units} needed.",
            creditsAvailable=agent.credits,
            totalPrice=price * units,
        )
    agent.credits -= price * units
    ship.cargo[good] = ship.cargo.get(good, 0) + units
    tx = record_trade(world, market, ship, good, kind="PURCHASE", units=units, price=price)
    return {"cargo": cargo_json(ship), "transaction": tx, "agent": my_agent(world, agent)}


def remove_cargo(ship: Ship, good: str, units: int) -> None:
    held = ship.cargo.get(good, 0)
    if held == 0:
        raise game(
            4218, f"Ship {ship.symbol} has no {good} in its cargo.", shipSymbol=ship.symbol, tradeSymbol=good
        )
    if held < units:
        raise game(
            4219,
            f"Ship {ship.symbol} holds {held} units of {good}, not {units}.",
            shipSymbol=ship.symbol,
            tradeSymbol=good,
            cargoUnits=held,
            unitsToRemove=units,
        )
    ship.cargo[good] = held - units
    if ship.cargo[good] == 0:
        del ship.cargo[good]


def sell(world: World, agent: Agent, ship: Ship, good: str, units: int) -> dict[str, Any]:
    world.require_docked(ship)
    market = _market_here(world, ship)
    listing = market.goods.get(good)
    if listing is None:
        raise game(4602, f"Market sell failed. {good} is not traded at {market.symbol}.", tradeSymbol=good)
    _check_units(units, listing)
    remove_cargo(ship, good, units)
    price = sell_price(world, listing)
    agent.credits += price * units
    tx = record_trade(world, market, ship, good, kind="SELL", units=units, price=price)
    return {"cargo": cargo_json(ship), "transaction": tx, "agent": my_agent(world, agent)}


def refuel(world: World, agent: Agent, ship: Ship, units: int | None, from_cargo: bool) -> dict[str, Any]:
    """1 market unit of FUEL = 100 ship fuel units; `units` are ship fuel units (default: fill up)."""
    world.require_not_transit(ship)
    if ship.status != "DOCKED":
        raise game(4225, f"Ship {ship.symbol} must be docked to refuel.", shipSymbol=ship.symbol)
    capacity = FRAMES[ship.frame][2]
    # spec: more than the tank takes only fills it to capacity
    wanted = capacity - ship.fuel if units is None else min(units, capacity - ship.fuel)
    market_units = math.ceil(wanted / 100)
    if from_cargo:
        remove_cargo(ship, "FUEL", market_units)
        tx: dict[str, Any] = {
            "waypointSymbol": ship.waypoint,
            "shipSymbol": ship.symbol,
            "tradeSymbol": "FUEL",
            "type": "PURCHASE",
            "units": market_units,
            "pricePerUnit": 0,
            "totalPrice": 0,
            "timestamp": iso(world.now()),
        }
    else:
        market = world.universe.markets.get(ship.waypoint)
        if market is None or "FUEL" not in market.goods:
            raise game(4226, f"Waypoint {ship.waypoint} does not sell fuel.", waypointSymbol=ship.waypoint)
        price = buy_price(world, market.goods["FUEL"])
        if agent.credits < price * market_units:
            raise game(
                4600,
                f"Refuel failed. Agent has {agent.credits} credits; {price * market_units} needed.",
                creditsAvailable=agent.credits,
                totalPrice=price * market_units,
            )
        agent.credits -= price * market_units
        tx = (
            record_trade(world, market, ship, "FUEL", kind="PURCHASE", units=market_units, price=price)
            if market_units
            else {**tx_json(MarketTx(ship.waypoint, ship.symbol, "FUEL", "PURCHASE", 0, price, world.now()))}
        )
    ship.fuel = min(capacity, ship.fuel + market_units * 100)
    out: dict[str, Any] = {"agent": my_agent(world, agent), "fuel": ship_fuel(ship), "transaction": tx}
    if from_cargo:
        out["cargo"] = cargo_json(ship)
    return out

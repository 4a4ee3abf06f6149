"""Fleet: ships, navigation, trade, cargo."""

from __future__ import annotations

from typing import Any

from stsim.errors import invalid
from stsim.goods import TRADE_SYMBOLS
from stsim.render import cargo_json, nav_json, ship_json
from stsim.routes.base import Call, data, op, paginate
from stsim.rules import exploration, market, navigation, shipyard


@op("GET", "/my/ships")
def list_ships(call: Call) -> dict[str, Any]:
    return paginate(call, call.world.fleet(call.me), lambda s: ship_json(call.world, s))


@op("POST", "/my/ships", status=201, body="required")
def purchase_ship(call: Call) -> dict[str, Any]:
    ship_type, waypoint = call.text("shipType"), call.text("waypointSymbol")
    return data(shipyard.purchase_ship(call.world, call.me, ship_type, waypoint))


@op("GET", "/my/ships/{shipSymbol}")
def get_ship(call: Call) -> dict[str, Any]:
    return data(ship_json(call.world, call.ship()))


@op("GET", "/my/ships/{shipSymbol}/cargo")
def get_cargo(call: Call) -> dict[str, Any]:
    return data(cargo_json(call.ship()))


@op("GET", "/my/ships/{shipSymbol}/nav")
def get_nav(call: Call) -> dict[str, Any]:
    return data(nav_json(call.world, call.ship()))


@op("PATCH", "/my/ships/{shipSymbol}/nav", body="optional")
def patch_nav(call: Call) -> dict[str, Any]:
    ship = call.ship()
    return data(navigation.set_flight_mode(call.world, ship, call.text("flightMode")))


@op("POST", "/my/ships/{shipSymbol}/orbit")
def orbit(call: Call) -> dict[str, Any]:
    return data(navigation.orbit(call.world, call.ship()))


@op("POST", "/my/ships/{shipSymbol}/dock")
def dock(call: Call) -> dict[str, Any]:
    return data(navigation.dock(call.world, call.ship()))


@op("POST", "/my/ships/{shipSymbol}/navigate", body="required")
def navigate(call: Call) -> dict[str, Any]:
    ship = call.ship()
    return data(navigation.navigate(call.world, ship, call.text("waypointSymbol")))


@op("POST", "/my/ships/{shipSymbol}/warp", body="required")
def warp(call: Call) -> dict[str, Any]:
    ship = call.ship()
    return data(navigation.warp(call.world, ship, call.text("waypointSymbol")))


@op("POST", "/my/ships/{shipSymbol}/jump", body="required")
def jump(call: Call) -> dict[str, Any]:
    ship = call.ship()
    return data(navigation.jump(call.world, call.me, ship, call.text("waypointSymbol")))


@op("POST", "/my/ships/{shipSymbol}/refuel", body="optional")
def refuel(call: Call) -> dict[str, Any]:
    ship = call.ship()
    body = call.body if isinstance(call.body, dict) else {}
    if call.body is not None and not isinstance(call.body, dict):
        raise invalid("body", "The request body must be a JSON object.")
    units = call.integer("units") if "units" in body else None
    return data(market.refuel(call.world, call.me, ship, units, bool(call.flag("fromCargo"))))


def _goods(call: Call, field: str = "symbol") -> tuple[str, int]:
    return call.text(field, TRADE_SYMBOLS), call.integer("units")


@op("POST", "/my/ships/{shipSymbol}/purchase", status=201, body="required")
def purchase(call: Call) -> dict[str, Any]:
    ship = call.ship()
    return data(market.purchase(call.world, call.me, ship, *_goods(call)))


@op("POST", "/my/ships/{shipSymbol}/sell", status=201, body="required")
def sell(call: Call) -> dict[str, Any]:
    ship = call.ship()
    return data(market.sell(call.world, call.me, ship, *_goods(call)))


@op("POST", "/my/ships/{shipSymbol}/jettison", body="required")
def jettison(call: Call) -> dict[str, Any]:
    ship = call.ship()
    return data(exploration.jettison(call.world, ship, *_goods(call)))


@op("POST", "/my/ships/{shipSymbol}/transfer", body="required")
def transfer(call: Call) -> dict[str, Any]:
    ship = call.ship()
    good, units = _goods(call, "tradeSymbol")
    return data(
        exploration.transfer(call.world, call.me, ship, good, units, target_symbol=call.text("shipSymbol"))
    )

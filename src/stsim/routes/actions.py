"""Ship actions: chart, negotiate, cooldown, extraction, surveys, scans, refining, parts, repair, scrap."""

from __future__ import annotations

from typing import Any

from stsim.render import cooldown_json
from stsim.routes.base import Call, Reply, data, op
from stsim.rules import contracts, exploration, extraction, shipyard
from stsim.ships import module_json, mount_json


@op("POST", "/my/ships/{shipSymbol}/chart", status=201)
def chart(call: Call) -> dict[str, Any]:
    return data(exploration.chart(call.world, call.me, call.ship()))


@op("POST", "/my/ships/{shipSymbol}/negotiate/contract", status=201)
def negotiate(call: Call) -> dict[str, Any]:
    return data(contracts.negotiate(call.world, call.me, call.ship()))


@op("GET", "/my/ships/{shipSymbol}/cooldown")
def cooldown(call: Call) -> dict[str, Any] | Reply:
    ship = call.ship()
    if ship.cooldown_until is None or ship.cooldown_until <= call.world.now():
        return Reply(204)
    return data(cooldown_json(call.world, ship))


@op("POST", "/my/ships/{shipSymbol}/extract", status=201)
def extract(call: Call) -> dict[str, Any]:
    return data(extraction.extract(call.world, call.ship()))


@op("POST", "/my/ships/{shipSymbol}/extract/survey", status=201, body="required", form=False)
def extract_survey(call: Call) -> dict[str, Any]:
    ship = call.ship()
    return data(extraction.extract_with_survey(call.world, ship, call.body))


@op("POST", "/my/ships/{shipSymbol}/siphon", status=201)
def siphon(call: Call) -> dict[str, Any]:
    return data(extraction.siphon(call.world, call.ship()))


@op("POST", "/my/ships/{shipSymbol}/survey", status=201)
def survey(call: Call) -> dict[str, Any]:
    return data(extraction.survey(call.world, call.ship()))


@op("POST", "/my/ships/{shipSymbol}/refine", status=201, body="required")
def refine(call: Call) -> dict[str, Any]:
    ship = call.ship()
    return data(extraction.refine(call.world, ship, call.field("produce")))


@op("POST", "/my/ships/{shipSymbol}/scan/systems", status=201)
def scan_systems(call: Call) -> dict[str, Any]:
    return data(exploration.scan_systems(call.world, call.ship()))


@op("POST", "/my/ships/{shipSymbol}/scan/waypoints", status=201)
def scan_waypoints(call: Call) -> dict[str, Any]:
    return data(exploration.scan_waypoints(call.world, call.ship()))


@op("POST", "/my/ships/{shipSymbol}/scan/ships", status=201)
def scan_ships(call: Call) -> dict[str, Any]:
    return data(exploration.scan_ships(call.world, call.ship()))


@op("GET", "/my/ships/{shipSymbol}/mounts")
def mounts(call: Call) -> dict[str, Any]:
    return data([mount_json(m) for m in call.ship().mounts])


@op("GET", "/my/ships/{shipSymbol}/modules")
def modules(call: Call) -> dict[str, Any]:
    return data([module_json(m) for m in call.ship().modules])


def _part(call: Call, kind: str, install: bool) -> dict[str, Any]:
    ship = call.ship()
    return data(
        shipyard.change_part(call.world, call.me, ship, call.text("symbol"), kind=kind, install=install)
    )


@op("POST", "/my/ships/{shipSymbol}/mounts/install", status=201, body="required")
def install_mount(call: Call) -> dict[str, Any]:
    return _part(call, "mounts", True)


@op("POST", "/my/ships/{shipSymbol}/mounts/remove", status=201, body="required")
def remove_mount(call: Call) -> dict[str, Any]:
    return _part(call, "mounts", False)


@op("POST", "/my/ships/{shipSymbol}/modules/install", status=201, body="required")
def install_module(call: Call) -> dict[str, Any]:
    return _part(call, "modules", True)


@op("POST", "/my/ships/{shipSymbol}/modules/remove", status=201, body="required")
def remove_module(call: Call) -> dict[str, Any]:
    return _part(call, "modules", False)


@op("GET", "/my/ships/{shipSymbol}/repair")
def repair_quote(call: Call) -> dict[str, Any]:
    ship = call.ship()
    shipyard.yard_here(call.world, ship)
    return data({"transaction": shipyard.quote(call.world, ship, shipyard.repair_cost(call.world, ship))})


@op("POST", "/my/ships/{shipSymbol}/repair")
def repair(call: Call) -> dict[str, Any]:
    return data(shipyard.repair(call.world, call.me, call.ship()))


@op("GET", "/my/ships/{shipSymbol}/scrap")
def scrap_quote(call: Call) -> dict[str, Any]:
    ship = call.ship()
    shipyard.yard_here(call.world, ship)
    return data({"transaction": shipyard.quote(call.world, ship, shipyard.scrap_value(ship))})


@op("POST", "/my/ships/{shipSymbol}/scrap")
def scrap(call: Call) -> dict[str, Any]:
    return data(shipyard.scrap(call.world, call.me, call.ship()))

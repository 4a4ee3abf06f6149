"""The payload fixtures are valid responses of the operations they stand for, per the bundled spec.

This keeps them faithful: the drift tests start from a spec-valid payload and change exactly one thing.
Skipped when ../shared (beside the repository) is absent.
"""

from __future__ import annotations

import json
from typing import Any

import pytest

from tests.adapters.payloads import FIXTURES, body
from tests.support.spec import require_spec

# fixture → (method, path, status) of the operation whose response it is
OPERATIONS: dict[str, tuple[str, str, str]] = {
    "agent": ("get", "/my/agent", "200"),
    "ship": ("get", "/my/ships/{shipSymbol}", "200"),
    "ships": ("get", "/my/ships", "200"),
    "system": ("get", "/systems/{systemSymbol}", "200"),
    "systems": ("get", "/systems", "200"),
    "waypoint": ("get", "/systems/{systemSymbol}/waypoints/{waypointSymbol}", "200"),
    "waypoints": ("get", "/systems/{systemSymbol}/waypoints", "200"),
    "market": ("get", "/systems/{systemSymbol}/waypoints/{waypointSymbol}/market", "200"),
    "shipyard": ("get", "/systems/{systemSymbol}/waypoints/{waypointSymbol}/shipyard", "200"),
    "jump-gate": ("get", "/systems/{systemSymbol}/waypoints/{waypointSymbol}/jump-gate", "200"),
    "construction": ("get", "/systems/{systemSymbol}/waypoints/{waypointSymbol}/construction", "200"),
    "contract": ("get", "/my/contracts/{contractId}", "200"),
    "contracts": ("get", "/my/contracts", "200"),
    "faction": ("get", "/factions/{factionSymbol}", "200"),
    "factions": ("get", "/factions", "200"),
    "supply-chain": ("get", "/market/supply-chain", "200"),
    "status": ("get", "/", "200"),
    "cooldown": ("get", "/my/ships/{shipSymbol}/cooldown", "200"),
    "navigate": ("post", "/my/ships/{shipSymbol}/navigate", "200"),
    "warp": ("post", "/my/ships/{shipSymbol}/warp", "200"),
    "orbit": ("post", "/my/ships/{shipSymbol}/orbit", "200"),
    "dock": ("post", "/my/ships/{shipSymbol}/dock", "200"),
    "jump": ("post", "/my/ships/{shipSymbol}/jump", "200"),
    "purchase": ("post", "/my/ships/{shipSymbol}/purchase", "201"),
    "sell": ("post", "/my/ships/{shipSymbol}/sell", "201"),
    "refuel": ("post", "/my/ships/{shipSymbol}/refuel", "200"),
    "extract": ("post", "/my/ships/{shipSymbol}/extract", "201"),
    "siphon": ("post", "/my/ships/{shipSymbol}/siphon", "201"),
    "survey": ("post", "/my/ships/{shipSymbol}/survey", "201"),
    "refine": ("post", "/my/ships/{shipSymbol}/refine", "201"),
    "chart": ("post", "/my/ships/{shipSymbol}/chart", "201"),
    "jettison": ("post", "/my/ships/{shipSymbol}/jettison", "200"),
    "transfer": ("post", "/my/ships/{shipSymbol}/transfer", "200"),
    "negotiate-contract": ("post", "/my/ships/{shipSymbol}/negotiate/contract", "201"),
    "accept-contract": ("post", "/my/contracts/{contractId}/accept", "200"),
    "deliver-contract": ("post", "/my/contracts/{contractId}/deliver", "200"),
    "fulfill-contract": ("post", "/my/contracts/{contractId}/fulfill", "200"),
    "purchase-ship": ("post", "/my/ships", "201"),
    "install-mount": ("post", "/my/ships/{shipSymbol}/mounts/install", "201"),
    "remove-module": ("post", "/my/ships/{shipSymbol}/modules/remove", "201"),
    "repair": ("post", "/my/ships/{shipSymbol}/repair", "200"),
    "repair-quote": ("get", "/my/ships/{shipSymbol}/repair", "200"),
    "scrap": ("post", "/my/ships/{shipSymbol}/scrap", "200"),
    "supply-construction": (
        "post",
        "/systems/{systemSymbol}/waypoints/{waypointSymbol}/construction/supply",
        "201",
    ),
}


# a bulk dump the server publishes beside the spec: an array of what the operation gives as `data`
DUMPS: dict[str, tuple[str, str, str]] = {"systems-dump": ("get", "/systems/{systemSymbol}", "200")}


def test_every_fixture_is_checked_against_an_operation() -> None:
    on_disk = {p.stem for p in FIXTURES.glob("*.json")}
    assert on_disk == set(OPERATIONS) | set(DUMPS)


@pytest.mark.parametrize("name", sorted(DUMPS))
def test_dump_items_are_valid_responses(spec: dict[str, Any], name: str) -> None:
    items = body(name)
    assert isinstance(items, list) and items
    assert [e for item in items for e in _errors(spec, name, {"data": item}, DUMPS[name])] == []


@pytest.fixture(scope="module")
def spec() -> dict[str, Any]:
    loaded: dict[str, Any] = json.loads(require_spec().read_text(encoding="utf-8"))
    return loaded


def _pointer(*parts: str) -> str:
    return "/".join(p.replace("~", "~0").replace("/", "~1") for p in parts)


def _errors(
    spec: dict[str, Any], name: str, payload: Any, operation: tuple[str, str, str] | None = None
) -> list[str]:
    """Every way `payload` breaks the response schema of the operation `name` (or `operation`) stands for."""
    import jsonschema
    from referencing import Registry, Resource
    from referencing.jsonschema import DRAFT4

    method, path, status = operation or OPERATIONS[name]
    assert status in spec["paths"][path][method]["responses"], f"{method} {path} has no {status} response"
    uri = "urn:spacetraders-spec"
    registry: Registry[Any] = Registry().with_resource(
        uri, Resource.from_contents(spec, default_specification=DRAFT4)
    )
    pointer = _pointer("paths", path, method, "responses", status, "content", "application/json", "schema")
    validator = jsonschema.Draft4Validator({"$ref": f"{uri}#/{pointer}"}, registry=registry)
    return [f"{'/'.join(map(str, e.absolute_path))}: {e.message}" for e in validator.iter_errors(payload)]


@pytest.mark.parametrize("name", sorted(OPERATIONS))
def test_fixture_is_a_valid_response(spec: dict[str, Any], name: str) -> None:
    assert _errors(spec, name, body(name)) == []


def test_the_check_sees_drift(spec: dict[str, Any]) -> None:
    """The validator resolves the component schemas: the drift real servers send is flagged by it."""
    ship = body("ship")
    del ship["data"]["frame"]["quality"]
    assert _errors(spec, "ship", ship) == ["data/frame: 'quality' is a required property"]
    market = body("market")
    market["data"]["tradeGoods"][0]["activity"] = None
    market["data"]["tradeGoods"][1]["purchasePrice"] = "abc"
    flagged = {e.split(":")[0] for e in _errors(spec, "market", market)}
    assert flagged == {"data/tradeGoods/0/activity", "data/tradeGoods/1/purchasePrice"}

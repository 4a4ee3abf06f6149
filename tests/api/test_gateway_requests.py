"""Each gateway method sends the request the spec describes and returns the raw `data` unchanged."""

from __future__ import annotations

import json
from collections.abc import Callable, Coroutine
from typing import Any

import httpx
import pytest

from stdaemon.api.gateway import Gateway
from tests.api.gateway_helpers import Build
from tests.support.virtual_time import run_virtual

Call = Callable[[Gateway], Coroutine[Any, Any, Any]]
SURVEY = {
    "signature": "X1-A-B-7F3A",
    "symbol": "X1-A-B",
    "deposits": [{"symbol": "IRON_ORE"}, {"symbol": "QUARTZ_SAND", "rarity": "new field"}],
    "expiration": "2025-04-20T10:45:12.345Z",
    "size": "HUGE",
    "unknownNewField": [1, None],
}

CASES: list[tuple[str, Call, str, str, dict[str, Any] | None]] = [
    ("status", lambda g: g.get_status(), "GET", "/v2/", None),
    ("agent", lambda g: g.get_my_agent(), "GET", "/v2/my/agent", None),
    ("ship", lambda g: g.get_my_ship("S-1"), "GET", "/v2/my/ships/S-1", None),
    ("nav", lambda g: g.get_ship_nav("S-1"), "GET", "/v2/my/ships/S-1/nav", None),
    ("cooldown", lambda g: g.get_cooldown("S-1"), "GET", "/v2/my/ships/S-1/cooldown", None),
    ("system", lambda g: g.get_system("X1-A"), "GET", "/v2/systems/X1-A", None),
    (
        "waypoint",
        lambda g: g.get_waypoint("X1-A", "X1-A-B"),
        "GET",
        "/v2/systems/X1-A/waypoints/X1-A-B",
        None,
    ),
    (
        "market",
        lambda g: g.get_market("X1-A", "X1-A-B"),
        "GET",
        "/v2/systems/X1-A/waypoints/X1-A-B/market",
        None,
    ),
    (
        "yard",
        lambda g: g.get_shipyard("X1-A", "X1-A-B"),
        "GET",
        "/v2/systems/X1-A/waypoints/X1-A-B/shipyard",
        None,
    ),
    (
        "gate",
        lambda g: g.get_jump_gate("X1-A", "X1-A-B"),
        "GET",
        "/v2/systems/X1-A/waypoints/X1-A-B/jump-gate",
        None,
    ),
    (
        "construction",
        lambda g: g.get_construction("X1-A", "X1-A-B"),
        "GET",
        "/v2/systems/X1-A/waypoints/X1-A-B/construction",
        None,
    ),
    ("faction", lambda g: g.get_faction("COSMIC"), "GET", "/v2/factions/COSMIC", None),
    ("contract", lambda g: g.get_contract("c1"), "GET", "/v2/my/contracts/c1", None),
    ("supply", lambda g: g.get_supply_chain(), "GET", "/v2/market/supply-chain", None),
    ("codes", lambda g: g.get_error_codes(), "GET", "/v2/error-codes", None),
    (
        "register",
        lambda g: g.register("AGENT", "COSMIC"),
        "POST",
        "/v2/register",
        {"symbol": "AGENT", "faction": "COSMIC"},
    ),
    ("orbit", lambda g: g.orbit("S-1"), "POST", "/v2/my/ships/S-1/orbit", None),
    ("dock", lambda g: g.dock("S-1"), "POST", "/v2/my/ships/S-1/dock", None),
    (
        "navigate",
        lambda g: g.navigate("S-1", "X1-A-C"),
        "POST",
        "/v2/my/ships/S-1/navigate",
        {"waypointSymbol": "X1-A-C"},
    ),
    (
        "warp",
        lambda g: g.warp("S-1", "X1-B-C"),
        "POST",
        "/v2/my/ships/S-1/warp",
        {"waypointSymbol": "X1-B-C"},
    ),
    (
        "jump",
        lambda g: g.jump("S-1", "X1-B-G"),
        "POST",
        "/v2/my/ships/S-1/jump",
        {"waypointSymbol": "X1-B-G"},
    ),
    (
        "mode",
        lambda g: g.set_flight_mode("S-1", "NEW_MODE"),
        "PATCH",
        "/v2/my/ships/S-1/nav",
        {"flightMode": "NEW_MODE"},
    ),
    ("refuel", lambda g: g.refuel("S-1"), "POST", "/v2/my/ships/S-1/refuel", {}),
    (
        "refuel-cargo",
        lambda g: g.refuel("S-1", units=100, from_cargo=True),
        "POST",
        "/v2/my/ships/S-1/refuel",
        {"units": 100, "fromCargo": True},
    ),
    (
        "buy",
        lambda g: g.purchase_cargo("S-1", "FUEL", 5),
        "POST",
        "/v2/my/ships/S-1/purchase",
        {"symbol": "FUEL", "units": 5},
    ),
    (
        "sell",
        lambda g: g.sell_cargo("S-1", "IRON", 3),
        "POST",
        "/v2/my/ships/S-1/sell",
        {"symbol": "IRON", "units": 3},
    ),
    (
        "jettison",
        lambda g: g.jettison("S-1", "ICE", 1),
        "POST",
        "/v2/my/ships/S-1/jettison",
        {"symbol": "ICE", "units": 1},
    ),
    (
        "transfer",
        lambda g: g.transfer_cargo("S-1", "S-2", "ICE", 4),
        "POST",
        "/v2/my/ships/S-1/transfer",
        {"tradeSymbol": "ICE", "units": 4, "shipSymbol": "S-2"},
    ),
    ("extract", lambda g: g.extract("S-1"), "POST", "/v2/my/ships/S-1/extract", None),
    ("siphon", lambda g: g.siphon("S-1"), "POST", "/v2/my/ships/S-1/siphon", None),
    ("refine", lambda g: g.refine("S-1", "IRON"), "POST", "/v2/my/ships/S-1/refine", {"produce": "IRON"}),
    ("survey", lambda g: g.survey("S-1"), "POST", "/v2/my/ships/S-1/survey", None),
    (
        "extract-survey",
        lambda g: g.extract_with_survey("S-1", SURVEY),
        "POST",
        "/v2/my/ships/S-1/extract/survey",
        SURVEY,
    ),
    ("chart", lambda g: g.chart("S-1"), "POST", "/v2/my/ships/S-1/chart", None),
    ("negotiate", lambda g: g.negotiate_contract("S-1"), "POST", "/v2/my/ships/S-1/negotiate/contract", None),
    ("accept", lambda g: g.accept_contract("c1"), "POST", "/v2/my/contracts/c1/accept", None),
    (
        "deliver",
        lambda g: g.deliver_contract("c1", "S-1", "IRON", 9),
        "POST",
        "/v2/my/contracts/c1/deliver",
        {"shipSymbol": "S-1", "tradeSymbol": "IRON", "units": 9},
    ),
    ("fulfill", lambda g: g.fulfill_contract("c1"), "POST", "/v2/my/contracts/c1/fulfill", None),
    (
        "buy-ship",
        lambda g: g.purchase_ship("SHIP_PROBE", "X1-A-B"),
        "POST",
        "/v2/my/ships",
        {"shipType": "SHIP_PROBE", "waypointSymbol": "X1-A-B"},
    ),
    (
        "supply-site",
        lambda g: g.supply_construction("X1-A", "X1-A-J", "S-1", "FAB_MATS", 10),
        "POST",
        "/v2/systems/X1-A/waypoints/X1-A-J/construction/supply",
        {"shipSymbol": "S-1", "tradeSymbol": "FAB_MATS", "units": 10},
    ),
]

RAW = {"symbol": "X", "unknownNewField": {"nested": [1, None]}, "activity": None}


@pytest.mark.parametrize("case", CASES, ids=[c[0] for c in CASES])
def test_request_shape_and_raw_data(
    build: Build, case: tuple[str, Call, str, str, dict[str, Any] | None]
) -> None:
    name, call, method, path, body = case
    gateway, served = build(lambda _r: httpx.Response(200, json={"data": RAW, "meta": {"extra": 1}}))
    result = run_virtual(call(gateway))
    [request] = served.requests
    assert (request.method, request.url.path) == (method, path)
    if body is None:
        assert request.content in (b"", b"{}")
    else:
        assert json.loads(request.content) == body
    expected = {"data": RAW, "meta": {"extra": 1}} if name in {"status", "codes"} else RAW
    assert result == expected  # raw JSON, untouched: unknown fields and nulls survive


def test_listings_ask_for_pages_of_20_with_filters(build: Build) -> None:
    gateway, served = build(lambda _r: httpx.Response(200, json={"data": [RAW], "meta": {"total": 1}}))

    async def main() -> list[Any]:
        found = [
            w async for w in gateway.iter_waypoints("X1-A", type="ORBITAL_STATION", traits=["MARKETPLACE"])
        ]
        found += [s async for s in gateway.iter_systems()]
        found += [f async for f in gateway.iter_factions()]
        found += [c async for c in gateway.iter_contracts()]
        return found

    assert run_virtual(main()) == [RAW] * 4
    first = served.requests[0].url
    assert first.path == "/v2/systems/X1-A/waypoints"
    assert dict(first.params) == {
        "page": "1",
        "limit": "20",
        "type": "ORBITAL_STATION",
        "traits": "MARKETPLACE",
    }
    assert [r.url.path for r in served.requests[1:]] == ["/v2/systems", "/v2/factions", "/v2/my/contracts"]


def test_build_gateway_wires_settings_into_client_and_budget() -> None:
    from stdaemon.api.gateway import build_gateway
    from stdaemon.api.scheduler import Scheduler
    from stdaemon.settings import Settings

    settings = Settings(
        _env_file=None,
        token="tok-abcdef-123456",
        api_url="https://sim.test/v2",
        rate_per_second=3,
        rate_burst=5,
    )
    seen: list[httpx.Request] = []

    def handle(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        return httpx.Response(200, json={"data": RAW})

    gateway = build_gateway(settings, transport=httpx.MockTransport(handle))

    async def main() -> Any:
        try:
            return await gateway.get_my_agent()
        finally:
            await gateway.aclose()

    assert run_virtual(main()) == RAW
    assert str(seen[0].url) == "https://sim.test/v2/my/agent"
    assert isinstance(gateway.limiter, Scheduler)
    assert gateway.limiter.budget.available(5.0) == {"static": 3, "burst": 5}  # after the refill

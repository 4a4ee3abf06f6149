"""The generated universe (same seed, same universe; real waypoint types; a connected gate graph), markets
whose prices move and relax, listings shown only while a ship is present, and --speed shortening trips."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import asdict
from datetime import UTC, datetime
from typing import Any

import httpx

from stsim.app import Server, build_app
from stsim.clock import FakeClock
from stsim.goods import SUPPLY_CHAIN
from stsim.model import distance
from stsim.universe import generate

Register = Callable[..., Awaitable[dict[str, Any]]]
T0 = datetime(2026, 1, 1, tzinfo=UTC)


def _snapshot(seed: int, systems: int = 20) -> dict[str, Any]:
    u = generate(seed, systems, T0)
    return {
        "systems": [asdict(s) for s in u.systems.values()],
        "waypoints": [asdict(w) for w in u.waypoints.values()],
        "markets": {k: sorted(m.goods) for k, m in u.markets.items()},
        "gates": u.gates,
    }


def test_same_seed_same_universe() -> None:
    assert _snapshot(42) == _snapshot(42)
    assert _snapshot(42) != _snapshot(43)


async def test_same_seed_same_api_answers(clock: FakeClock) -> None:
    async def listing(app_seed: int) -> list[Any]:
        app = build_app(seed=app_seed, systems=12, clock=clock, rate_limit=False)
        async with httpx.AsyncClient(transport=httpx.ASGITransport(app), base_url="http://stsim/v2") as c:
            return [(await c.get("/systems", params={"page": p, "limit": 20})).json() for p in (1, 2)]

    assert await listing(7) == await listing(7)


def test_universe_shape() -> None:
    u = generate(1, 30, T0)
    types = {w.type for w in u.waypoints.values()}
    assert {"PLANET", "MOON", "ASTEROID", "ENGINEERED_ASTEROID", "GAS_GIANT", "JUMP_GATE"} <= types
    for wp in u.waypoints.values():
        if wp.orbits:
            parent = u.waypoints[wp.orbits]
            assert (parent.x, parent.y) == (wp.x, wp.y) and wp.symbol in parent.orbitals
    assert any(w.under_construction for w in u.waypoints.values())
    assert any(not w.charted for w in u.waypoints.values()), "some waypoints are UNCHARTED"
    seen, todo = set(), [next(iter(u.gates))]
    while todo:
        gate = todo.pop()
        if gate not in seen:
            seen.add(gate)
            todo += u.gates[gate]
    assert seen == set(u.gates), "every system is reachable through the gate graph"
    for market in u.markets.values():
        for good in market.goods.values():
            if good.type == "EXPORT":
                assert all(market.goods[i].type == "IMPORT" for i in SUPPLY_CHAIN[good.symbol])
    recruiting = [f for f in u.factions.values() if f.recruiting]
    assert recruiting and all(f.headquarters in u.waypoints for f in recruiting)


async def test_prices_move_with_trades_and_relax(
    client: httpx.AsyncClient, server: Server, clock: FakeClock, register: Register
) -> None:
    reg = await register("TRADER")
    headers = {"Authorization": f"Bearer {reg['token']}"}
    ship, hq = reg["ships"][0]["symbol"], reg["agent"]["headquarters"]
    system = reg["ships"][0]["nav"]["systemSymbol"]
    url = f"/systems/{system}/waypoints/{hq}/market"
    anonymous = (await client.get(url)).json()["data"]
    assert "tradeGoods" not in anonymous and "transactions" not in anonymous
    market = (await client.get(url, headers=headers)).json()["data"]
    fuel = next(g for g in market["tradeGoods"] if g["symbol"] == "FUEL")
    assert fuel["purchasePrice"] > fuel["sellPrice"]
    for _ in range(5):
        r = await client.post(
            f"/my/ships/{ship}/purchase", json={"symbol": "FUEL", "units": 1}, headers=headers
        )
        assert r.status_code == 201
    world = server.world
    world.universe.markets[hq].goods["FUEL"].stock -= 1.0  # as if many batches had been bought
    raised = next(
        g
        for g in (await client.get(url, headers=headers)).json()["data"]["tradeGoods"]
        if g["symbol"] == "FUEL"
    )
    assert raised["purchasePrice"] > fuel["purchasePrice"] and raised["supply"] in ("SCARCE", "LIMITED")
    clock.advance(6 * 3600)
    relaxed = next(
        g
        for g in (await client.get(url, headers=headers)).json()["data"]["tradeGoods"]
        if g["symbol"] == "FUEL"
    )
    assert relaxed["purchasePrice"] < raised["purchasePrice"]
    assert abs(relaxed["purchasePrice"] - fuel["purchasePrice"]) <= max(2, fuel["purchasePrice"] * 0.02)
    transactions = (await client.get(url, headers=headers)).json()["data"]["transactions"]
    assert [t["units"] for t in transactions] == [1] * 5


async def test_speed_100_makes_a_cross_system_trip_take_under_a_second(
    clock: FakeClock, register: Register
) -> None:
    app = build_app(seed=1, systems=20, speed=100, clock=clock, rate_limit=False)
    world = app.state.server.world
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app), base_url="http://stsim/v2") as c:
        r = await c.post(
            "/register",
            json={"symbol": "SPEEDY", "faction": "COSMIC"},
            headers={"Authorization": "Bearer account"},
        )
        reg = r.json()["data"]
        headers = {"Authorization": f"Bearer {reg['token']}"}
        yard = reg["ships"][1]["nav"]["waypointSymbol"]
        world.agents["SPEEDY"].credits = 10_000_000
        bought = await c.post(
            "/my/ships", json={"shipType": "SHIP_EXPLORER", "waypointSymbol": yard}, headers=headers
        )
        assert bought.status_code == 201, bought.text
        explorer = bought.json()["data"]["ship"]["symbol"]
        here = world.universe.systems[bought.json()["data"]["ship"]["nav"]["systemSymbol"]]
        target = min(
            (s for s in world.universe.systems.values() if s is not here),
            key=lambda s: distance(here.x, here.y, s.x, s.y),
        )
        await c.post(f"/my/ships/{explorer}/orbit", headers=headers)
        warped = await c.post(
            f"/my/ships/{explorer}/warp", json={"waypointSymbol": target.waypoints[0]}, headers=headers
        )
        assert warped.status_code == 200, warped.text
        route = warped.json()["data"]["nav"]["route"]
        took = datetime.fromisoformat(route["arrival"]) - datetime.fromisoformat(route["departureTime"])
        assert route["destination"]["systemSymbol"] == target.symbol
        assert 0 < took.total_seconds() < 1.0, took
        clock.advance(took.total_seconds())
        nav = (await c.get(f"/my/ships/{explorer}/nav", headers=headers)).json()["data"]
        assert nav["status"] == "IN_ORBIT" and nav["systemSymbol"] == target.symbol

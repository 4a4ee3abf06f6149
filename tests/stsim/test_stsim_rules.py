"""Rule details checked against the spec and SPACETRADERS.md §6 (refuel, surveys) on a fake clock."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any

import httpx

from stsim.app import Server
from stsim.clock import FakeClock

Register = Callable[..., Awaitable[dict[str, Any]]]


async def test_refuel_beyond_the_free_tank_fills_to_capacity(
    client: httpx.AsyncClient, server: Server, register: Register
) -> None:
    """Spec: "If the amount specified is greater than the ship's remaining capacity, the ship will only be
    refueled to its maximum fuel capacity." """
    reg = await register("TANKER")
    auth = {"Authorization": f"Bearer {reg['token']}"}
    frigate = reg["ships"][0]["symbol"]
    ship = server.world.ships[frigate]
    assert "FUEL" in server.world.universe.markets[ship.waypoint].goods
    ship.fuel = 350
    credits = reg["agent"]["credits"]
    r = await client.post(f"/my/ships/{frigate}/refuel", json={"units": 5000}, headers=auth)
    assert r.status_code == 200, r.text
    out = r.json()["data"]
    assert out["fuel"]["current"] == out["fuel"]["capacity"] == 400
    assert out["transaction"]["units"] == 1, "50 ship fuel units are one market unit"
    assert out["agent"]["credits"] == credits - out["transaction"]["totalPrice"]


async def test_expired_surveys_are_forgotten_but_still_answer_4221(
    client: httpx.AsyncClient, server: Server, clock: FakeClock, register: Register
) -> None:
    """A long-running server must not keep every survey ever made; an expired one still gets 4221."""
    reg = await register("SURVEYOR")
    auth = {"Authorization": f"Bearer {reg['token']}"}
    frigate = reg["ships"][0]["symbol"]
    ship = server.world.ships[frigate]
    rock = next(w for w in server.world.universe.waypoints.values() if w.type == "ENGINEERED_ASTEROID")
    ship.waypoint, ship.system, ship.status = rock.symbol, rock.system, "IN_ORBIT"
    first: dict[str, Any] | None = None
    for _ in range(200):
        r = await client.post(f"/my/ships/{frigate}/survey", headers=auth)
        assert r.status_code == 201, r.text
        first = first or r.json()["data"]["surveys"][0]
        clock.advance(3601)  # past the cooldown and past every survey's lifetime
    assert len(server.world.surveys) <= 10, "expired surveys are dropped"
    assert first is not None
    r = await client.post(f"/my/ships/{frigate}/extract/survey", json=first, headers=auth)
    assert r.status_code == 400 and r.json()["error"]["code"] == 4221, r.text


async def test_agent_event_ids_stay_unique_after_old_events_are_dropped(
    client: httpx.AsyncClient, server: Server, register: Register
) -> None:
    """Only the latest 100 events are kept, but an id must never be reused (clients dedupe on it)."""
    from stsim.render import agent_event

    reg = await register("CHATTY")
    agent = server.world.agents["CHATTY"]
    for i in range(150):
        agent_event(server.world, agent, "TEST", f"event {i}")
    r = await client.get("/my/agent/events", headers={"Authorization": f"Bearer {reg['token']}"})
    ids = [e["id"] for e in r.json()["data"]]
    assert len(ids) == 100 and len(set(ids)) == 100, sorted(set(ids))[:3]


def test_the_purchase_price_stays_above_the_sell_price_even_for_cheap_flooded_goods(
    server: Server,
) -> None:
    """SPACETRADERS.md §6.8: purchase > sell price always; rounding must not close the spread."""
    from stsim.model import TradeListing
    from stsim.rules.market import MAX_STOCK, buy_price, sell_price

    world = server.world
    for mid in (0.5, 1.0, 3.0, 15.0, 72.0):
        for stock in (-MAX_STOCK, 0.0, MAX_STOCK):
            listing = TradeListing("ICE_WATER", "EXPORT", 10, mid, "STRONG", stock=stock, updated=world.now())
            assert buy_price(world, listing) > sell_price(world, listing) >= 1, (mid, stock)


async def test_the_in_transit_error_gives_the_arrival_as_the_route_does(
    client: httpx.AsyncClient, server: Server, register: Register
) -> None:
    reg = await register("HURRIED")
    auth = {"Authorization": f"Bearer {reg['token']}"}
    frigate = reg["ships"][0]
    here = server.world.universe.waypoints[frigate["nav"]["waypointSymbol"]]
    dest = next(w for w in server.world.universe.systems[here.system].waypoints if w != here.symbol)
    assert (await client.post(f"/my/ships/{frigate['symbol']}/orbit", headers=auth)).status_code == 200
    r = await client.post(
        f"/my/ships/{frigate['symbol']}/navigate", json={"waypointSymbol": dest}, headers=auth
    )
    route = r.json()["data"]["nav"]["route"]
    busy = await client.post(f"/my/ships/{frigate['symbol']}/dock", headers=auth)
    error = busy.json()["error"]
    assert error["code"] == 4214
    assert error["data"]["arrival"] == route["arrival"] and error["data"]["arrival"].endswith("Z")
    assert error["data"]["departureTime"] == route["departureTime"]


async def test_seconds_to_arrival_rounds_up_so_waiting_it_out_arrives(
    client: httpx.AsyncClient, server: Server, clock: FakeClock, register: Register
) -> None:
    reg = await register("PATIENT")
    auth = {"Authorization": f"Bearer {reg['token']}"}
    frigate = reg["ships"][0]["symbol"]
    here = server.world.universe.waypoints[reg["ships"][0]["nav"]["waypointSymbol"]]
    dest = next(w for w in server.world.universe.systems[here.system].waypoints if w != here.symbol)
    await client.post(f"/my/ships/{frigate}/orbit", headers=auth)
    await client.post(f"/my/ships/{frigate}/navigate", json={"waypointSymbol": dest}, headers=auth)
    clock.advance((server.world.ships[frigate].arrival - clock.now()).total_seconds() - 0.5)
    busy = (await client.post(f"/my/ships/{frigate}/dock", headers=auth)).json()["error"]
    assert busy["code"] == 4214 and busy["data"]["secondsToArrival"] == 1
    clock.advance(busy["data"]["secondsToArrival"])
    assert (await client.post(f"/my/ships/{frigate}/dock", headers=auth)).status_code == 200

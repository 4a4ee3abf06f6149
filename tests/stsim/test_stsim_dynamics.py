"""Supply-chain price coupling, RESTRICTED activity, and over-extraction destabilising a site."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any

import httpx

from stsim.app import Server
from stsim.clock import FakeClock
from stsim.goods import SUPPLY_CHAIN

Register = Callable[..., Awaitable[dict[str, Any]]]


def _chain_market(server: Server) -> tuple[str, str, str]:
    """A market exporting a good whose input it imports: (waypoint, export, import)."""
    for symbol, market in server.world.universe.markets.items():
        for good in market.goods.values():
            if good.type == "EXPORT":
                for need in SUPPLY_CHAIN[good.symbol]:
                    return symbol, good.symbol, need
    raise AssertionError("no supply-chain market generated")


async def test_supplying_an_import_makes_its_export_cheaper_and_starving_it_restricts(
    client: httpx.AsyncClient, server: Server, register: Register
) -> None:
    reg = await register("CHAINER")
    headers = {"Authorization": f"Bearer {reg['token']}"}
    ship_symbol = reg["ships"][0]["symbol"]
    where, export, needed = _chain_market(server)
    ship = server.world.ships[ship_symbol]
    ship.waypoint, ship.system = (
        where,
        server.world.universe.waypoints[where].system,
    )  # placed there for the test
    url = f"/systems/{ship.system}/waypoints/{where}/market"

    def price(goods: list[dict[str, Any]], symbol: str) -> dict[str, Any]:
        return next(g for g in goods if g["symbol"] == symbol)

    before = (await client.get(url, headers=headers)).json()["data"]["tradeGoods"]
    volume = price(before, needed)["tradeVolume"]
    for _ in range(3):
        ship.cargo[needed] = volume
        r = await client.post(
            f"/my/ships/{ship_symbol}/sell", json={"symbol": needed, "units": volume}, headers=headers
        )
        assert r.status_code == 201, r.text
    after = (await client.get(url, headers=headers)).json()["data"]["tradeGoods"]
    assert price(after, needed)["sellPrice"] < price(before, needed)["sellPrice"], (
        "a flooded import pays less"
    )
    assert price(after, export)["purchasePrice"] < price(before, export)["purchasePrice"], (
        "its export is cheaper"
    )

    server.world.universe.markets[where].goods[needed].stock = -1.0  # the input bought out
    starved = (await client.get(url, headers=headers)).json()["data"]["tradeGoods"]
    assert price(starved, export)["activity"] == "RESTRICTED"
    assert price(starved, needed)["supply"] == "SCARCE"


async def test_over_extraction_destabilises_a_site(
    client: httpx.AsyncClient, server: Server, clock: FakeClock, register: Register
) -> None:
    reg = await register("MINER")
    headers = {"Authorization": f"Bearer {reg['token']}"}
    ship_symbol = reg["ships"][0]["symbol"]
    world = server.world
    ship = world.ships[ship_symbol]
    rock = next(
        w
        for w in world.universe.systems[ship.system].waypoints
        if world.universe.waypoints[w].type == "ENGINEERED_ASTEROID"
    )
    ship.waypoint, ship.status = rock, "IN_ORBIT"  # placed there for the test
    world.extractions[rock] = [clock.now()] * 39  # as if others had been mining here all hour
    r = await client.post(f"/my/ships/{ship_symbol}/extract", headers=headers)
    assert r.status_code == 201, r.text
    assert [m["symbol"] for m in r.json()["data"]["modifiers"]] == ["UNSTABLE"]
    wp = (await client.get(f"/systems/{ship.system}/waypoints/{rock}", headers=headers)).json()["data"]
    assert [m["symbol"] for m in wp["modifiers"]] == ["UNSTABLE"]
    world.extractions[rock] += [clock.now()] * 20
    clock.advance(100)
    r = await client.post(f"/my/ships/{ship_symbol}/extract", headers=headers)
    assert r.status_code == 400 and r.json()["error"]["code"] == 4253
    clock.advance(3700)  # an hour later the site has calmed down
    r = await client.post(f"/my/ships/{ship_symbol}/extract", headers=headers)
    assert r.status_code == 201 and r.json()["data"]["modifiers"] == []

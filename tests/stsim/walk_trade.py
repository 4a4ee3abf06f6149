"""Spec walk, part 2: orbit, navigate, dock, refuel, buy, sell; then the contract lifecycle."""

from __future__ import annotations

from datetime import datetime

from tests.stsim.walk import WP, Game, dock_refuel, travel


async def trade(g: Game) -> None:
    """Navigation and trade, with every rule that can be broken on the way."""
    w, world, clock = g.w, g.world, g.clock
    frigate = g.frigate
    hq = g.hq
    system = g.system
    markets = g.markets
    contract = g.contract
    term = contract["terms"]["deliver"][0]
    good, dest, needed = term["tradeSymbol"], term["destinationSymbol"], term["unitsRequired"]
    source = next(
        s for s, m in markets.items() if any(g["symbol"] == good for g in m["exports"] + m["exchange"])
    )
    await w.error(
        "POST", "/my/ships/{shipSymbol}/navigate", 4236, json={"waypointSymbol": source}, shipSymbol=frigate
    )
    await w.ok("POST", "/my/ships/{shipSymbol}/orbit", shipSymbol=frigate)
    await w.ok("POST", "/my/ships/{shipSymbol}/orbit", shipSymbol=frigate)  # idempotent
    await w.error(
        "POST", "/my/ships/{shipSymbol}/navigate", 4204, json={"waypointSymbol": hq}, shipSymbol=frigate
    )
    elsewhere = next(s for s in world.universe.waypoints if not s.startswith(system + "-"))
    await w.error(
        "POST",
        "/my/ships/{shipSymbol}/navigate",
        4202,
        json={"waypointSymbol": elsewhere},
        shipSymbol=frigate,
    )
    await w.error(
        "POST", "/my/ships/{shipSymbol}/navigate", 422, json={"waypointSymbol": 7}, shipSymbol=frigate
    )
    await w.error("POST", "/my/ships/{shipSymbol}/navigate", 422, content=b"{not json", shipSymbol=frigate)
    await w.error("POST", "/my/ships/{shipSymbol}/navigate", 422, shipSymbol=frigate)
    await w.error("POST", "/my/ships/{shipSymbol}/refuel", 4225, json={}, shipSymbol=frigate)
    patched = await w.ok(
        "PATCH", "/my/ships/{shipSymbol}/nav", json={"flightMode": "BURN"}, shipSymbol=frigate
    )
    assert patched["nav"]["flightMode"] == "BURN"
    await w.error(
        "PATCH", "/my/ships/{shipSymbol}/nav", 422, json={"flightMode": "WARP9"}, shipSymbol=frigate
    )
    await w.ok("PATCH", "/my/ships/{shipSymbol}/nav", json={"flightMode": "CRUISE"}, shipSymbol=frigate)
    world.ships[frigate].fuel, saved_fuel = 0, world.ships[frigate].fuel
    other = next(s for s in markets if s != hq)
    await w.error(
        "POST", "/my/ships/{shipSymbol}/navigate", 4203, json={"waypointSymbol": other}, shipSymbol=frigate
    )
    world.ships[frigate].fuel = saved_fuel
    if source != hq:
        r = await w.call(
            "POST",
            "/my/ships/{shipSymbol}/navigate",
            expect=200,
            json={"waypointSymbol": source},
            shipSymbol=frigate,
        )
        nav = r.json()["data"]["nav"]
        assert nav["status"] == "IN_TRANSIT" and r.json()["data"]["fuel"]["consumed"]["amount"] >= 1
        await w.error(
            "POST", "/my/ships/{shipSymbol}/navigate", 4214, json={"waypointSymbol": hq}, shipSymbol=frigate
        )
        await w.error("POST", "/my/ships/{shipSymbol}/dock", 4214, shipSymbol=frigate)
        clock.advance((datetime.fromisoformat(nav["route"]["arrival"]) - clock.now()).total_seconds())
    await w.error(
        "POST", "/my/ships/{shipSymbol}/purchase", 4244, json={"symbol": good, "units": 1}, shipSymbol=frigate
    )
    await dock_refuel(w, frigate, markets[source])
    market = await w.ok("GET", WP + "/market", systemSymbol=system, waypointSymbol=source)
    listing = next(g for g in market["tradeGoods"] if g["symbol"] == good)
    volume = listing["tradeVolume"]
    await w.error(
        "POST",
        "/my/ships/{shipSymbol}/purchase",
        4604,
        json={"symbol": good, "units": volume + 1},
        shipSymbol=frigate,
    )
    await w.error(
        "POST",
        "/my/ships/{shipSymbol}/purchase",
        422,
        json={"symbol": "UNOBTAINIUM", "units": 1},
        shipSymbol=frigate,
    )
    await w.error(
        "POST",
        "/my/ships/{shipSymbol}/purchase",
        422,
        json={"symbol": good, "units": "1"},
        shipSymbol=frigate,
    )
    unsold = next(
        s
        for s in ("DIAMONDS", "EXOTIC_MATTER", "RELIC_TECH")
        if s not in {g["symbol"] for g in market["tradeGoods"]}
    )
    await w.error(
        "POST",
        "/my/ships/{shipSymbol}/purchase",
        4601,
        json={"symbol": unsold, "units": 1},
        shipSymbol=frigate,
    )
    await w.error(
        "POST", "/my/ships/{shipSymbol}/sell", 4602, json={"symbol": unsold, "units": 1}, shipSymbol=frigate
    )
    await w.error(
        "POST", "/my/ships/{shipSymbol}/sell", 4218, json={"symbol": good, "units": 1}, shipSymbol=frigate
    )
    world.agents["WALKER"].credits, credits = 0, world.agents["WALKER"].credits
    await w.error(
        "POST", "/my/ships/{shipSymbol}/purchase", 4600, json={"symbol": good, "units": 1}, shipSymbol=frigate
    )
    world.agents["WALKER"].credits = credits
    bought = 0
    while bought < needed + 1:
        units = min(volume, needed + 1 - bought)
        result = await w.ok(
            "POST",
            "/my/ships/{shipSymbol}/purchase",
            201,
            json={"symbol": good, "units": units},
            shipSymbol=frigate,
        )
        bought += units
    assert result["cargo"]["units"] == needed + 1 and result["transaction"]["type"] == "PURCHASE"
    sold = await w.ok(
        "POST", "/my/ships/{shipSymbol}/sell", 201, json={"symbol": good, "units": 1}, shipSymbol=frigate
    )
    assert sold["transaction"]["type"] == "SELL" and sold["cargo"]["units"] == needed
    world.ships[frigate].cargo[good] = 1
    await w.error(
        "POST", "/my/ships/{shipSymbol}/sell", 4219, json={"symbol": good, "units": 2}, shipSymbol=frigate
    )
    world.ships[frigate].cargo[good] = needed
    world.ships[frigate].cargo["QUARTZ_SAND"] = 40 - needed
    await w.error(
        "POST", "/my/ships/{shipSymbol}/purchase", 4217, json={"symbol": good, "units": 1}, shipSymbol=frigate
    )
    del world.ships[frigate].cargo["QUARTZ_SAND"]
    g.good = good
    g.dest = dest
    g.needed = needed
    g.source = source
    g.unsold = unsold
    g.elsewhere = elsewhere


async def contract(g: Game) -> None:
    """Accept, deliver, fulfil and negotiate, with their error codes."""
    w, world, clock = g.w, g.world, g.clock
    frigate = g.frigate
    cid = g.cid
    good = g.good
    dest = g.dest
    needed = g.needed
    source = g.source
    unsold = g.unsold
    markets = g.markets
    contract = g.contract
    await w.error(
        "POST",
        "/my/contracts/{contractId}/deliver",
        4505,
        json={"shipSymbol": frigate, "tradeSymbol": good, "units": 1},
        contractId=cid,
    )
    accepted = await w.ok("POST", "/my/contracts/{contractId}/accept", contractId=cid)
    assert accepted["contract"]["accepted"] and accepted["agent"]["credits"] > 0
    await w.error("POST", "/my/contracts/{contractId}/accept", 4501, contractId=cid)
    await w.error("POST", "/my/contracts/{contractId}/fulfill", 4502, contractId=cid)
    await w.error(
        "POST",
        "/my/contracts/{contractId}/deliver",
        4508,
        json={"shipSymbol": frigate, "tradeSymbol": unsold, "units": 1},
        contractId=cid,
    )
    if source != dest:
        await w.error(
            "POST",
            "/my/contracts/{contractId}/deliver",
            4510,
            json={"shipSymbol": frigate, "tradeSymbol": good, "units": 1},
            contractId=cid,
        )
    await travel(w, clock, frigate, dest)
    await w.ok("POST", "/my/ships/{shipSymbol}/dock", shipSymbol=frigate)
    await w.error(
        "POST",
        "/my/contracts/{contractId}/deliver",
        4509,
        json={"shipSymbol": frigate, "tradeSymbol": good, "units": needed + 1},
        contractId=cid,
    )
    delivered = await w.ok(
        "POST",
        "/my/contracts/{contractId}/deliver",
        json={"shipSymbol": frigate, "tradeSymbol": good, "units": needed},
        contractId=cid,
    )
    assert delivered["contract"]["terms"]["deliver"][0]["unitsFulfilled"] == needed
    before = (await w.ok("GET", "/my/agent"))["credits"]
    done = await w.ok("POST", "/my/contracts/{contractId}/fulfill", contractId=cid)
    assert (
        done["contract"]["fulfilled"]
        and done["agent"]["credits"] == before + contract["terms"]["payment"]["onFulfilled"]
    )
    await w.error("POST", "/my/contracts/{contractId}/fulfill", 4504, contractId=cid)
    offered = await w.ok("POST", "/my/ships/{shipSymbol}/negotiate/contract", 201, shipSymbol=frigate)
    await w.error("POST", "/my/ships/{shipSymbol}/negotiate/contract", 4511, shipSymbol=frigate)
    world.universe.waypoints[dest].faction = None
    world.contracts[offered["contract"]["id"]].fulfilled = True
    await w.error("POST", "/my/ships/{shipSymbol}/negotiate/contract", 4700, shipSymbol=frigate)
    world.universe.waypoints[dest].faction = "COSMIC"
    world.contracts[offered["contract"]["id"]].fulfilled = False
    clock.advance(8 * 86400)
    await w.error("POST", "/my/contracts/{contractId}/accept", 4503, contractId=offered["contract"]["id"])
    if dest in markets:
        await dock_refuel(w, frigate, markets[dest])

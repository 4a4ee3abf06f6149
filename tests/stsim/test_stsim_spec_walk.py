"""Walks every operation of the spec against stsim — public GETs, a scripted game and the rule-breaking
cases — and validates every response body against the spec's schema for that operation and status
(errors against the documented envelope). Fails if any of the 64 operations was not exercised."""

from __future__ import annotations

from datetime import datetime
from typing import Any

import httpx

from stsim.app import Server
from stsim.clock import FakeClock

ACCOUNT = {"Authorization": "Bearer account-token-anything"}


class Walk:
    """Sends requests by path template, validates each response, and remembers which operations answered."""

    def __init__(self, client: httpx.AsyncClient, validator: Any) -> None:
        self.client = client
        self.validator = validator
        self.token = ""
        self.seen: dict[tuple[str, str], set[int]] = {}

    async def call(
        self,
        method: str,
        template: str,
        *,
        expect: int | None = None,
        json: Any = None,
        content: bytes | None = None,
        params: Any = None,
        headers: dict[str, str] | None = None,
        **path: str,
    ) -> httpx.Response:
        url = template.format(**path) if path else template
        if headers is None:
            headers = {"Authorization": f"Bearer {self.token}"} if self.token else {}
        r = await self.client.request(method, url, json=json, content=content, params=params, headers=headers)
        if expect is not None:
            assert r.status_code == expect, f"{method} {url}: {r.status_code} {r.text}"
        if r.content:
            self.validator.validate(method, template, r.status_code, r.json())
        else:
            assert r.status_code in (200, 204), f"{method} {url}: empty {r.status_code}"
            self.validator.checked += 1
        self.seen.setdefault((method, template), set()).add(r.status_code)
        return r

    async def ok(self, method: str, template: str, status: int = 200, **kw: Any) -> Any:
        r = await self.call(method, template, expect=status, **kw)
        return r.json()["data"] if r.content and "data" in r.json() else r.json() if r.content else None

    async def error(self, method: str, template: str, code: int, **kw: Any) -> dict[str, Any]:
        r = await self.call(method, template, **kw)
        assert r.status_code >= 400, f"{method} {template} succeeded; expected error {code}: {r.text}"
        body: dict[str, Any] = r.json()["error"]
        assert body["code"] == code, f"{method} {template}: expected {code}, got {body}"
        return body


SHIP = "/my/ships/{ship}"


async def _travel(w: Walk, clock: FakeClock, ship: str, dest: str) -> None:
    """Orbit, navigate (drifting when fuel is short, after a 4203), and advance the fake clock to arrival."""
    nav = await w.ok("GET", "/my/ships/{shipSymbol}/nav", shipSymbol=ship)
    if nav["waypointSymbol"] == dest:
        return
    await w.ok("POST", "/my/ships/{shipSymbol}/orbit", shipSymbol=ship)
    r = await w.call(
        "POST", "/my/ships/{shipSymbol}/navigate", json={"waypointSymbol": dest}, shipSymbol=ship
    )
    if r.status_code == 400 and r.json()["error"]["code"] == 4203:
        await w.ok("PATCH", "/my/ships/{shipSymbol}/nav", json={"flightMode": "DRIFT"}, shipSymbol=ship)
        r = await w.call(
            "POST",
            "/my/ships/{shipSymbol}/navigate",
            json={"waypointSymbol": dest},
            shipSymbol=ship,
            expect=200,
        )
        await w.ok("PATCH", "/my/ships/{shipSymbol}/nav", json={"flightMode": "CRUISE"}, shipSymbol=ship)
    assert r.status_code == 200, r.text
    arrival = datetime.fromisoformat(r.json()["data"]["nav"]["route"]["arrival"])
    clock.advance((arrival - clock.now()).total_seconds() + 1)
    nav = await w.ok("GET", "/my/ships/{shipSymbol}/nav", shipSymbol=ship)
    assert nav["status"] == "IN_ORBIT" and nav["waypointSymbol"] == dest


async def _dock_refuel(w: Walk, ship: str, market: dict[str, Any]) -> None:
    await w.ok("POST", "/my/ships/{shipSymbol}/dock", shipSymbol=ship)
    if any(g["symbol"] == "FUEL" for g in market["exchange"] + market["exports"] + market["imports"]):
        await w.ok("POST", "/my/ships/{shipSymbol}/refuel", json={}, shipSymbol=ship)


async def test_every_operation_answers_spec_valid(
    client: httpx.AsyncClient, validator: Any, clock: FakeClock, server: Server
) -> None:
    w = Walk(client, validator)
    world = server.world
    wp_t = "/systems/{systemSymbol}/waypoints/{waypointSymbol}"

    # --- public data and registration ---
    status = await w.ok("GET", "/")
    assert status["resetDate"] == world.reset_date.isoformat()
    codes = await w.ok("GET", "/error-codes")
    assert {c["code"] for c in codes["errorCodes"]} >= {4000, 4203, 4600, 4700}
    await w.error("POST", "/register", 4103, json={"symbol": "NOBODY", "faction": "COSMIC"}, headers={})
    await w.error("POST", "/register", 422, json={"symbol": "x", "faction": "COSMIC"}, headers=ACCOUNT)
    reg = await w.ok(
        "POST", "/register", 201, json={"symbol": "walker", "faction": "COSMIC"}, headers=ACCOUNT
    )
    await w.error("POST", "/register", 4111, json={"symbol": "WALKER", "faction": "COSMIC"}, headers=ACCOUNT)
    w.token = reg["token"]
    agent = reg["agent"]
    assert agent["credits"] == 175_000 and agent["symbol"] == "WALKER"
    frigate, probe = reg["ships"][0]["symbol"], reg["ships"][1]["symbol"]
    assert (
        reg["ships"][0]["registration"]["role"] == "COMMAND"
        and reg["ships"][1]["frame"]["symbol"] == "FRAME_PROBE"
    )
    hq = agent["headquarters"]
    system = reg["ships"][0]["nav"]["systemSymbol"]

    await w.ok("GET", "/my/agent")
    await w.ok("GET", "/my/account")
    events = await w.ok("GET", "/my/agent/events")
    assert events and events[0]["type"] == "AGENT_REGISTERED"
    await w.ok("GET", "/my/factions")
    await w.call("GET", "/my/socket.io", expect=200)
    await w.ok("GET", "/agents")
    await w.ok("GET", "/agents/{agentSymbol}", agentSymbol="WALKER")
    await w.error("GET", "/agents/{agentSymbol}", 404, agentSymbol="NOBODY")
    factions = await w.ok("GET", "/factions", params={"limit": 20})
    assert len(factions) == 19
    await w.ok("GET", "/factions/{factionSymbol}", factionSymbol="COSMIC")
    await w.error("GET", "/factions/{factionSymbol}", 404, factionSymbol="NOPE")
    systems = await w.ok("GET", "/systems", params={"limit": 20, "page": 1})
    assert len(systems) == 20
    await w.ok("GET", "/systems/{systemSymbol}", systemSymbol=system)
    await w.error("GET", "/systems/{systemSymbol}", 404, systemSymbol="X1-NOPE")
    await w.error("GET", "/systems", 422, params={"limit": 21})
    await w.error("GET", "/systems", 422, params={"page": 0})
    await w.error("GET", "/systems", 422, params={"limit": "lots"})
    waypoints: list[dict[str, Any]] = []
    page = 1
    while True:
        batch = await w.ok(
            "GET",
            "/systems/{systemSymbol}/waypoints",
            params={"limit": 20, "page": page},
            systemSymbol=system,
        )
        waypoints += batch
        if len(batch) < 20:
            break
        page += 1
    by_type = {wp["type"]: wp["symbol"] for wp in waypoints}
    marketplaces = await w.ok(
        "GET", "/systems/{systemSymbol}/waypoints", params={"traits": "MARKETPLACE"}, systemSymbol=system
    )
    assert marketplaces and all(any(t["symbol"] == "MARKETPLACE" for t in m["traits"]) for m in marketplaces)
    gates = await w.ok(
        "GET", "/systems/{systemSymbol}/waypoints", params={"type": "JUMP_GATE"}, systemSymbol=system
    )
    assert [g["type"] for g in gates] == ["JUMP_GATE"]
    await w.error(
        "GET", "/systems/{systemSymbol}/waypoints", 422, params={"type": "CASTLE"}, systemSymbol=system
    )
    await w.ok("GET", wp_t, systemSymbol=system, waypointSymbol=hq)
    await w.error("GET", wp_t, 404, systemSymbol=system, waypointSymbol=f"{system}-ZZ9")
    markets: dict[str, dict[str, Any]] = {}
    for wp in waypoints:
        if any(t["symbol"] == "MARKETPLACE" for t in wp["traits"]):
            markets[wp["symbol"]] = await w.ok(
                "GET", wp_t + "/market", systemSymbol=system, waypointSymbol=wp["symbol"]
            )
    await w.error("GET", wp_t + "/market", 4603, systemSymbol=system, waypointSymbol=by_type["ASTEROID"])
    shipyard_wp = reg["ships"][1]["nav"]["waypointSymbol"]
    yard = await w.ok("GET", wp_t + "/shipyard", systemSymbol=system, waypointSymbol=shipyard_wp)
    assert "ships" in yard, "the probe sits at the shipyard, so listings are shown"
    await w.error("GET", wp_t + "/shipyard", 404, systemSymbol=system, waypointSymbol=by_type["ASTEROID"])
    gate = by_type["JUMP_GATE"]
    gate_info = await w.ok("GET", wp_t + "/jump-gate", systemSymbol=system, waypointSymbol=gate)
    assert gate_info["connections"]
    await w.ok("GET", wp_t + "/construction", systemSymbol=system, waypointSymbol=gate)
    chain = await w.ok("GET", "/market/supply-chain")
    assert chain["exportToImportMap"]["IRON"] == ["IRON_ORE"]

    # --- my data, auth errors ---
    ships = await w.ok("GET", "/my/ships")
    assert [s["symbol"] for s in ships] == [frigate, probe]
    await w.ok("GET", SHIP.replace("{ship}", "{shipSymbol}"), shipSymbol=frigate)
    await w.error("GET", "/my/ships/{shipSymbol}", 404, shipSymbol="WALKER-FF")
    await w.ok("GET", "/my/ships/{shipSymbol}/cargo", shipSymbol=frigate)
    await w.ok("GET", "/my/ships/{shipSymbol}/mounts", shipSymbol=frigate)
    await w.ok("GET", "/my/ships/{shipSymbol}/modules", shipSymbol=frigate)
    await w.call("GET", "/my/ships/{shipSymbol}/cooldown", expect=204, shipSymbol=frigate)
    await w.error("GET", "/my/agent", 4103, headers={})
    await w.error("GET", "/my/agent", 4104, headers={"Authorization": "Bearer not-a-token"})
    forged = w.token[:-4] + ("AAAA" if not w.token.endswith("AAAA") else "BBBB")
    await w.error("GET", "/my/agent", 4104, headers={"Authorization": f"Bearer {forged}"})
    contracts = await w.ok("GET", "/my/contracts")
    contract = contracts[0]
    cid = contract["id"]
    await w.ok("GET", "/my/contracts/{contractId}", contractId=cid)
    await w.error("GET", "/my/contracts/{contractId}", 404, contractId="nope")

    # --- trade: orbit, navigate, dock, refuel, buy, sell ---
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
    await _dock_refuel(w, frigate, markets[source])
    market = await w.ok("GET", wp_t + "/market", systemSymbol=system, waypointSymbol=source)
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

    # --- contract: accept, deliver, fulfil, negotiate ---
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
    await _travel(w, clock, frigate, dest)
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
        await _dock_refuel(w, frigate, markets[dest])

    # --- shipyard: buy a ship, parts, repair, scrap ---
    await _travel(w, clock, frigate, shipyard_wp)
    if shipyard_wp in markets:
        await _dock_refuel(w, frigate, markets[shipyard_wp])
    await w.ok("POST", "/my/ships/{shipSymbol}/dock", shipSymbol=frigate)
    far_yard = next(s for s in world.universe.shipyards if not s.startswith(system + "-"))
    await w.error("POST", "/my/ships", 4245, json={"shipType": "SHIP_PROBE", "waypointSymbol": far_yard})
    await w.error(
        "POST", "/my/ships", 422, json={"shipType": "SHIP_DEATHSTAR", "waypointSymbol": shipyard_wp}
    )
    world.agents["WALKER"].credits, credits = 10, world.agents["WALKER"].credits
    await w.error(
        "POST", "/my/ships", 4216, json={"shipType": "SHIP_MINING_DRONE", "waypointSymbol": shipyard_wp}
    )
    world.agents["WALKER"].credits = credits
    price = next(s["purchasePrice"] for s in yard["ships"] if s["type"] == "SHIP_MINING_DRONE")
    purchase = await w.ok(
        "POST", "/my/ships", 201, json={"shipType": "SHIP_MINING_DRONE", "waypointSymbol": shipyard_wp}
    )
    drone = purchase["ship"]["symbol"]
    assert purchase["transaction"]["price"] >= price * 0.9 and purchase["ship"]["nav"]["status"] == "DOCKED"
    yard_after = await w.ok("GET", wp_t + "/shipyard", systemSymbol=system, waypointSymbol=shipyard_wp)
    assert (
        next(s["purchasePrice"] for s in yard_after["ships"] if s["type"] == "SHIP_MINING_DRONE")
        > purchase["transaction"]["price"]
    ), "ship prices rise after a purchase"
    assert yard_after["transactions"][-1]["shipSymbol"] == drone
    removed = await w.ok(
        "POST",
        "/my/ships/{shipSymbol}/mounts/remove",
        201,
        json={"symbol": "MOUNT_SURVEYOR_II"},
        shipSymbol=frigate,
    )
    assert "MOUNT_SURVEYOR_II" not in [m["symbol"] for m in removed["mounts"]]
    await w.ok(
        "POST",
        "/my/ships/{shipSymbol}/mounts/install",
        201,
        json={"symbol": "MOUNT_SURVEYOR_II"},
        shipSymbol=frigate,
    )
    await w.error(
        "POST",
        "/my/ships/{shipSymbol}/mounts/install",
        4218,
        json={"symbol": "MOUNT_TURRET_I"},
        shipSymbol=frigate,
    )
    await w.error(
        "POST",
        "/my/ships/{shipSymbol}/mounts/remove",
        4247,
        json={"symbol": "MOUNT_TURRET_I"},
        shipSymbol=frigate,
    )
    await w.ok(
        "POST",
        "/my/ships/{shipSymbol}/modules/remove",
        201,
        json={"symbol": "MODULE_GAS_PROCESSOR_I"},
        shipSymbol=frigate,
    )
    await w.ok(
        "POST",
        "/my/ships/{shipSymbol}/modules/install",
        201,
        json={"symbol": "MODULE_GAS_PROCESSOR_I"},
        shipSymbol=frigate,
    )
    await w.ok("GET", "/my/ships/{shipSymbol}/repair", shipSymbol=frigate)
    repaired = await w.ok("POST", "/my/ships/{shipSymbol}/repair", shipSymbol=frigate)
    assert repaired["ship"]["engine"]["condition"] == 1.0
    await w.ok("GET", "/my/ships/{shipSymbol}/scrap", shipSymbol=probe)
    scrapped = await w.ok("POST", "/my/ships/{shipSymbol}/scrap", shipSymbol=probe)
    assert scrapped["transaction"]["shipSymbol"] == probe
    await w.error("GET", "/my/ships/{shipSymbol}", 404, shipSymbol=probe)

    # --- extraction, surveys, siphoning, transfer, jettison ---
    rock = by_type["ENGINEERED_ASTEROID"]
    await w.error("POST", "/my/ships/{shipSymbol}/extract", 4236, shipSymbol=frigate)
    await _travel(w, clock, frigate, rock)
    extracted = await w.ok("POST", "/my/ships/{shipSymbol}/extract", 201, shipSymbol=frigate)
    assert extracted["extraction"]["yield"]["units"] >= 1 and extracted["cooldown"]["remainingSeconds"] > 0
    cooldown = await w.ok("GET", "/my/ships/{shipSymbol}/cooldown", shipSymbol=frigate)
    assert cooldown["remainingSeconds"] > 0
    conflict = await w.error("POST", "/my/ships/{shipSymbol}/extract", 4000, shipSymbol=frigate)
    assert conflict["data"]["cooldown"]["remainingSeconds"] > 0
    clock.advance(cooldown["remainingSeconds"])
    surveyed = await w.ok("POST", "/my/ships/{shipSymbol}/survey", 201, shipSymbol=frigate)
    survey = surveyed["surveys"][0]
    clock.advance(surveyed["cooldown"]["remainingSeconds"])
    # a client that re-serialises the timestamp ('+00:00' for 'Z') still presents the same survey
    reformatted = {**survey, "expiration": datetime.fromisoformat(survey["expiration"]).isoformat()}
    await w.ok("POST", "/my/ships/{shipSymbol}/extract/survey", 201, json=reformatted, shipSymbol=frigate)
    clock.advance(200)
    tampered = {**survey, "deposits": [{"symbol": "DIAMONDS"}] * 5}
    await w.error("POST", "/my/ships/{shipSymbol}/extract/survey", 4220, json=tampered, shipSymbol=frigate)
    world.surveys[survey["signature"]].remaining = 0
    await w.error("POST", "/my/ships/{shipSymbol}/extract/survey", 4224, json=survey, shipSymbol=frigate)
    world.surveys[survey["signature"]].remaining = 5
    clock.advance(4000)
    await w.error("POST", "/my/ships/{shipSymbol}/extract/survey", 4221, json=survey, shipSymbol=frigate)
    await w.error("POST", "/my/ships/{shipSymbol}/siphon", 4259, shipSymbol=frigate)
    ship_state = world.ships[frigate]
    ship_state.cargo["SHIP_SALVAGE"] = 40 - ship_state.cargo_units
    await w.error("POST", "/my/ships/{shipSymbol}/extract", 4228, shipSymbol=frigate)
    await w.ok(
        "POST",
        "/my/ships/{shipSymbol}/jettison",
        json={"symbol": "SHIP_SALVAGE", "units": ship_state.cargo["SHIP_SALVAGE"]},
        shipSymbol=frigate,
    )
    mined = next(iter(world.ships[frigate].cargo))
    await w.error(
        "POST",
        "/my/ships/{shipSymbol}/jettison",
        4219,
        json={"symbol": mined, "units": 999},
        shipSymbol=frigate,
    )
    await _travel(w, clock, drone, rock)
    moved = await w.ok(
        "POST",
        "/my/ships/{shipSymbol}/transfer",
        json={"tradeSymbol": mined, "units": 1, "shipSymbol": drone},
        shipSymbol=frigate,
    )
    assert moved["targetCargo"]["units"] == 1
    await w.error(
        "POST",
        "/my/ships/{shipSymbol}/transfer",
        4233,
        json={"tradeSymbol": mined, "units": 1, "shipSymbol": frigate},
        shipSymbol=frigate,
    )
    await w.error(
        "POST",
        "/my/ships/{shipSymbol}/transfer",
        4231,
        json={"tradeSymbol": mined, "units": 1, "shipSymbol": "GHOST-1"},
        shipSymbol=frigate,
    )
    await w.error("POST", "/my/ships/{shipSymbol}/scan/systems", 4215, shipSymbol=drone)
    await w.error("POST", "/my/ships/{shipSymbol}/refine", 4239, json={"produce": "IRON"}, shipSymbol=frigate)
    await w.error(
        "POST", "/my/ships/{shipSymbol}/refine", 422, json={"produce": "GOLD_BARS"}, shipSymbol=frigate
    )
    await _travel(w, clock, frigate, by_type["GAS_GIANT"])
    siphoned = await w.ok("POST", "/my/ships/{shipSymbol}/siphon", 201, shipSymbol=frigate)
    assert siphoned["siphon"]["yield"]["units"] >= 1

    # --- scans, chart, warp, jump, construction ---
    for kind in ("systems", "waypoints", "ships"):
        clock.advance(300)
        await w.ok("POST", "/my/ships/{shipSymbol}/scan/" + kind, 201, shipSymbol=frigate)
    here = world.universe.waypoints[by_type["GAS_GIANT"]]
    await w.error("POST", "/my/ships/{shipSymbol}/chart", 4230, shipSymbol=frigate)
    here.charted_by = None
    charted = await w.ok("POST", "/my/ships/{shipSymbol}/chart", 201, shipSymbol=frigate)
    assert charted["chart"]["submittedBy"] == "WALKER" and charted["transaction"]["totalPrice"] > 0
    await w.error(
        "POST", "/my/ships/{shipSymbol}/warp", 4241, json={"waypointSymbol": elsewhere}, shipSymbol=frigate
    )
    await w.error(
        "POST",
        "/my/ships/{shipSymbol}/jump",
        4254,
        json={"waypointSymbol": gate_info["connections"][0]},
        shipSymbol=frigate,
    )
    await _travel(w, clock, frigate, gate)
    await w.ok("POST", "/my/ships/{shipSymbol}/dock", shipSymbol=frigate)
    site = world.universe.constructions[gate]
    await w.error(
        "POST",
        wp_t + "/construction/supply",
        4801,
        json={"shipSymbol": frigate, "tradeSymbol": "FAB_MATS", "units": 1},
        systemSymbol=system,
        waypointSymbol=gate,
    )
    site.materials["FAB_MATS"][1] = 0
    world.ships[frigate].cargo["FAB_MATS"] = 2
    supplied = await w.ok(
        "POST",
        wp_t + "/construction/supply",
        201,
        json={"shipSymbol": frigate, "tradeSymbol": "FAB_MATS", "units": 2},
        systemSymbol=system,
        waypointSymbol=gate,
    )
    assert (
        supplied["construction"]["materials"][0]["fulfilled"] == 2
        and not supplied["construction"]["isComplete"]
    )
    site.materials["FAB_MATS"][1] = 1600
    await w.error(
        "POST",
        wp_t + "/construction/supply",
        4800,
        json={"shipSymbol": frigate, "tradeSymbol": mined, "units": 1},
        systemSymbol=system,
        waypointSymbol=gate,
    )
    await w.ok("POST", "/my/ships/{shipSymbol}/orbit", shipSymbol=frigate)
    clock.advance(100)
    target = next(g for g in gate_info["connections"] if not world.universe.waypoints[g].under_construction)
    jumped = await w.ok(
        "POST", "/my/ships/{shipSymbol}/jump", json={"waypointSymbol": target}, shipSymbol=frigate
    )
    assert jumped["nav"]["waypointSymbol"] == target and jumped["transaction"]["tradeSymbol"] == "ANTIMATTER"
    await w.error(
        "POST", "/my/ships/{shipSymbol}/jump", 4000, json={"waypointSymbol": gate}, shipSymbol=frigate
    )

    # --- coverage ---
    assert len(validator.operations) == 64
    missing = sorted(set(validator.operations) - set(w.seen))
    assert not missing, f"operations never exercised: {missing}"
    print(f"\nstsim spec walk: {len(w.seen)} operations, {validator.checked} responses validated")

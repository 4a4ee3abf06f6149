"""Spec walk, part 1: public data, registration, the agent's own data and auth errors."""

from __future__ import annotations

from typing import Any

from tests.stsim.walk import ACCOUNT, SHIP, WP, Game


async def public(g: Game) -> None:
    """Status, error codes, registration, systems, waypoints, markets, shipyards, gates."""
    w, world = g.w, g.world
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
    await w.ok("GET", WP, systemSymbol=system, waypointSymbol=hq)
    await w.error("GET", WP, 404, systemSymbol=system, waypointSymbol=f"{system}-ZZ9")
    markets: dict[str, dict[str, Any]] = {}
    for wp in waypoints:
        if any(t["symbol"] == "MARKETPLACE" for t in wp["traits"]):
            markets[wp["symbol"]] = await w.ok(
                "GET", WP + "/market", systemSymbol=system, waypointSymbol=wp["symbol"]
            )
    await w.error("GET", WP + "/market", 4603, systemSymbol=system, waypointSymbol=by_type["ASTEROID"])
    shipyard_wp = reg["ships"][1]["nav"]["waypointSymbol"]
    yard = await w.ok("GET", WP + "/shipyard", systemSymbol=system, waypointSymbol=shipyard_wp)
    assert "ships" in yard, "the probe sits at the shipyard, so listings are shown"
    await w.error("GET", WP + "/shipyard", 404, systemSymbol=system, waypointSymbol=by_type["ASTEROID"])
    gate = by_type["JUMP_GATE"]
    gate_info = await w.ok("GET", WP + "/jump-gate", systemSymbol=system, waypointSymbol=gate)
    assert gate_info["connections"]
    await w.ok("GET", WP + "/construction", systemSymbol=system, waypointSymbol=gate)
    chain = await w.ok("GET", "/market/supply-chain")
    assert chain["exportToImportMap"]["IRON"] == ["IRON_ORE"]
    g.frigate = frigate
    g.probe = probe
    g.hq = hq
    g.system = system
    g.shipyard_wp = shipyard_wp
    g.gate = gate
    g.by_type = by_type
    g.markets = markets
    g.yard = yard
    g.gate_info = gate_info
    g.reg = reg


async def mine(g: Game) -> None:
    """The agent's ships, contracts and the token errors."""
    w = g.w
    frigate = g.frigate
    probe = g.probe
    ships = await w.ok("GET", "/my/ships")
    assert [s["symbol"] for s in ships] == [frigate, probe]
    await w.ok("GET", SHIP, shipSymbol=frigate)
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
    g.cid = cid
    g.contract = contract

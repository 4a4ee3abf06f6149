"""Spec walk, part 3: shipyard, extraction and exploration."""

from __future__ import annotations

from datetime import datetime

from tests.stsim.walk import WP, Game, dock_refuel, travel


async def shipyard(g: Game) -> None:
    """Buy a ship, change mounts and modules, repair, scrap."""
    w, world, clock = g.w, g.world, g.clock
    frigate = g.frigate
    probe = g.probe
    system = g.system
    shipyard_wp = g.shipyard_wp
    yard = g.yard
    markets = g.markets
    await travel(w, clock, frigate, shipyard_wp)
    if shipyard_wp in markets:
        await dock_refuel(w, frigate, markets[shipyard_wp])
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
    yard_after = await w.ok("GET", WP + "/shipyard", systemSymbol=system, waypointSymbol=shipyard_wp)
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
    g.drone = drone


async def extraction(g: Game) -> None:
    """Extract, survey, extract with a survey, siphon, transfer, jettison."""
    w, world, clock = g.w, g.world, g.clock
    frigate = g.frigate
    drone = g.drone
    by_type = g.by_type
    rock = by_type["ENGINEERED_ASTEROID"]
    await w.error("POST", "/my/ships/{shipSymbol}/extract", 4236, shipSymbol=frigate)
    await travel(w, clock, frigate, rock)
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
    await travel(w, clock, drone, rock)
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
    await travel(w, clock, frigate, by_type["GAS_GIANT"])
    siphoned = await w.ok("POST", "/my/ships/{shipSymbol}/siphon", 201, shipSymbol=frigate)
    assert siphoned["siphon"]["yield"]["units"] >= 1
    g.mined = mined


async def exploration(g: Game) -> None:
    """Scans, chart, warp, construction supply and jump."""
    w, world, clock = g.w, g.world, g.clock
    frigate = g.frigate
    system = g.system
    gate = g.gate
    elsewhere = g.elsewhere
    mined = g.mined
    by_type = g.by_type
    gate_info = g.gate_info
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
    await travel(w, clock, frigate, gate)
    await w.ok("POST", "/my/ships/{shipSymbol}/dock", shipSymbol=frigate)
    site = world.universe.constructions[gate]
    await w.error(
        "POST",
        WP + "/construction/supply",
        4801,
        json={"shipSymbol": frigate, "tradeSymbol": "FAB_MATS", "units": 1},
        systemSymbol=system,
        waypointSymbol=gate,
    )
    site.materials["FAB_MATS"][1] = 0
    world.ships[frigate].cargo["FAB_MATS"] = 2
    supplied = await w.ok(
        "POST",
        WP + "/construction/supply",
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
        WP + "/construction/supply",
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

"""Entity adapters decode the spec-shaped fixtures into the values a reader of the JSON would expect."""

from __future__ import annotations

from datetime import UTC, date, datetime

from stdaemon.api import adapters
from tests.adapters.payloads import data


def test_agent() -> None:
    agent = adapters.agent(data("agent"))
    assert (agent.symbol, agent.credits, agent.ship_count) == ("STDAEMON_TEST", 175000, 2)
    assert (agent.headquarters, agent.starting_faction) == ("X1-KD26-A1", "COSMIC")
    assert agent.account_id == "cm9k2x0qa00ab01s6f3gh7d2e"


def test_ship() -> None:
    ship = adapters.ship(data("ship"))
    assert (ship.symbol, ship.name, ship.role, ship.faction_symbol) == (
        "STDAEMON_TEST-1",
        "STDAEMON_TEST-1",
        "COMMAND",
        "COSMIC",
    )
    assert (ship.nav.system_symbol, ship.nav.waypoint_symbol, ship.nav.status) == (
        "X1-KD26",
        "X1-KD26-A1",
        "DOCKED",
    )
    assert ship.nav.route is not None and ship.nav.route.arrival == datetime(
        2025, 4, 20, 10, 14, 3, 412000, UTC
    )
    assert (ship.fuel.current, ship.fuel.capacity, ship.fuel.consumed_amount) == (400, 400, 0)
    assert (ship.cargo.capacity, ship.cargo.units) == (40, 12)
    assert [(i.symbol, i.units) for i in ship.cargo.inventory] == [("IRON_ORE", 7), ("QUARTZ_SAND", 5)]
    assert (
        ship.cooldown is not None
        and ship.cooldown.remaining_seconds == 0
        and ship.cooldown.expiration is None
    )
    assert ship.frame is not None and (ship.frame.symbol, ship.frame.fuel_capacity, ship.frame.quality) == (
        "FRAME_FRIGATE",
        400,
        4,
    )
    assert ship.engine is not None and ship.engine.speed == 36
    assert ship.reactor is not None and ship.reactor.power_output == 31
    assert [x.symbol for x in ship.mounts][-1] == "MOUNT_SURVEYOR_II"
    assert "IRON_ORE" in ship.mounts[-1].deposits
    assert [x.capacity for x in ship.modules][:2] == [40, 40]
    assert ship.crew is not None and (ship.crew.current, ship.crew.morale) == (57, 100)


def test_in_transit_ship_route() -> None:
    probe = adapters.ship(data("ships")[1])
    assert probe.nav.status == "IN_TRANSIT"
    route = probe.nav.route
    assert route is not None and route.origin is not None and route.destination is not None
    assert (route.origin.symbol, route.destination.symbol, route.destination.type) == (
        "X1-KD26-A1",
        "X1-KD26-H55",
        "ORBITAL_STATION",
    )
    assert route.departure_time == datetime(2025, 4, 20, 10, 20, tzinfo=UTC)
    assert route.arrival == datetime(2025, 4, 20, 10, 23, 23, tzinfo=UTC)


def test_system() -> None:
    system = adapters.system(data("system"))
    assert (system.symbol, system.sector_symbol, system.type, system.x, system.y) == (
        "X1-KD26",
        "X1",
        "ORANGE_STAR",
        -3204,
        11087,
    )
    assert system.factions == ("COSMIC",)
    a1, a2 = system.waypoints[:2]
    assert (a1.symbol, a1.orbitals, a1.orbits) == ("X1-KD26-A1", ("X1-KD26-A2", "X1-KD26-A3"), None)
    assert (a2.symbol, a2.orbits) == ("X1-KD26-A2", "X1-KD26-A1")


def test_waypoints() -> None:
    a1, a2, b7, i61 = (adapters.waypoint(w) for w in data("waypoints"))
    assert a1.traits == ("ROCKY", "MARKETPLACE", "SHIPYARD")
    assert a1.faction_symbol == "COSMIC" and a1.orbits is None
    assert a1.chart is not None and a1.chart.submitted_by == "COSMIC"
    assert a1.chart.submitted_on == datetime(2025, 4, 13, 16, 0, 2, 331000, UTC)
    assert a2.orbits == "X1-KD26-A1"
    assert b7.modifiers == ("UNSTABLE",) and "STRIPPED" in b7.traits
    assert (i61.type, i61.is_under_construction, i61.chart, i61.faction_symbol) == (
        "JUMP_GATE",
        True,
        None,
        None,
    )
    assert i61.traits == ("UNCHARTED",)


def test_market() -> None:
    market = adapters.market(data("market"))
    assert (market.exports, market.imports, market.exchange) == (("IRON",), ("IRON_ORE", "FOOD"), ("FUEL",))
    iron, _, food, fuel = market.trade_goods
    assert (iron.symbol, iron.type, iron.trade_volume, iron.supply, iron.activity) == (
        "IRON",
        "EXPORT",
        20,
        "MODERATE",
        "GROWING",
    )
    assert (food.purchase_price, food.sell_price) == (4152, 1953)
    assert fuel.activity is None  # exchange goods carry no activity
    tx = market.transactions[0]
    assert (tx.ship_symbol, tx.trade_symbol, tx.type, tx.units, tx.price_per_unit, tx.total_price) == (
        "STDAEMON_TEST-1",
        "FUEL",
        "PURCHASE",
        4,
        72,
        288,
    )
    assert tx.timestamp.tzinfo is not None


def test_market_without_a_ship_present_has_no_prices() -> None:
    payload = data("market")
    del payload["tradeGoods"], payload["transactions"]
    market = adapters.market(payload)
    assert (market.trade_goods, market.transactions) == ((), ())
    assert market.exports == ("IRON",)


def test_shipyard() -> None:
    yard = adapters.shipyard(data("shipyard"))
    assert yard.ship_types == ("SHIP_PROBE", "SHIP_MINING_DRONE", "SHIP_LIGHT_HAULER")
    assert yard.modifications_fee == 100
    probe, drone = yard.ships
    assert (probe.type, probe.purchase_price, probe.supply, probe.activity) == (
        "SHIP_PROBE",
        21032,
        "MODERATE",
        "WEAK",
    )
    assert drone.frame is not None and drone.frame.symbol == "FRAME_DRONE"
    assert [x.symbol for x in drone.mounts] == ["MOUNT_MINING_LASER_I"]
    assert (drone.crew_required, drone.crew_capacity) == (0, 0)
    assert [(t.ship_type, t.price, t.agent_symbol, t.ship_symbol) for t in yard.transactions] == [
        ("SHIP_PROBE", 20012, "STDAEMON_TEST", "STDAEMON_TEST-3"),
        ("SHIP_PROBE", 20496, "STDAEMON_TEST", "STDAEMON_TEST-4"),
    ]


def test_jump_gate_and_construction() -> None:
    gate = adapters.jump_gate(data("jump-gate"))
    assert gate.connections == ("X1-QM77-X2", "X1-BZ41-I53", "X1-RV9-I68")
    site = adapters.construction(data("construction"))
    assert site.is_complete is False
    assert [(x.trade_symbol, x.required, x.fulfilled) for x in site.materials] == [
        ("FAB_MATS", 1600, 212),
        ("ADVANCED_CIRCUITRY", 400, 0),
        ("QUANTUM_STABILIZERS", 1, 1),
    ]


def test_contracts() -> None:
    offered, accepted = (adapters.contract(c) for c in data("contracts"))
    assert (offered.type, offered.accepted, offered.fulfilled) == ("PROCUREMENT", False, False)
    assert (offered.on_accepted, offered.on_fulfilled) == (2592, 16244)
    assert offered.deadline == datetime(2025, 4, 27, 10, 14, 3, 412000, UTC)
    assert offered.deadline_to_accept == datetime(2025, 4, 21, 10, 14, 3, 412000, UTC)
    assert [
        (d.trade_symbol, d.destination_symbol, d.units_required, d.units_fulfilled) for d in accepted.deliver
    ] == [
        ("MACHINERY", "X1-KD26-B7", 30, 30),
        ("FOOD", "X1-KD26-B7", 20, 8),
    ]


def test_factions() -> None:
    cosmic, ethereal = (adapters.faction(f) for f in data("factions"))
    assert (cosmic.name, cosmic.headquarters, cosmic.is_recruiting) == (
        "Cosmic Engineers",
        "X1-KD26-A1",
        True,
    )
    assert cosmic.traits == ("INNOVATIVE", "BOLD", "VISIONARY", "CURIOUS")
    assert (ethereal.headquarters, ethereal.is_recruiting) == (None, False)


def test_supply_chain() -> None:
    chain = adapters.supply_chain(data("supply-chain"))
    assert chain.export_to_import_map["FAB_MATS"] == ("IRON", "QUARTZ_SAND")
    assert len(chain.export_to_import_map) == 6


def test_server_status() -> None:
    from tests.adapters.payloads import body

    status = adapters.server_status(body("status"))  # GET / has no envelope
    assert status.reset_date == date(2025, 4, 13)
    assert (status.version, status.reset_frequency) == ("v2.3.0", "weekly")
    assert status.next_reset == datetime(2025, 4, 27, tzinfo=UTC)


def test_cooldown() -> None:
    cooldown = adapters.cooldown(data("cooldown"))
    assert (cooldown.ship_symbol, cooldown.total_seconds, cooldown.remaining_seconds) == (
        "STDAEMON_TEST-1",
        70,
        69,
    )
    assert cooldown.expiration == datetime(2025, 4, 20, 10, 42, 49, 500000, UTC)


def test_models_are_frozen_and_raw_stays_out_of_repr() -> None:
    import pydantic
    import pytest

    agent = adapters.agent(data("agent"))
    with pytest.raises(pydantic.ValidationError):
        agent.credits = 0  # type: ignore[misc]
    assert "accountId" not in repr(agent) and "STDAEMON_TEST" in repr(agent)

"""Action-result adapters: every POST's `data` decodes into the new state it reports."""

from __future__ import annotations

from datetime import UTC, datetime

from stdaemon.api import adapters
from tests.adapters.payloads import data


def test_navigate_and_warp() -> None:
    result = adapters.nav_result(data("navigate"), kind="navigate")
    assert (result.nav.status, result.nav.waypoint_symbol) == ("IN_TRANSIT", "X1-KD26-B7")
    assert result.nav.route is not None and result.nav.route.arrival == datetime(
        2025, 4, 20, 10, 40, 39, tzinfo=UTC
    )
    assert result.fuel is not None and (result.fuel.current, result.fuel.consumed_amount) == (364, 36)
    assert [(e.symbol, e.component) for e in result.events] == [("REACTOR_OVERLOAD", "REACTOR")]
    warp = adapters.nav_result(data("warp"), kind="warp")
    assert (warp.nav.system_symbol, warp.events) == ("X1-QM77", ())


def test_orbit_and_dock_have_nav_only() -> None:
    orbit = adapters.nav_result(data("orbit"), kind="orbit")
    dock = adapters.nav_result(data("dock"), kind="dock")
    assert (orbit.nav.status, dock.nav.status) == ("IN_ORBIT", "DOCKED")
    assert (orbit.fuel, orbit.events) == (None, ())


def test_purchase_and_sell() -> None:
    bought = adapters.trade_result(data("purchase"), kind="purchase")
    assert bought.agent.credits == 173208
    assert (bought.transaction.type, bought.transaction.units, bought.transaction.total_price) == (
        "PURCHASE",
        8,
        1904,
    )
    assert bought.cargo.units == 20
    sold = adapters.trade_result(data("sell"), kind="sell")
    assert (sold.transaction.type, sold.transaction.trade_symbol, sold.agent.credits) == (
        "SELL",
        "IRON_ORE",
        175427,
    )


def test_refuel() -> None:
    result = adapters.refuel_result(data("refuel"))
    assert (result.fuel.current, result.transaction.trade_symbol, result.transaction.total_price) == (
        400,
        "FUEL",
        288,
    )
    assert result.cargo is None
    assert result.agent.credits == 174712


def test_extract_and_siphon() -> None:
    mined = adapters.extract_result(data("extract"))
    assert (mined.extraction.trade_symbol, mined.extraction.units, mined.extraction.siphon) == (
        "IRON_ORE",
        5,
        False,
    )
    assert (mined.cooldown.total_seconds, mined.cargo.units, mined.modifiers) == (70, 17, ("UNSTABLE",))
    assert [e.component for e in mined.events] == ["FRAME"]
    siphoned = adapters.extract_result(data("siphon"), kind="siphon")
    assert (siphoned.extraction.trade_symbol, siphoned.extraction.units, siphoned.extraction.siphon) == (
        "HYDROCARBON",
        18,
        True,
    )
    assert siphoned.extraction.raw == data("siphon")["siphon"]


def test_survey() -> None:
    result = adapters.survey_result(data("survey"))
    first, second = result.surveys
    assert (first.signature, first.symbol, first.size) == ("X1-KD26-B7-8F2C1A", "X1-KD26-B7", "MODERATE")
    assert first.deposits == ("IRON_ORE", "IRON_ORE", "ALUMINUM_ORE", "QUARTZ_SAND")
    assert second.expiration == datetime(2025, 4, 20, 10, 58, 40, tzinfo=UTC)
    assert first.raw == data("survey")["surveys"][0]  # sent back unmodified to extract with it
    assert result.cooldown.remaining_seconds == 79


def test_contract_actions() -> None:
    accepted = adapters.contract_result(data("accept-contract"), kind="accept-contract")
    assert accepted.contract.accepted and accepted.agent is not None and accepted.agent.credits == 177592
    assert accepted.cargo is None
    delivered = adapters.contract_result(data("deliver-contract"), kind="deliver-contract")
    assert delivered.contract.deliver[0].units_fulfilled == 12
    assert delivered.cargo is not None and delivered.agent is None
    fulfilled = adapters.contract_result(data("fulfill-contract"), kind="fulfill-contract")
    assert fulfilled.contract.fulfilled and fulfilled.agent is not None and fulfilled.agent.credits == 193836
    offered = adapters.contract_result(data("negotiate-contract"), kind="negotiate-contract")
    assert (offered.contract.type, offered.contract.accepted, offered.agent) == ("TRANSPORT", False, None)


def test_purchase_ship() -> None:
    result = adapters.ship_purchase_result(data("purchase-ship"))
    assert (result.ship.symbol, result.ship.nav.status, result.agent.ship_count) == (
        "STDAEMON_TEST-3",
        "DOCKED",
        3,
    )
    assert (result.transaction.ship_type, result.transaction.price) == ("SHIP_PROBE", 20012)


def test_jump() -> None:
    result = adapters.jump_result(data("jump"))
    assert (result.nav.system_symbol, result.nav.status) == ("X1-QM77", "IN_ORBIT")
    assert result.cooldown is not None and result.cooldown.total_seconds == 68
    assert result.transaction is not None and result.transaction.trade_symbol == "ANTIMATTER"
    assert result.agent is not None and result.agent.credits == 169951


def test_chart() -> None:
    result = adapters.chart_result(data("chart"))
    assert result.chart is not None and result.chart.submitted_by == "STDAEMON_TEST"
    assert result.waypoint is not None and result.waypoint.traits == ("MARKETPLACE",)
    assert result.transaction is not None and result.transaction.total_price == 1000
    assert result.agent is not None and result.agent.credits == 176000


def test_cargo_results() -> None:
    jettisoned = adapters.cargo_result(data("jettison"), kind="jettison")
    assert (jettisoned.cargo.units, jettisoned.target_cargo) == (5, None)
    moved = adapters.cargo_result(data("transfer"), kind="transfer")
    assert moved.target_cargo is not None and moved.target_cargo.inventory[0].symbol == "IRON_ORE"


def test_supply_construction_and_refine() -> None:
    supplied = adapters.construction_supply_result(data("supply-construction"))
    assert supplied.construction.materials[0].fulfilled == 252 and supplied.cargo.units == 0
    refined = adapters.refine_result(data("refine"))
    assert [(y.trade_symbol, y.units) for y in refined.produced] == [("IRON", 10)]
    assert [(y.trade_symbol, y.units) for y in refined.consumed] == [("IRON_ORE", 100)]


def test_register_keeps_the_token_secret() -> None:
    token = "eyJhbGciOiJSUzI1NiIsInR5cCI6IkpXVCJ9.secret-part"
    payload = {
        "token": token,
        "agent": data("agent"),
        "faction": data("faction"),
        "contract": data("contract"),
        "ships": data("ships"),
    }
    result = adapters.register_result(payload)
    assert result.token.get_secret_value() == token
    assert token not in repr(result) and token not in str(result.model_dump())
    assert "token" not in result.raw and result.raw["agent"] == payload["agent"]
    assert [s.symbol for s in result.ships] == ["STDAEMON_TEST-1", "STDAEMON_TEST-2"]
    assert result.faction is not None and result.contract is not None


def test_part_adapters_for_single_gets() -> None:
    """GET nav / cargo / mounts / modules and the parts the gateway may hand over on their own."""
    ship = data("ship")
    assert adapters.nav(ship["nav"]).waypoint_symbol == "X1-KD26-A1"
    assert adapters.fuel(ship["fuel"]).capacity == 400
    assert adapters.cargo(ship["cargo"]).units == 12
    assert [m.strength for m in adapters.mounts(ship["mounts"])] == [4, 20, 5, 2]
    assert [m.symbol for m in adapters.modules(ship["modules"])] == [m["symbol"] for m in ship["modules"]]
    assert adapters.survey(data("survey")["surveys"][1]).size == "SMALL"
    assert adapters.market_transaction(data("purchase")["transaction"]).total_price == 1904


def test_list_adapters_need_a_list() -> None:
    import pytest

    from stdaemon.api.adapters import DecodeError

    with pytest.raises(DecodeError, match=r"^mounts: \$: expected a list, got an object$"):
        adapters.mounts({"symbol": "MOUNT_SURVEYOR_II"})


def test_mount_and_module_changes() -> None:
    installed = adapters.modification_result(data("install-mount"), kind="install-mount")
    assert installed.mounts is not None and len(installed.mounts) == 4 and installed.modules is None
    assert (installed.transaction.trade_symbol, installed.transaction.total_price) == (
        "MOUNT_MINING_LASER_II",
        100,
    )
    removed = adapters.modification_result(data("remove-module"), kind="remove-module")
    assert removed.modules is not None and removed.mounts is None
    assert [m.symbol for m in removed.modules] == [
        "MODULE_CREW_QUARTERS_I",
        "MODULE_MINERAL_PROCESSOR_I",
        "MODULE_GAS_PROCESSOR_I",
    ]
    assert removed.cargo.inventory[0].symbol == "MODULE_CARGO_HOLD_II"


def test_repair_and_scrap() -> None:
    repaired = adapters.shipyard_service_result(data("repair"), kind="repair")
    assert repaired.ship is not None and repaired.ship.symbol == "STDAEMON_TEST-1"
    assert repaired.transaction.total_price == 3462 and repaired.transaction.trade_symbol is None
    quote = adapters.shipyard_service_result(data("repair-quote"), kind="repair-quote")
    assert (quote.agent, quote.ship, quote.transaction.total_price) == (None, None, 3462)
    scrapped = adapters.shipyard_service_result(data("scrap"), kind="scrap")
    assert scrapped.agent is not None and scrapped.agent.ship_count == 1
    assert scrapped.transaction.ship_symbol == "STDAEMON_TEST-2" and scrapped.ship is None

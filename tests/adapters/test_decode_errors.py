"""Payloads that cannot be understood raise one DecodeError naming the kind and the JSON path."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from stdaemon.api import adapters
from stdaemon.api.adapters import DecodeError
from stdaemon.exits import StdaemonError
from tests.adapters.payloads import body, data


def _break(name: str, change: Callable[[Any], None]) -> Any:
    payload = body(name) if name == "status" else data(name)  # GET / has no envelope
    change(payload)
    return payload


CASES: list[tuple[str, Callable[[Any], Any], Callable[[Any], None], str]] = [
    (
        "market",
        adapters.market,
        lambda p: p["tradeGoods"][3].update(purchasePrice="abc"),
        "market: $.tradeGoods[3].purchasePrice: expected an integer, got 'abc'",
    ),
    (
        "market",
        adapters.market,
        lambda p: p["tradeGoods"][0].update(sellPrice=115.5),
        "market: $.tradeGoods[0].sellPrice: expected an integer, got 115.5",
    ),
    (
        "market",
        adapters.market,
        lambda p: p.update(tradeGoods={"IRON": 1}),
        "market: $.tradeGoods: expected a list, got an object",
    ),
    (
        "market",
        adapters.market,
        lambda p: p["transactions"][1].update(timestamp="yesterday"),
        "market: $.transactions[1].timestamp: expected an ISO 8601 timestamp, got 'yesterday'",
    ),
    (
        "ship",
        adapters.ship,
        lambda p: p.update(nav=[p["nav"]]),
        "ship: $.nav: expected an object, got a list",
    ),
    (
        "ship",
        adapters.ship,
        lambda p: p.pop("symbol"),
        "ship: $.symbol: required field missing",
    ),
    (
        "ship",
        adapters.ship,
        lambda p: p.update(symbol=""),
        "ship: $.symbol: expected a non-empty symbol, got ''",
    ),
    (
        "ship",
        adapters.ship,
        lambda p: p["fuel"].update(current=None),
        "ship: $.fuel.current: required field is null",
    ),
    (
        "ship",
        adapters.ship,
        lambda p: p["cargo"]["inventory"][1].update(units=True),
        "ship: $.cargo.inventory[1].units: expected an integer, got true",
    ),
    (
        "ship",
        adapters.ship,
        lambda p: p["frame"].update(condition="good"),
        "ship: $.frame.condition: expected a number, got 'good'",
    ),
    (
        "waypoint",
        adapters.waypoint,
        lambda p: p["traits"].append(7),
        "waypoint: $.traits[3]: expected an object, got 7",
    ),
    (
        "waypoint",
        adapters.waypoint,
        lambda p: p.update(isUnderConstruction="no"),
        "waypoint: $.isUnderConstruction: expected true or false, got 'no'",
    ),
    (
        "system",
        adapters.system,
        lambda p: p["waypoints"][0].update(symbol=42),
        "system: $.waypoints[0].symbol: expected a string, got 42",
    ),
    (
        "contract",
        adapters.contract,
        lambda p: p["terms"]["deliver"][0].pop("unitsRequired"),
        "contract: $.terms.deliver[0].unitsRequired: required field missing",
    ),
    (
        "jump-gate",
        adapters.jump_gate,
        lambda p: p["connections"].append(None),
        "jump-gate: $.connections[3]: expected a string, got null",
    ),
    (
        "supply-chain",
        adapters.supply_chain,
        lambda p: p["exportToImportMap"].update(FUEL="HYDROCARBON"),
        "supply-chain: $.exportToImportMap.FUEL: expected a list, got 'HYDROCARBON'",
    ),
    (
        "status",
        adapters.server_status,
        lambda p: p.update(resetDate="soon"),
        "status: $.resetDate: expected a date, got 'soon'",
    ),
    (
        "shipyard",
        adapters.shipyard,
        lambda p: p["transactions"][0].pop("price"),
        "shipyard: $.transactions[0].price: required field missing",
    ),
]


@pytest.mark.parametrize(("name", "adapter", "change", "message"), CASES, ids=[c[3] for c in CASES])
def test_undecodable(
    name: str, adapter: Callable[[Any], Any], change: Callable[[Any], None], message: str
) -> None:
    with pytest.raises(DecodeError) as caught:
        adapter(_break(name, change))
    assert str(caught.value) == message
    kind, path, reason = message.split(": ", 2)
    assert (caught.value.kind, caught.value.path, caught.value.reason) == (kind, path, reason)


@pytest.mark.parametrize("payload", [[], "X1-KD26-A1", None, 3])
def test_an_object_is_required(payload: Any) -> None:
    with pytest.raises(DecodeError, match=r"^market: \$: expected an object, got "):
        adapters.market(payload)


def test_action_results_name_the_operation() -> None:
    payload = data("navigate")
    payload["fuel"]["current"] = "full"
    with pytest.raises(DecodeError) as caught:
        adapters.nav_result(payload, kind="navigate")
    assert str(caught.value) == "navigate: $.fuel.current: expected an integer, got 'full'"


def test_missing_parts_of_an_action_result() -> None:
    payload = data("purchase")
    del payload["transaction"]
    with pytest.raises(DecodeError, match=r"^trade: \$\.transaction: required field missing$"):
        adapters.trade_result(payload)


def test_long_values_are_shortened_in_messages() -> None:
    payload = data("agent")
    payload["credits"] = "x" * 500
    with pytest.raises(DecodeError) as caught:
        adapters.agent(payload)
    assert len(str(caught.value)) < 120 and str(caught.value).endswith("...")


def test_decode_error_is_a_one_line_stdaemon_error() -> None:
    error = DecodeError("market", "$.symbol", "required field missing")
    assert isinstance(error, StdaemonError) and "\n" not in str(error)

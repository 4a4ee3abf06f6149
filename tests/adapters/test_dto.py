"""The check that stands before the generated `from_dict`: derived from the generated models, exact paths."""

from __future__ import annotations

import inspect
import re
from typing import Any

import attrs
import pytest

import space_traders_api_client.models as gm
from stdaemon.api import adapters
from stdaemon.api.adapters import DecodeError
from stdaemon.api.adapters.dto import checker, json_key, load
from stdaemon.api.adapters.mapping import decode, decode_list
from stdaemon.domain.agents import Agent
from tests.adapters.payloads import data

MODELS = [getattr(gm, name) for name in gm.__all__]


def test_json_keys_are_the_keys_the_generated_models_read() -> None:
    """`json_key` inverts the generator's naming for every model: the check looks where from_dict looks."""
    for cls in MODELS:
        read = set(re.findall(r'd\.pop\("([^"]+)"', inspect.getsource(cls.from_dict)))
        ours = {json_key(f.name) for f in attrs.fields(cls) if f.name != "additional_properties"}
        assert ours == read, cls.__name__


def test_every_generated_model_has_a_check() -> None:
    """A regeneration that brings a type the check does not know fails here, not on a live payload."""
    for cls in MODELS:
        with pytest.raises(DecodeError, match=r"expected an object, got a list$"):
            load("probe", cls, [])
        try:
            checker(cls)({})
        except Exception as exc:  # a required field missing is fine; an unknown type is not
            assert "required field missing" in str(exc), (cls.__name__, exc)


def test_a_nested_object_from_dict_would_keep_as_a_dict_is_an_error() -> None:
    """The generated union parse falls back to the raw dict when a nested object does not parse."""
    payload = data("waypoint")
    payload["chart"]["submittedOn"] = "last tuesday"
    assert isinstance(gm.Waypoint.from_dict(payload).chart, dict)  # what the check is there for
    with pytest.raises(DecodeError) as caught:
        adapters.waypoint(payload)
    assert (
        str(caught.value)
        == "waypoint: $.chart.submittedOn: expected an ISO 8601 timestamp, got 'last tuesday'"
    )


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (
            lambda p: p["tradeGoods"][2].update(symbol=""),
            "$.tradeGoods[2].symbol: expected a non-empty symbol, got ''",
        ),
        (lambda p: p["exports"][0].update(symbol=None), "$.exports[0].symbol: required field is null"),
        (lambda p: p["exports"].append("IRON"), "$.exports[1]: expected an object, got 'IRON'"),
        (
            lambda p: p["tradeGoods"][0].update(tradeVolume=False),
            "$.tradeGoods[0].tradeVolume: expected an integer, got false",
        ),
        (
            lambda p: p["tradeGoods"][1].update(activity=3),
            "$.tradeGoods[1].activity: expected a string, got 3",
        ),
    ],
)
def test_market_paths(change: Any, message: str) -> None:
    payload = data("market")
    change(payload)
    with pytest.raises(DecodeError) as caught:
        adapters.market(payload)
    assert str(caught.value) == f"market: {message}"


def test_numbers_integers_and_unknown_keys() -> None:
    ship = data("ship")
    ship["frame"]["condition"] = 1  # an integer is a number
    ship["frame"]["surprise"] = {"deep": [None]}
    assert adapters.ship(ship).frame is not None
    ship["frame"]["integrity"] = True
    with pytest.raises(DecodeError, match=r"^ship: \$\.frame\.integrity: expected a number, got true$"):
        adapters.ship(ship)


def test_supply_chain_values_are_checked_too() -> None:
    payload = data("supply-chain")
    payload["exportToImportMap"]["NEW_GOOD"] = ["ORE", 7]
    with pytest.raises(
        DecodeError, match=r"^supply-chain: \$\.exportToImportMap\.NEW_GOOD\[1\]: expected a string, got 7$"
    ):
        adapters.supply_chain(payload)


def test_a_domain_model_that_refuses_a_value_is_one_decode_error() -> None:
    def read(dto: gm.Agent, raw: dict[str, Any]) -> Agent:
        return Agent(symbol=dto.symbol, credits="a lot", raw=raw)

    with pytest.raises(
        DecodeError, match=r"^agent: \$\.data: Agent\.credits: Input should be a valid integer"
    ):
        decode("agent", gm.Agent, data("agent"), "$.data", read)


def test_decode_list_names_the_element() -> None:
    ship = data("ship")
    ship["mounts"][2]["strength"] = "strong"
    with pytest.raises(DecodeError, match=r"^mounts: \$\[2\]\.strength: expected an integer, got 'strong'$"):
        decode_list("mounts", gm.ShipMount, ship["mounts"], "$", lambda dto, raw: dto)

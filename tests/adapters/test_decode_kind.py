"""`decode_kind` for every ingest KIND, in every accepted shape."""

from __future__ import annotations

from typing import Any

import pytest

from stdaemon.api.adapters import KINDS, DecodeError, decode_kind
from stdaemon.domain import models as m
from tests.adapters.payloads import body, data

EXPECTED: dict[str, tuple[type[m.Entity], list[str]]] = {
    "agent": (m.Agent, ["STDAEMON_TEST"]),
    "ship": (m.Ship, ["STDAEMON_TEST-1"]),
    "ships": (m.Ship, ["STDAEMON_TEST-1", "STDAEMON_TEST-2"]),
    "system": (m.System, ["X1-KD26"]),
    "systems": (m.System, ["X1-KD26", "X1-QM77"]),
    "waypoint": (m.Waypoint, ["X1-KD26-A1"]),
    "waypoints": (m.Waypoint, ["X1-KD26-A1", "X1-KD26-A2", "X1-KD26-B7", "X1-KD26-I61"]),
    "market": (m.Market, ["X1-KD26-A1"]),
    "shipyard": (m.Shipyard, ["X1-KD26-A1"]),
    "jump-gate": (m.JumpGate, ["X1-KD26-I61"]),
    "construction": (m.Construction, ["X1-KD26-I61"]),
    "contract": (m.Contract, ["cm9q4r1t80f3kx06sb2y7n4mw"]),
    "contracts": (m.Contract, ["cm9q4r1t80f3kx06sb2y7n4mw", "cm9q8z2fd0g1hx06s4kwr8e3p"]),
    "faction": (m.Faction, ["COSMIC"]),
    "factions": (m.Faction, ["COSMIC", "ETHEREAL"]),
    "supply-chain": (m.SupplyChain, []),
    "systems-dump": (m.System, ["X1-KD26", "X1-QM77"]),
}


def _key(model: m.Entity) -> str:
    return str(getattr(model, "symbol", None) or getattr(model, "id", ""))


def test_the_kinds_are_those_of_the_design() -> None:
    assert tuple(EXPECTED) == KINDS


@pytest.mark.parametrize("kind", KINDS)
def test_envelope(kind: str) -> None:
    cls, keys = EXPECTED[kind]
    decoded = decode_kind(kind, body(kind))
    assert all(type(x) is cls for x in decoded)
    if keys:
        assert [_key(x) for x in decoded] == keys
    else:
        assert len(decoded) == 1


@pytest.mark.parametrize("kind", KINDS)
def test_bare_object_or_list_gives_the_same_models(kind: str) -> None:
    assert decode_kind(kind, data(kind)) == decode_kind(kind, body(kind))


@pytest.mark.parametrize("kind", KINDS)
def test_raw_is_the_object_as_received(kind: str) -> None:
    payload = data(kind)
    objects: list[Any] = payload if isinstance(payload, list) else [payload]
    assert [x.raw for x in decode_kind(kind, payload)] == objects


def test_a_singular_kind_given_a_list_decodes_each_element() -> None:
    decoded = decode_kind("waypoint", body("waypoints"))
    assert [w.symbol for w in decoded if isinstance(w, m.Waypoint)] == EXPECTED["waypoints"][1]


def test_a_plural_kind_given_one_object_decodes_it() -> None:
    assert [_key(s) for s in decode_kind("ships", body("ship"))] == ["STDAEMON_TEST-1"]


def test_an_empty_page_is_no_models() -> None:
    assert decode_kind("systems", {"data": [], "meta": {"total": 0, "page": 1, "limit": 20}}) == []


def test_an_envelope_without_meta_is_unwrapped() -> None:
    assert [_key(x) for x in decode_kind("ships", {"data": data("ships")})] == EXPECTED["ships"][1]


def test_errors_inside_an_envelope_point_into_it() -> None:
    payload = body("waypoints")
    payload["data"][2]["x"] = "far"
    with pytest.raises(DecodeError) as caught:
        decode_kind("waypoints", payload)
    assert str(caught.value) == "waypoints: $.data[2].x: expected an integer, got 'far'"


def test_one_bad_element_fails_the_whole_payload() -> None:
    payload = data("contracts")
    del payload[1]["id"]
    with pytest.raises(DecodeError, match=r"^contracts: \$\[1\]\.id: required field missing$"):
        decode_kind("contracts", payload)


@pytest.mark.parametrize("payload", [None, 42, "text", True])
def test_a_scalar_is_not_a_payload(payload: Any) -> None:
    with pytest.raises(DecodeError, match=r"^market: \$: expected an object or a list of objects, got "):
        decode_kind("market", payload)


def test_a_list_of_scalars_is_not_a_payload() -> None:
    with pytest.raises(DecodeError, match=r"^systems: \$\.data\[0\]: expected an object, got 'X1-KD26'$"):
        decode_kind("systems", {"data": ["X1-KD26"]})


def test_the_wrong_kind_is_an_error_not_an_empty_model() -> None:
    with pytest.raises(DecodeError, match=r"^market: \$\.data\.exports: required field missing$"):
        decode_kind("market", body("ship"))
    with pytest.raises(DecodeError, match=r"^faction: \$\.data\.name: required field missing$"):
        decode_kind("faction", body("ship"))
    with pytest.raises(DecodeError, match=r"^waypoint: \$\.data\[0\]\.systemSymbol: required field missing$"):
        decode_kind("waypoint", {"data": data("system")["waypoints"]})


def test_an_unknown_kind_is_the_callers_mistake() -> None:
    with pytest.raises(ValueError, match="unknown kind 'markets'"):
        decode_kind("markets", body("market"))


def test_a_systems_dump_gives_its_systems_and_any_full_waypoints() -> None:
    dump = data("systems-dump")
    assert isinstance(dump, list)
    full = data("waypoint")  # a waypoint as GET /systems/{s}/waypoints gives it, with traits
    dump[0]["waypoints"][0] = full
    decoded = decode_kind("systems-dump", dump)
    assert [type(x) for x in decoded] == [m.System, m.System, m.Waypoint]
    assert decoded[2].raw == full


def test_a_systems_dump_must_be_the_array() -> None:
    with pytest.raises(DecodeError, match=r"^systems-dump: \$: expected the array of systems"):
        decode_kind("systems-dump", {"symbol": "X1-A"})

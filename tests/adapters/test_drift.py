"""Every class of drift between the spec and real payloads (SPACETRADERS.md §8) decodes without error.

Each test starts from a spec-valid fixture, changes one thing the way real servers do, and checks the typed
value and that `raw` still holds the object exactly as received.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import pytest
from scripts.spec_transform import OMITTED_BY_SERVERS

from stdaemon.api import adapters
from tests.adapters.payloads import body, data, deep

# --- fields the spec requires but real payloads omit ----------------------------------------------


@pytest.mark.parametrize("part", ["frame", "reactor", "engine"])
def test_ship_part_without_quality(part: str) -> None:
    payload = data("ship")
    del payload[part]["quality"]
    sent = deep(payload)
    ship = adapters.ship(payload)
    decoded = getattr(ship, part)
    assert decoded is not None and decoded.quality is None and decoded.symbol == sent[part]["symbol"]
    assert ship.raw == sent


def test_shipyard_listing_without_quality_anywhere() -> None:
    payload = data("shipyard")
    for listing in payload["ships"]:
        for part in ("frame", "reactor", "engine"):
            del listing[part]["quality"]
    sent = deep(payload)
    yard = adapters.shipyard(payload)
    assert all(s.frame is not None and s.frame.quality is None for s in yard.ships)
    assert yard.raw == sent


def test_shipyard_transaction_without_ship_symbol() -> None:
    payload = data("shipyard")
    for tx in payload["transactions"]:
        del tx["shipSymbol"]
    sent = deep(payload)
    yard = adapters.shipyard(payload)
    assert [(t.ship_symbol, t.agent_symbol, t.price) for t in yard.transactions] == [
        (None, "STDAEMON_TEST", 20012),
        (None, "STDAEMON_TEST", 20496),
    ]
    assert yard.transactions[0].raw == sent["transactions"][0]


def test_purchase_ship_with_both_drifts() -> None:
    payload = data("purchase-ship")
    del payload["transaction"]["shipSymbol"], payload["ship"]["frame"]["quality"]
    result = adapters.ship_purchase_result(payload)
    assert result.transaction.ship_symbol is None
    assert result.ship.frame is not None and result.ship.frame.quality is None


# --- optional fields arriving as null -------------------------------------------------------------


def test_activity_null_and_missing() -> None:
    payload = data("market")
    payload["tradeGoods"][0]["activity"] = None
    del payload["tradeGoods"][1]["activity"]
    sent = deep(payload)
    market = adapters.market(payload)
    assert [g.activity for g in market.trade_goods] == [None, None, "WEAK", None]
    assert market.trade_goods[0].raw == sent["tradeGoods"][0]
    assert market.raw == sent


def test_shipyard_ship_activity_null() -> None:
    payload = data("shipyard")
    payload["ships"][0]["activity"] = None
    assert adapters.shipyard(payload).ships[0].activity is None


NULLABLE: list[tuple[str, list[str | int], str]] = [
    ("waypoint", ["orbits"], "orbits"),
    ("waypoint", ["chart"], "chart"),
    ("waypoint", ["faction"], "faction_symbol"),
    ("waypoint", ["modifiers"], "modifiers"),
    ("system", ["constellation"], "constellation"),
    ("system", ["name"], "name"),
    ("faction", ["headquarters"], "headquarters"),
    ("faction", ["isRecruiting"], "is_recruiting"),
    ("agent", ["accountId"], "account_id"),
    ("agent", ["shipCount"], "ship_count"),
    ("contract", ["deadlineToAccept"], "deadline_to_accept"),
    ("contract", ["expiration"], "expiration"),
    ("market", ["tradeGoods"], "trade_goods"),
    ("market", ["transactions"], "transactions"),
    ("shipyard", ["ships"], "ships"),
    ("shipyard", ["transactions"], "transactions"),
    ("shipyard", ["modificationsFee"], "modifications_fee"),
    ("ship", ["cooldown"], "cooldown"),
    ("ship", ["crew"], "crew"),
    ("ship", ["registration"], "role"),
]


@pytest.mark.parametrize(("name", "where", "field"), NULLABLE, ids=str)
@pytest.mark.parametrize("how", ["null", "missing"])
def test_optional_fields_null_or_missing(name: str, where: list[str | int], field: str, how: str) -> None:
    payload = data(name)
    parent: Any = payload
    for step in where[:-1]:
        parent = parent[step]
    if how == "null":
        parent[where[-1]] = None
    else:
        parent.pop(where[-1], None)
    sent = deep(payload)
    model = getattr(adapters, name)(payload)
    assert getattr(model, field) in (None, ())
    assert model.raw == sent


def test_nested_nulls_in_a_ship() -> None:
    payload = data("ship")
    payload["cooldown"]["expiration"] = None
    payload["fuel"]["consumed"] = None
    payload["nav"]["route"]["origin"] = None
    payload["mounts"][3]["deposits"] = None
    payload["modules"][0]["capacity"] = None
    payload["frame"]["requirements"] = None
    ship = adapters.ship(payload)
    assert ship.cooldown is not None and ship.cooldown.expiration is None
    assert (ship.fuel.consumed_amount, ship.fuel.consumed_at) == (None, None)
    assert ship.nav.route is not None and ship.nav.route.origin is None
    assert ship.mounts[3].deposits == ()
    assert ship.modules[0].capacity is None
    assert ship.frame is not None and ship.frame.requirements is None


def test_independent_faction_with_empty_headquarters() -> None:
    payload = data("faction")
    payload["headquarters"] = ""
    faction = adapters.faction(payload)
    assert faction.headquarters is None and faction.raw["headquarters"] == ""


# --- enum values the spec does not list -----------------------------------------------------------


def test_unknown_enum_values_survive_as_strings() -> None:
    ship = data("ship")
    ship["registration"]["role"] = "SALVAGER"
    ship["nav"]["status"] = "IN_REPAIR"
    ship["nav"]["flightMode"] = "HYPERSPACE"
    ship["nav"]["route"]["destination"]["type"] = "WORMHOLE"
    ship["cargo"]["inventory"][0]["symbol"] = "DARK_MATTER"
    decoded = adapters.ship(ship)
    assert (decoded.role, decoded.nav.status, decoded.nav.flight_mode) == (
        "SALVAGER",
        "IN_REPAIR",
        "HYPERSPACE",
    )
    assert decoded.nav.route is not None and decoded.nav.route.destination is not None
    assert decoded.nav.route.destination.type == "WORMHOLE"
    assert decoded.cargo.inventory[0].symbol == "DARK_MATTER"

    market = data("market")
    market["tradeGoods"][0].update(supply="OVERFLOWING", activity="BOOMING", type="BLACK_MARKET")
    good = adapters.market(market).trade_goods[0]
    assert (good.supply, good.activity, good.type) == ("OVERFLOWING", "BOOMING", "BLACK_MARKET")

    waypoint = data("waypoint")
    waypoint["type"] = "DYSON_SPHERE"
    waypoint["traits"].append(
        {"symbol": "SINGING_CRYSTALS", "name": "Singing Crystals", "description": "New."}
    )
    decoded_wp = adapters.waypoint(waypoint)
    assert decoded_wp.type == "DYSON_SPHERE" and decoded_wp.traits[-1] == "SINGING_CRYSTALS"

    system = data("system")
    system["type"] = "QUASAR"
    assert adapters.system(system).type == "QUASAR"

    contract = data("contract")
    contract["type"] = "ESCORT"
    assert adapters.contract(contract).type == "ESCORT"

    yard = data("shipyard")
    yard["shipTypes"].append({"type": "SHIP_DREADNOUGHT"})
    assert adapters.shipyard(yard).ship_types[-1] == "SHIP_DREADNOUGHT"

    survey = data("survey")
    survey["surveys"][0]["size"] = "HUGE"
    assert adapters.survey_result(survey).surveys[0].size == "HUGE"


# --- new fields -----------------------------------------------------------------------------------


def test_new_fields_are_ignored_and_kept_in_raw() -> None:
    payload = data("ship")
    payload["insurance"] = {"policy": "GOLD", "premium": 120}
    payload["nav"]["eta"] = "soon"
    payload["cargo"]["inventory"][0]["provenance"] = "X1-KD26-B7"
    sent = deep(payload)
    ship = adapters.ship(payload)
    assert ship.raw == sent
    assert ship.raw["insurance"] == {"policy": "GOLD", "premium": 120}
    assert ship.nav.raw["eta"] == "soon"
    assert ship.cargo.inventory[0].raw["provenance"] == "X1-KD26-B7"


def test_new_fields_in_an_action_result() -> None:
    payload = data("navigate")
    payload["warnings"] = ["solar flare"]
    result = adapters.nav_result(payload, kind="navigate")
    assert result.raw["warnings"] == ["solar flare"] and result.nav.status == "IN_TRANSIT"


# --- harmless variations of number and time formats -----------------------------------------------


def test_integral_floats_and_timestamps_without_fraction_or_zone() -> None:
    payload = data("market")
    payload["tradeGoods"][0]["purchasePrice"] = 238.0
    payload["transactions"][0]["timestamp"] = "2025-04-20T10:15:41"
    payload["transactions"][1]["timestamp"] = "2025-04-20T12:16:02+02:00"
    market = adapters.market(payload)
    assert market.trade_goods[0].purchase_price == 238 and isinstance(
        market.trade_goods[0].purchase_price, int
    )
    assert market.transactions[0].timestamp == datetime(2025, 4, 20, 10, 15, 41, tzinfo=UTC)
    assert market.transactions[1].timestamp == datetime(2025, 4, 20, 10, 16, 2, tzinfo=UTC)


def test_decoding_does_not_change_the_payload() -> None:
    payload = data("shipyard")
    sent = deep(payload)
    adapters.shipyard(payload)
    assert payload == sent


# --- every field the spec transform lets go missing, on the saved payload that carries it -------------

# OMITTED_BY_SERVERS schema -> (fixture, adapter, keys from the fixture's `data` to the schema's object)
CARRIERS: dict[str, tuple[str, str, list[str | int]]] = {
    "ShipFrame": ("ship", "ship", ["frame"]),
    "ShipEngine": ("ship", "ship", ["engine"]),
    "ShipReactor": ("ship", "ship", ["reactor"]),
    "ShipyardTransaction": ("shipyard", "shipyard", ["transactions", 0]),
    "Agent": ("agent", "agent", []),
    "Ship": ("ship", "ship", []),
    "ShipRegistration": ("ship", "ship", ["registration"]),
    "ShipNavRoute": ("ship", "ship", ["nav", "route"]),
    "Faction": ("faction", "faction", []),
    "Contract": ("contract", "contract", []),
    "Shipyard": ("shipyard", "shipyard", []),
    "GET /": ("status", "server_status", []),
}
OMITTED = [(schema, name) for schema, names in OMITTED_BY_SERVERS.items() for name in names]


def test_every_omitted_field_has_a_carrier() -> None:
    assert set(CARRIERS) == set(OMITTED_BY_SERVERS)


@pytest.mark.parametrize(("schema", "name"), OMITTED, ids=[f"{s}.{n}" for s, n in OMITTED])
@pytest.mark.parametrize("how", ["null", "missing"])
def test_a_field_the_transform_made_optional_decodes_without_it(schema: str, name: str, how: str) -> None:
    fixture, adapter, where = CARRIERS[schema]
    payload = body(fixture) if fixture == "status" else data(fixture)  # GET / has no envelope
    parent: Any = payload
    for step in where:
        parent = parent[step]
    assert name in parent, f"the {fixture} fixture has no {name} at {where}"
    if how == "null":
        parent[name] = None
    else:
        del parent[name]
    sent = deep(payload)
    model = getattr(adapters, adapter)(payload)
    assert model.raw == sent

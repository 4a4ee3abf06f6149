"""The DataService actions the runners need beyond trading and contracts: jump, warp, extract with a survey,
siphon, transfer, chart, supply construction, refine, and the cooldown read.

Each result is folded into the ship we know (no follow-up GET), written through, and ordered against reads.
"""

from __future__ import annotations

import asyncio
import copy

from stdaemon.domain import models as m
from tests.services.fakes import data
from tests.services.test_data_service import SHIP, make

OTHER = "STDAEMON_TEST-2"


async def test_warp_folds_nav_and_fuel_without_a_get() -> None:
    service, api, sink = make()
    await service.ship(SHIP)
    result = await service.warp(SHIP, "X1-QM77-A1")
    ship = await service.ship(SHIP)
    assert api.gets == 1
    assert ship.nav == result.nav and ship.nav.system_symbol == "X1-QM77"
    assert result.fuel is not None and ship.fuel == result.fuel
    assert sink.models(m.Ship)[-1] == ship


async def test_jump_folds_nav_and_cooldown_and_writes_the_antimatter_bought_and_the_agent() -> None:
    service, api, sink = make()
    await service.ship(SHIP)
    result = await service.jump(SHIP, "X1-QM77-X2")
    ship = await service.ship(SHIP)
    assert api.gets == 1
    assert ship.nav == result.nav and ship.cooldown == result.cooldown
    assert ship.raw["nav"] == result.nav.raw and result.cooldown is not None
    assert ship.raw["cooldown"] == result.cooldown.raw
    assert result.transaction is not None and result.transaction in sink.models(m.MarketTransaction)
    assert result.agent is not None and await service.agent() == result.agent
    assert api.calls["get_my_agent"] == 0


async def test_extract_with_survey_sends_the_survey_exactly_as_received_and_files_it() -> None:
    service, api, sink = make()
    ship = await service.ship(SHIP)
    surveyed = await service.survey(SHIP)
    survey = surveyed.surveys[0]
    as_received = copy.deepcopy(data("survey")["surveys"][0])
    result = await service.extract_with_survey(SHIP, survey)
    assert api.sent["extract_with_survey"] == (SHIP, as_received), "the signed survey is sent untouched"
    [written] = [w for w in sink.writes if result.extraction in w.models]
    assert written.survey == survey.signature and written.waypoint == ship.nav.waypoint_symbol
    after = await service.ship(SHIP)
    assert after.cooldown == result.cooldown and after.cargo == result.cargo
    assert survey in sink.models(m.Survey)


async def test_a_survey_field_the_spec_does_not_know_is_sent_back_too() -> None:
    service, api, _ = make()
    await service.ship(SHIP)
    raw = data("survey")["surveys"][0] | {"newField": {"nested": [1, 2]}}
    survey = m.Survey(
        signature=raw["signature"],
        symbol=raw["symbol"],
        deposits=tuple(d["symbol"] for d in raw["deposits"]),
        expiration=raw["expiration"],
        size=raw["size"],
        raw=raw,
    )
    await service.extract_with_survey(SHIP, survey)
    assert api.sent["extract_with_survey"][1] == raw


async def test_siphon_is_an_extraction_marked_siphon_and_filed_where_the_ship_is() -> None:
    service, _, sink = make()
    ship = await service.ship(SHIP)
    result = await service.siphon(SHIP)
    assert result.extraction.siphon and result.extraction.trade_symbol == "HYDROCARBON"
    [written] = [w for w in sink.writes if result.extraction in w.models]
    assert written.waypoint == ship.nav.waypoint_symbol and written.survey is None
    assert (await service.ship(SHIP)).cargo == result.cargo


async def test_transfer_folds_both_holds() -> None:
    service, api, sink = make()
    await service.ships()
    result = await service.transfer_cargo(SHIP, OTHER, "IRON_ORE", 7)
    assert api.sent["transfer_cargo"] == (SHIP, OTHER, "IRON_ORE", 7)
    giver, taker = await service.ship(SHIP), await service.ship(OTHER)
    assert api.gets == 1, "no ship read after the transfer"
    assert giver.cargo == result.cargo
    assert result.target_cargo is not None and taker.cargo == result.target_cargo
    written = {s.symbol: s for s in sink.models(m.Ship)[-2:]}
    assert written[SHIP].cargo == result.cargo and written[OTHER].cargo == result.target_cargo


async def test_a_transfer_answer_without_the_target_hold_forgets_the_target_ship() -> None:
    service, api, sink = make()
    await service.ships()
    served = api._serve

    async def without_target(method: str, name: str) -> object:
        payload = await served(method, name)
        assert isinstance(payload, dict)
        payload.pop("targetCargo", None)
        return payload

    api._serve = without_target  # type: ignore[method-assign]
    await service.transfer_cargo(SHIP, OTHER, "IRON_ORE", 7)
    api._serve = served  # type: ignore[method-assign]
    assert [s.symbol for s in sink.models(m.Ship)[2:]] == [SHIP], "the target's old hold is not written"
    await service.ship(OTHER)
    assert api.calls["get_my_ship"] == 1, "its state is unknown now: read again"


async def test_chart_replaces_the_cached_waypoint_and_its_listing_entry_and_writes_them() -> None:
    service, api, sink = make()
    listed = await service.waypoints("X1-KD26")
    result = await service.chart(SHIP)
    assert result.waypoint is not None and result.agent is not None
    charted = await service.waypoint(result.waypoint.symbol)
    assert charted == result.waypoint and charted.chart is not None
    again = await service.waypoints("X1-KD26")
    assert [w.symbol for w in again] == [w.symbol for w in listed]
    assert next(w for w in again if w.symbol == charted.symbol) == charted
    assert api.calls["iter_waypoints"] == 1 and api.calls["get_waypoint"] == 0
    assert result.waypoint in sink.models(m.Waypoint) and sink.models(m.Agent)[-1] == result.agent


async def test_supply_construction_updates_the_site_and_the_hold() -> None:
    service, api, sink = make()
    await service.ship(SHIP)
    site = "X1-KD26-I61"
    before = await service.construction(site)
    result = await service.supply_construction(site, SHIP, "FAB_MATS", 40)
    assert api.sent["supply_construction"] == ("X1-KD26", site, SHIP, "FAB_MATS", 40)
    assert await service.construction(site) == result.construction != before
    assert api.calls["get_construction"] == 1
    assert (await service.ship(SHIP)).cargo == result.cargo
    assert sink.models(m.Construction)[-1] == result.construction


async def test_refine_folds_cargo_and_cooldown() -> None:
    service, api, sink = make()
    await service.ship(SHIP)
    result = await service.refine(SHIP, "IRON")
    assert api.sent["refine"] == (SHIP, "IRON")
    ship = await service.ship(SHIP)
    assert ship.cargo == result.cargo and ship.cooldown == result.cooldown
    assert [(y.trade_symbol, y.units) for y in result.produced] == [("IRON", 10)]
    assert sink.models(m.Ship)[-1] == ship and api.gets == 1


async def test_the_cooldown_read_folds_a_cooldown_and_answers_none_for_204() -> None:
    service, api, sink = make()
    await service.ship(SHIP)
    cooldown = await service.cooldown(SHIP)
    assert cooldown is not None and cooldown.remaining_seconds == 69
    assert (await service.ship(SHIP)).cooldown == cooldown
    assert sink.models(m.Ship)[-1].cooldown == cooldown
    writes = len(sink.writes)
    api.cooldown = None
    assert await service.cooldown(SHIP) is None
    assert len(sink.writes) == writes, "nothing new observed, nothing written"
    assert api.calls["get_cooldown"] == 2, "never cached"


async def test_a_cooldown_read_answered_after_an_extraction_does_not_roll_its_cooldown_back() -> None:
    service, api, sink = make()
    await service.ship(SHIP)
    api.cooldown = data("cooldown") | {"remainingSeconds": 3, "expiration": "2025-04-20T10:41:42.500Z"}
    gate = api.gate = asyncio.Event()
    reading = asyncio.create_task(service.cooldown(SHIP))
    for _ in range(10):
        await asyncio.sleep(0)
    api.gate = None
    extracted = await service.extract(SHIP)
    gate.set()
    older = await reading
    assert older is not None and older != extracted.cooldown
    assert (await service.ship(SHIP)).cooldown == extracted.cooldown
    assert sink.models(m.Ship)[-1].cooldown == extracted.cooldown

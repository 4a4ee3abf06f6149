"""DataService with fakes: single-flight, TTL on a fake clock, write-through from actions, reset epochs."""

from __future__ import annotations

import asyncio
from datetime import date
from typing import Any

import pytest

from stdaemon.api.decoder import ADAPTERS
from stdaemon.domain import models as m
from stdaemon.services.data_service import DataService
from stdaemon.settings import Settings
from tests.services.fakes import Clock, FakeApi, FakeReset, FakeSink, data

SETTINGS = Settings(ttl_agent_s=60, ttl_ships_s=30, ttl_market_s=300, ttl_reference_s=3600)
SHIP = "STDAEMON_TEST-1"
MARKET = data("market")["symbol"]


def make(api: FakeApi | None = None, clock: Clock | None = None) -> tuple[DataService, FakeApi, FakeSink]:
    api = api or FakeApi()
    sink = FakeSink()
    service = DataService(
        api=api,
        decode=ADAPTERS,
        sink=sink,
        settings=SETTINGS,
        reset_errors=(FakeReset,),
        clock=clock or Clock(),
    )
    return service, api, sink


async def test_fifty_concurrent_gets_make_one_call() -> None:
    service, api, sink = make()
    api.gate = asyncio.Event()
    tasks = [asyncio.create_task(service.market(MARKET)) for _ in range(50)]
    for _ in range(10):
        await asyncio.sleep(0)
    api.gate.set()
    markets = await asyncio.gather(*tasks)
    assert api.calls["get_market"] == 1
    assert all(x is markets[0] for x in markets)
    assert len(sink.models(m.Market)) == 1, "observed once, written once"


async def test_a_failed_load_reaches_every_waiter_and_is_not_cached() -> None:
    service, api, _ = make()
    api.gate = asyncio.Event()
    api.fail_next["get_market"] = RuntimeError("boom")
    tasks = [asyncio.create_task(service.market(MARKET)) for _ in range(20)]
    for _ in range(10):
        await asyncio.sleep(0)
    api.gate.set()
    results = await asyncio.gather(*tasks, return_exceptions=True)
    assert all(isinstance(r, RuntimeError) for r in results)
    assert api.calls["get_market"] == 1
    market = await service.market(MARKET)  # not cached: tries again
    assert market.symbol == MARKET
    assert api.calls["get_market"] == 2


async def test_ttl_expiry_on_a_fake_clock() -> None:
    clock = Clock()
    service, api, _ = make(clock=clock)
    await service.agent()
    clock.advance(59)
    await service.agent()
    assert api.calls["get_my_agent"] == 1
    clock.advance(2)  # past ttl_agent_s = 60
    await service.agent()
    assert api.calls["get_my_agent"] == 2
    await service.market(MARKET)
    clock.advance(299)
    await service.market(MARKET)
    assert api.calls["get_market"] == 1
    clock.advance(2)
    await service.market(MARKET)
    assert api.calls["get_market"] == 2


async def test_navigate_updates_the_cached_ship_without_a_follow_up_get() -> None:
    service, api, sink = make()
    before = await service.ship(SHIP)
    result = await service.navigate(SHIP, "X1-KD26-B7")
    after = await service.ship(SHIP)
    assert api.calls["get_my_ship"] == 1 and api.gets == 1
    assert after.nav == result.nav and after.nav.waypoint_symbol == "X1-KD26-B7"
    assert before.nav.waypoint_symbol != after.nav.waypoint_symbol
    assert result.fuel is not None and after.fuel == result.fuel
    assert after.raw["nav"] == result.nav.raw and after.raw["fuel"] == result.fuel.raw
    written = sink.models(m.Ship)
    assert written[-1] == after, "the updated ship went to the writer"


async def test_an_action_after_the_ship_cache_expired_is_still_folded_written_and_not_refetched() -> None:
    clock = Clock()
    service, api, sink = make(clock=clock)
    ship = await service.ship(SHIP)
    clock.advance(SETTINGS.ttl_ships_s + 1)  # the ship's cache entry has expired (a long flight, say)
    result = await service.navigate(SHIP, "X1-KD26-B7")
    written = sink.models(m.Ship)
    assert len(written) == 2, "the action's nav and fuel reached the writer"
    assert written[-1].nav == result.nav and written[-1].symbol == ship.symbol
    extract = await service.extract(SHIP)
    [where] = [w.waypoint for w in sink.writes if extract.extraction in w.models]
    assert where == result.nav.waypoint_symbol, "the extraction is filed where the ship now is"
    after = await service.ship(SHIP)
    assert api.calls["get_my_ship"] == 1, "nothing re-fetches what the action just returned"
    assert after.nav == result.nav and after.cooldown == extract.cooldown


@pytest.mark.parametrize("read", ["listing", "single"])
async def test_a_ship_read_answered_before_an_action_never_overwrites_the_action_result(read: str) -> None:
    # The read is asked, the action is asked and answered, then the (older) read's answer arrives: the
    # action's nav must stay in the cache and be the last ship state written.
    service, api, sink = make()
    await service.ship(SHIP)
    gate = api.gate = asyncio.Event()
    reading: asyncio.Task[Any]
    if read == "listing":
        reading = asyncio.create_task(service.ships(fresh=True))
    else:
        reading = asyncio.create_task(service.ship(SHIP, fresh=True))
    for _ in range(10):
        await asyncio.sleep(0)
    api.gate = None  # only the read waits
    result = await service.navigate(SHIP, "X1-KD26-B7")
    gate.set()
    await reading
    now = await service.ship(SHIP)
    assert now.nav == result.nav
    if read == "listing":
        [listed] = [s for s in await service.ships() if s.symbol == SHIP]
        assert listed.nav == result.nav
    last = [s for s in sink.models(m.Ship) if s.symbol == SHIP][-1]
    assert last.nav == result.nav, "the older read's ship was written after the action's"


@pytest.mark.parametrize("read", ["contracts", "contract", "agent"])
async def test_an_agent_or_contract_read_answered_after_an_action_never_overwrites_its_result(
    read: str,
) -> None:
    service, api, sink = make()
    contract_id = data("contract")["id"]
    gate = api.gate = asyncio.Event()
    reading: asyncio.Task[Any]
    if read == "contracts":
        reading = asyncio.create_task(service.contracts(fresh=True))
    elif read == "contract":
        reading = asyncio.create_task(service.contract(contract_id, fresh=True))
    else:
        reading = asyncio.create_task(service.agent(fresh=True))
    for _ in range(10):
        await asyncio.sleep(0)
    api.gate = None  # only the read waits
    accepted = await service.accept_contract(contract_id)
    gate.set()
    await reading
    assert accepted.agent is not None
    assert (await service.contract(contract_id)).accepted
    assert await service.agent() == accepted.agent
    last_contract = [c for c in sink.models(m.Contract) if c.id == contract_id][-1]
    assert last_contract.accepted, "the older read's contract was written after the accepted one"
    assert sink.models(m.Agent)[-1] == accepted.agent, "the older read's agent was written after the action's"


async def test_trade_and_refuel_results_update_agent_cargo_fuel_and_write_transactions() -> None:
    service, api, sink = make()
    await service.ship(SHIP)
    await service.market(MARKET)
    trade = await service.purchase_cargo(SHIP, "IRON_ORE", 10)
    refuel = await service.refuel(SHIP)
    ship = await service.ship(SHIP)
    agent = await service.agent()
    assert api.calls["get_my_agent"] == 0, "the agent came with the action results"
    assert agent == refuel.agent
    assert ship.fuel == refuel.fuel
    assert ship.cargo == (refuel.cargo or trade.cargo)
    assert api.gets == 2  # the ship and the market, once each
    transactions = sink.models(m.MarketTransaction)
    assert trade.transaction in transactions and refuel.transaction in transactions
    await service.market(MARKET)  # we traded there: its cached prices were dropped, so this reads again
    assert api.calls["get_market"] == 2


async def test_extract_writes_the_extraction_where_the_ship_is() -> None:
    service, api, sink = make()
    ship = await service.ship(SHIP)
    result = await service.extract(SHIP)
    assert api.gets == 1
    [written] = [w for w in sink.writes if result.extraction in w.models]
    assert written.waypoint == ship.nav.waypoint_symbol
    updated = await service.ship(SHIP)
    assert updated.cooldown == result.cooldown and updated.cargo == result.cargo


async def test_a_reset_signal_clears_the_caches_and_starts_a_new_epoch() -> None:
    service, api, sink = make()
    first = await service.start()
    await service.agent()
    await service.market(MARKET)
    assert service.reset_date == first.reset_date
    api.status["resetDate"] = "2030-01-07"
    api.fail_next["get_my_ship"] = FakeReset("token is from an older reset")
    with pytest.raises(FakeReset):
        await service.ship(SHIP)
    assert service.reset_date == date(2030, 1, 7)
    assert sink.resets == [first.reset_date, date(2030, 1, 7)]
    await service.agent()  # the cache was cleared: asked again
    assert api.calls["get_my_agent"] == 2
    assert sink.writes[-1].reset_date == date(2030, 1, 7), "new observations go to the new epoch"


async def test_check_epoch_notices_a_new_reset_date_from_get_status() -> None:
    service, api, _ = make()
    await service.start()
    await service.market(MARKET)
    assert await service.check_epoch() is False
    api.status["resetDate"] = "2030-01-07"
    assert await service.check_epoch() is True
    await service.market(MARKET)
    assert api.calls["get_market"] == 2
    assert service.epochs_started == 2

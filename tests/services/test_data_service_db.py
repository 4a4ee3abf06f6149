"""DataService on the real database: write-through lands; reference data is read back after a restart."""

from __future__ import annotations

from typing import Any

from sqlalchemy.ext.asyncio import AsyncEngine

from stdaemon.api.decoder import ADAPTERS
from stdaemon.db.sink import DbReferenceSource, WriterSink
from stdaemon.db.writer import DbWriter
from stdaemon.services.data_service import DataService
from stdaemon.settings import Settings
from tests.services.fakes import Clock, FakeApi
from tests.writer.writer_support import fetch, running

SHIP = "STDAEMON_TEST-1"


def service(api: FakeApi, writer: DbWriter, engine: AsyncEngine) -> DataService:
    return DataService(
        api=api,
        decode=ADAPTERS,
        sink=WriterSink(writer),
        reference=DbReferenceSource(engine),
        settings=Settings(),
        clock=Clock(),
    )


async def test_after_a_restart_reference_data_comes_from_the_database(clean_db: AsyncEngine) -> None:
    writer = DbWriter(clean_db, linger_s=0.01)
    async with running(writer):
        first_api = FakeApi()
        first = service(first_api, writer, clean_db)
        crawled = await first.waypoints("X1-KD26")
        assert first_api.calls["iter_waypoints"] == 1
        await writer.flush()

        again_api = FakeApi()  # a new process: empty caches, same database
        again = service(again_api, writer, clean_db)
        restored = await again.waypoints("X1-KD26")
        one = await again.waypoint(crawled[0].symbol)
    assert again_api.gets == 0, "no crawl after a restart"
    assert sorted(w.symbol for w in restored) == sorted(w.symbol for w in crawled)
    assert {w.symbol: w.traits for w in restored} == {w.symbol: w.traits for w in crawled}
    assert one.symbol == crawled[0].symbol


async def test_an_action_result_is_written_through_to_the_tables(clean_db: AsyncEngine) -> None:
    writer = DbWriter(clean_db, linger_s=0.01)
    async with running(writer):
        api = FakeApi()
        ds = service(api, writer, clean_db)
        await ds.ship(SHIP)
        nav = await ds.navigate(SHIP, "X1-KD26-B7")
        trade = await ds.sell_cargo(SHIP, "IRON_ORE", 1)
        await writer.flush()
    [ship] = await fetch(clean_db, "SELECT * FROM telemetry.ships")
    assert ship["waypoint_symbol"] == nav.nav.waypoint_symbol
    assert ship["cargo_units"] == trade.cargo.units
    assert ship["raw"]["nav"] == nav.nav.raw
    [agent] = await fetch(clean_db, "SELECT * FROM telemetry.agents")
    assert agent["credits"] == trade.agent.credits
    [tx] = await fetch(clean_db, "SELECT * FROM telemetry.market_transactions")
    assert tx["total_price"] == trade.transaction.total_price
    resets = await fetch(clean_db, "SELECT reset_date FROM reference.resets")
    assert [r["reset_date"] for r in resets] == [ds.reset_date]
    assert await fetch(clean_db, "SELECT * FROM telemetry.dead_letters") == []
    assert api.gets == 1


class SparseApi(FakeApi):
    """The agent and ship payloads without what the spec requires and real servers have been seen to omit."""

    async def get_my_agent(self) -> dict[str, Any]:
        agent = await super().get_my_agent()
        return {k: v for k, v in agent.items() if k not in {"headquarters", "startingFaction", "shipCount"}}

    async def get_my_ship(self, ship: str) -> dict[str, Any]:
        payload = await super().get_my_ship(ship)
        for part in ("frame", "engine", "reactor"):
            del payload[part]
        payload["registration"] = {"name": payload["symbol"]}  # no role, no faction
        return payload


async def test_an_agent_and_a_ship_missing_optional_fields_are_stored_not_dead_lettered(
    clean_db: AsyncEngine,
) -> None:
    writer = DbWriter(clean_db, linger_s=0.01)
    async with running(writer):
        ds = service(SparseApi(), writer, clean_db)
        agent = await ds.agent()
        ship = await ds.ship(SHIP)
        await writer.flush()
    assert (agent.headquarters, agent.starting_faction, agent.ship_count) == (None, None, None)
    assert await fetch(clean_db, "SELECT * FROM telemetry.dead_letters") == []
    [stored] = await fetch(clean_db, "SELECT * FROM telemetry.agents")
    assert (stored["symbol"], stored["credits"]) == (agent.symbol, agent.credits)
    assert (stored["headquarters"], stored["starting_faction"], stored["ship_count"]) == (None, None, None)
    assert stored["raw"] == agent.raw and "headquarters" not in stored["raw"]
    [snapshot] = await fetch(clean_db, "SELECT * FROM telemetry.agent_snapshots")
    assert (snapshot["credits"], snapshot["ship_count"]) == (agent.credits, None)
    [row] = await fetch(clean_db, "SELECT * FROM telemetry.ships")
    assert (row["symbol"], row["waypoint_symbol"]) == (ship.symbol, ship.nav.waypoint_symbol)
    parts = ("role", "faction_symbol", "frame_symbol", "engine_symbol", "reactor_symbol")
    assert [row[c] for c in parts] == [None] * 5

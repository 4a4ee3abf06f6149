"""Mining end to end against stsim on PostgreSQL (skipping clock): a drone mines, sells and the credits, the
ledger and the extractions agree; surveys are used when a surveyor exists; unsellable goods are jettisoned."""

from __future__ import annotations

import httpx
from sqlalchemy.ext.asyncio import AsyncEngine
from structlog.testing import capture_logs

from stdaemon.services.fleet.runner import Runner
from tests.fleet.harness import game
from tests.fleet.mining_support import events, extractions, give, ledger, miners_only

SPEED = 10.0  # stsim's game durations / 10: a drone's long drifts take fewer engine wake-ups


async def test_a_drone_mines_and_sells_and_the_ledger_has_the_sale(clean_db: AsyncEngine) -> None:
    async with game(clean_db, speed=SPEED) as g:
        drone = give(g, "SHIP_MINING_DRONE")
        start = g.world.agents[g.agent].credits
        runner = Runner("fleet", g.deps, miners_only())
        with capture_logs() as logs:
            await g.run([runner], lambda: bool(events(logs, "mining_cycle_done")))
        [sold, *_] = events(logs, "mining_sold")
        assert sold["ship"] == drone and sold["credits"] > 0
        rows = await ledger(clean_db)
        sales = [r for r in rows if r.kind == "SELL"]
        assert sales and all(r.behaviour == "mining" and r.ship_symbol == drone for r in sales)
        assert sum(r.amount for r in sales) == sum(e["credits"] for e in events(logs, "mining_sold"))
        # the ledger opens at the agent's credits and holds every change since: it adds up to the server's
        assert g.world.agents[g.agent].credits == sum(r.amount for r in rows)
        assert g.world.agents[g.agent].credits - start == sum(
            r.amount for r in rows if r.behaviour == "mining"
        )
        assert g.world.agents[g.agent].credits > start
        mined = await extractions(clean_db, drone)
        assert len(mined) == len(events(logs, "mining_extracted")) >= 1
        assert {r.waypoint_symbol for r in mined} == {events(logs, "mining_site_chosen")[0]["site"]}


async def test_with_a_surveyor_the_drone_extracts_with_its_surveys(clean_db: AsyncEngine) -> None:
    async with game(clean_db, speed=SPEED) as g:
        drone = give(g, "SHIP_MINING_DRONE")
        surveyor = give(g, "SHIP_SURVEYOR")
        runner = Runner("fleet", g.deps, miners_only())

        def surveyed_extractions() -> list[str]:
            return [
                p for _, p, status in g.transport.requests if p.endswith("/extract/survey") and status == 201
            ]

        with capture_logs() as logs:
            await g.run([runner], lambda: len(surveyed_extractions()) >= 2)
        [site] = {e["site"] for e in events(logs, "surveying_site_chosen", surveyor)}
        assert site == events(logs, "mining_site_chosen", drone)[0]["site"]  # where the miner mines
        assert events(logs, "site_surveyed", surveyor)
        signatures = {r.survey_signature for r in await extractions(clean_db, drone)} - {None}
        made = {s for s, survey in g.world.surveys.items() if survey.waypoint == site}
        assert signatures and signatures <= made  # the drone used the surveyor's surveys


async def test_goods_no_market_buys_are_jettisoned_at_the_site(clean_db: AsyncEngine) -> None:
    async with game(clean_db, speed=SPEED) as g:
        drone = give(g, "SHIP_MINING_DRONE")
        u = g.world.universe
        system = u.waypoints[g.ship().waypoint].system
        traded = {good for w in u.systems[system].waypoints if w in u.markets for good in u.markets[w].goods}
        junk = sorted({"DIAMONDS", "URANITE_ORE", "MERITIUM_ORE", "EXOTIC_MATTER"} - traded)[0]

        def strange_find(_: httpx.Request) -> None:  # the extraction also brought up something nobody buys
            g.world.ships[drone].cargo[junk] = 2

        g.transport.before("POST", "/extract", strange_find)
        runner = Runner("fleet", g.deps, miners_only())
        with capture_logs() as logs:
            await g.run([runner], lambda: bool(events(logs, "mining_cycle_done")))
        thrown = [e for e in events(logs, "cargo_jettisoned", drone) if e["good"] == junk]
        assert [e["units"] for e in thrown] == [2] and "no market" in thrown[0]["reason"]
        assert events(logs, "mining_cycle_done")[0]["jettisoned"] >= 2
        assert junk not in g.world.ships[drone].cargo
        assert all(r.ref != junk for r in await ledger(clean_db))  # thrown away, never sold

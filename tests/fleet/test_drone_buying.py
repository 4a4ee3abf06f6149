"""Buying mining drones against stsim on PostgreSQL: only from credits above the floor, up to the cap, in the
ledger; the new drone is adopted at once and mines."""

from __future__ import annotations

from dataclasses import replace

from sqlalchemy.ext.asyncio import AsyncEngine
from structlog.testing import capture_logs

from stdaemon.services.fleet.context import SHIP_FLOOR
from stdaemon.services.fleet.drone_buying import DroneBuyer
from stdaemon.services.fleet.runner import Runner
from tests.fleet.harness import game
from tests.fleet.mining_support import events, ledger, miners_only


async def test_a_drone_is_bought_from_the_surplus_up_to_the_cap_and_goes_mining(
    clean_db: AsyncEngine,
) -> None:
    async with game(clean_db, speed=10.0, mining_drones=1) as g:
        agent = g.world.agents[g.agent]
        g.deps.config = replace(g.deps.config, ship_floor=SHIP_FLOOR)  # as in the sandbox
        buyer = DroneBuyer(g.deps, cap=g.deps.config.mining_drones)
        assert buyer.cap == 1
        assert await buyer.consider() is None  # the starting credits: nothing earned yet, nothing bought
        agent.credits = SHIP_FLOOR + 60_000
        runner = Runner("fleet", g.deps, miners_only(), chores=[buyer])
        buyer.runner = runner
        with capture_logs() as logs:
            await g.run([runner], lambda: bool(events(logs, "mining_extracted")))
        [bought] = events(logs, "mining_drone_bought")
        assert bought["credits"] >= SHIP_FLOOR and bought["drones"] == 1
        drone = bought["ship"]
        assert g.world.ships[drone].type == "SHIP_MINING_DRONE"
        assert events(logs, "mining_extracted")[0]["ship"] == drone  # adopted at once, and mining
        [paid] = [r for r in await ledger(clean_db) if r.kind == "SHIP_PURCHASE"]
        assert paid.behaviour == "buy_ships" and paid.amount == -bought["price"]
        agent.credits = 10**7
        assert await buyer.consider() is None  # the cap is reached, however rich we are
        assert buyer.bought == 1

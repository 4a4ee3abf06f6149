"""Buying ships against stsim on PostgreSQL: only from credits above the floor, up to each cap, the more
profitable kind first, in the ledger; the new ship is adopted at once and gets its behaviour (a drone mines, a
light hauler trades)."""

from __future__ import annotations

from dataclasses import replace

from sqlalchemy.ext.asyncio import AsyncEngine
from structlog.testing import capture_logs

from stdaemon.services.fleet.behaviours.trade import Trade
from stdaemon.services.fleet.context import SHIP_FLOOR
from stdaemon.services.fleet.planner import RulePlanner, is_command, is_probe
from stdaemon.services.fleet.rules import fleet_rules, fleet_wants
from stdaemon.services.fleet.runner import Runner
from stdaemon.services.fleet.ship_buying import LIGHT_HAULER, MINING_DRONE, ShipBuyer, Want
from tests.fleet.harness import game
from tests.fleet.mining_support import events, ledger, miners_only


async def test_a_drone_is_bought_from_the_surplus_up_to_the_cap_and_goes_mining(
    clean_db: AsyncEngine,
) -> None:
    async with game(clean_db, speed=10.0, mining_drones=1) as g:
        agent = g.world.agents[g.agent]
        g.deps.config = replace(g.deps.config, ship_floor=SHIP_FLOOR)  # as in the sandbox
        buyer = ShipBuyer(g.deps, fleet_wants(haulers=0, mining_drones=g.deps.config.mining_drones))
        assert buyer.wants == [Want(MINING_DRONE, 1)]
        assert await buyer.consider() is None  # the starting credits: nothing earned yet, nothing bought
        agent.credits = SHIP_FLOOR + 60_000
        runner = Runner("fleet", g.deps, miners_only(), chores=[buyer])
        buyer.runner = runner
        with capture_logs() as logs:
            await g.run([runner], lambda: bool(events(logs, "mining_extracted")))
        [bought] = events(logs, "ship_bought")
        assert bought["credits"] >= SHIP_FLOOR and bought["owned"] == 1
        assert bought["ship_type"] == "SHIP_MINING_DRONE"
        drone = bought["ship"]
        assert g.world.ships[drone].type == "SHIP_MINING_DRONE"
        assert events(logs, "mining_extracted")[0]["ship"] == drone  # adopted at once, and mining
        [paid] = [r for r in await ledger(clean_db) if r.kind == "SHIP_PURCHASE"]
        assert paid.behaviour == "buy_ships" and paid.amount == -bought["price"]
        agent.credits = 10**7
        assert await buyer.consider() is None  # the cap is reached, however rich we are
        assert buyer.bought == {"SHIP_MINING_DRONE": 1}


async def test_a_light_hauler_is_bought_from_the_surplus_and_trades(clean_db: AsyncEngine) -> None:
    async with game(clean_db, speed=10.0, haulers=1) as g:
        agent = g.world.agents[g.agent]
        g.deps.config = replace(g.deps.config, ship_floor=SHIP_FLOOR)
        buyer = ShipBuyer(g.deps, fleet_wants(haulers=g.deps.config.haulers, mining_drones=0))
        assert buyer.wants == [Want(LIGHT_HAULER, 1)]
        assert await buyer.consider() is None  # nothing earned yet
        agent.credits = SHIP_FLOOR + 1_000_000
        traders = RulePlanner(
            fleet_rules(contracts=False, mining=False), wants=lambda s: not is_command(s) and not is_probe(s)
        )
        runner = Runner("fleet", g.deps, traders, chores=[buyer])
        buyer.runner = runner
        with capture_logs() as logs:
            await g.run([runner], lambda: bool(events(logs, "behaviour_assigned")))
        [bought] = events(logs, "ship_bought")
        hauler = bought["ship"]
        assert g.world.ships[hauler].type == "SHIP_LIGHT_HAULER" and bought["credits"] >= SHIP_FLOOR
        # adopted at once, and trading first (the run may go on to a replan before the check sees it)
        assigned, *_ = events(logs, "behaviour_assigned", ship=hauler)
        assert assigned["behaviour"] == Trade.name
        [paid] = [r for r in await ledger(clean_db) if r.kind == "SHIP_PURCHASE"]
        assert paid.behaviour == "buy_ships" and paid.amount == -bought["price"]
        assert await buyer.consider() is None  # the cap is reached
        assert buyer.bought == {"SHIP_LIGHT_HAULER": 1}


async def test_the_hauler_comes_before_the_drone_and_the_fleet_saves_for_it(clean_db: AsyncEngine) -> None:
    async with game(clean_db, speed=10.0) as g:
        agent = g.world.agents[g.agent]
        g.deps.config = replace(g.deps.config, ship_floor=SHIP_FLOOR)
        buyer = ShipBuyer(g.deps, fleet_wants(haulers=1, mining_drones=1))
        agent.credits = SHIP_FLOOR + 100_000  # enough for a drone (about 40,000), not for a hauler
        assert await buyer.consider() is None  # no drone instead: the fleet saves for the hauler
        hauler_price = buyer.prices["SHIP_LIGHT_HAULER"]
        assert hauler_price > 100_000
        requests = len(g.transport.requests)
        assert await buyer.consider() is None
        assert len(g.transport.requests) == requests  # still short of the price seen: no shipyard read
        agent.credits = SHIP_FLOOR + hauler_price + 100_000
        await g.data.agent(fresh=True)  # the credits read again, as the runner's credit check does
        first = await buyer.consider()
        second = await buyer.consider()
        assert first is not None, "no hauler"
        assert second is not None, "no drone"
        assert (g.world.ships[first.symbol].type, g.world.ships[second.symbol].type) == (
            "SHIP_LIGHT_HAULER",
            "SHIP_MINING_DRONE",
        )
        assert agent.credits >= SHIP_FLOOR
        assert await buyer.consider() is None  # both caps reached

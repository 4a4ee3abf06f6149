"""End to end against stsim on PostgreSQL: the command ship fulfils the faction's contract, and afterwards the
database agrees with the server (credits, ships, cargo, contract) and the ledger explains every credit."""

from __future__ import annotations

from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncEngine

from stdaemon.domain.operations import OPENING_BALANCE
from stdaemon.services.fleet.rules import RUNNER, fleet_planner
from stdaemon.services.fleet.runner import Runner
from stsim.rules.agents import STARTING_CREDITS
from tests.fleet.harness import Game, game


async def assert_database_equals_the_server(g: Game, engine: AsyncEngine) -> None:
    world, now = g.world, g.clock.now()
    agent = world.agents[g.agent]
    async with engine.connect() as conn:
        credits = (
            await conn.execute(text("SELECT credits FROM telemetry.agents WHERE symbol = :s"), {"s": g.agent})
        ).scalar_one()
        ships = {
            r.symbol: r
            for r in await conn.execute(
                text(
                    "SELECT symbol, waypoint_symbol, nav_status, route_arrival, cargo_units, fuel_current"
                    " FROM telemetry.ships"
                )
            )
        }
        contracts = {
            r.id: (r.accepted, r.fulfilled)
            for r in await conn.execute(text("SELECT id, accepted, fulfilled FROM telemetry.contracts"))
        }
        ledger = (
            await conn.execute(text("SELECT coalesce(sum(amount), 0) FROM telemetry.credit_ledger"))
        ).scalar_one()
        opening = (
            await conn.execute(
                text("SELECT amount FROM telemetry.credit_ledger WHERE kind = :k"), {"k": OPENING_BALANCE}
            )
        ).scalar_one()
    assert credits == agent.credits
    assert opening == STARTING_CREDITS  # the ledger opened at registration, before any action
    assert ledger == agent.credits  # and every credit change since is in it
    for ship in (s for s in world.ships.values() if s.owner == g.agent):
        world.settle(ship)
        row = ships[ship.symbol]
        assert row.waypoint_symbol == ship.waypoint
        arrived = row.nav_status == "IN_TRANSIT" and row.route_arrival <= now and ship.status == "IN_ORBIT"
        assert row.nav_status == ship.status or arrived, ship.symbol
        assert row.cargo_units == sum(ship.cargo.values())
        assert row.fuel_current == ship.fuel
    for contract in (c for c in world.contracts.values() if c.agent == g.agent):
        assert contracts[contract.id] == (contract.accepted, contract.fulfilled)


async def test_the_command_ship_fulfils_a_contract_and_the_database_agrees(clean_db: AsyncEngine) -> None:
    async with game(clean_db, speed=5.0) as g:
        runner = Runner(RUNNER, g.deps, fleet_planner())
        await g.run([runner], lambda: g.contract().fulfilled)
        assert g.contract().fulfilled
        assert g.world.agents[g.agent].credits > STARTING_CREDITS  # a contract pays more than its goods cost
        await assert_database_equals_the_server(g, clean_db)
        async with clean_db.connect() as conn:
            kinds = {
                r.kind: r.behaviour
                for r in await conn.execute(text("SELECT kind, behaviour FROM telemetry.credit_ledger"))
            }
        assert {"CONTRACT_ACCEPTED", "PURCHASE", "CONTRACT_FULFILLED"} <= set(kinds)
        assert kinds.pop(OPENING_BALANCE) == "opening"
        assert set(kinds.values()) == {"contracts"}  # no reconciliation: nothing was lost


async def test_a_runner_stopped_and_run_again_resumes_its_ships(clean_db: AsyncEngine) -> None:
    """What a restart (or the reset supervisor) does: the same runner runs again, nothing doubled."""
    async with game(clean_db, speed=5.0) as g:
        runner = Runner(RUNNER, g.deps, fleet_planner())
        await g.run([runner], lambda: g.contract().accepted)
        first_engine = runner.engine
        await g.run([runner], lambda: g.contract().fulfilled)
        assert runner.engine is not first_engine and list(runner.ships) == [g.ship().symbol]
        await assert_database_equals_the_server(g, clean_db)

"""The credit books on PostgreSQL against stsim: the ledger opens at the agent's credits, and its entries add
up to the server's credits after an answer is lost, an entry is lost, or the credits change behind its back.

The command ship plays the faction's contract (`fleet_planner`); each scenario breaks one thing on the way
and then compares `Σ telemetry.credit_ledger.amount` with stsim's credits.
"""

from __future__ import annotations

import asyncio
import uuid
from collections.abc import MutableMapping, Sequence
from typing import Any, cast

from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncEngine
from structlog.testing import capture_logs

from stdaemon.domain import models as m
from stdaemon.domain.operations import OPENING_BALANCE, RECONCILIATION, LedgerEntry
from stdaemon.services.fleet.books import OPENING, UNATTRIBUTED, Books, Gate
from stdaemon.services.fleet.protocols import FleetReads
from stdaemon.services.fleet.rules import RUNNER, fleet_planner
from stdaemon.services.fleet.runner import Runner
from stsim.rules.agents import STARTING_CREDITS
from tests.fleet.harness import Game, game


async def ledger(engine: AsyncEngine) -> list[dict[str, Any]]:
    async with engine.connect() as conn:
        sql = text("SELECT kind, behaviour, ship_symbol, ref, amount FROM telemetry.credit_ledger")
        return [dict(r._mapping) for r in await conn.execute(sql)]


def by_kind(entries: Sequence[dict[str, Any]], kind: str) -> list[dict[str, Any]]:
    return [e for e in entries if e["kind"] == kind]


def reconciled(logs: Sequence[MutableMapping[str, Any]]) -> list[MutableMapping[str, Any]]:
    return [e for e in logs if e["event"] == "credit_ledger_reconciled"]


def credits(g: Game) -> int:
    return g.world.agents[g.agent].credits


async def test_a_lost_purchase_answer_is_booked_to_the_behaviour_that_bought(clean_db: AsyncEngine) -> None:
    async with game(clean_db, speed=5.0) as g:
        g.transport.lose_answer("POST", "/purchase")  # stsim sold the goods; the daemon never heard
        runner = Runner(RUNNER, g.deps, fleet_planner())
        with capture_logs() as logs:
            await g.run([runner], lambda: g.contract().fulfilled)
        entries = await ledger(clean_db)
        assert sum(e["amount"] for e in entries) == credits(g)
        [opening] = by_kind(entries, OPENING_BALANCE)
        assert (opening["amount"], opening["behaviour"]) == (STARTING_CREDITS, OPENING)
        [booked] = by_kind(entries, RECONCILIATION)
        assert booked["amount"] < 0  # what the lost purchase cost
        assert (booked["behaviour"], booked["ship_symbol"]) == ("contracts", g.ship().symbol)
        assert booked["ref"].startswith("answer lost, outcome unknown: PURCHASE")
        # logged once at warning, although the books were checked again after it
        [line] = reconciled(logs)
        assert line["log_level"] == "warning" and line["amount"] == booked["amount"]
        assert any(e["event"] == "action_outcome_unknown" for e in logs)


async def test_an_entry_lost_and_credits_changed_elsewhere_are_booked_unattributed(
    clean_db: AsyncEngine,
) -> None:
    async with game(clean_db, speed=5.0) as g:
        runner = Runner(RUNNER, g.deps, fleet_planner())
        await g.run([runner], lambda: g.contract().accepted)
        async with clean_db.begin() as conn:  # as if a SIGKILL had come before the entry's commit
            lost = (
                await conn.execute(
                    text(
                        "DELETE FROM telemetry.credit_ledger"
                        " WHERE kind = 'CONTRACT_ACCEPTED' RETURNING amount"
                    )
                )
            ).scalar_one()
        with capture_logs() as logs:
            # the run's first check comes before its ships are claimed
            await g.run([runner], lambda: any(e["event"] == "fleet_observed" for e in logs))
        [at_start] = by_kind(await ledger(clean_db), RECONCILIATION)
        assert (at_start["amount"], at_start["behaviour"], at_start["ship_symbol"]) == (
            lost,
            UNATTRIBUTED,
            "",
        )
        assert at_start["ref"].startswith("credits at start-up differ")
        assert len(reconciled(logs)) == 1

        g.world.agents[g.agent].credits -= 12_345  # another client of the agent spent some
        with capture_logs() as logs:
            await g.run([runner], lambda: g.contract().fulfilled)
        entries = await ledger(clean_db)
        assert sum(e["amount"] for e in entries) == credits(g)
        assert sorted(e["amount"] for e in by_kind(entries, RECONCILIATION)) == sorted([lost, -12_345])
        assert [line["amount"] for line in reconciled(logs)] == [-12_345]


async def test_a_ledger_without_an_opening_opens_at_the_credits_less_its_entries(
    clean_db: AsyncEngine,
) -> None:
    """A ledger written before the books existed: its entries stay, the opening makes them add up."""
    async with game(clean_db) as g:
        earlier = LedgerEntry(
            entry_id=uuid.uuid4().hex,
            occurred_at=g.clock.now(),
            agent_symbol=g.agent,
            ship_symbol=g.ship().symbol,
            behaviour="trade",
            kind="SELL",
            ref="IRON",
            amount=4_321,
        )
        await g.deps.ledger.record([earlier], reset_date=g.deps.reset_date())
        agent = await g.deps.books.check()
        entries = await ledger(clean_db)
        [opening] = by_kind(entries, OPENING_BALANCE)
        assert opening["amount"] == agent.credits - 4_321 == STARTING_CREDITS - 4_321
        assert sum(e["amount"] for e in entries) == credits(g)
        await g.deps.books.check()  # nothing to book the second time
        assert len(await ledger(clean_db)) == 2


async def test_a_difference_that_another_processs_entry_explains_meanwhile_is_not_booked(
    clean_db: AsyncEngine,
) -> None:
    """The systemd units run the fleet and markets roles in two processes: a probe the markets process bought
    has moved the credits before its entry is committed. The check reads again after `SETTLE`, by which time
    the entry is in, and books nothing."""
    async with game(clean_db) as g:
        await g.deps.books.check()  # the ledger opens
        reads = 0

        class OtherProcessBuys:
            async def agent(self, *, fresh: bool = False) -> m.Agent:
                nonlocal reads
                reads += 1
                if reads == 1:  # the other process's purchase, answered but not yet in the ledger
                    g.world.agents[g.agent].credits -= 20_000
                if reads == 2:  # its writer commits the entry while our check settles
                    await commit_entry(clean_db, g, amount=-20_000)
                return await g.deps.data.agent(fresh=fresh)

        books = Books(cast(FleetReads, OtherProcessBuys()), g.deps.ledger, g.clock, g.deps.reset_date)
        with capture_logs() as logs:
            await books.check()
        entries = await ledger(clean_db)
        assert reads == 2
        assert by_kind(entries, RECONCILIATION) == []
        assert sum(e["amount"] for e in entries) == credits(g)
        settling = [e for e in logs if e["event"].startswith("credit_ledger")]
        assert [(e["event"], e["first"], e["then"]) for e in settling] == [
            ("credit_ledger_settling", -20_000, 0)
        ]


async def commit_entry(engine: AsyncEngine, g: Game, *, amount: int) -> None:
    async with engine.begin() as conn:
        await conn.execute(
            text(
                "INSERT INTO telemetry.credit_ledger (reset_date, observed_at, entry_id, agent_symbol,"
                " ship_symbol, behaviour, kind, ref, amount) VALUES (:r, :t, :e, :a, '', 'market_watch',"
                " 'SHIP_PURCHASE', 'SHIP_PROBE', :amount)"
            ),
            {
                "r": g.deps.reset_date(),
                "t": g.clock.now(),
                "e": uuid.uuid4().hex,
                "a": g.agent,
                "amount": amount,
            },
        )


async def test_a_check_waits_for_the_actions_in_flight_and_holds_new_ones_back() -> None:
    gate = Gate()
    order: list[str] = []
    in_flight, release = asyncio.Event(), asyncio.Event()

    async def action(name: str, hold: asyncio.Event | None = None) -> None:
        async with gate.acting():
            order.append(f"{name} starts")
            async with gate.acting():  # re-entrant: an action inside an action
                if hold is not None:
                    in_flight.set()
                    await hold.wait()
            order.append(f"{name} ends")

    async def check() -> None:
        async with gate.checking():
            order.append("check")

    first = asyncio.create_task(action("first", release))
    await in_flight.wait()
    checking = asyncio.create_task(check())
    await asyncio.sleep(0)  # the check is waiting now
    second = asyncio.create_task(action("second"))
    await asyncio.sleep(0)
    release.set()
    await asyncio.gather(first, checking, second)
    assert order == ["first starts", "first ends", "check", "second starts", "second ends"]

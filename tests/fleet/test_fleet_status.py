"""`stdaemon status`'s fleet section: credits per hour by behaviour, and the freshness of every market a ship
is at, which stays under twice the poll interval while the market runner is up."""

from __future__ import annotations

import asyncio
import uuid
from datetime import UTC, date, datetime, timedelta

from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncEngine

from stdaemon.db.credit_ledger import DbCreditLedger
from stdaemon.db.fleet_status import collect_fleet, render_fleet
from stdaemon.db.status import collect
from stdaemon.db.writer import DbWriter
from stdaemon.domain.operations import LedgerEntry
from stdaemon.services.markets import build_market_runner
from tests.fleet.harness import game

RESET = date(2026, 11, 15)


def entry(behaviour: str, amount: int, minutes_ago: float, kind: str = "SELL") -> LedgerEntry:
    return LedgerEntry(
        entry_id=uuid.uuid4().hex,
        occurred_at=datetime.now(UTC) - timedelta(minutes=minutes_ago),
        agent_symbol="AGENT",
        ship_symbol="AGENT-1",
        behaviour=behaviour,
        kind=kind,
        ref="IRON_ORE",
        amount=amount,
    )


async def test_credits_per_hour_are_told_by_behaviour(clean_db: AsyncEngine) -> None:
    writer = DbWriter(clean_db, linger_s=0.01)
    stop = asyncio.Event()
    task = asyncio.create_task(writer.run(stop))
    ledger = DbCreditLedger(writer, clean_db)
    await ledger.record(
        [
            entry("contracts", 10_000, 90),  # more than an hour ago: in the total, not the rate
            entry("contracts", 3_000, 30),
            entry("contracts", -1_000, 20, kind="PURCHASE"),
            entry("trade", 500, 5),
            entry("buy_probes", -20_000, 1, kind="SHIP_PURCHASE"),
        ],
        reset_date=RESET,
    )
    assert await ledger.spent(RESET, behaviour="buy_probes", kind="SHIP_PURCHASE") == 20_000
    stop.set()
    await task
    async with clean_db.connect() as conn:
        fleet = await collect_fleet(conn, RESET)
    by = {e.behaviour: e for e in fleet.earnings}
    assert by["contracts"].total == 12_000 and by["contracts"].per_hour == 2_000.0
    assert by["trade"].total == 500 and by["trade"].per_hour == 500  # the last hour's, not extrapolated
    assert by["buy_probes"].total == -20_000
    text_lines = "\n".join(render_fleet(fleet.as_json()))
    assert "contracts" in text_lines and "2,000/h" in text_lines


async def test_markets_with_a_ship_stay_fresh_while_the_runner_is_up(clean_db: AsyncEngine) -> None:
    interval = 2.0
    async with game(
        clean_db, wall=True, speed=400.0, market_poll_interval_s=interval, probe_budget=70_000
    ) as g:
        runner = build_market_runner(g.deps)
        stop = asyncio.Event()
        task = asyncio.create_task(runner.run(stop))
        try:
            await asyncio.sleep(4 * interval)  # the probe is at its station, and polls have come round
            await g.writer.flush()
            async with clean_db.connect() as conn:
                ages = (await collect_fleet(conn, g.data.reset_date or RESET)).markets
        finally:
            stop.set()
            await task
        settled = [m for m in ages if m.present_s is None or m.present_s >= interval]
        assert settled, "the command ship sits at its market from the start"
        assert all(m.age_s is not None and m.age_s <= 2 * interval for m in settled), ages
        report = await collect(clean_db, where="test", embedded=False)
        assert report.fleet is not None and report.as_json()["fleet"]["ships"]
        async with clean_db.connect() as conn:
            polled = (
                await conn.execute(text("SELECT count(DISTINCT observed_at) FROM telemetry.market_snapshots"))
            ).scalar_one()
        assert polled >= 3  # polled again and again, not once

"""Migration 0009: what each ship is doing in `analytics.fleet`, and the credit ledger by behaviour."""

from __future__ import annotations

from collections.abc import Callable
from contextlib import AbstractAsyncContextManager
from datetime import UTC, date, datetime, timedelta

from alembic.script import ScriptDirectory
from sqlalchemy.ext.asyncio import AsyncEngine
from sqlalchemy.pool import NullPool

from stdaemon.db import migrations
from stdaemon.db.engine import make_engine
from stdaemon.domain.operations import LedgerEntry
from tests.analytics.observations import AGENT, Observations
from tests.writer.writer_support import fetch

EmptyDb = Callable[[], AbstractAsyncContextManager[str]]
OLD, CURRENT = date(2026, 11, 1), date(2026, 11, 15)
WAYPOINT = "X1-BH1-A1"
BEFORE = str(ScriptDirectory.from_config(migrations.alembic_config()).get_revision("0009").down_revision)


def entry(
    n: int, at: datetime, behaviour: str, kind: str, amount: int, *, ship: str = "STDAEMON_TEST-1"
) -> LedgerEntry:
    return LedgerEntry(
        entry_id=f"e{n}", occurred_at=at, agent_symbol=AGENT, ship_symbol=ship, behaviour=behaviour,
        kind=kind, ref="IRON", amount=amount, waypoint_symbol=WAYPOINT,
    )  # fmt: skip


async def _epochs(engine: AsyncEngine, now: datetime) -> None:
    old, cur = Observations(OLD), Observations(CURRENT)
    old.reset_seen(now - timedelta(days=14))
    old.ship("STDAEMON_TEST-1", waypoint=WAYPOINT, at=now - timedelta(days=13))
    old.behaviour("STDAEMON_TEST-1", "mine", note="an old epoch's plan", at=now - timedelta(days=13))
    old.ledger(entry(1, now - timedelta(days=13), "trade", "SELL", 99_999))
    cur.reset_seen(now - timedelta(days=1))
    for n in (1, 2, 3):
        cur.ship(f"STDAEMON_TEST-{n}", waypoint=WAYPOINT, at=now)
    cur.behaviour(
        "STDAEMON_TEST-1", "trade", note="selling 40 IRON at B2", at=now, wake_at=now + timedelta(minutes=2)
    )
    cur.behaviour(  # its runner stopped: the lease ran out, the behaviour it had is still shown
        "STDAEMON_TEST-2", "market-watch", runner="markets", at=now - timedelta(hours=1),
        lease_until=now - timedelta(minutes=10),
    )  # fmt: skip
    cur.ledger(
        entry(2, now - timedelta(minutes=90), "trade", "PURCHASE", -600),
        entry(3, now - timedelta(minutes=89), "trade", "REFUEL", -40, ship="STDAEMON_TEST-2"),
        entry(4, now - timedelta(minutes=30), "trade", "SELL", 1_000),
        entry(5, now - timedelta(minutes=5), "contract", "CONTRACT_FULFILLED", 5_000),
    )
    await cur.write(engine)
    await old.write(engine)


async def test_fleet_says_what_each_ship_is_doing(clean_db: AsyncEngine) -> None:
    now = datetime.now(UTC)
    await _epochs(clean_db, now)
    rows = await fetch(clean_db, "SELECT * FROM analytics.fleet ORDER BY ship_symbol")
    got = [(r["ship_symbol"], r["behaviour"], r["doing"], r["runner"], r["claimed"]) for r in rows]
    assert got == [
        ("STDAEMON_TEST-1", "trade", "selling 40 IRON at B2", "fleet", True),
        ("STDAEMON_TEST-2", "market-watch", None, "markets", False),
        ("STDAEMON_TEST-3", None, None, None, False),  # never claimed
    ]
    assert rows[0]["wake_at"] == now + timedelta(minutes=2)
    assert rows[0]["status"] == "DOCKED" and rows[0]["waypoint_symbol"] == WAYPOINT  # 0007's columns stay


async def test_ledger_by_behaviour_sums_the_current_epoch(clean_db: AsyncEngine) -> None:
    now = datetime.now(UTC)
    await _epochs(clean_db, now)
    rows = await fetch(clean_db, "SELECT * FROM analytics.ledger_by_behaviour")
    got = [
        (r["behaviour"], r["entries"], r["ships"], r["earned"], r["spent"], r["net"], r["net_last_hour"])
        for r in rows
    ]
    assert got == [("contract", 1, 1, 5_000, 0, 5_000, 5_000), ("trade", 3, 2, 1_000, 640, 360, 1_000)]
    assert rows[0]["net_per_hour"] is None  # one entry: no span to divide by
    assert rows[1]["net_per_hour"] == 360  # 360 credits between the first and the last entry, an hour apart
    ledger = await fetch(clean_db, "SELECT kind, amount FROM analytics.ledger ORDER BY observed_at")
    assert [(r["kind"], r["amount"]) for r in ledger] == [
        ("PURCHASE", -600), ("REFUEL", -40), ("SELL", 1_000), ("CONTRACT_FULFILLED", 5_000),
    ]  # fmt: skip


async def test_0009_goes_down_to_the_fleet_of_0007_and_up_again(empty_database: EmptyDb) -> None:
    """Down to the revision before 0009 (the fleet's tables stay), whichever that is on main."""
    now = datetime.now(UTC)
    async with empty_database() as url:
        engine = make_engine(url, poolclass=NullPool)
        try:
            await migrations.upgrade(engine, "0009")
            await _epochs(engine, now)
            columns = "SELECT * FROM analytics.fleet ORDER BY ship_symbol"
            with_behaviours = await fetch(engine, columns)
            await migrations.downgrade(engine, BEFORE)
            without = await fetch(engine, columns)
            added = {"behaviour", "doing", "runner", "claimed", "wake_at"}
            assert [set(r) for r in without] == [set(r) - added for r in with_behaviours]
            assert await fetch(engine, "SELECT to_regclass('analytics.ledger') AS v") == [{"v": None}]
            [count] = await fetch(engine, "SELECT count(*) AS n FROM telemetry.credit_ledger")
            assert count["n"] == 5  # the ledger's rows are the fleet's: never touched by these views
            await migrations.upgrade(engine, "0009")
            assert [r["behaviour"] for r in await fetch(engine, columns)] == ["trade", "market-watch", None]
        finally:
            await engine.dispose()

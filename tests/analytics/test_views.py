"""The analytics views on the real PostgreSQL: a known set of observations in, the expected answer out.

Two epochs share their symbols (the server reuses them after a reset): every view must answer for the
latest one only. Times are relative to now, because the views measure ages against `now()`.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest
from sqlalchemy.ext.asyncio import AsyncEngine

from tests.analytics.observations import AGENT, Observations, Price, write_all
from tests.writer.writer_support import fetch

OLD, CURRENT = date(2026, 11, 1), date(2026, 11, 15)
A, B, C = "X1-TV1-A1", "X1-TV1-B2", "X1-TV1-C3"


def minutes(n: float) -> timedelta:
    return timedelta(minutes=n)


async def _two_epochs(engine: AsyncEngine, now: datetime) -> None:
    old, cur = Observations(OLD), Observations(CURRENT)
    old.reset_seen(now - timedelta(days=14))
    old.waypoint(A, x=0, y=0, at=now - timedelta(days=14))
    old.market(A, {"IRON": Price(buy=1, sell=1)}, at=now - timedelta(days=13))
    old.agent(1, at=now - timedelta(days=13))
    old.ship("STDAEMON_TEST-9", waypoint=A, at=now - timedelta(days=13))

    cur.reset_seen(now - timedelta(days=1))
    cur.waypoint(A, x=0, y=0, type="PLANET", traits=("MARKETPLACE", "SHIPYARD"), at=now - timedelta(days=1))
    cur.waypoint(B, x=30, y=40, type="MOON", at=now - timedelta(days=1))
    cur.waypoint(C, x=-5, y=0, type="ASTEROID", traits=("MINERAL_DEPOSITS",), at=now - timedelta(days=1))
    for n, buy in ((180, 90), (120, 95), (10, 100)):  # three observations of A; the last one is current
        cur.market(A, {"IRON": Price(buy=buy, sell=buy - 10)}, at=now - minutes(n))
    await write_all(engine, [old, cur])


async def test_latest_prices_are_the_latest_of_the_current_epoch_with_their_age(
    clean_db: AsyncEngine,
) -> None:
    now = datetime.now(UTC)
    await _two_epochs(clean_db, now)
    rows = await fetch(clean_db, "SELECT * FROM analytics.latest_prices")
    assert len(rows) == 1
    [row] = rows
    assert (row["reset_date"], row["system_symbol"], row["waypoint_symbol"]) == (CURRENT, "X1-TV1", A)
    assert (row["trade_symbol"], row["purchase_price"], row["sell_price"]) == ("IRON", 100, 90)
    assert row["waypoint_type"] == "PLANET"
    assert minutes(9) < row["age"] < minutes(12)


async def test_price_history_is_every_observation_of_the_current_epoch(clean_db: AsyncEngine) -> None:
    now = datetime.now(UTC)
    await _two_epochs(clean_db, now)
    rows = await fetch(
        clean_db,
        "SELECT observed_at, purchase_price, sell_price FROM analytics.price_history"
        " WHERE waypoint_symbol = :w AND trade_symbol = 'IRON' ORDER BY observed_at",
        w=A,
    )
    assert [(r["purchase_price"], r["sell_price"]) for r in rows] == [(90, 80), (95, 85), (100, 90)]
    assert [now - r["observed_at"] for r in rows] == [minutes(180), minutes(120), minutes(10)]


async def test_no_epoch_seen_means_empty_views(clean_db: AsyncEngine) -> None:
    """Rows without any reset recorded belong to no known epoch: nothing is shown rather than a guess."""
    obs = Observations(CURRENT)
    obs.market(A, {"IRON": Price(buy=100, sell=90)}, at=datetime.now(UTC))
    await obs.write(clean_db)
    for view in ("latest_prices", "price_history", "fleet", "credits", "system_map", "best_routes"):
        assert await fetch(clean_db, f"SELECT * FROM analytics.{view}") == [], view


async def test_system_map_marks_markets_and_shipyards(clean_db: AsyncEngine) -> None:
    now = datetime.now(UTC)
    await _two_epochs(clean_db, now)
    rows = await fetch(clean_db, "SELECT * FROM analytics.system_map ORDER BY waypoint_symbol")
    got = {
        r["waypoint_symbol"]: (r["type"], r["x"], r["y"], r["has_market"], r["has_shipyard"]) for r in rows
    }
    assert got == {
        A: ("PLANET", 0, 0, True, True),
        B: ("MOON", 30, 40, True, False),
        C: ("ASTEROID", -5, 0, False, False),
    }
    assert {r["system_symbol"] for r in rows} == {"X1-TV1"}


async def test_fleet_shows_where_each_ship_is_what_it_carries_and_when_it_arrives(
    clean_db: AsyncEngine,
) -> None:
    now = datetime.now(UTC)
    await _two_epochs(clean_db, now)
    cur = Observations(CURRENT)
    cur.ship("STDAEMON_TEST-1", waypoint=A, at=now - minutes(1), cargo={"IRON": 5, "FUEL": 12})
    cur.ship(  # halfway from A (0,0) to B (30,40), arriving in 10 minutes
        "STDAEMON_TEST-2",
        waypoint=B,
        status="IN_TRANSIT",
        origin=A,
        departure=now - minutes(10),
        arrival=now + minutes(10),
        at=now - minutes(10),
        cargo={},
    )
    cur.ship(  # arrived a minute ago, not observed since: it is in orbit at its destination
        "STDAEMON_TEST-3",
        waypoint=B,
        status="IN_TRANSIT",
        origin=A,
        departure=now - minutes(5),
        arrival=now - minutes(1),
        at=now - minutes(5),
    )
    await cur.write(clean_db)
    rows = {r["ship_symbol"]: r for r in await fetch(clean_db, "SELECT * FROM analytics.fleet")}
    assert set(rows) == {"STDAEMON_TEST-1", "STDAEMON_TEST-2", "STDAEMON_TEST-3"}  # not the old epoch's -9

    docked = rows["STDAEMON_TEST-1"]
    assert (docked["status"], docked["waypoint_symbol"], docked["x"], docked["y"]) == ("DOCKED", A, 0, 0)
    assert docked["cargo"] == "12 FUEL, 5 IRON"
    assert docked["arrival"] is None and docked["destination_symbol"] is None

    flying = rows["STDAEMON_TEST-2"]
    assert (flying["status"], flying["origin_symbol"], flying["destination_symbol"]) == ("IN_TRANSIT", A, B)
    assert minutes(9) < flying["arrives_in"] <= minutes(10)
    assert 14 < flying["x"] < 16 and 19 < flying["y"] < 21  # about halfway
    assert (flying["origin_x"], flying["origin_y"], flying["destination_x"], flying["destination_y"]) == (
        0,
        0,
        30,
        40,
    )
    assert flying["cargo"] is None

    arrived = rows["STDAEMON_TEST-3"]
    assert (arrived["status"], arrived["waypoint_symbol"], arrived["x"], arrived["y"]) == (
        "IN_ORBIT",
        B,
        30,
        40,
    )
    assert arrived["arrives_in"] is None and arrived["origin_symbol"] is None
    assert arrived["cargo"] == "7 IRON_ORE, 5 QUARTZ_SAND"  # as the saved payload carried it


async def test_credits_over_time_with_changes_and_our_agent_marked(clean_db: AsyncEngine) -> None:
    now = datetime.now(UTC)
    await _two_epochs(clean_db, now)
    cur = Observations(CURRENT)
    for n, credits in ((30, 175_000), (20, 171_000), (10, 180_500)):
        cur.agent(credits, at=now - minutes(n))
    cur.agent(999, at=now - minutes(15), symbol="SOMEONE_ELSE", own=False)
    await cur.write(clean_db)
    rows = await fetch(clean_db, "SELECT * FROM analytics.credits ORDER BY agent_symbol, observed_at")
    ours = [(r["credits"], r["change"], r["own"]) for r in rows if r["agent_symbol"] == AGENT]
    assert ours == [(175_000, None, True), (171_000, -4_000, True), (180_500, 9_500, True)]
    assert [(r["agent_symbol"], r["own"]) for r in rows if r["agent_symbol"] != AGENT] == [
        ("SOMEONE_ELSE", False)
    ]
    assert {r["reset_date"] for r in rows} == {CURRENT}


async def test_traded_goods_counts_markets_and_trades_of_the_current_epoch(clean_db: AsyncEngine) -> None:
    now = datetime.now(UTC)
    await _two_epochs(clean_db, now)
    cur = Observations(CURRENT)
    cur.market(
        B,
        {"IRON": Price(buy=120, sell=110), "FUEL": Price(buy=80, sell=70)},
        at=now - minutes(5),
        transactions=[("FUEL", "PURCHASE", 4, 80), ("FUEL", "SELL", 2, 70), ("IRON", "SELL", 1, 110)],
    )
    await cur.write(clean_db)
    rows = await fetch(clean_db, "SELECT * FROM analytics.traded_goods")
    got = [
        (r["trade_symbol"], r["markets"], r["transactions"], r["units_traded"], r["credits_traded"])
        for r in rows
    ]
    assert got == [("FUEL", 1, 2, 6, 460), ("IRON", 2, 1, 1, 110)]  # most credits traded first


@pytest.mark.parametrize("view", ["latest_prices", "price_history", "fleet", "credits", "system_map"])
async def test_each_view_answers_for_the_latest_reset_only(clean_db: AsyncEngine, view: str) -> None:
    now = datetime.now(UTC)
    await _two_epochs(clean_db, now)
    cur = Observations(CURRENT)
    cur.ship("STDAEMON_TEST-1", waypoint=A, at=now)
    cur.agent(175_000, at=now)
    await cur.write(clean_db)
    assert {r["reset_date"] for r in await fetch(clean_db, f"SELECT * FROM analytics.{view}")} == {CURRENT}

    newer = Observations(date(2026, 11, 29))  # a reset with nothing observed in it yet
    newer.reset_seen(now)
    await newer.write(clean_db)
    assert await fetch(clean_db, f"SELECT * FROM analytics.{view}") == []
    [epoch] = await fetch(clean_db, "SELECT reset_date FROM analytics.current_epoch")
    assert epoch["reset_date"] == date(2026, 11, 29)

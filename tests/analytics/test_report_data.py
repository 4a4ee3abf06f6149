"""`db.analytics.load_report`: which system, which goods, thinned price lines, and the one-line refusals."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest
from sqlalchemy.ext.asyncio import AsyncEngine

from stdaemon.db import analytics
from stdaemon.db.analytics import NothingToReport, load_report
from tests.analytics.observations import Observations, Price

CURRENT = date(2026, 11, 15)
HOME, OTHER = "X1-RD1", "X1-RD2"


def _epoch(now: datetime) -> Observations:
    obs = Observations(CURRENT)
    obs.reset_seen(now - timedelta(days=1))
    return obs


async def _two_systems(engine: AsyncEngine, now: datetime) -> None:
    """Our ships in HOME; OTHER has more markets but none of our ships."""
    obs = _epoch(now)
    obs.waypoint(f"{HOME}-A1", x=0, y=0, at=now)
    obs.waypoint(f"{HOME}-B1", x=10, y=0, at=now)
    obs.ship("STDAEMON_TEST-1", waypoint=f"{HOME}-A1", at=now)
    obs.ship("STDAEMON_TEST-2", waypoint=f"{HOME}-B1", at=now)
    goods = {
        g: Price(buy=100 + i, sell=90 + i) for i, g in enumerate(("IRON", "FUEL", "COPPER", "ICE_WATER"))
    }
    obs.market(f"{HOME}-A1", goods, at=now - timedelta(minutes=5), transactions=[("COPPER", "SELL", 30, 95)])
    obs.market(f"{HOME}-B1", {"IRON": Price(buy=150, sell=140)}, at=now - timedelta(minutes=2))
    for i in range(3):
        obs.market(f"{OTHER}-C{i}", {"GOLD": Price(buy=900, sell=800)}, at=now)
    obs.agent(175_000, at=now - timedelta(minutes=10))
    obs.agent(180_000, at=now)
    obs.agent(5, at=now, symbol="SOMEONE_ELSE", own=False)
    await obs.write(engine)


async def test_the_default_system_is_where_our_ships_are(clean_db: AsyncEngine) -> None:
    now = datetime.now(UTC)
    await _two_systems(clean_db, now)
    data = await load_report(clean_db)
    assert data.system_symbol == HOME
    assert data.reset_date == CURRENT
    assert data.goods == ["COPPER", "IRON", "FUEL", "ICE_WATER"]  # traded first, then most markets
    assert {p.trade_symbol for p in data.prices} == set(data.goods)
    assert [w.waypoint_symbol for w in sorted(data.waypoints, key=lambda w: w.waypoint_symbol)] == [
        f"{HOME}-A1",
        f"{HOME}-B1",
    ]
    assert [(c.agent_symbol, c.credits) for c in data.credits] == [
        ("STDAEMON_TEST", 175_000),
        ("STDAEMON_TEST", 180_000),
    ]
    assert data.agent_symbol == "STDAEMON_TEST"
    assert data.ledger == []  # the fleet runner booked nothing here
    assert [(m.waypoint_symbol, m.goods) for m in data.markets] == [(f"{HOME}-A1", 4), (f"{HOME}-B1", 1)]
    assert timedelta(minutes=4) < data.markets[0].age < timedelta(minutes=6)
    [route] = data.routes  # IRON bought at A1 (100), sold at B1 (140), 10 units apart
    assert (route.trade_symbol, route.buy_waypoint, route.sell_waypoint, route.spread) == (
        "IRON",
        f"{HOME}-A1",
        f"{HOME}-B1",
        40,
    )


async def test_a_system_and_a_good_can_be_asked_for_in_any_case(clean_db: AsyncEngine) -> None:
    now = datetime.now(UTC)
    await _two_systems(clean_db, now)
    data = await load_report(clean_db, system=OTHER.lower(), good="gold")
    assert (data.system_symbol, data.goods) == (OTHER, ["GOLD"])
    assert {p.waypoint_symbol for p in data.prices} == {f"{OTHER}-C0", f"{OTHER}-C1", f"{OTHER}-C2"}
    assert data.waypoints == [] and data.routes == []  # never crawled, no spread: the page says so


async def test_unknown_system_or_good_is_one_line_naming_what_exists(clean_db: AsyncEngine) -> None:
    now = datetime.now(UTC)
    await _two_systems(clean_db, now)
    with pytest.raises(NothingToReport) as system:
        await load_report(clean_db, system="X1-NOPE")
    assert str(system.value) == (
        f"unknown system X1-NOPE in the current epoch ({CURRENT}): systems seen: {HOME}, {OTHER}"
    )
    with pytest.raises(NothingToReport) as good:
        await load_report(clean_db, good="GOLD")
    assert (
        str(good.value)
        == f"no price of GOLD observed in {HOME}: goods priced there: COPPER, FUEL, ICE_WATER, IRON"
    )


async def test_an_empty_database_is_one_line(clean_db: AsyncEngine) -> None:
    with pytest.raises(NothingToReport, match=r"no observations yet \(no server reset recorded\)"):
        await load_report(clean_db)
    obs = _epoch(datetime.now(UTC))
    await obs.write(clean_db)
    with pytest.raises(NothingToReport, match=rf"nothing observed yet in the current epoch \({CURRENT}\)"):
        await load_report(clean_db)


async def test_a_long_price_history_is_thinned_to_real_observations(
    clean_db: AsyncEngine, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(analytics, "POINTS_PER_LINE", 50)
    now = datetime.now(UTC)
    obs = _epoch(now)
    start = now - timedelta(minutes=1000)
    for i in range(1001):  # one observation a minute, the price climbing by one each time
        obs.market(f"{HOME}-A1", {"IRON": Price(buy=1000 + i, sell=900 + i)}, at=start + timedelta(minutes=i))
    await obs.write(clean_db)
    points = (await load_report(clean_db)).prices
    assert 45 <= len(points) <= 51
    assert [p.observed_at for p in points] == sorted(p.observed_at for p in points)
    assert all(p.purchase_price - p.sell_price == 100 for p in points)  # both from the same observation
    assert all(p.purchase_price == 1000 + (p.observed_at - start) // timedelta(minutes=1) for p in points)
    assert (points[-1].observed_at, points[-1].purchase_price) == (now, 2000)  # the latest is always kept


async def test_a_price_chart_keeps_the_most_observed_markets(
    clean_db: AsyncEngine, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(analytics, "MARKETS_PER_GOOD", 2)
    now = datetime.now(UTC)
    obs = _epoch(now)
    for market, times in (("A1", 3), ("B1", 1), ("C1", 2)):
        for i in range(times):
            obs.market(f"{HOME}-{market}", {"IRON": Price(buy=100, sell=90)}, at=now - timedelta(minutes=i))
    await obs.write(clean_db)
    points = (await load_report(clean_db, good="IRON")).prices
    assert sorted({p.waypoint_symbol for p in points}) == [f"{HOME}-A1", f"{HOME}-C1"]
    assert len(points) == 5

"""`analytics.trade_routes(…)`, `analytics.best_routes`: fresh prices only, the game's fuel/time formulas."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from typing import Any

import pytest
from sqlalchemy.exc import DBAPIError
from sqlalchemy.ext.asyncio import AsyncEngine

from stsim.rules import formulas
from tests.analytics.observations import Observations, Price
from tests.writer.writer_support import fetch

CURRENT = date(2026, 11, 15)
A, B, C, NO_COORDS = "X1-TV1-A1", "X1-TV1-B2", "X1-TV1-C3", "X1-TV1-Z9"
E, F = "X1-TV2-E1", "X1-TV2-F1"
COLUMNS = (
    "trade_symbol", "buy_waypoint", "sell_waypoint", "spread", "volume", "units", "distance", "fuel",
    "fuel_price", "fuel_cost", "flight_seconds", "profit", "profit_per_unit", "profit_per_hour",
)  # fmt: skip


async def _market_day(engine: AsyncEngine) -> None:
    now = datetime.now(UTC)
    obs = Observations(CURRENT)
    obs.reset_seen(now - timedelta(days=1))
    for symbol, x, y in ((A, 0, 0), (B, 30, 40), (C, 23, 0), (E, 0, 0), (F, 3, 4)):
        obs.waypoint(symbol, x=x, y=y, at=now - timedelta(days=1))
    fresh, stale = now - timedelta(minutes=5), now - timedelta(hours=3)
    obs.market(A, {"IRON": Price(buy=100, sell=90), "FUEL": Price(buy=80, sell=70, volume=60)}, at=fresh)
    obs.market(B, {"IRON": Price(buy=160, sell=150, volume=10)}, at=fresh)
    obs.market(C, {"IRON": Price(buy=130, sell=125)}, at=stale)
    obs.market(NO_COORDS, {"IRON": Price(buy=1000, sell=999)}, at=fresh)  # its waypoint was never crawled
    obs.market(E, {"IRON": Price(buy=100, sell=90)}, at=fresh)  # a system where nobody sells FUEL
    obs.market(F, {"IRON": Price(buy=510, sell=500)}, at=fresh)
    await obs.write(engine)


def _rows(rows: list[dict[str, Any]]) -> list[tuple[Any, ...]]:
    return [tuple(r[c] for c in COLUMNS) for r in rows]


A_TO_B = (  # d = 50: fuel 50 at 80 per 100 = 40 credits; round(50·25/36 + 15) = 50 s
    "IRON", A, B, 50, 10, 40, Decimal("50.0"), 50, 80, 40, 50, 1960, Decimal("49.0"), Decimal(141120),
)  # fmt: skip


async def test_best_routes_from_fresh_prices_with_fuel_and_flight_time(clean_db: AsyncEngine) -> None:
    await _market_day(clean_db)
    rows = await fetch(clean_db, "SELECT * FROM analytics.best_routes")
    assert _rows(rows) == [
        # no FUEL price known in X1-TV2: the fuel is counted but not its cost (NULL, not a guessed 0)
        ("IRON", E, F, 400, 20, 40, Decimal("5.0"), 5, None, None, 18, 16000, Decimal("400.0"),
         Decimal(3200000)),
        A_TO_B,
    ]  # fmt: skip
    assert rows[1]["system_symbol"] == "X1-TV1"
    assert timedelta(minutes=4) < rows[1]["buy_age"] < timedelta(minutes=7)


async def test_an_older_max_age_lets_the_stale_market_in(clean_db: AsyncEngine) -> None:
    await _market_day(clean_db)
    rows = await fetch(
        clean_db, "SELECT * FROM analytics.trade_routes(max_age => '4 hours', only_system => 'X1-TV1')"
    )
    assert _rows(rows) == [
        A_TO_B,
        # d = 23: fuel 23 → ceil(18.4) = 19 credits; round(23·25/36 + 15) = 31 s; 40·25 − 19 = 981
        ("IRON", A, C, 25, 20, 40, Decimal("23.0"), 23, 80, 19, 31, 981, Decimal("24.5"), Decimal(113923)),
        # no FUEL at C: the cheapest fresh FUEL of the system (A's); d = √1649 ≈ 40.6 → 41 fuel, 43 s
        ("IRON", C, B, 20, 10, 40, Decimal("40.6"), 41, 80, 33, 43, 767, Decimal("19.2"), Decimal(64214)),
    ]  # fmt: skip


async def test_cargo_engine_and_flight_mode_are_the_callers(clean_db: AsyncEngine) -> None:
    await _market_day(clean_db)
    rows = await fetch(
        clean_db,
        "SELECT * FROM analytics.trade_routes(80, 9, 'DRIFT') WHERE system_symbol = 'X1-TV1'",
    )
    # DRIFT burns 1 fuel (1 credit at 80 per 100); round(50·250/9 + 15) = 1404 s; 80·50 − 1 = 3999
    assert _rows(rows) == [
        ("IRON", A, B, 50, 10, 80, Decimal("50.0"), 1, 80, 1, 1404, 3999, Decimal("50.0"), Decimal(10254)),
    ]  # fmt: skip


@pytest.mark.parametrize(
    ("args", "message"),
    [
        ("0", "cargo_units must be at least 1"),
        ("40, 0", "engine_speed must be at least 1"),
        ("40, 36, 'WARP'", "flight_mode must be CRUISE, DRIFT, BURN or STEALTH"),
        ("40, 36, 'CRUISE', '-1 hour'", "max_age must be positive"),
    ],
)
async def test_bad_arguments_are_refused_with_a_clear_message(
    clean_db: AsyncEngine, args: str, message: str
) -> None:
    with pytest.raises(DBAPIError, match=message):
        await fetch(clean_db, f"SELECT * FROM analytics.trade_routes({args})")


async def test_the_sql_formulas_are_the_simulators(engine: AsyncEngine) -> None:
    """Fuel and flight time in SQL match stsim's (SPACETRADERS.md §6.3), half-way cases included."""
    distances = [0.0, 0.4, 0.5, 1.0, 1.5, 2.5, 5.0, 23.0, 40.607881, 50.0, 99.5, 512.3]
    speeds = [1, 2, 9, 15, 30, 36, 50]
    cases = [(mode, d, s) for mode in formulas.NAV_MULTIPLIER for d in distances for s in speeds]
    rows = await fetch(
        engine,
        "SELECT m, d, s, analytics.fuel_cost(m, d) AS fuel, analytics.travel_seconds(m, d, s) AS t"
        " FROM unnest(CAST(:m AS text[]), CAST(:d AS float8[]), CAST(:s AS int[])) AS c(m, d, s)",
        m=[c[0] for c in cases],
        d=[c[1] for c in cases],
        s=[c[2] for c in cases],
    )
    assert len(rows) == len(cases)
    got = {(r["m"], r["d"], r["s"]): (r["fuel"], r["t"]) for r in rows}
    want = {(m, d, s): (formulas.fuel_cost(m, d), formulas.travel_seconds(m, d, s)) for m, d, s in cases}
    assert got == want
    assert got[("CRUISE", 23.0, 50)] == (23, 27)  # 11.5 + 15 = 26.5 rounds up, as the server does

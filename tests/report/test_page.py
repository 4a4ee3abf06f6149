"""The page: self-contained (nothing to fetch), every section present, text escaped, empty sections said."""

from __future__ import annotations

import re
from datetime import UTC, date, datetime, timedelta

from plotly.offline import get_plotlyjs

from stdaemon.domain.analytics import (
    CreditPoint,
    FleetShip,
    LedgerLine,
    MapWaypoint,
    MarketSummary,
    PricePoint,
    ReportData,
    TradeRoute,
)
from stdaemon.report import render_page

NOW = datetime(2026, 11, 30, 12, 0, tzinfo=UTC)
SYSTEM = "X1-PG1"
AGENT = "STDAEMON"


def _ship(symbol: str, **over: object) -> FleetShip:
    fields: dict[str, object] = {
        "ship_symbol": symbol, "role": "COMMAND", "frame_symbol": "FRAME_FRIGATE", "system_symbol": SYSTEM,
        "waypoint_symbol": f"{SYSTEM}-A1", "status": "DOCKED", "flight_mode": "CRUISE", "origin_symbol": None,
        "destination_symbol": None, "arrival": None, "arrives_in": None, "fuel_current": 300,
        "fuel_capacity": 400, "cargo_units": 12, "cargo_capacity": 40, "cargo": "12 IRON_ORE", "x": 0.0,
        "y": 0.0, "destination_x": None, "destination_y": None, "age": timedelta(seconds=30),
        "behaviour": "trade", "doing": "selling 12 IRON_ORE at A1",
    }  # fmt: skip
    return FleetShip.model_validate(fields | over)


def sample(**over: object) -> ReportData:
    waypoints = [
        MapWaypoint(
            waypoint_symbol=f"{SYSTEM}-{name}", type=kind, x=x, y=y, orbits=orbits, traits=[],
            has_market=market, has_shipyard=yard, is_under_construction=False,
        )
        for name, kind, x, y, orbits, market, yard in (
            ("A1", "PLANET", 0, 0, None, True, True),
            ("A2", "MOON", 0, 0, f"{SYSTEM}-A1", True, False),
            ("B1", "GAS_GIANT", 40, -30, None, False, False),
            ("G1", "JUMP_GATE", -20, 25, None, True, False),
        )
    ]  # fmt: skip
    prices = [
        PricePoint(
            waypoint_symbol=f"{SYSTEM}-{m}", trade_symbol="IRON", observed_at=NOW - timedelta(minutes=10 * i),
            purchase_price=100 + i + d, sell_price=90 + i + d,
        )
        for i in range(5)
        for m, d in (("A1", 0), ("A2", 20))
    ]  # fmt: skip
    route = TradeRoute(
        trade_symbol="IRON", buy_waypoint=f"{SYSTEM}-A1", buy_price=100, sell_waypoint=f"{SYSTEM}-A2",
        sell_price=110, spread=10, volume=20, units=40, distance=0.0, fuel=1, fuel_cost=1, flight_seconds=16,
        profit=399, profit_per_unit=10.0, profit_per_hour=89775.0, buy_age=timedelta(minutes=3),
        sell_age=timedelta(minutes=8),
    )  # fmt: skip
    fields: dict[str, object] = {
        "reset_date": date(2026, 11, 15), "generated_at": NOW, "system_symbol": SYSTEM,
        "agent_symbol": "STDAEMON", "goods": ["IRON"], "prices": prices, "waypoints": waypoints,
        "fleet": [
            _ship("STDAEMON-1"),
            _ship("STDAEMON-2", status="IN_TRANSIT", origin_symbol=f"{SYSTEM}-A1",
                  destination_symbol=f"{SYSTEM}-B1", arrives_in=timedelta(minutes=2), x=20.0, y=-15.0,
                  destination_x=40.0, destination_y=-30.0, cargo=None, cargo_units=0),
        ],
        "credits": [
            CreditPoint(agent_symbol=AGENT, observed_at=NOW - timedelta(minutes=n), credits=c, ship_count=k)
            for n, c, k in ((30, 175_000, 2), (20, 171_000, None), (0, 180_500, 2))
        ],
        "ledger": [
            LedgerLine(behaviour="trade", entries=3, earned=1_000, spent=640, net=360, net_last_hour=1_000,
                       net_per_hour=360.0),
            LedgerLine(behaviour="contract", entries=1, earned=5_000, spent=0, net=5_000, net_last_hour=5_000,
                       net_per_hour=None),
        ],
        "routes": [route], "route_cargo": 40, "route_speed": 36, "fresh_within": timedelta(hours=1),
        "markets": [
            MarketSummary(waypoint_symbol=f"{SYSTEM}-{w}", waypoint_type=t, goods=g, age=timedelta(minutes=m))
            for w, t, g, m in (("A1", "PLANET", 6, 3), ("A2", "MOON", 4, 8), ("G1", "JUMP_GATE", 2, 95))
        ],
    }  # fmt: skip
    return ReportData.model_validate(fields | over)


def test_the_page_needs_nothing_from_the_network() -> None:
    """Static half of the check (the browser test watches the requests): no tag loads anything.

    plotly.js itself is inlined whole; its own strings (links in map attributions) are left out of the search.
    """
    page = render_page(sample())
    assert page.startswith("<!DOCTYPE html>")
    assert page.count(get_plotlyjs()) == 1
    ours = page.replace(get_plotlyjs(), "")
    assert not re.search(r"<(script|img|iframe)[^>]*\bsrc\s*=|<link\b", ours), "something to fetch"
    assert not re.search(r"@import|@font-face|url\(|https?://", ours)
    assert page.count("<script") == 1 + 4  # plotly.js once, then one newPlot per figure
    assert "Plotly.newPlot" in page
    assert 'id="credits"' in page and 'id="system-map"' in page and 'id="price-iron"' in page
    assert 'id="ledger"' in page


def test_the_sections_show_the_numbers() -> None:
    page = render_page(sample())
    assert "180,500" in page and "+5,500" in page  # credits now and since the first observation
    assert "2/3" in page and "1 h 35 min ago" in page  # markets priced within the hour; the gate's are old
    assert "89,775" in page  # best route per hour
    assert "A1 → B1" in page and "arrives in 2 min 00 s" in page
    assert "12 IRON_ORE" in page and "selling 12 IRON_ORE at A1" in page and "</span> trade<br>" in page
    assert "40 units, engine speed 36" in page


def test_symbols_are_escaped() -> None:
    page = render_page(sample(agent_symbol="<img src=x onerror=alert(1)>"))
    assert "<img src=x" not in page
    assert "&lt;img src=x onerror=alert(1)&gt;" in page


def test_empty_sections_say_what_is_missing() -> None:
    page = render_page(
        sample(prices=[], waypoints=[], fleet=[], credits=[], routes=[], markets=[], ledger=[])
    )
    assert page.count("<script") == 1  # no figure at all
    for said in (
        "No credits observed yet.",
        f"No waypoint of {SYSTEM} is in the database yet",
        "No profitable route",
        f"No price observed in {SYSTEM} yet",
        "No ship observed yet.",
        f"No market of {SYSTEM} priced yet.",
    ):
        assert said in page

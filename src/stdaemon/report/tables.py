"""HTML tables of the report (best routes, the fleet); every value is escaped."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import timedelta
from html import escape

from stdaemon.domain.analytics import FleetShip, MarketSummary, TradeRoute
from stdaemon.report.text import duration, short


def _table(head: Sequence[tuple[str, bool]], rows: Sequence[Sequence[str]]) -> str:
    """`head` is (title, numeric); cells are already-escaped HTML."""
    ths = "".join(f'<th class="num">{escape(t)}</th>' if num else f"<th>{escape(t)}</th>" for t, num in head)
    body = "".join(
        "<tr>"
        + "".join(
            f'<td class="num">{c}</td>' if num else f"<td>{c}</td>"
            for c, (_, num) in zip(r, head, strict=True)
        )
        + "</tr>"
        for r in rows
    )
    return f"<table><thead><tr>{ths}</tr></thead><tbody>{body}</tbody></table>"


def routes_table(routes: Sequence[TradeRoute]) -> str:
    head = [
        ("good", False), ("buy at", False), ("price", True), ("sell at", False), ("price", True),
        ("spread", True), ("volume", True), ("distance", True), ("flight", True), ("fuel cost", True),
        ("profit / trip", True), ("per unit", True), ("per hour", True), ("prices seen", True),
    ]  # fmt: skip
    rows = [
        [
            f"<b>{escape(r.trade_symbol)}</b>",
            escape(short(r.buy_waypoint)),
            f"{r.buy_price:,}",
            escape(short(r.sell_waypoint)),
            f"{r.sell_price:,}",
            f"{r.spread:,}",
            f"{r.volume:,}",
            f"{r.distance:,.1f}",
            duration(timedelta(seconds=r.flight_seconds)),
            "?" if r.fuel_cost is None else f"{r.fuel_cost:,}",
            f"{r.profit:,}",
            f"{r.profit_per_unit:,.1f}",
            f'<b class="up">{r.profit_per_hour:,.0f}</b>',
            f'<span class="dim">{duration(max(r.buy_age, r.sell_age))} ago</span>',
        ]
        for r in routes
    ]
    return _table(head, rows)


def fleet_table(ships: Sequence[FleetShip]) -> str:
    head = [("ship", False), ("doing", False), ("where", False), ("cargo", False), ("fuel", True)]
    rows = []
    for s in ships:
        where = escape(short(s.origin_symbol or s.waypoint_symbol))
        if s.destination_symbol:
            where += f" → {escape(short(s.destination_symbol))}"
            where += f'<br><span class="dim">arrives in {duration(s.arrives_in)}</span>'
        rows.append(
            [
                f"<b>{escape(s.ship_symbol)}</b><br>"
                f'<span class="dim">{escape((s.role or "ship").lower())} · seen {duration(s.age)} ago</span>',
                f'<span class="tag {escape(s.status)}">{escape(s.status.replace("_", " ").lower())}</span>'
                + (f" {escape(s.behaviour)}" if s.behaviour else "")
                + (f'<br><span class="dim wrap">{escape(s.doing)}</span>' if s.doing else ""),
                where,
                f"{s.cargo_units}/{s.cargo_capacity}"
                + (f'<br><span class="dim wrap">{escape(s.cargo)}</span>' if s.cargo else ""),
                f"{s.fuel_current}/{s.fuel_capacity}" if s.fuel_capacity else '<span class="dim">none</span>',
            ]
        )
    return _table(head, rows)


def markets_table(markets: Sequence[MarketSummary], fresh_within: timedelta) -> str:
    head = [("market", False), ("type", False), ("goods", True), ("prices seen", True)]
    rows = [
        [
            f"<b>{escape(short(m.waypoint_symbol))}</b>",
            escape((m.waypoint_type or "").replace("_", " ").lower()),
            f"{m.goods}",
            f'<span class="{"up" if m.age <= fresh_within else "dim"}">{duration(m.age)} ago</span>',
        ]
        for m in markets
    ]
    return _table(head, rows)

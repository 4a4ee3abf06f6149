"""One self-contained HTML page from a `ReportData`: Plotly's script is inlined once, nothing is fetched.

Sections: summary cards, credits over time, the system map, the best routes, the price history of the most
traded goods, the fleet. A section with nothing observed yet says so instead of drawing an empty chart.
"""

from __future__ import annotations

from collections import defaultdict
from datetime import timedelta
from html import escape

import plotly.graph_objects as go
from plotly.offline import get_plotlyjs

from stdaemon.domain.analytics import PricePoint, ReportData
from stdaemon.report import style
from stdaemon.report.charts import credits_chart, ledger_chart, price_chart
from stdaemon.report.system_map import map_figure
from stdaemon.report.tables import fleet_table, markets_table, routes_table
from stdaemon.report.text import duration


def _figure(fig: go.Figure, div_id: str, css: str = "chart") -> str:
    html: str = fig.to_html(
        full_html=False, include_plotlyjs=False, div_id=div_id, config=style.PLOTLY_CONFIG
    )
    return f'<div class="panel {css}">{html}</div>'


def _empty(message: str) -> str:
    return f'<div class="panel empty">{escape(message)}</div>'


def _card(label: str, value: str, note: str = "") -> str:
    return (
        f'<div class="card"><div class="label">{escape(label)}</div><div class="value">{value}</div>'
        f'<div class="note">{note}</div></div>'
    )


def _cards(data: ReportData) -> str:
    cards = []
    if data.credits:
        last, first = data.credits[-1], data.credits[0]
        change = last.credits - first.credits
        sign = "up" if change >= 0 else "down"
        trend = f'<span class="{sign}">{change:+,}</span> since {first.observed_at:%b %d %H:%M}'
        cards.append(_card("credits", f"{last.credits:,}", trend))
    else:
        cards.append(_card("credits", "–", "no agent observed yet"))
    flying = sum(1 for s in data.fleet if s.arrives_in is not None)
    here = sum(1 for s in data.fleet if s.system_symbol == data.system_symbol)
    cards.append(
        _card("ships", f"{len(data.fleet)}", f"{flying} in flight · {here} in {escape(data.system_symbol)}")
    )
    fresh = sum(1 for m in data.markets if m.age <= data.fresh_within)
    note = f"prices younger than {duration(data.fresh_within)}"
    cards.append(_card("markets priced", f"{fresh}/{len(data.markets)}", note))
    if data.routes:
        best = data.routes[0]
        note = f"{escape(best.trade_symbol)} {escape(best.buy_waypoint)} → {escape(best.sell_waypoint)}"
        cards.append(_card("best route / hour", f"{best.profit_per_hour:,.0f}", note))
    else:
        cards.append(_card("best route / hour", "–", "no profitable route from fresh prices"))
    return f'<div class="cards">{"".join(cards)}</div>'


def _prices(data: ReportData) -> str:
    by_good: dict[str, list[PricePoint]] = defaultdict(list)
    for p in data.prices:
        by_good[p.trade_symbol].append(p)
    first = min((p.observed_at for p in data.prices), default=data.generated_at)
    span = (min(first, data.generated_at - timedelta(minutes=10)), data.generated_at)
    charts = [
        _figure(price_chart(good, by_good[good], span), f"price-{good.lower()}")
        for good in data.goods
        if by_good[good]
    ]
    if not charts:
        return _empty(f"No price observed in {data.system_symbol} yet: prices are seen where our ships are.")
    return f'<div class="grid2">{"".join(charts)}</div>'


def _section(title: str, note: str, body: str) -> str:
    return f"<section><h2>{escape(title)}<small>{escape(note)}</small></h2>{body}</section>"


def render_page(data: ReportData) -> str:
    """The whole page as one string (a few MB: Plotly's script is most of it)."""
    system = data.system_symbol
    credits = (
        _figure(credits_chart(data.credits), "credits")
        if data.credits
        else _empty("No credits observed yet.")
    )
    if data.ledger:  # the fleet runner's ledger: what each behaviour earned and spent
        ledger = _figure(ledger_chart(data.ledger), "ledger")
        credits = f'<div class="split wide"><div>{credits}</div><div>{ledger}</div></div>'
    ships_here = [s for s in data.fleet if s.system_symbol == system]
    system_map = (
        _figure(map_figure(system, data.waypoints, data.fleet), "system-map", "chart tall")
        if data.waypoints
        else _empty(f"No waypoint of {system} is in the database yet: the crawl runner stores them.")
    )
    routes = (
        f'<div class="panel scroll">{routes_table(data.routes)}</div>'
        if data.routes
        else _empty(
            f"No profitable route between markets with prices younger than {duration(data.fresh_within)}."
        )
    )
    fleet = (
        f'<div class="panel scroll">{fleet_table(data.fleet)}</div>'
        if data.fleet
        else _empty("No ship observed yet.")
    )
    markets = (
        f'<div class="panel scroll">{markets_table(data.markets, data.fresh_within)}</div>'
        if data.markets
        else _empty(f"No market of {system} priced yet.")
    )
    agent = escape(data.agent_symbol or "stdaemon")
    sections = [
        _cards(data),
        _section("Credits", f"epoch {data.reset_date}", credits),
        _section(
            f"Map of {system}",
            f"{len(data.waypoints)} waypoints · {len(ships_here)} of our {len(data.fleet)} ships"
            " · hover for details",
            f'<div class="split"><div>{system_map}</div><div>{fleet}{markets}</div></div>',
        ),
        _section(
            "Best trade routes",
            f"{data.route_cargo} units, engine speed {data.route_speed}, cruise; profit after fuel",
            routes,
        ),
        _section(
            "Prices", f"the most traded goods in {system}, at the markets that saw them most", _prices(data)
        ),
    ]
    return f"""<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>stdaemon report · {agent} · {escape(system)}</title>
<style>{style.CSS}</style>
<script>{get_plotlyjs()}</script>
</head>
<body>
<header>
<h1>stdaemon <span>{agent}</span> · {escape(system)}</h1>
<p>epoch {data.reset_date} · generated {data.generated_at:%Y-%m-%d %H:%M:%S %Z}</p>
</header>
<main>
{"".join(sections)}
</main>
<footer>Written by <code>stdaemon report</code> from the analytics views; it opens offline.</footer>
</body>
</html>
"""

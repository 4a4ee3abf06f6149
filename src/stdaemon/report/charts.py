"""Plotly figures over time: a good's buy and sell prices at each market, and our credits."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from datetime import datetime
from html import escape

import plotly.graph_objects as go

from stdaemon.domain.analytics import CreditPoint, LedgerLine, PricePoint
from stdaemon.report import style
from stdaemon.report.text import short


def price_chart(good: str, points: Sequence[PricePoint], span: tuple[datetime, datetime]) -> go.Figure:
    """One line pair per market: what we pay to buy there (solid) and what we get selling there (dotted).

    Prices are steps: a price holds until the next observation changes it. Every chart of a page spans the
    same `span` of time, so a good seen once is a point in its place, not a chart of milliseconds.
    """
    by_market: dict[str, list[PricePoint]] = defaultdict(list)
    for p in points:
        by_market[p.waypoint_symbol].append(p)
    fig = go.Figure()
    for i, (market, rows) in enumerate(sorted(by_market.items())):
        colour = style.SERIES[i % len(style.SERIES)]
        times = [p.observed_at for p in rows]
        for side, values, dash in (
            ("buy", [p.purchase_price for p in rows], "solid"),
            ("sell", [p.sell_price for p in rows], "dot"),
        ):
            fig.add_trace(
                go.Scatter(
                    x=times,
                    y=values,
                    mode="lines+markers" if len(rows) < 12 else "lines",
                    line={"shape": "hv", "color": colour, "width": 2, "dash": dash},
                    marker={"size": 5},
                    name=f"{short(market)} {side}",
                    legendgroup=market,
                    hovertemplate=f"{market} {side} %{{y:,.0f}}<br>%{{x|%b %d %H:%M}}<extra></extra>",
                )
            )
    fig.update_layout(
        style.layout(
            title={
                "text": f"{escape(good)} <span style='font-size:12px;color:{style.MUTED}'>"
                "buy (solid, we pay) · sell (dotted, we get)</span>"
            },
            yaxis={"title": {"text": "credits per unit"}, "tickformat": ",~f"},
            xaxis={"range": [span[0] - (span[1] - span[0]) * 0.02, span[1] + (span[1] - span[0]) * 0.02]},
            legend={"orientation": "v"},
            hovermode="closest",
        )
    )
    return fig


def credits_chart(points: Sequence[CreditPoint]) -> go.Figure:
    fig = go.Figure(
        go.Scatter(
            x=[p.observed_at for p in points],
            y=[p.credits for p in points],
            customdata=[p.ship_count for p in points],
            mode="lines+markers" if len(points) < 60 else "lines",
            line={"shape": "hv", "color": style.ACCENT, "width": 2.5},
            marker={"size": 5},
            fill="tozeroy",
            fillcolor="rgba(94, 200, 255, 0.12)",
            name="credits",
            hovertemplate="%{y:,} credits · %{customdata} ships<br>%{x|%b %d %H:%M:%S}<extra></extra>",
        )
    )
    low = min(p.credits for p in points)
    high = max(p.credits for p in points)
    pad = max((high - low) * 0.15, abs(high) * 0.01, 1)
    fig.update_layout(
        style.layout(
            title={"text": "Credits over time"},
            yaxis={"tickformat": ",~f", "range": [low - pad, high + pad]},
            showlegend=False,
        )
    )
    return fig


def ledger_chart(lines: Sequence[LedgerLine]) -> go.Figure:
    """Per behaviour: credits earned (right) and spent (left) this epoch, net in the hover."""
    names = [line.behaviour for line in lines]
    fig = go.Figure()
    for label, values, colour in (
        ("earned", [line.earned for line in lines], style.GOOD),
        ("spent", [-line.spent for line in lines], style.BAD),
    ):
        fig.add_trace(
            go.Bar(
                y=names,
                x=values,
                orientation="h",
                name=label,
                marker={"color": colour},
                customdata=[[line.net, line.net_last_hour, line.entries] for line in lines],
                hovertemplate=(
                    f"%{{y}} {label} %{{x:,}}<br>net %{{customdata[0]:,}} · last hour %{{customdata[1]:,}}"
                    "<br>%{customdata[2]} entries<extra></extra>"
                ),
            )
        )
    fig.update_layout(
        style.layout(
            title={"text": "Credits by behaviour"},
            barmode="relative",
            bargap=0.45,
            xaxis={"tickformat": ",~f"},
            yaxis={"autorange": "reversed"},
            legend={"orientation": "h", "y": -0.15},
        )
    )
    return fig

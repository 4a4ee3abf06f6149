"""The map of one system: waypoints by type, markets and shipyards marked, our ships and where they fly.

Moons and stations share their planet's coordinates (SPACETRADERS.md §6.2), so waypoints at one spot are
drawn on a small ring around it; a ship is drawn beside the waypoint it is at, or on its flight line.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Sequence
from html import escape

import plotly.graph_objects as go

from stdaemon.domain.analytics import FleetShip, MapWaypoint
from stdaemon.report import style
from stdaemon.report.text import duration, short

# type → (marker symbol, colour, size); anything else gets the fallback
TYPES: dict[str, tuple[str, str, int]] = {
    "PLANET": ("circle", "#4fa3ff", 20),
    "GAS_GIANT": ("circle", "#e0a060", 24),
    "MOON": ("circle", "#a9b4c8", 11),
    "ORBITAL_STATION": ("square", "#b49cff", 11),
    "JUMP_GATE": ("hexagram", "#ff7ab6", 17),
    "ASTEROID_FIELD": ("diamond", "#9c8f7a", 12),
    "ASTEROID": ("diamond", "#9c8f7a", 10),
    "ENGINEERED_ASTEROID": ("diamond", "#d4a373", 12),
    "ASTEROID_BASE": ("diamond-wide", "#d4a373", 12),
    "NEBULA": ("circle-open", "#7ee0d8", 16),
    "DEBRIS_FIELD": ("x", "#8d9abb", 10),
    "GRAVITY_WELL": ("circle-dot", "#ffe066", 14),
    "ARTIFICIAL_GRAVITY_WELL": ("circle-dot", "#ffe066", 14),
    "FUEL_STATION": ("triangle-up", "#7ee081", 12),
}
FALLBACK = ("circle", "#8d9abb", 10)


def spread_out(waypoints: Sequence[MapWaypoint], radius: float) -> dict[str, tuple[float, float]]:
    """Where to draw each waypoint: the first at its spot, the others sharing it on a ring around it."""
    at: dict[tuple[int, int], list[MapWaypoint]] = defaultdict(list)
    for w in sorted(waypoints, key=lambda w: (w.orbits is not None, w.waypoint_symbol)):
        at[(w.x, w.y)].append(w)
    drawn: dict[str, tuple[float, float]] = {}
    for (x, y), here in at.items():
        drawn[here[0].waypoint_symbol] = (x, y)
        for i, w in enumerate(here[1:]):
            angle = math.pi / 2 + 2 * math.pi * i / (len(here) - 1)
            drawn[w.waypoint_symbol] = (x + radius * math.cos(angle), y + radius * math.sin(angle))
    return drawn


def _label(w: MapWaypoint) -> str:
    marks = [m for m, on in (("market", w.has_market), ("shipyard", w.has_shipyard)) if on]
    extra = f"<br>{' · '.join(marks)}" if marks else ""
    building = "<br>under construction" if w.is_under_construction else ""
    traits = escape(", ".join(t for t in w.traits if t not in {"MARKETPLACE", "SHIPYARD"}))
    return f"<b>{escape(w.waypoint_symbol)}</b> {escape(w.type)}{extra}{building}<br>({w.x}, {w.y}) {traits}"


def _waypoint_traces(
    waypoints: Sequence[MapWaypoint], drawn: dict[str, tuple[float, float]]
) -> list[go.Scatter]:
    traces = []
    by_type: dict[str, list[MapWaypoint]] = defaultdict(list)
    for w in waypoints:
        by_type[w.type].append(w)
    for kind, group in sorted(by_type.items()):
        symbol, colour, size = TYPES.get(kind, FALLBACK)
        traces.append(
            go.Scatter(
                x=[drawn[w.waypoint_symbol][0] for w in group],
                y=[drawn[w.waypoint_symbol][1] for w in group],
                mode="markers+text",
                text=[short(w.waypoint_symbol) for w in group],
                textposition="bottom center",
                textfont={"color": style.MUTED, "size": 10},
                marker={"symbol": symbol, "color": colour, "size": size, "line": {"width": 0}},
                name=kind.replace("_", " ").lower(),
                hovertext=[_label(w) for w in group],
                hoverinfo="text",
            )
        )
    for name, flag, symbol, colour, size in (
        ("market", "has_market", "circle-open", "#ffe066", 30),
        ("shipyard", "has_shipyard", "square-open", "#5fd38d", 36),
    ):
        marked = [w for w in waypoints if getattr(w, flag)]
        traces.append(
            go.Scatter(
                x=[drawn[w.waypoint_symbol][0] for w in marked],
                y=[drawn[w.waypoint_symbol][1] for w in marked],
                mode="markers",
                marker={"symbol": symbol, "color": colour, "size": size, "line": {"width": 2}},
                name=name,
                hoverinfo="skip",
            )
        )
    return traces


def _ship_label(s: FleetShip) -> str:
    going = (
        f"<br>→ {escape(s.destination_symbol or '')}, arrives in {duration(s.arrives_in)}"
        if s.arrives_in
        else ""
    )
    cargo = f"<br>cargo {s.cargo_units}/{s.cargo_capacity}: {escape(s.cargo)}" if s.cargo else ""
    what = f"{escape(s.role or '')} · {escape(s.status)} at {escape(s.waypoint_symbol)}"
    return f"<b>{escape(s.ship_symbol)}</b> {what}{going}{cargo}"


def map_figure(system: str, waypoints: Sequence[MapWaypoint], ships: Sequence[FleetShip]) -> go.Figure:
    xs = [w.x for w in waypoints] or [0]
    ys = [w.y for w in waypoints] or [0]
    span = max(max(xs) - min(xs), max(ys) - min(ys), 20)
    drawn = spread_out(waypoints, radius=span * 0.08)
    fig = go.Figure(_waypoint_traces(waypoints, drawn))
    here = [s for s in ships if s.system_symbol == system and s.x is not None and s.y is not None]
    for s in here:
        if (
            s.destination_x is not None
            and s.destination_y is not None
            and s.x is not None
            and s.y is not None
        ):
            fig.add_annotation(
                x=s.destination_x, y=s.destination_y, ax=s.x, ay=s.y,
                xref="x", yref="y", axref="x", ayref="y",
                showarrow=True, arrowhead=3, arrowsize=1.2, arrowwidth=1.6, arrowcolor="#ffb454",
                opacity=0.85, text="",
            )  # fmt: skip
    docked: dict[str, int] = defaultdict(int)
    ship_x: list[float] = []
    ship_y: list[float] = []
    pins_x: list[float | None] = []
    pins_y: list[float | None] = []
    for s in here:
        assert s.x is not None and s.y is not None
        if s.arrives_in is None:  # at a waypoint: pinned beside it, one above the other
            x, y = drawn.get(s.waypoint_symbol, (s.x, s.y))
            n = docked[s.waypoint_symbol]
            docked[s.waypoint_symbol] += 1
            ship_x.append(x + span * 0.09)
            ship_y.append(y + span * (0.06 + 0.05 * n))
            pins_x += [x, ship_x[-1], None]
            pins_y += [y, ship_y[-1], None]
        else:  # flying: on its line, drawn from where it is now to where it goes
            ship_x.append(s.x)
            ship_y.append(s.y)
    fig.add_trace(
        go.Scatter(
            x=pins_x, y=pins_y, mode="lines", line={"color": "#ffb454", "width": 1, "dash": "dot"},
            hoverinfo="skip", showlegend=False,
        )
    )  # fmt: skip
    fig.add_trace(
        go.Scatter(
            x=ship_x,
            y=ship_y,
            mode="markers+text",
            text=[s.ship_symbol for s in here],
            textposition="middle right",
            textfont={"color": "#ffb454", "size": 11},
            marker={
                "symbol": "triangle-up",
                "size": 13,
                "color": "#ffb454",
                "line": {"color": "#0b1020", "width": 1},
            },
            name="our ships",
            hovertext=[_ship_label(s) for s in here],
            hoverinfo="text",
        )
    )
    pad = span * 0.08
    fig.update_layout(
        style.layout(
            title={"text": f"System {system}"},
            xaxis={"range": [min(xs) - pad, max(xs) + pad], "zeroline": False, "showgrid": False},
            yaxis={"range": [min(ys) - pad, max(ys) + pad], "zeroline": False, "showgrid": False,
                   "scaleanchor": "x", "scaleratio": 1},
            legend={"itemsizing": "constant", "orientation": "h", "y": -0.06, "yanchor": "top"},
            margin={"l": 44, "r": 16, "t": 48, "b": 20},
            hovermode="closest",
        )
    )  # fmt: skip
    return fig

"""The look of the report: one dark palette for the page and for every Plotly figure."""

from __future__ import annotations

from typing import Any

BACKGROUND = "#0b1020"
PANEL = "#121a2f"
GRID = "#23304f"
TEXT = "#d7def0"
MUTED = "#8d9abb"
ACCENT = "#5ec8ff"
GOOD = "#5fd38d"
BAD = "#ff7a7a"
FONT = "Inter, 'Segoe UI', Roboto, Helvetica, Arial, sans-serif"  # local fonts only: nothing is fetched

# Distinct on a dark background; one per market in a price chart, cycled when there are more.
SERIES = (
    "#5ec8ff", "#ffb454", "#7ee081", "#ff7ab6", "#b49cff", "#ffe066",
    "#4fd1c5", "#ff8f6b", "#9ad0ff", "#d4a373", "#c0ff8c", "#f4a3ff",
)  # fmt: skip

PLOTLY_CONFIG: dict[str, Any] = {"displaylogo": False, "responsive": True, "scrollZoom": False}


def layout(**over: Any) -> dict[str, Any]:
    """The base layout of every figure, with `over` merged in (one level deep for axes and legend)."""
    axis = {"gridcolor": GRID, "zerolinecolor": GRID, "linecolor": GRID, "color": MUTED}
    base: dict[str, Any] = {
        "paper_bgcolor": PANEL,
        "plot_bgcolor": PANEL,
        "font": {"family": FONT, "color": TEXT, "size": 12},
        "margin": {"l": 60, "r": 20, "t": 48, "b": 44},
        "xaxis": dict(axis),
        "yaxis": dict(axis),
        "legend": {"bgcolor": "rgba(0,0,0,0)", "font": {"color": TEXT}},
        "hoverlabel": {"bgcolor": BACKGROUND, "bordercolor": GRID, "font": {"family": FONT}},
        "title": {"font": {"size": 15, "color": TEXT}, "x": 0.01, "xanchor": "left"},
    }
    for key, value in over.items():
        if isinstance(value, dict) and isinstance(base.get(key), dict):
            base[key] = {**base[key], **value}
        else:
            base[key] = value
    return base


CSS = f"""
:root {{ color-scheme: dark; }}
* {{ box-sizing: border-box; }}
body {{ margin: 0; background: {BACKGROUND}; color: {TEXT}; font-family: {FONT}; font-size: 14px; }}
header {{ padding: 22px 32px 8px; }}
header h1 {{ margin: 0; font-size: 24px; font-weight: 600; letter-spacing: .2px; }}
header h1 span {{ color: {ACCENT}; }}
header p {{ margin: 6px 0 0; color: {MUTED}; }}
main {{ padding: 8px 32px 40px; max-width: 1500px; }}
section {{ margin-top: 26px; }}
h2 {{ font-size: 17px; font-weight: 600; margin: 0 0 10px; }}
h2 small {{ color: {MUTED}; font-weight: 400; font-size: 13px; margin-left: 8px; }}
.cards {{ display: grid; grid-template-columns: repeat(auto-fit, minmax(190px, 1fr)); gap: 14px; }}
.card {{ background: {PANEL}; border: 1px solid {GRID}; border-radius: 10px; padding: 14px 16px; }}
.card .label {{ color: {MUTED}; font-size: 12px; text-transform: uppercase; letter-spacing: .6px; }}
.card .value {{ font-size: 24px; font-weight: 600; margin-top: 4px; }}
.card .note {{ color: {MUTED}; font-size: 12px; margin-top: 2px; }}
.up {{ color: {GOOD}; }} .down {{ color: {BAD}; }}
.panel {{ background: {PANEL}; border: 1px solid {GRID}; border-radius: 10px; overflow: hidden; }}
.chart {{ height: 340px; }}
.chart.tall {{ height: 680px; }}
.split {{ display: grid; grid-template-columns: minmax(520px, 1.25fr) minmax(420px, 1fr); gap: 14px;
          align-items: start; }}
.split > div {{ min-width: 0; }}
.split.wide {{ grid-template-columns: minmax(520px, 1.8fr) minmax(320px, 1fr); }}
.panel.scroll {{ overflow-x: auto; }}
.split .panel + .panel {{ margin-top: 14px; }}
.grid2 {{ display: grid; grid-template-columns: repeat(auto-fit, minmax(560px, 1fr)); gap: 14px; }}
.empty {{ padding: 26px; color: {MUTED}; }}
table {{ width: 100%; border-collapse: collapse; font-variant-numeric: tabular-nums; }}
th, td {{ padding: 7px 10px; text-align: left; border-bottom: 1px solid {GRID}; white-space: nowrap; }}
th {{ color: {MUTED}; font-weight: 500; font-size: 12px; text-transform: uppercase; letter-spacing: .5px; }}
td.num, th.num {{ text-align: right; }}
tbody tr:hover {{ background: #18223d; }}
.tag {{ display: inline-block; padding: 1px 7px; border-radius: 9px; font-size: 11px;
        background: #1d2a4a; color: {ACCENT}; }}
.tag.IN_TRANSIT {{ color: #ffb454; }} .tag.DOCKED {{ color: {GOOD}; }}
.dim {{ color: {MUTED}; font-size: 12px; }}
.wrap {{ white-space: normal; }}
td {{ vertical-align: top; }}
footer {{ color: {MUTED}; font-size: 12px; padding: 0 32px 30px; }}
"""

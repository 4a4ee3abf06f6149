"""How symbols, numbers and durations read on the page."""

from __future__ import annotations

from datetime import timedelta


def short(waypoint: str) -> str:
    """`X1-DW98-A1` → `A1`: within one system's page the system part says nothing."""
    return waypoint.rsplit("-", 1)[-1]


def duration(value: timedelta | None) -> str:
    """`2 h`, `1 h 05 min`, `4 min 10 s`, `12 s`; empty for None."""
    if value is None:
        return ""
    seconds = max(0, round(value.total_seconds()))
    if seconds >= 3600:
        minutes = seconds % 3600 // 60
        return f"{seconds // 3600} h {minutes:02d} min" if minutes else f"{seconds // 3600} h"
    if seconds >= 60:
        return f"{seconds // 60} min {seconds % 60:02d} s"
    return f"{seconds} s"

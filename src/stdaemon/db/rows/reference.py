"""Rows of schema `reference`: systems, waypoints, factions, jump gates, construction sites, the supply
chain, the crawl's progress, and the reset epochs."""

from __future__ import annotations

from datetime import date, datetime

from stdaemon.db.rows.core import Rows, base, rows_for
from stdaemon.domain import models as m
from stdaemon.domain.crawl import TaskState
from stdaemon.domain.ids import system_of


@rows_for.register
def _system(s: m.System, *, reset_date: date, observed_at: datetime) -> Rows:
    return {
        "reference.systems": [
            base(reset_date, observed_at, s.raw)
            | {
                "symbol": s.symbol,
                "sector_symbol": s.sector_symbol or s.symbol.split("-")[0],
                "type": s.type,
                "x": s.x,
                "y": s.y,
                "constellation": s.constellation,
                "name": s.name,
            }
        ]
    }


@rows_for.register
def _waypoint(w: m.Waypoint, *, reset_date: date, observed_at: datetime) -> Rows:
    chart = w.chart
    return {
        "reference.waypoints": [
            base(reset_date, observed_at, w.raw)
            | {
                "symbol": w.symbol,
                "system_symbol": w.system_symbol,
                "type": w.type,
                "x": w.x,
                "y": w.y,
                "orbits": w.orbits,
                "faction_symbol": w.faction_symbol,
                "traits": list(w.traits),
                "modifiers": list(w.modifiers),
                "is_under_construction": w.is_under_construction,
                "chart_submitted_by": chart.submitted_by if chart else None,
                "chart_submitted_on": chart.submitted_on if chart else None,
            }
        ]
    }


@rows_for.register
def _faction(f: m.Faction, *, reset_date: date, observed_at: datetime) -> Rows:
    return {
        "reference.factions": [
            base(reset_date, observed_at, f.raw)
            | {
                "symbol": f.symbol,
                "name": f.name,
                "description": f.description,
                "headquarters": f.headquarters,
                "is_recruiting": f.is_recruiting,
                "traits": list(f.traits),
            }
        ]
    }


@rows_for.register
def _jump_gate(g: m.JumpGate, *, reset_date: date, observed_at: datetime) -> Rows:
    row = {"symbol": g.symbol, "system_symbol": system_of(g.symbol), "connections": list(g.connections)}
    return {"reference.jump_gates": [base(reset_date, observed_at, g.raw) | row]}


@rows_for.register
def _construction(c: m.Construction, *, reset_date: date, observed_at: datetime) -> Rows:
    row = {"symbol": c.symbol, "system_symbol": system_of(c.symbol), "is_complete": c.is_complete}
    return {"reference.construction_sites": [base(reset_date, observed_at, c.raw) | row]}


@rows_for.register
def _supply_chain(s: m.SupplyChain, *, reset_date: date, observed_at: datetime) -> Rows:
    rows = [
        base(reset_date, observed_at, {export: list(imports)})
        | {"export_symbol": export, "import_symbols": list(imports)}
        for export, imports in s.export_to_import_map.items()
    ]
    return {"reference.supply_chain": rows}


@rows_for.register
def _task_state(t: TaskState, *, reset_date: date, observed_at: datetime) -> Rows:
    """A crawl task's progress (`completed_at` is when it was last seen complete)."""
    row = {
        "reset_date": reset_date,
        "task": t.task,
        "next_page": t.next_page,
        "total": t.total,
        "completed_at": observed_at if t.completed else None,
        "observed_at": observed_at,
    }
    return {"reference.crawl_progress": [row]}


SIMULATOR = "stsim "  # how stsim's `GET /` description starts (the migration 0003 marked old rows by it)


def reset_rows(status: m.ServerStatus, observed_at: datetime, *, simulated: bool = False) -> Rows:
    """A reset epoch seen now; `first_seen_at` is insert-only, so a later sighting keeps the first.

    `simulated`: played against a simulator (the sandbox says so; `stsim serve` says so in its description).
    """
    row = {
        "reset_date": status.reset_date,
        "first_seen_at": observed_at,
        "last_seen_at": observed_at,
        "raw": status.raw,
        "simulated": simulated or (status.description or "").startswith(SIMULATOR),
    }
    return {"reference.resets": [row]}

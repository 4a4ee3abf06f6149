"""Rows of the fleet side of `telemetry`: the agent (and its snapshot), ships, contracts, surveys,
extractions."""

from __future__ import annotations

from datetime import date, datetime

from stdaemon.db.rows.core import Rows, base, rows_for
from stdaemon.domain import models as m


@rows_for.register
def _agent(a: m.Agent, *, reset_date: date, observed_at: datetime) -> Rows:
    row = base(reset_date, observed_at, a.raw) | {
        "symbol": a.symbol,
        "account_id": a.account_id,
        "headquarters": a.headquarters,
        "credits": a.credits,
        "starting_faction": a.starting_faction,
        "ship_count": a.ship_count,
    }
    snapshot = {k: row[k] for k in ("reset_date", "symbol", "observed_at", "credits", "ship_count", "raw")}
    return {"telemetry.agents": [row], "telemetry.agent_snapshots": [snapshot]}


@rows_for.register
def _ship(s: m.Ship, *, reset_date: date, observed_at: datetime) -> Rows:
    route = s.nav.route
    row = base(reset_date, observed_at, s.raw) | {
        "symbol": s.symbol,
        "role": s.role,
        "faction_symbol": s.faction_symbol,
        "frame_symbol": s.frame.symbol if s.frame else None,
        "engine_symbol": s.engine.symbol if s.engine else None,
        "reactor_symbol": s.reactor.symbol if s.reactor else None,
        "system_symbol": s.nav.system_symbol,
        "waypoint_symbol": s.nav.waypoint_symbol,
        "nav_status": s.nav.status,
        "flight_mode": s.nav.flight_mode,
        "route_origin_symbol": route.origin.symbol if route and route.origin else None,
        "route_destination_symbol": route.destination.symbol if route and route.destination else None,
        "route_departure_time": route.departure_time if route else None,
        "route_arrival": route.arrival if route else None,
        "fuel_current": s.fuel.current,
        "fuel_capacity": s.fuel.capacity,
        "cargo_units": s.cargo.units,
        "cargo_capacity": s.cargo.capacity,
        "cooldown_expiration": s.cooldown.expiration if s.cooldown else None,
    }
    return {"telemetry.ships": [row]}


@rows_for.register
def _contract(c: m.Contract, *, reset_date: date, observed_at: datetime) -> Rows:
    row = base(reset_date, observed_at, c.raw) | {
        "id": c.id,
        "faction_symbol": c.faction_symbol,
        "type": c.type,
        "accepted": c.accepted,
        "fulfilled": c.fulfilled,
        "deadline_to_accept": c.deadline_to_accept,
        "deadline": c.deadline,
        "payment_on_accepted": c.on_accepted,
        "payment_on_fulfilled": c.on_fulfilled,
    }
    return {"telemetry.contracts": [row]}


@rows_for.register
def _survey(s: m.Survey, *, reset_date: date, observed_at: datetime) -> Rows:
    row = base(reset_date, observed_at, s.raw) | {
        "signature": s.signature,
        "waypoint_symbol": s.symbol,
        "deposits": list(s.deposits),
        "expiration": s.expiration,
        "size": s.size,
    }
    return {"telemetry.surveys": [row]}


def extraction_rows(
    e: m.Extraction,
    reset_date: date,
    observed_at: datetime,
    *,
    waypoint: str | None = None,
    survey: str | None = None,
) -> Rows:
    """An extraction; the API does not say where, so the caller passes the ship's waypoint if it knows."""
    row = base(reset_date, observed_at, e.raw) | {
        "ship_symbol": e.ship_symbol,
        "yield_symbol": e.trade_symbol,
        "yield_units": e.units,
        "waypoint_symbol": waypoint,
        "survey_signature": survey,
    }
    return {"telemetry.extractions": [row]}


@rows_for.register
def _extraction(e: m.Extraction, *, reset_date: date, observed_at: datetime) -> Rows:
    return extraction_rows(e, reset_date, observed_at)

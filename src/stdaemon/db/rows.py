"""Pure mappers: a domain model (+ the reset epoch and when it was observed) → row dicts per table.

So that the DataService and `stdaemon ingest` write domain models, never hand-built dicts, and so that the
column names live next to the tables. `rows_for(model, …)` dispatches on the model's type and returns
`{"schema.table": [row, …]}`; an action result yields the rows of every entity it carries (agent, contract,
transaction, survey, extraction …). Partial ship state in a result (nav, fuel, cargo) is not a row on its
own: the DataService folds it into the cached Ship and writes that.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime
from functools import singledispatch
from typing import Any

from stdaemon.domain import models as m
from stdaemon.domain.base import DomainModel, Entity
from stdaemon.domain.crawl import TaskState
from stdaemon.domain.ids import system_of

Row = dict[str, Any]
Rows = dict[str, list[Row]]


def _base(reset_date: date, observed_at: datetime, raw: dict[str, Any]) -> Row:
    return {"reset_date": reset_date, "raw": raw, "observed_at": observed_at}


def merge(*parts: Rows) -> Rows:
    """Concatenate row sets table by table."""
    out: Rows = {}
    for part in parts:
        for table, rows in part.items():
            out.setdefault(table, []).extend(rows)
    return out


def rows_for_all(models: Iterable[DomainModel], *, reset_date: date, observed_at: datetime) -> Rows:
    return merge(*(rows_for(x, reset_date=reset_date, observed_at=observed_at) for x in models))


@singledispatch
def rows_for(model: DomainModel, *, reset_date: date, observed_at: datetime) -> Rows:
    """The rows that store `model`.

    A model without a table of its own (an action result, a nav, a cargo) yields the rows of the entities
    it carries, e.g. a TradeResult → its agent and its transaction; a bare nav or cargo yields nothing.
    """
    parts: list[Rows] = []
    for name in type(model).model_fields:
        value = getattr(model, name)
        values = value if isinstance(value, tuple) else (value,)
        parts.extend(
            rows_for(v, reset_date=reset_date, observed_at=observed_at)
            for v in values
            if isinstance(v, Entity)
        )
    return merge(*parts)


@rows_for.register
def _agent(a: m.Agent, *, reset_date: date, observed_at: datetime) -> Rows:
    row = _base(reset_date, observed_at, a.raw) | {
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
def _system(s: m.System, *, reset_date: date, observed_at: datetime) -> Rows:
    return {
        "reference.systems": [
            _base(reset_date, observed_at, s.raw)
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
            _base(reset_date, observed_at, w.raw)
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
            _base(reset_date, observed_at, f.raw)
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
    return {"reference.jump_gates": [_base(reset_date, observed_at, g.raw) | row]}


@rows_for.register
def _construction(c: m.Construction, *, reset_date: date, observed_at: datetime) -> Rows:
    row = {"symbol": c.symbol, "system_symbol": system_of(c.symbol), "is_complete": c.is_complete}
    return {"reference.construction_sites": [_base(reset_date, observed_at, c.raw) | row]}


@rows_for.register
def _supply_chain(s: m.SupplyChain, *, reset_date: date, observed_at: datetime) -> Rows:
    rows = [
        _base(reset_date, observed_at, {export: list(imports)})
        | {"export_symbol": export, "import_symbols": list(imports)}
        for export, imports in s.export_to_import_map.items()
    ]
    return {"reference.supply_chain": rows}


@rows_for.register
def _market(mk: m.Market, *, reset_date: date, observed_at: datetime) -> Rows:
    market = _base(reset_date, observed_at, mk.raw) | {
        "symbol": mk.symbol,
        "system_symbol": system_of(mk.symbol),
        "exports": list(mk.exports),
        "imports": list(mk.imports),
        "exchange": list(mk.exchange),
    }
    goods = [
        _base(reset_date, observed_at, g.raw)
        | {
            "waypoint_symbol": mk.symbol,
            "trade_symbol": g.symbol,
            "type": g.type,
            "trade_volume": g.trade_volume,
            "supply": g.supply,
            "activity": g.activity,
            "purchase_price": g.purchase_price,
            "sell_price": g.sell_price,
        }
        for g in mk.trade_goods
    ]
    out: Rows = {"telemetry.markets": [market]}
    if goods:
        out["telemetry.market_trade_goods"] = goods
        out["telemetry.market_snapshots"] = [dict(g) for g in goods]
    return merge(out, *(transaction_rows(t, reset_date, observed_at) for t in mk.transactions))


def transaction_rows(t: m.MarketTransaction, reset_date: date, observed_at: datetime) -> Rows:
    row = _base(reset_date, observed_at, t.raw) | {
        "waypoint_symbol": t.waypoint_symbol,
        "ship_symbol": t.ship_symbol,
        "trade_symbol": t.trade_symbol,
        "type": t.type,
        "timestamp": t.timestamp,
        "units": t.units,
        "price_per_unit": t.price_per_unit,
        "total_price": t.total_price,
    }
    return {"telemetry.market_transactions": [row]}


@rows_for.register
def _transaction(t: m.MarketTransaction, *, reset_date: date, observed_at: datetime) -> Rows:
    return transaction_rows(t, reset_date, observed_at)


@rows_for.register
def _shipyard(y: m.Shipyard, *, reset_date: date, observed_at: datetime) -> Rows:
    out: Rows = {
        "telemetry.shipyards": [
            _base(reset_date, observed_at, y.raw)
            | {
                "symbol": y.symbol,
                "system_symbol": system_of(y.symbol),
                "ship_types": list(y.ship_types),
                "modifications_fee": y.modifications_fee,
            }
        ]
    }
    ships = [
        _base(reset_date, observed_at, s.raw)
        | {
            "waypoint_symbol": y.symbol,
            "ship_type": s.type,
            "name": s.name,
            "supply": s.supply,
            "activity": s.activity,
            "purchase_price": s.purchase_price,
        }
        for s in y.ships
    ]
    if ships:
        out["telemetry.shipyard_ships"] = ships
    return merge(out, *(rows_for(t, reset_date=reset_date, observed_at=observed_at) for t in y.transactions))


@rows_for.register
def _shipyard_transaction(t: m.ShipyardTransaction, *, reset_date: date, observed_at: datetime) -> Rows:
    row = _base(reset_date, observed_at, t.raw) | {
        "waypoint_symbol": t.waypoint_symbol,
        "ship_type": t.ship_type,
        "agent_symbol": t.agent_symbol or "",  # part of the key; real payloads always carry it
        "timestamp": t.timestamp,
        "ship_symbol": t.ship_symbol,
        "price": t.price,
    }
    return {"telemetry.shipyard_transactions": [row]}


@rows_for.register
def _ship(s: m.Ship, *, reset_date: date, observed_at: datetime) -> Rows:
    route = s.nav.route
    row = _base(reset_date, observed_at, s.raw) | {
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
    row = _base(reset_date, observed_at, c.raw) | {
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
    row = _base(reset_date, observed_at, s.raw) | {
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
    row = _base(reset_date, observed_at, e.raw) | {
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

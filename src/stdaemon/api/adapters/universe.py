"""Adapters for reference data: systems, waypoints, factions, gates, construction, supply chain, status."""

from __future__ import annotations

from datetime import date, datetime

from space_traders_api_client import models as gm
from stdaemon.api.adapters.dto import Mismatch, show
from stdaemon.api.adapters.mapping import Adapter, Json, each, present, utc, validating
from stdaemon.domain.universe import (
    Chart,
    Construction,
    ConstructionMaterial,
    Faction,
    JumpGate,
    ServerStatus,
    SupplyChain,
    System,
    SystemWaypoint,
    Waypoint,
)

# The models a crawl builds by the thousand, built by their validator directly (`mapping.validating`).
_SystemWaypoint, _System = validating(SystemWaypoint), validating(System)
_Chart, _Waypoint = validating(Chart), validating(Waypoint)


def read_system_waypoint(dto: gm.SystemWaypoint, raw: Json) -> SystemWaypoint:
    return _SystemWaypoint(
        symbol=dto.symbol,
        type=dto.type_,
        x=dto.x,
        y=dto.y,
        orbitals=tuple([o.symbol for o in dto.orbitals]),
        orbits=present(dto.orbits),
        raw=raw,
    )


def read_system(dto: gm.System, raw: Json) -> System:
    return _System(
        symbol=dto.symbol,
        sector_symbol=dto.sector_symbol,
        type=dto.type_,
        x=dto.x,
        y=dto.y,
        name=present(dto.name),
        constellation=present(dto.constellation),
        waypoints=tuple(read_system_waypoint(w, r) for w, r in each(dto.waypoints, raw["waypoints"])),
        factions=tuple([f.symbol for f in dto.factions]),
        raw=raw,
    )


def read_chart(dto: gm.Chart, raw: Json) -> Chart:
    return _Chart(
        waypoint_symbol=dto.waypoint_symbol,
        submitted_by=dto.submitted_by,
        submitted_on=utc(dto.submitted_on),
        raw=raw,
    )


def read_waypoint(dto: gm.Waypoint, raw: Json) -> Waypoint:
    faction, chart = present(dto.faction), present(dto.chart)
    return _Waypoint(
        symbol=dto.symbol,
        system_symbol=dto.system_symbol,
        type=dto.type_,
        x=dto.x,
        y=dto.y,
        orbitals=tuple([o.symbol for o in dto.orbitals]),
        orbits=present(dto.orbits),
        faction_symbol=faction.symbol if faction else None,
        traits=tuple([t.symbol for t in dto.traits]),
        modifiers=tuple([m.symbol for m in present(dto.modifiers) or ()]),
        chart=read_chart(chart, raw["chart"]) if chart else None,
        is_under_construction=dto.is_under_construction,
        raw=raw,
    )


def read_faction(dto: gm.Faction, raw: Json) -> Faction:
    return Faction(
        symbol=dto.symbol,
        name=dto.name,
        description=dto.description,
        headquarters=present(dto.headquarters) or None,  # independent factions send ""
        traits=tuple([t.symbol for t in dto.traits]),
        is_recruiting=present(dto.is_recruiting),
        raw=raw,
    )


def read_jump_gate(dto: gm.JumpGate, raw: Json) -> JumpGate:
    return JumpGate(symbol=dto.symbol, connections=tuple(dto.connections), raw=raw)


def read_construction(dto: gm.Construction, raw: Json) -> Construction:
    return Construction(
        symbol=dto.symbol,
        materials=tuple(
            ConstructionMaterial(
                trade_symbol=m.trade_symbol, required=m.required, fulfilled=m.fulfilled, raw=r
            )
            for m, r in each(dto.materials, raw["materials"])
        ),
        is_complete=dto.is_complete,
        raw=raw,
    )


system = Adapter("system", gm.System, read_system)


waypoint = Adapter("waypoint", gm.Waypoint, read_waypoint)


faction = Adapter("faction", gm.Faction, read_faction)


jump_gate = Adapter("jump-gate", gm.JumpGate, read_jump_gate)


construction = Adapter("construction", gm.Construction, read_construction)


def read_supply_chain(dto: gm.GetSupplyChainResponse200Data, raw: Json) -> SupplyChain:
    mapping = dto.export_to_import_map.additional_properties
    if "" in mapping:
        raise Mismatch("expected non-empty trade symbols as keys, got ''", at=".exportToImportMap")
    return SupplyChain(export_to_import_map={k: tuple(v) for k, v in mapping.items()}, raw=raw)


def read_server_status(dto: gm.GetStatusResponse200, raw: Json) -> ServerStatus:
    """`GET /`: the reset date is a calendar date (a full timestamp is accepted and its date taken)."""
    reset_date = _date(dto.reset_date)
    if reset_date is None:
        raise Mismatch(f"expected a date, got {show(dto.reset_date)}", at=".resetDate")
    resets = present(dto.server_resets)
    next_reset = _timestamp(resets.next_) if resets else None
    if resets and next_reset is None:
        raise Mismatch(f"expected an ISO 8601 timestamp, got {show(resets.next_)}", at=".serverResets.next")
    return ServerStatus(
        status=dto.status,
        version=present(dto.version),
        reset_date=reset_date,
        description=present(dto.description),
        next_reset=next_reset,
        reset_frequency=resets.frequency if resets else None,
        raw=raw,
    )


supply_chain = Adapter("supply-chain", gm.GetSupplyChainResponse200Data, read_supply_chain)
server_status = Adapter("status", gm.GetStatusResponse200, read_server_status)


def _timestamp(text: str) -> datetime | None:
    try:
        return utc(datetime.fromisoformat(text))
    except ValueError:
        return None


def _date(text: str) -> date | None:
    try:
        return date.fromisoformat(text)
    except ValueError:
        when = _timestamp(text)
        return when.date() if when else None

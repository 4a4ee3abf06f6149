"""Adapters for reference data: systems, waypoints, factions, gates, construction, supply chain, status."""

from __future__ import annotations

from typing import Any

from stdaemon.api.adapters.errors import DecodeError
from stdaemon.api.adapters.reader import Obj
from stdaemon.domain.ids import system_of
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


def read_system_waypoint(o: Obj) -> SystemWaypoint:
    return SystemWaypoint(
        symbol=o.symbol(),
        type=o.req_str("type"),
        x=o.req_int("x"),
        y=o.req_int("y"),
        orbitals=o.symbols("orbitals"),
        orbits=o.opt_str("orbits"),
        raw=o.data,
    )


def read_system(o: Obj) -> System:
    return System(
        symbol=o.symbol(),
        sector_symbol=o.opt_str("sectorSymbol"),
        type=o.req_str("type"),
        x=o.req_int("x"),
        y=o.req_int("y"),
        name=o.opt_str("name"),
        constellation=o.opt_str("constellation"),
        waypoints=tuple(read_system_waypoint(w) for w in o.objs("waypoints", required=True)),
        factions=o.symbols("factions"),
        raw=o.data,
    )


def read_chart(o: Obj) -> Chart:
    return Chart(
        waypoint_symbol=o.opt_str("waypointSymbol"),
        submitted_by=o.opt_str("submittedBy"),
        submitted_on=o.opt_dt("submittedOn"),
        raw=o.data,
    )


def read_waypoint(o: Obj) -> Waypoint:
    symbol = o.symbol()
    faction = o.opt_obj("faction")
    chart = o.opt_obj("chart")
    return Waypoint(
        symbol=symbol,
        system_symbol=o.opt_str("systemSymbol") or system_of(symbol),
        type=o.req_str("type"),
        x=o.req_int("x"),
        y=o.req_int("y"),
        orbitals=o.symbols("orbitals"),
        orbits=o.opt_str("orbits"),
        faction_symbol=faction.opt_str("symbol") if faction else None,
        traits=o.symbols("traits", required=True),
        modifiers=o.symbols("modifiers"),
        chart=read_chart(chart) if chart else None,
        is_under_construction=o.req_bool("isUnderConstruction"),
        raw=o.data,
    )


def read_faction(o: Obj) -> Faction:
    return Faction(
        symbol=o.symbol(),
        name=o.req_str("name"),
        description=o.opt_str("description"),
        headquarters=o.opt_str("headquarters") or None,  # independent factions send ""
        traits=o.symbols("traits", required=True),
        is_recruiting=o.opt_bool("isRecruiting"),
        raw=o.data,
    )


def read_jump_gate(o: Obj) -> JumpGate:
    return JumpGate(symbol=o.symbol(), connections=o.symbols("connections", required=True), raw=o.data)


def read_construction(o: Obj) -> Construction:
    return Construction(
        symbol=o.symbol(),
        materials=tuple(
            ConstructionMaterial(
                trade_symbol=m.symbol("tradeSymbol"),
                required=m.req_int("required"),
                fulfilled=m.req_int("fulfilled"),
                raw=m.data,
            )
            for m in o.objs("materials", required=True)
        ),
        is_complete=o.req_bool("isComplete"),
        raw=o.data,
    )


def read_supply_chain(o: Obj) -> SupplyChain:
    table = o.req_obj("exportToImportMap")
    mapping: dict[str, tuple[str, ...]] = {}
    for export in table.data:
        if not export:
            raise DecodeError(o.kind, table.path, "expected non-empty trade symbols as keys, got ''")
        mapping[export] = table.strs(export)
    return SupplyChain(export_to_import_map=mapping, raw=o.data)


def read_server_status(o: Obj) -> ServerStatus:
    resets = o.opt_obj("serverResets")
    return ServerStatus(
        status=o.req_str("status"),
        version=o.opt_str("version"),
        reset_date=o.req_date("resetDate"),
        description=o.opt_str("description"),
        next_reset=resets.opt_dt("next") if resets else None,
        reset_frequency=resets.opt_str("frequency") if resets else None,
        raw=o.data,
    )


def system(payload: Any, *, kind: str = "system") -> System:
    return read_system(Obj.of(kind, payload))


def waypoint(payload: Any, *, kind: str = "waypoint") -> Waypoint:
    return read_waypoint(Obj.of(kind, payload))


def faction(payload: Any, *, kind: str = "faction") -> Faction:
    return read_faction(Obj.of(kind, payload))


def jump_gate(payload: Any, *, kind: str = "jump-gate") -> JumpGate:
    return read_jump_gate(Obj.of(kind, payload))


def construction(payload: Any, *, kind: str = "construction") -> Construction:
    return read_construction(Obj.of(kind, payload))


def supply_chain(payload: Any, *, kind: str = "supply-chain") -> SupplyChain:
    return read_supply_chain(Obj.of(kind, payload))


def server_status(payload: Any, *, kind: str = "status") -> ServerStatus:
    return read_server_status(Obj.of(kind, payload))

"""Adapters for ships and their parts: nav, fuel, cargo, cooldown, frame, reactor, engine, mounts, crew."""

from __future__ import annotations

from typing import Any

from space_traders_api_client import models as gm
from space_traders_api_client.types import Unset
from stdaemon.api.adapters.mapping import Adapter, Json, decode_list, each, opt_utc, present, utc
from stdaemon.domain.fleet import (
    Cooldown,
    RouteWaypoint,
    Ship,
    ShipCargo,
    ShipCargoItem,
    ShipConditionEvent,
    ShipCrew,
    ShipEngine,
    ShipFrame,
    ShipFuel,
    ShipModule,
    ShipMount,
    ShipNav,
    ShipNavRoute,
    ShipReactor,
    ShipRequirements,
)


def read_route_waypoint(dto: gm.ShipNavRouteWaypoint, raw: Json) -> RouteWaypoint:
    return RouteWaypoint(
        symbol=dto.symbol, system_symbol=dto.system_symbol, type=dto.type_, x=dto.x, y=dto.y, raw=raw
    )


def read_route(dto: gm.ShipNavRoute, raw: Json) -> ShipNavRoute:
    origin = present(dto.origin)
    return ShipNavRoute(
        origin=read_route_waypoint(origin, raw["origin"]) if origin else None,
        destination=read_route_waypoint(dto.destination, raw["destination"]),
        departure_time=utc(dto.departure_time),
        arrival=utc(dto.arrival),
        raw=raw,
    )


def read_nav(dto: gm.ShipNav, raw: Json) -> ShipNav:
    return ShipNav(
        system_symbol=dto.system_symbol,
        waypoint_symbol=dto.waypoint_symbol,
        status=dto.status,
        flight_mode=dto.flight_mode,
        route=read_route(dto.route, raw["route"]),
        raw=raw,
    )


def read_fuel(dto: gm.ShipFuel, raw: Json) -> ShipFuel:
    consumed = present(dto.consumed)
    return ShipFuel(
        current=dto.current,
        capacity=dto.capacity,
        consumed_amount=consumed.amount if consumed else None,
        consumed_at=utc(consumed.timestamp) if consumed else None,
        raw=raw,
    )


def read_cargo(dto: gm.ShipCargo, raw: Json) -> ShipCargo:
    return ShipCargo(
        capacity=dto.capacity,
        units=dto.units,
        inventory=tuple(
            ShipCargoItem(symbol=i.symbol, units=i.units, raw=r)
            for i, r in each(dto.inventory, raw["inventory"])
        ),
        raw=raw,
    )


def read_cooldown(dto: gm.Cooldown, raw: Json) -> Cooldown:
    return Cooldown(
        ship_symbol=dto.ship_symbol,
        total_seconds=dto.total_seconds,
        remaining_seconds=dto.remaining_seconds,
        expiration=opt_utc(dto.expiration),
        raw=raw,
    )


def read_requirements(dto: gm.ShipRequirements | Unset | None, raw: Json) -> ShipRequirements | None:
    found = present(dto)
    if found is None:
        return None
    return ShipRequirements(
        power=present(found.power),
        crew=present(found.crew),
        slots=present(found.slots),
        raw=raw["requirements"],
    )


def read_frame(dto: gm.ShipFrame, raw: Json) -> ShipFrame:
    return ShipFrame(
        symbol=dto.symbol,
        name=dto.name,
        condition=dto.condition,
        integrity=dto.integrity,
        quality=present(dto.quality),
        module_slots=dto.module_slots,
        mounting_points=dto.mounting_points,
        fuel_capacity=dto.fuel_capacity,
        requirements=read_requirements(dto.requirements, raw),
        raw=raw,
    )


def read_reactor(dto: gm.ShipReactor, raw: Json) -> ShipReactor:
    return ShipReactor(
        symbol=dto.symbol,
        name=dto.name,
        condition=dto.condition,
        integrity=dto.integrity,
        quality=present(dto.quality),
        power_output=dto.power_output,
        requirements=read_requirements(dto.requirements, raw),
        raw=raw,
    )


def read_engine(dto: gm.ShipEngine, raw: Json) -> ShipEngine:
    return ShipEngine(
        symbol=dto.symbol,
        name=dto.name,
        condition=dto.condition,
        integrity=dto.integrity,
        quality=present(dto.quality),
        speed=dto.speed,
        requirements=read_requirements(dto.requirements, raw),
        raw=raw,
    )


def read_module(dto: gm.ShipModule, raw: Json) -> ShipModule:
    return ShipModule(
        symbol=dto.symbol,
        name=dto.name,
        capacity=present(dto.capacity),
        range=present(dto.range_),
        requirements=read_requirements(dto.requirements, raw),
        raw=raw,
    )


def read_mount(dto: gm.ShipMount, raw: Json) -> ShipMount:
    return ShipMount(
        symbol=dto.symbol,
        name=dto.name,
        strength=present(dto.strength),
        deposits=tuple(present(dto.deposits) or ()),
        requirements=read_requirements(dto.requirements, raw),
        raw=raw,
    )


def read_crew(dto: gm.ShipCrew, raw: Json) -> ShipCrew:
    return ShipCrew(
        current=dto.current,
        required=dto.required,
        capacity=dto.capacity,
        rotation=dto.rotation,
        morale=dto.morale,
        wages=dto.wages,
        raw=raw,
    )


def read_event(dto: gm.ShipConditionEvent, raw: Json) -> ShipConditionEvent:
    return ShipConditionEvent(
        symbol=dto.symbol, component=dto.component, name=dto.name, description=dto.description, raw=raw
    )


def read_ship(dto: gm.Ship, raw: Json) -> Ship:
    registration, cooldown, crew = present(dto.registration), present(dto.cooldown), present(dto.crew)
    frame, reactor, engine = present(dto.frame), present(dto.reactor), present(dto.engine)
    return Ship(
        symbol=dto.symbol,
        name=registration.name if registration else None,
        faction_symbol=present(registration.faction_symbol) if registration else None,
        role=present(registration.role) if registration else None,
        nav=read_nav(dto.nav, raw["nav"]),
        fuel=read_fuel(dto.fuel, raw["fuel"]),
        cargo=read_cargo(dto.cargo, raw["cargo"]),
        cooldown=read_cooldown(cooldown, raw["cooldown"]) if cooldown else None,
        frame=read_frame(frame, raw["frame"]) if frame else None,
        reactor=read_reactor(reactor, raw["reactor"]) if reactor else None,
        engine=read_engine(engine, raw["engine"]) if engine else None,
        mounts=tuple(read_mount(m, r) for m, r in each(dto.mounts, raw["mounts"])),
        modules=tuple(read_module(m, r) for m, r in each(dto.modules, raw["modules"])),
        crew=read_crew(crew, raw["crew"]) if crew else None,
        raw=raw,
    )


ship = Adapter("ship", gm.Ship, read_ship)


nav = Adapter("nav", gm.ShipNav, read_nav)


fuel = Adapter("fuel", gm.ShipFuel, read_fuel)


cargo = Adapter("cargo", gm.ShipCargo, read_cargo)


cooldown = Adapter("cooldown", gm.Cooldown, read_cooldown)


def mounts(payload: Any, *, kind: str = "mounts") -> tuple[ShipMount, ...]:
    """`GET /my/ships/{s}/mounts` returns a bare list."""
    return decode_list(kind, gm.ShipMount, payload, "$", read_mount)


def modules(payload: Any, *, kind: str = "modules") -> tuple[ShipModule, ...]:
    """`GET /my/ships/{s}/modules` returns a bare list."""
    return decode_list(kind, gm.ShipModule, payload, "$", read_module)

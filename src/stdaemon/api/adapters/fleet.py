"""Adapters for ships and their parts: nav, fuel, cargo, cooldown, frame, reactor, engine, mounts, crew."""

from __future__ import annotations

from typing import Any

from stdaemon.api.adapters.reader import Obj, items
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
from stdaemon.domain.ids import system_of


def read_route_waypoint(o: Obj) -> RouteWaypoint:
    symbol = o.symbol()
    return RouteWaypoint(
        symbol=symbol,
        system_symbol=o.opt_str("systemSymbol") or system_of(symbol),
        type=o.opt_str("type"),
        x=o.opt_int("x"),
        y=o.opt_int("y"),
        raw=o.data,
    )


def read_route(o: Obj) -> ShipNavRoute:
    origin, destination = o.opt_obj("origin"), o.opt_obj("destination")
    return ShipNavRoute(
        origin=read_route_waypoint(origin) if origin else None,
        destination=read_route_waypoint(destination) if destination else None,
        departure_time=o.opt_dt("departureTime"),
        arrival=o.opt_dt("arrival"),
        raw=o.data,
    )


def read_nav(o: Obj) -> ShipNav:
    waypoint = o.symbol("waypointSymbol")
    route = o.opt_obj("route")
    return ShipNav(
        system_symbol=o.opt_str("systemSymbol") or system_of(waypoint),
        waypoint_symbol=waypoint,
        status=o.req_str("status"),
        flight_mode=o.opt_str("flightMode") or "CRUISE",
        route=read_route(route) if route else None,
        raw=o.data,
    )


def read_fuel(o: Obj) -> ShipFuel:
    consumed = o.opt_obj("consumed")
    return ShipFuel(
        current=o.req_int("current"),
        capacity=o.req_int("capacity"),
        consumed_amount=consumed.opt_int("amount") if consumed else None,
        consumed_at=consumed.opt_dt("timestamp") if consumed else None,
        raw=o.data,
    )


def read_cargo(o: Obj) -> ShipCargo:
    return ShipCargo(
        capacity=o.req_int("capacity"),
        units=o.req_int("units"),
        inventory=tuple(
            ShipCargoItem(symbol=i.symbol(), units=i.req_int("units"), raw=i.data)
            for i in o.objs("inventory")
        ),
        raw=o.data,
    )


def read_cooldown(o: Obj) -> Cooldown:
    return Cooldown(
        ship_symbol=o.symbol("shipSymbol"),
        total_seconds=o.req_int("totalSeconds"),
        remaining_seconds=o.req_int("remainingSeconds"),
        expiration=o.opt_dt("expiration"),
        raw=o.data,
    )


def read_requirements(o: Obj | None) -> ShipRequirements | None:
    if o is None:
        return None
    return ShipRequirements(
        power=o.opt_int("power"), crew=o.opt_int("crew"), slots=o.opt_int("slots"), raw=o.data
    )


def read_frame(o: Obj) -> ShipFrame:
    return ShipFrame(
        symbol=o.symbol(),
        name=o.opt_str("name"),
        condition=o.opt_float("condition"),
        integrity=o.opt_float("integrity"),
        quality=o.opt_float("quality"),
        module_slots=o.opt_int("moduleSlots"),
        mounting_points=o.opt_int("mountingPoints"),
        fuel_capacity=o.opt_int("fuelCapacity"),
        requirements=read_requirements(o.opt_obj("requirements")),
        raw=o.data,
    )


def read_reactor(o: Obj) -> ShipReactor:
    return ShipReactor(
        symbol=o.symbol(),
        name=o.opt_str("name"),
        condition=o.opt_float("condition"),
        integrity=o.opt_float("integrity"),
        quality=o.opt_float("quality"),
        power_output=o.opt_int("powerOutput"),
        requirements=read_requirements(o.opt_obj("requirements")),
        raw=o.data,
    )


def read_engine(o: Obj) -> ShipEngine:
    return ShipEngine(
        symbol=o.symbol(),
        name=o.opt_str("name"),
        condition=o.opt_float("condition"),
        integrity=o.opt_float("integrity"),
        quality=o.opt_float("quality"),
        speed=o.opt_int("speed"),
        requirements=read_requirements(o.opt_obj("requirements")),
        raw=o.data,
    )


def read_module(o: Obj) -> ShipModule:
    return ShipModule(
        symbol=o.symbol(),
        name=o.opt_str("name"),
        capacity=o.opt_int("capacity"),
        range=o.opt_int("range"),
        requirements=read_requirements(o.opt_obj("requirements")),
        raw=o.data,
    )


def read_mount(o: Obj) -> ShipMount:
    return ShipMount(
        symbol=o.symbol(),
        name=o.opt_str("name"),
        strength=o.opt_int("strength"),
        deposits=o.strs("deposits"),
        requirements=read_requirements(o.opt_obj("requirements")),
        raw=o.data,
    )


def read_crew(o: Obj) -> ShipCrew:
    return ShipCrew(
        current=o.opt_int("current"),
        required=o.opt_int("required"),
        capacity=o.opt_int("capacity"),
        rotation=o.opt_str("rotation"),
        morale=o.opt_int("morale"),
        wages=o.opt_int("wages"),
        raw=o.data,
    )


def read_event(o: Obj) -> ShipConditionEvent:
    return ShipConditionEvent(
        symbol=o.symbol(),
        component=o.opt_str("component"),
        name=o.opt_str("name"),
        description=o.opt_str("description"),
        raw=o.data,
    )


def read_ship(o: Obj) -> Ship:
    registration = o.opt_obj("registration")
    cooldown, crew = o.opt_obj("cooldown"), o.opt_obj("crew")
    frame, reactor, engine = o.opt_obj("frame"), o.opt_obj("reactor"), o.opt_obj("engine")
    return Ship(
        symbol=o.symbol(),
        name=registration.opt_str("name") if registration else None,
        faction_symbol=registration.opt_str("factionSymbol") if registration else None,
        role=registration.opt_str("role") if registration else None,
        nav=read_nav(o.req_obj("nav")),
        fuel=read_fuel(o.req_obj("fuel")),
        cargo=read_cargo(o.req_obj("cargo")),
        cooldown=read_cooldown(cooldown) if cooldown else None,
        frame=read_frame(frame) if frame else None,
        reactor=read_reactor(reactor) if reactor else None,
        engine=read_engine(engine) if engine else None,
        mounts=tuple(read_mount(m) for m in o.objs("mounts")),
        modules=tuple(read_module(m) for m in o.objs("modules")),
        crew=read_crew(crew) if crew else None,
        raw=o.data,
    )


def ship(payload: Any, *, kind: str = "ship") -> Ship:
    return read_ship(Obj.of(kind, payload))


def nav(payload: Any, *, kind: str = "nav") -> ShipNav:
    return read_nav(Obj.of(kind, payload))


def fuel(payload: Any, *, kind: str = "fuel") -> ShipFuel:
    return read_fuel(Obj.of(kind, payload))


def cargo(payload: Any, *, kind: str = "cargo") -> ShipCargo:
    return read_cargo(Obj.of(kind, payload))


def cooldown(payload: Any, *, kind: str = "cooldown") -> Cooldown:
    return read_cooldown(Obj.of(kind, payload))


def mounts(payload: Any, *, kind: str = "mounts") -> tuple[ShipMount, ...]:
    """`GET /my/ships/{s}/mounts` returns a bare list."""
    return tuple(read_mount(Obj.of(kind, m, f"$[{i}]")) for i, m in enumerate(items(kind, payload)))


def modules(payload: Any, *, kind: str = "modules") -> tuple[ShipModule, ...]:
    """`GET /my/ships/{s}/modules` returns a bare list."""
    return tuple(read_module(Obj.of(kind, m, f"$[{i}]")) for i, m in enumerate(items(kind, payload)))

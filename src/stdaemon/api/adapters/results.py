"""Adapters for what actions return: each takes the response's `data` object (not the envelope).

Every function accepts `kind=` so an error names the operation the caller performed (`navigate: $.nav…`).
"""

from __future__ import annotations

from typing import Any

from pydantic import SecretStr

from stdaemon.api.adapters.agents import read_agent
from stdaemon.api.adapters.contracts import read_contract
from stdaemon.api.adapters.fleet import (
    read_cargo,
    read_cooldown,
    read_event,
    read_fuel,
    read_module,
    read_mount,
    read_nav,
    read_ship,
)
from stdaemon.api.adapters.market import read_market_transaction, read_shipyard_transaction
from stdaemon.api.adapters.mining import read_extraction, read_survey
from stdaemon.api.adapters.reader import Obj
from stdaemon.api.adapters.universe import read_chart, read_construction, read_faction, read_waypoint
from stdaemon.domain.results import (
    CargoResult,
    ChartResult,
    ChartTransaction,
    ConstructionSupplyResult,
    ContractResult,
    ExtractResult,
    JumpResult,
    ModificationResult,
    NavResult,
    RefineResult,
    RefineYield,
    RefuelResult,
    RegisterResult,
    ShipPurchaseResult,
    ShipyardServiceResult,
    ShipyardServiceTransaction,
    SurveyResult,
    TradeResult,
)


def nav_result(payload: Any, *, kind: str = "nav-result") -> NavResult:
    """navigate, warp, PATCH nav (`{nav, fuel, events}`), orbit and dock (`{nav}`)."""
    o = Obj.of(kind, payload)
    fuel = o.opt_obj("fuel")
    return NavResult(
        nav=read_nav(o.req_obj("nav")),
        fuel=read_fuel(fuel) if fuel else None,
        events=tuple(read_event(e) for e in o.objs("events")),
        raw=o.data,
    )


def jump_result(payload: Any, *, kind: str = "jump") -> JumpResult:
    o = Obj.of(kind, payload)
    cooldown, transaction, agent = o.opt_obj("cooldown"), o.opt_obj("transaction"), o.opt_obj("agent")
    return JumpResult(
        nav=read_nav(o.req_obj("nav")),
        cooldown=read_cooldown(cooldown) if cooldown else None,
        transaction=read_market_transaction(transaction) if transaction else None,
        agent=read_agent(agent) if agent else None,
        raw=o.data,
    )


def trade_result(payload: Any, *, kind: str = "trade") -> TradeResult:
    """purchase and sell cargo."""
    o = Obj.of(kind, payload)
    return TradeResult(
        agent=read_agent(o.req_obj("agent")),
        cargo=read_cargo(o.req_obj("cargo")),
        transaction=read_market_transaction(o.req_obj("transaction")),
        raw=o.data,
    )


def refuel_result(payload: Any, *, kind: str = "refuel") -> RefuelResult:
    o = Obj.of(kind, payload)
    cargo = o.opt_obj("cargo")
    return RefuelResult(
        agent=read_agent(o.req_obj("agent")),
        fuel=read_fuel(o.req_obj("fuel")),
        transaction=read_market_transaction(o.req_obj("transaction")),
        cargo=read_cargo(cargo) if cargo else None,
        raw=o.data,
    )


def extract_result(payload: Any, *, kind: str = "extract") -> ExtractResult:
    """extract and extract-with-survey (`extraction`) and siphon (`siphon`)."""
    o = Obj.of(kind, payload)
    siphon = "extraction" not in o.data and "siphon" in o.data
    return ExtractResult(
        extraction=read_extraction(o.req_obj("siphon" if siphon else "extraction"), siphon=siphon),
        cooldown=read_cooldown(o.req_obj("cooldown")),
        cargo=read_cargo(o.req_obj("cargo")),
        modifiers=o.symbols("modifiers"),
        events=tuple(read_event(e) for e in o.objs("events")),
        raw=o.data,
    )


def survey_result(payload: Any, *, kind: str = "survey") -> SurveyResult:
    o = Obj.of(kind, payload)
    return SurveyResult(
        cooldown=read_cooldown(o.req_obj("cooldown")),
        surveys=tuple(read_survey(s) for s in o.objs("surveys")),
        raw=o.data,
    )


def contract_result(payload: Any, *, kind: str = "contract-result") -> ContractResult:
    """accept, fulfill (`{contract, agent}`), deliver (`{contract, cargo}`) and negotiate (`{contract}`)."""
    o = Obj.of(kind, payload)
    agent, cargo = o.opt_obj("agent"), o.opt_obj("cargo")
    return ContractResult(
        contract=read_contract(o.req_obj("contract")),
        agent=read_agent(agent) if agent else None,
        cargo=read_cargo(cargo) if cargo else None,
        raw=o.data,
    )


def ship_purchase_result(payload: Any, *, kind: str = "purchase-ship") -> ShipPurchaseResult:
    o = Obj.of(kind, payload)
    return ShipPurchaseResult(
        agent=read_agent(o.req_obj("agent")),
        ship=read_ship(o.req_obj("ship")),
        transaction=read_shipyard_transaction(o.req_obj("transaction")),
        raw=o.data,
    )


def chart_result(payload: Any, *, kind: str = "chart") -> ChartResult:
    o = Obj.of(kind, payload)
    chart, waypoint = o.opt_obj("chart"), o.opt_obj("waypoint")
    transaction, agent = o.opt_obj("transaction"), o.opt_obj("agent")
    return ChartResult(
        chart=read_chart(chart) if chart else None,
        waypoint=read_waypoint(waypoint) if waypoint else None,
        transaction=(
            ChartTransaction(
                waypoint_symbol=transaction.symbol("waypointSymbol"),
                ship_symbol=transaction.opt_str("shipSymbol"),
                total_price=transaction.opt_int("totalPrice"),
                timestamp=transaction.opt_dt("timestamp"),
                raw=transaction.data,
            )
            if transaction
            else None
        ),
        agent=read_agent(agent) if agent else None,
        raw=o.data,
    )


def cargo_result(payload: Any, *, kind: str = "cargo-result") -> CargoResult:
    """jettison (`{cargo}`) and transfer (`{cargo, targetCargo}`)."""
    o = Obj.of(kind, payload)
    target = o.opt_obj("targetCargo")
    return CargoResult(
        cargo=read_cargo(o.req_obj("cargo")), target_cargo=read_cargo(target) if target else None, raw=o.data
    )


def construction_supply_result(
    payload: Any, *, kind: str = "supply-construction"
) -> ConstructionSupplyResult:
    o = Obj.of(kind, payload)
    return ConstructionSupplyResult(
        construction=read_construction(o.req_obj("construction")),
        cargo=read_cargo(o.req_obj("cargo")),
        raw=o.data,
    )


def _refine_yields(o: Obj, key: str) -> tuple[RefineYield, ...]:
    return tuple(
        RefineYield(trade_symbol=y.symbol("tradeSymbol"), units=y.req_int("units"), raw=y.data)
        for y in o.objs(key)
    )


def refine_result(payload: Any, *, kind: str = "refine") -> RefineResult:
    o = Obj.of(kind, payload)
    return RefineResult(
        cargo=read_cargo(o.req_obj("cargo")),
        cooldown=read_cooldown(o.req_obj("cooldown")),
        produced=_refine_yields(o, "produced"),
        consumed=_refine_yields(o, "consumed"),
        raw=o.data,
    )


def _service_transaction(o: Obj) -> ShipyardServiceTransaction:
    return ShipyardServiceTransaction(
        waypoint_symbol=o.symbol("waypointSymbol"),
        ship_symbol=o.symbol("shipSymbol"),
        trade_symbol=o.opt_str("tradeSymbol"),
        total_price=o.req_int("totalPrice"),
        timestamp=o.req_dt("timestamp"),
        raw=o.data,
    )


def modification_result(payload: Any, *, kind: str = "modification") -> ModificationResult:
    """install-mount / remove-mount (`mounts`) and install-ship-module / remove-ship-module (`modules`)."""
    o = Obj.of(kind, payload)
    has_mounts, has_modules = o.data.get("mounts") is not None, o.data.get("modules") is not None
    return ModificationResult(
        agent=read_agent(o.req_obj("agent")),
        cargo=read_cargo(o.req_obj("cargo")),
        transaction=_service_transaction(o.req_obj("transaction")),
        mounts=tuple(read_mount(m) for m in o.objs("mounts")) if has_mounts else None,
        modules=tuple(read_module(m) for m in o.objs("modules")) if has_modules else None,
        raw=o.data,
    )


def shipyard_service_result(payload: Any, *, kind: str = "shipyard-service") -> ShipyardServiceResult:
    """repair / scrap and their GET quotes."""
    o = Obj.of(kind, payload)
    agent, ship = o.opt_obj("agent"), o.opt_obj("ship")
    return ShipyardServiceResult(
        transaction=_service_transaction(o.req_obj("transaction")),
        agent=read_agent(agent) if agent else None,
        ship=read_ship(ship) if ship else None,
        raw=o.data,
    )


def register_result(payload: Any, *, kind: str = "register") -> RegisterResult:
    """register. The token becomes a `SecretStr` and is left out of `raw`, so it is never stored or logged."""
    o = Obj.of(kind, payload)
    token = o.req_str("token")
    faction, contract = o.opt_obj("faction"), o.opt_obj("contract")
    ships = o.objs("ships") or ([o.req_obj("ship")] if o.data.get("ship") is not None else [])
    return RegisterResult(
        token=SecretStr(token),
        agent=read_agent(o.req_obj("agent")),
        faction=read_faction(faction) if faction else None,
        contract=read_contract(contract) if contract else None,
        ships=tuple(read_ship(s) for s in ships),
        raw={k: v for k, v in o.data.items() if k != "token"},
    )

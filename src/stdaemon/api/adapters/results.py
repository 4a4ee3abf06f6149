"""Adapters for what actions return: each takes the response's `data` object (not the envelope).

One adapter serves every operation whose result has the same parts (`nav_result`: navigate, warp, PATCH
nav, orbit, dock), so a result is read part by part: each part (`nav`, `agent`, `transaction` …) is decoded by
its generated model and mapped by the entity adapters; which parts a result needs is said here.
Every function accepts `kind=` so an error names the operation the caller performed (`navigate: $.nav…`).
"""

from __future__ import annotations

from typing import Any

from pydantic import SecretStr

from space_traders_api_client import models as gm
from stdaemon.api.adapters.agents import read_agent
from stdaemon.api.adapters.contracts import read_contract
from stdaemon.api.adapters.dto import D, show
from stdaemon.api.adapters.errors import DecodeError
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
from stdaemon.api.adapters.mapping import Json, M, Read, decode, decode_list, opt_utc
from stdaemon.api.adapters.market import read_market_transaction, read_shipyard_transaction
from stdaemon.api.adapters.mining import read_extraction, read_survey
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


class _Parts:
    """The `data` object of an action's result, read part by part."""

    def __init__(self, kind: str, payload: Any) -> None:
        if type(payload) is not dict:
            raise DecodeError(kind, "$", f"expected an object, got {show(payload)}")
        self.kind, self.raw = kind, payload

    def has(self, key: str) -> bool:
        return self.raw.get(key) is not None

    def one(self, key: str, cls: type[D], read: Read[D, M]) -> M:
        """A required part."""
        if not self.has(key):
            reason = "required field is null" if key in self.raw else "required field missing"
            raise DecodeError(self.kind, f"$.{key}", reason)
        return decode(self.kind, cls, self.raw[key], f"$.{key}", read)

    def opt(self, key: str, cls: type[D], read: Read[D, M]) -> M | None:
        """An optional part: missing or null is None."""
        return self.one(key, cls, read) if self.has(key) else None

    def many(self, key: str, cls: type[D], read: Read[D, M]) -> tuple[M, ...]:
        """A list of parts: missing or null is empty."""
        return decode_list(self.kind, cls, self.raw[key], f"$.{key}", read) if self.has(key) else ()


def _symbol(dto: gm.WaypointModifier, _raw: Json) -> str:
    return dto.symbol


def nav_result(payload: Any, *, kind: str = "nav-result") -> NavResult:
    """navigate, warp, PATCH nav (`{nav, fuel, events}`), orbit and dock (`{nav}`)."""
    p = _Parts(kind, payload)
    return NavResult(
        nav=p.one("nav", gm.ShipNav, read_nav),
        fuel=p.opt("fuel", gm.ShipFuel, read_fuel),
        events=p.many("events", gm.ShipConditionEvent, read_event),
        raw=p.raw,
    )


def jump_result(payload: Any, *, kind: str = "jump") -> JumpResult:
    p = _Parts(kind, payload)
    return JumpResult(
        nav=p.one("nav", gm.ShipNav, read_nav),
        cooldown=p.opt("cooldown", gm.Cooldown, read_cooldown),
        transaction=p.opt("transaction", gm.MarketTransaction, read_market_transaction),
        agent=p.opt("agent", gm.Agent, read_agent),
        raw=p.raw,
    )


def trade_result(payload: Any, *, kind: str = "trade") -> TradeResult:
    """purchase and sell cargo."""
    p = _Parts(kind, payload)
    return TradeResult(
        agent=p.one("agent", gm.Agent, read_agent),
        cargo=p.one("cargo", gm.ShipCargo, read_cargo),
        transaction=p.one("transaction", gm.MarketTransaction, read_market_transaction),
        raw=p.raw,
    )


def refuel_result(payload: Any, *, kind: str = "refuel") -> RefuelResult:
    p = _Parts(kind, payload)
    return RefuelResult(
        agent=p.one("agent", gm.Agent, read_agent),
        fuel=p.one("fuel", gm.ShipFuel, read_fuel),
        transaction=p.one("transaction", gm.MarketTransaction, read_market_transaction),
        cargo=p.opt("cargo", gm.ShipCargo, read_cargo),
        raw=p.raw,
    )


def extract_result(payload: Any, *, kind: str = "extract") -> ExtractResult:
    """extract and extract-with-survey (`extraction`) and siphon (`siphon`)."""
    p = _Parts(kind, payload)
    siphon = not p.has("extraction") and p.has("siphon")
    return ExtractResult(
        extraction=(
            p.one("siphon", gm.Siphon, read_extraction)
            if siphon
            else p.one("extraction", gm.Extraction, read_extraction)
        ),
        cooldown=p.one("cooldown", gm.Cooldown, read_cooldown),
        cargo=p.one("cargo", gm.ShipCargo, read_cargo),
        modifiers=p.many("modifiers", gm.WaypointModifier, _symbol),
        events=p.many("events", gm.ShipConditionEvent, read_event),
        raw=p.raw,
    )


def survey_result(payload: Any, *, kind: str = "survey") -> SurveyResult:
    p = _Parts(kind, payload)
    return SurveyResult(
        cooldown=p.one("cooldown", gm.Cooldown, read_cooldown),
        surveys=p.many("surveys", gm.Survey, read_survey),
        raw=p.raw,
    )


def contract_result(payload: Any, *, kind: str = "contract-result") -> ContractResult:
    """accept, fulfill (`{contract, agent}`), deliver (`{contract, cargo}`) and negotiate (`{contract}`)."""
    p = _Parts(kind, payload)
    return ContractResult(
        contract=p.one("contract", gm.Contract, read_contract),
        agent=p.opt("agent", gm.Agent, read_agent),
        cargo=p.opt("cargo", gm.ShipCargo, read_cargo),
        raw=p.raw,
    )


def ship_purchase_result(payload: Any, *, kind: str = "purchase-ship") -> ShipPurchaseResult:
    p = _Parts(kind, payload)
    return ShipPurchaseResult(
        agent=p.one("agent", gm.Agent, read_agent),
        ship=p.one("ship", gm.Ship, read_ship),
        transaction=p.one("transaction", gm.ShipyardTransaction, read_shipyard_transaction),
        raw=p.raw,
    )


def _chart_transaction(dto: gm.ChartTransaction, raw: Json) -> ChartTransaction:
    return ChartTransaction(
        waypoint_symbol=dto.waypoint_symbol,
        ship_symbol=dto.ship_symbol,
        total_price=dto.total_price,
        timestamp=opt_utc(dto.timestamp),
        raw=raw,
    )


def chart_result(payload: Any, *, kind: str = "chart") -> ChartResult:
    p = _Parts(kind, payload)
    return ChartResult(
        chart=p.opt("chart", gm.Chart, read_chart),
        waypoint=p.opt("waypoint", gm.Waypoint, read_waypoint),
        transaction=p.opt("transaction", gm.ChartTransaction, _chart_transaction),
        agent=p.opt("agent", gm.Agent, read_agent),
        raw=p.raw,
    )


def cargo_result(payload: Any, *, kind: str = "cargo-result") -> CargoResult:
    """jettison (`{cargo}`) and transfer (`{cargo, targetCargo}`)."""
    p = _Parts(kind, payload)
    return CargoResult(
        cargo=p.one("cargo", gm.ShipCargo, read_cargo),
        target_cargo=p.opt("targetCargo", gm.ShipCargo, read_cargo),
        raw=p.raw,
    )


def construction_supply_result(
    payload: Any, *, kind: str = "supply-construction"
) -> ConstructionSupplyResult:
    p = _Parts(kind, payload)
    return ConstructionSupplyResult(
        construction=p.one("construction", gm.Construction, read_construction),
        cargo=p.one("cargo", gm.ShipCargo, read_cargo),
        raw=p.raw,
    )


def _refine_yield(dto: gm.ShipRefineShipRefine201ResponseDataProducedItem, raw: Json) -> RefineYield:
    return RefineYield(trade_symbol=dto.trade_symbol, units=dto.units, raw=raw)


def refine_result(payload: Any, *, kind: str = "refine") -> RefineResult:
    p = _Parts(kind, payload)
    return RefineResult(
        cargo=p.one("cargo", gm.ShipCargo, read_cargo),
        cooldown=p.one("cooldown", gm.Cooldown, read_cooldown),
        produced=p.many("produced", gm.ShipRefineShipRefine201ResponseDataProducedItem, _refine_yield),
        consumed=p.many("consumed", gm.ShipRefineShipRefine201ResponseDataProducedItem, _refine_yield),
        raw=p.raw,
    )


def _service_transaction(
    dto: gm.ShipModificationTransaction | gm.RepairTransaction, raw: Json
) -> ShipyardServiceTransaction:
    return ShipyardServiceTransaction(
        waypoint_symbol=dto.waypoint_symbol,
        ship_symbol=dto.ship_symbol,
        trade_symbol=dto.trade_symbol if isinstance(dto, gm.ShipModificationTransaction) else None,
        total_price=dto.total_price,
        timestamp=opt_utc(dto.timestamp),
        raw=raw,
    )


def modification_result(payload: Any, *, kind: str = "modification") -> ModificationResult:
    """install-mount / remove-mount (`mounts`) and install-ship-module / remove-ship-module (`modules`)."""
    p = _Parts(kind, payload)
    return ModificationResult(
        agent=p.one("agent", gm.Agent, read_agent),
        cargo=p.one("cargo", gm.ShipCargo, read_cargo),
        transaction=p.one("transaction", gm.ShipModificationTransaction, _service_transaction),
        mounts=p.many("mounts", gm.ShipMount, read_mount) if p.has("mounts") else None,
        modules=p.many("modules", gm.ShipModule, read_module) if p.has("modules") else None,
        raw=p.raw,
    )


def shipyard_service_result(payload: Any, *, kind: str = "shipyard-service") -> ShipyardServiceResult:
    """repair / scrap and their GET quotes (repair and scrap transactions have the same shape)."""
    p = _Parts(kind, payload)
    return ShipyardServiceResult(
        transaction=p.one("transaction", gm.RepairTransaction, _service_transaction),
        agent=p.opt("agent", gm.Agent, read_agent),
        ship=p.opt("ship", gm.Ship, read_ship),
        raw=p.raw,
    )


def register_result(payload: Any, *, kind: str = "register") -> RegisterResult:
    """register. The token becomes a `SecretStr` and is left out of `raw`, so it is never stored or logged."""
    p = _Parts(kind, payload)
    token = p.raw.get("token")
    if type(token) is not str or not token:
        missing = "required field is null" if "token" in p.raw else "required field missing"
        reason = missing if token is None else f"expected a non-empty string, got {show(token)}"
        raise DecodeError(kind, "$.token", reason)
    ships = p.many("ships", gm.Ship, read_ship) or tuple(filter(None, [p.opt("ship", gm.Ship, read_ship)]))
    return RegisterResult(
        token=SecretStr(token),
        agent=p.one("agent", gm.Agent, read_agent),
        faction=p.opt("faction", gm.Faction, read_faction),
        contract=p.opt("contract", gm.Contract, read_contract),
        ships=ships,
        raw={k: v for k, v in p.raw.items() if k != "token"},
    )

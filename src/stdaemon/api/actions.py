"""Ship, contract and agent actions (the POSTs), mixed into the Gateway.

Actions default to `Priority.ACTION`. None of them is retried once the server may have acted (see
retry.py): a failure that leaves the outcome unknown raises `ActionOutcomeUnknown`, and the caller re-reads
the ship before trying again.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from space_traders_api_client.api.accounts import register as register_op
from space_traders_api_client.api.contracts import accept_contract, deliver_contract, fulfill_contract
from space_traders_api_client.api.fleet import (
    create_chart,
    create_survey,
    dock_ship,
    extract_resources,
    extract_resources_with_survey,
    jettison,
    jump_ship,
    navigate_ship,
    negotiate_contract,
    orbit_ship,
    patch_ship_nav,
    purchase_cargo,
    purchase_ship,
    refuel_ship,
    sell_cargo,
    ship_refine,
    siphon_resources,
    transfer_cargo,
    warp_ship,
)
from space_traders_api_client.api.systems import supply_construction
from stdaemon.api.priority import Priority

Json = dict[str, Any]
A = Priority.ACTION


class _Json:
    """Stands in for a generated body model: `_get_kwargs` only calls `to_dict()`."""

    def __init__(self, payload: Mapping[str, Any]) -> None:
        self._payload = dict(payload)

    def to_dict(self) -> dict[str, Any]:
        return dict(self._payload)


class ActionsMixin:
    async def _data(self, kwargs: dict[str, Any], priority: Priority, *, account: bool = False) -> Any:
        raise NotImplementedError

    async def _act(self, kwargs: dict[str, Any], priority: Priority, *, account: bool = False) -> Json:
        data: Json = await self._data(kwargs, priority, account=account)
        return data

    async def register(
        self, symbol: str, faction: str, *, email: str | None = None, priority: Priority = A
    ) -> Json:
        """Register a new agent (needs the account token); the data carries the new agent token."""
        body = {"symbol": symbol, "faction": faction} | ({"email": email} if email else {})
        return await self._act(register_op._get_kwargs(body=_Json(body)), priority, account=True)

    async def orbit(self, ship: str, *, priority: Priority = A) -> Json:
        return await self._act(orbit_ship._get_kwargs(ship), priority)

    async def dock(self, ship: str, *, priority: Priority = A) -> Json:
        return await self._act(dock_ship._get_kwargs(ship), priority)

    async def navigate(self, ship: str, waypoint: str, *, priority: Priority = A) -> Json:
        return await self._act(
            navigate_ship._get_kwargs(ship, body=_Json({"waypointSymbol": waypoint})), priority
        )

    async def warp(self, ship: str, waypoint: str, *, priority: Priority = A) -> Json:
        return await self._act(
            warp_ship._get_kwargs(ship, body=_Json({"waypointSymbol": waypoint})), priority
        )

    async def jump(self, ship: str, waypoint: str, *, priority: Priority = A) -> Json:
        return await self._act(
            jump_ship._get_kwargs(ship, body=_Json({"waypointSymbol": waypoint})), priority
        )

    async def set_flight_mode(self, ship: str, mode: str, *, priority: Priority = A) -> Json:
        return await self._act(patch_ship_nav._get_kwargs(ship, body=_Json({"flightMode": mode})), priority)

    async def refuel(
        self, ship: str, *, units: int | None = None, from_cargo: bool = False, priority: Priority = A
    ) -> Json:
        body: dict[str, Any] = {"units": units} if units is not None else {}
        if from_cargo:
            body["fromCargo"] = True
        return await self._act(refuel_ship._get_kwargs(ship, body=_Json(body)), priority)

    async def purchase_cargo(self, ship: str, symbol: str, units: int, *, priority: Priority = A) -> Json:
        body = _Json({"symbol": symbol, "units": units})
        return await self._act(purchase_cargo._get_kwargs(ship, body=body), priority)

    async def sell_cargo(self, ship: str, symbol: str, units: int, *, priority: Priority = A) -> Json:
        body = _Json({"symbol": symbol, "units": units})
        return await self._act(sell_cargo._get_kwargs(ship, body=body), priority)

    async def jettison(self, ship: str, symbol: str, units: int, *, priority: Priority = A) -> Json:
        body = _Json({"symbol": symbol, "units": units})
        return await self._act(jettison._get_kwargs(ship, body=body), priority)

    async def transfer_cargo(
        self, ship: str, to_ship: str, symbol: str, units: int, *, priority: Priority = A
    ) -> Json:
        body = _Json({"tradeSymbol": symbol, "units": units, "shipSymbol": to_ship})
        return await self._act(transfer_cargo._get_kwargs(ship, body=body), priority)

    async def extract(self, ship: str, *, priority: Priority = A) -> Json:
        return await self._act(extract_resources._get_kwargs(ship), priority)

    async def siphon(self, ship: str, *, priority: Priority = A) -> Json:
        return await self._act(siphon_resources._get_kwargs(ship), priority)

    async def survey(self, ship: str, *, priority: Priority = A) -> Json:
        return await self._act(create_survey._get_kwargs(ship), priority)

    async def extract_with_survey(
        self, ship: str, survey_raw: Mapping[str, Any], *, priority: Priority = A
    ) -> Json:
        """Extract with a survey; `survey_raw` must be the survey exactly as received (it is signed)."""
        kwargs = extract_resources_with_survey._get_kwargs(ship, body=_Json(survey_raw))
        return await self._act(kwargs, priority)

    async def chart(self, ship: str, *, priority: Priority = A) -> Json:
        return await self._act(create_chart._get_kwargs(ship), priority)

    async def negotiate_contract(self, ship: str, *, priority: Priority = A) -> Json:
        return await self._act(negotiate_contract._get_kwargs(ship), priority)

    async def accept_contract(self, contract_id: str, *, priority: Priority = A) -> Json:
        return await self._act(accept_contract._get_kwargs(contract_id), priority)

    async def deliver_contract(
        self, contract_id: str, ship: str, trade_symbol: str, units: int, *, priority: Priority = A
    ) -> Json:
        body = _Json({"shipSymbol": ship, "tradeSymbol": trade_symbol, "units": units})
        return await self._act(deliver_contract._get_kwargs(contract_id, body=body), priority)

    async def fulfill_contract(self, contract_id: str, *, priority: Priority = A) -> Json:
        return await self._act(fulfill_contract._get_kwargs(contract_id), priority)

    async def purchase_ship(self, ship_type: str, waypoint: str, *, priority: Priority = A) -> Json:
        body = _Json({"shipType": ship_type, "waypointSymbol": waypoint})
        return await self._act(purchase_ship._get_kwargs(body=body), priority)

    async def supply_construction(
        self, system: str, waypoint: str, ship: str, trade_symbol: str, units: int, *, priority: Priority = A
    ) -> Json:
        body = _Json({"shipSymbol": ship, "tradeSymbol": trade_symbol, "units": units})
        return await self._act(supply_construction._get_kwargs(system, waypoint, body=body), priority)

    async def refine(self, ship: str, produce: str, *, priority: Priority = A) -> Json:
        return await self._act(ship_refine._get_kwargs(ship, body=_Json({"produce": produce})), priority)

"""Ship, contract and agent actions (the POSTs), mixed into the Gateway.

Each action calls its generated operation with the generated body model; values the spec does not list
(a new flight mode, say) go through, since the spec transform leaves enums open. Actions default to
`Priority.ACTION`. None of them is retried once the server may have acted (see retry.py): a failure that
leaves the outcome unknown raises `ActionOutcomeUnknown`, and the caller re-reads the ship before trying
again.
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
from space_traders_api_client.models import (
    DeliverContractBody,
    ExtractResourcesWithSurveyBody,
    JettisonBody,
    JumpShipBody,
    NavigateShipBody,
    PatchShipNavBody,
    PurchaseCargoPurchaseCargoRequest,
    PurchaseShipBody,
    RefuelShipBody,
    RegisterBody,
    SellCargoSellCargoRequest,
    ShipRefineBody,
    SupplyConstructionBody,
    TransferCargoTransferCargoRequest,
    WarpShipBody,
)
from space_traders_api_client.types import UNSET
from stdaemon.api.priority import Priority
from stdaemon.api.sender import Send

Json = dict[str, Any]
A = Priority.ACTION


class ActionsMixin:
    async def _data(self, send: Send, priority: Priority, *, account: bool = False) -> Json:
        raise NotImplementedError

    async def register(
        self, symbol: str, faction: str, *, email: str | None = None, priority: Priority = A
    ) -> Json:
        """Register a new agent (needs the account token); the data carries the new agent token."""
        body = RegisterBody(symbol=symbol, faction=faction)
        if email:
            body["email"] = email  # the spec dropped `email`; the server still accepts it
        return await self._data(
            lambda c: register_op.asyncio_detailed(client=c, body=body), priority, account=True
        )

    async def orbit(self, ship: str, *, priority: Priority = A) -> Json:
        return await self._data(lambda c: orbit_ship.asyncio_detailed(ship, client=c), priority)

    async def dock(self, ship: str, *, priority: Priority = A) -> Json:
        return await self._data(lambda c: dock_ship.asyncio_detailed(ship, client=c), priority)

    async def navigate(self, ship: str, waypoint: str, *, priority: Priority = A) -> Json:
        body = NavigateShipBody(waypoint_symbol=waypoint)
        return await self._data(lambda c: navigate_ship.asyncio_detailed(ship, client=c, body=body), priority)

    async def warp(self, ship: str, waypoint: str, *, priority: Priority = A) -> Json:
        body = WarpShipBody(waypoint_symbol=waypoint)
        return await self._data(lambda c: warp_ship.asyncio_detailed(ship, client=c, body=body), priority)

    async def jump(self, ship: str, waypoint: str, *, priority: Priority = A) -> Json:
        body = JumpShipBody(waypoint_symbol=waypoint)
        return await self._data(lambda c: jump_ship.asyncio_detailed(ship, client=c, body=body), priority)

    async def set_flight_mode(self, ship: str, mode: str, *, priority: Priority = A) -> Json:
        body = PatchShipNavBody(flight_mode=mode)
        return await self._data(
            lambda c: patch_ship_nav.asyncio_detailed(ship, client=c, body=body), priority
        )

    async def refuel(
        self, ship: str, *, units: int | None = None, from_cargo: bool = False, priority: Priority = A
    ) -> Json:
        body = RefuelShipBody(
            units=units if units is not None else UNSET, from_cargo=True if from_cargo else UNSET
        )
        return await self._data(lambda c: refuel_ship.asyncio_detailed(ship, client=c, body=body), priority)

    async def purchase_cargo(self, ship: str, symbol: str, units: int, *, priority: Priority = A) -> Json:
        body = PurchaseCargoPurchaseCargoRequest(symbol=symbol, units=units)
        return await self._data(
            lambda c: purchase_cargo.asyncio_detailed(ship, client=c, body=body), priority
        )

    async def sell_cargo(self, ship: str, symbol: str, units: int, *, priority: Priority = A) -> Json:
        body = SellCargoSellCargoRequest(symbol=symbol, units=units)
        return await self._data(lambda c: sell_cargo.asyncio_detailed(ship, client=c, body=body), priority)

    async def jettison(self, ship: str, symbol: str, units: int, *, priority: Priority = A) -> Json:
        body = JettisonBody(symbol=symbol, units=units)
        return await self._data(lambda c: jettison.asyncio_detailed(ship, client=c, body=body), priority)

    async def transfer_cargo(
        self, ship: str, to_ship: str, symbol: str, units: int, *, priority: Priority = A
    ) -> Json:
        body = TransferCargoTransferCargoRequest(trade_symbol=symbol, units=units, ship_symbol=to_ship)
        return await self._data(
            lambda c: transfer_cargo.asyncio_detailed(ship, client=c, body=body), priority
        )

    async def extract(self, ship: str, *, priority: Priority = A) -> Json:
        return await self._data(lambda c: extract_resources.asyncio_detailed(ship, client=c), priority)

    async def siphon(self, ship: str, *, priority: Priority = A) -> Json:
        return await self._data(lambda c: siphon_resources.asyncio_detailed(ship, client=c), priority)

    async def survey(self, ship: str, *, priority: Priority = A) -> Json:
        return await self._data(lambda c: create_survey.asyncio_detailed(ship, client=c), priority)

    async def extract_with_survey(
        self, ship: str, survey_raw: Mapping[str, Any], *, priority: Priority = A
    ) -> Json:
        """Extract with a survey; `survey_raw` must be the survey exactly as received (it is signed)."""
        body = ExtractResourcesWithSurveyBody.from_dict(survey_raw)  # its timestamps stay strings
        return await self._data(
            lambda c: extract_resources_with_survey.asyncio_detailed(ship, client=c, body=body), priority
        )

    async def chart(self, ship: str, *, priority: Priority = A) -> Json:
        return await self._data(lambda c: create_chart.asyncio_detailed(ship, client=c), priority)

    async def negotiate_contract(self, ship: str, *, priority: Priority = A) -> Json:
        return await self._data(lambda c: negotiate_contract.asyncio_detailed(ship, client=c), priority)

    async def accept_contract(self, contract_id: str, *, priority: Priority = A) -> Json:
        return await self._data(lambda c: accept_contract.asyncio_detailed(contract_id, client=c), priority)

    async def deliver_contract(
        self, contract_id: str, ship: str, trade_symbol: str, units: int, *, priority: Priority = A
    ) -> Json:
        body = DeliverContractBody(ship_symbol=ship, trade_symbol=trade_symbol, units=units)
        return await self._data(
            lambda c: deliver_contract.asyncio_detailed(contract_id, client=c, body=body), priority
        )

    async def fulfill_contract(self, contract_id: str, *, priority: Priority = A) -> Json:
        return await self._data(lambda c: fulfill_contract.asyncio_detailed(contract_id, client=c), priority)

    async def purchase_ship(self, ship_type: str, waypoint: str, *, priority: Priority = A) -> Json:
        body = PurchaseShipBody(ship_type=ship_type, waypoint_symbol=waypoint)
        return await self._data(lambda c: purchase_ship.asyncio_detailed(client=c, body=body), priority)

    async def supply_construction(
        self, system: str, waypoint: str, ship: str, trade_symbol: str, units: int, *, priority: Priority = A
    ) -> Json:
        body = SupplyConstructionBody(ship_symbol=ship, trade_symbol=trade_symbol, units=units)
        return await self._data(
            lambda c: supply_construction.asyncio_detailed(system, waypoint, client=c, body=body), priority
        )

    async def refine(self, ship: str, produce: str, *, priority: Priority = A) -> Json:
        body = ShipRefineBody(produce=produce)
        return await self._data(lambda c: ship_refine.asyncio_detailed(ship, client=c, body=body), priority)

"""The action side of the DataService: every POST the runners make, and what its result changes.

An action calls the API once and treats what the POST returned as the new truth: the nav, fuel, cargo,
cooldown are folded into the last known Ship (`ship_state`), the agent replaces the cached agent, a contract
or construction site replaces the cached one; all of it (and the transaction, extraction, surveys) is written
through. Nothing an action just returned is fetched again; a ship never seen is refreshed by its next read,
not fetched now. A market we traded at is only marked stale (its prices moved), never re-fetched here.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence

from stdaemon.domain import models as m
from stdaemon.domain.base import Entity
from stdaemon.domain.ids import system_of
from stdaemon.services.caches import ALL, Caches
from stdaemon.services.edge import Edge
from stdaemon.services.protocols import Api, Decoder
from stdaemon.services.ship_state import with_cargo, with_cooldown, with_fuel, with_nav

Fold = Callable[[m.Ship], m.Ship]


class Actions:
    """Ship, trade, mining, contract and construction actions with write-through."""

    def __init__(self, *, api: Api, decode: Decoder, edge: Edge, caches: Caches) -> None:
        self._api, self._decode, self._edge, self._c = api, decode, edge, caches

    async def _after(
        self,
        models: Sequence[Entity] = (),
        *,
        ships: Mapping[str, Fold] | None = None,
        agent: m.Agent | None = None,
        waypoint: str | None = None,
        survey: str | None = None,
    ) -> None:
        """Update the caches from an action's result and write everything it told us."""
        out = list(models)
        if agent is not None:
            self._c.take_agent(agent)
            out.append(agent)
        for symbol, fold in (ships or {}).items():
            known = self._c.known_ship(symbol)  # past its TTL too: the result must still reach the database
            if known is not None:
                updated = fold(known)
                self._c.take_ship(updated)
                out.append(updated)
        await self._edge.observe(out, waypoint=waypoint, survey=survey)

    def _where(self, ship: str) -> str | None:
        known = self._c.known_ship(ship)
        return known.nav.waypoint_symbol if known is not None else None

    # --- navigation ----------------------------------------------------------------------------------

    async def _moved(self, ship: str, result: m.NavResult) -> m.NavResult:
        await self._after(ships={ship: lambda s: with_nav(s, result.nav, result.fuel)})
        return result

    async def orbit(self, ship: str) -> m.NavResult:
        return await self._moved(
            ship, self._decode.nav_result(await self._edge.call(lambda: self._api.orbit(ship)))
        )

    async def dock(self, ship: str) -> m.NavResult:
        return await self._moved(
            ship, self._decode.nav_result(await self._edge.call(lambda: self._api.dock(ship)))
        )

    async def navigate(self, ship: str, waypoint: str) -> m.NavResult:
        payload = await self._edge.call(lambda: self._api.navigate(ship, waypoint))
        return await self._moved(ship, self._decode.nav_result(payload))

    async def warp(self, ship: str, waypoint: str) -> m.NavResult:
        payload = await self._edge.call(lambda: self._api.warp(ship, waypoint))
        return await self._moved(ship, self._decode.nav_result(payload))

    async def set_flight_mode(self, ship: str, mode: str) -> m.NavResult:
        payload = await self._edge.call(lambda: self._api.set_flight_mode(ship, mode))
        return await self._moved(ship, self._decode.nav_result(payload))

    async def jump(self, ship: str, waypoint: str) -> m.JumpResult:
        result = self._decode.jump_result(await self._edge.call(lambda: self._api.jump(ship, waypoint)))
        bought = [result.transaction] if result.transaction is not None else []
        for transaction in bought:  # the antimatter was bought at the gate's market: its prices moved
            self._c.markets.pop(transaction.waypoint_symbol)
        fold: Fold = lambda s: with_nav(s, result.nav, cooldown=result.cooldown)  # noqa: E731
        await self._after(bought, ships={ship: fold}, agent=result.agent)
        return result

    # --- trade ---------------------------------------------------------------------------------------

    async def refuel(
        self, ship: str, *, units: int | None = None, from_cargo: bool = False
    ) -> m.RefuelResult:
        payload = await self._edge.call(lambda: self._api.refuel(ship, units=units, from_cargo=from_cargo))
        result = self._decode.refuel_result(payload)
        fold: Fold = lambda s: with_fuel(s, result.fuel, result.cargo)  # noqa: E731
        await self._after([result.transaction], ships={ship: fold}, agent=result.agent)
        return result

    async def purchase_cargo(self, ship: str, symbol: str, units: int) -> m.TradeResult:
        payload = await self._edge.call(lambda: self._api.purchase_cargo(ship, symbol, units))
        return await self._traded(ship, self._decode.trade_result(payload))

    async def sell_cargo(self, ship: str, symbol: str, units: int) -> m.TradeResult:
        payload = await self._edge.call(lambda: self._api.sell_cargo(ship, symbol, units))
        return await self._traded(ship, self._decode.trade_result(payload))

    async def _traded(self, ship: str, result: m.TradeResult) -> m.TradeResult:
        self._c.markets.pop(result.transaction.waypoint_symbol)  # its prices moved: stale, not re-fetched
        fold: Fold = lambda s: with_cargo(s, result.cargo)  # noqa: E731
        await self._after([result.transaction], ships={ship: fold}, agent=result.agent)
        return result

    async def jettison(self, ship: str, symbol: str, units: int) -> m.CargoResult:
        payload = await self._edge.call(lambda: self._api.jettison(ship, symbol, units))
        result = self._decode.cargo_result(payload)
        await self._after(ships={ship: lambda s: with_cargo(s, result.cargo)})
        return result

    async def transfer_cargo(self, ship: str, to_ship: str, symbol: str, units: int) -> m.CargoResult:
        """Move cargo to another ship; both holds come back (an answer without the target's forgets it)."""
        payload = await self._edge.call(lambda: self._api.transfer_cargo(ship, to_ship, symbol, units))
        result = self._decode.cargo_result(payload)
        folds: dict[str, Fold] = {ship: lambda s: with_cargo(s, result.cargo)}
        target = result.target_cargo
        if target is not None:
            folds[to_ship] = lambda s: with_cargo(s, target)
        else:
            self._c.forget_ship(to_ship)
        await self._after(ships=folds)
        return result

    # --- mining and refining -------------------------------------------------------------------------

    async def _extracted(
        self, ship: str, result: m.ExtractResult, survey: str | None = None
    ) -> m.ExtractResult:
        fold: Fold = lambda s: with_cooldown(s, result.cooldown, result.cargo)  # noqa: E731
        where = self._where(ship)
        await self._after([result.extraction], ships={ship: fold}, waypoint=where, survey=survey)
        return result

    async def extract(self, ship: str) -> m.ExtractResult:
        return await self._extracted(
            ship, self._decode.extract_result(await self._edge.call(lambda: self._api.extract(ship)))
        )

    async def extract_with_survey(self, ship: str, survey: m.Survey) -> m.ExtractResult:
        """Extract with `survey`; its `raw` is sent exactly as it was received (the server checks it)."""
        payload = await self._edge.call(lambda: self._api.extract_with_survey(ship, survey.raw))
        return await self._extracted(ship, self._decode.extract_result(payload), survey.signature)

    async def siphon(self, ship: str) -> m.ExtractResult:
        return await self._extracted(
            ship, self._decode.extract_result(await self._edge.call(lambda: self._api.siphon(ship)))
        )

    async def survey(self, ship: str) -> m.SurveyResult:
        result = self._decode.survey_result(await self._edge.call(lambda: self._api.survey(ship)))
        await self._after(list(result.surveys), ships={ship: lambda s: with_cooldown(s, result.cooldown)})
        return result

    async def refine(self, ship: str, produce: str) -> m.RefineResult:
        result = self._decode.refine_result(await self._edge.call(lambda: self._api.refine(ship, produce)))
        await self._after(ships={ship: lambda s: with_cooldown(s, result.cooldown, result.cargo)})
        return result

    # --- exploration and construction ----------------------------------------------------------------

    async def chart(self, ship: str) -> m.ChartResult:
        """Chart the ship's waypoint; the charted waypoint replaces the cached one (and in its listing)."""
        result = self._decode.chart_result(await self._edge.call(lambda: self._api.chart(ship)))
        charted = result.waypoint
        if charted is not None:
            self._c.waypoints.set(charted.symbol, charted)
            listed = self._c.system_waypoints.get(charted.system_symbol)
            if listed is not None:
                updated = tuple(charted if w.symbol == charted.symbol else w for w in listed)
                self._c.system_waypoints.set(charted.system_symbol, updated)
        await self._after([charted] if charted is not None else [], agent=result.agent)
        return result

    async def supply_construction(
        self, waypoint: str, ship: str, trade_symbol: str, units: int
    ) -> m.ConstructionSupplyResult:
        payload = await self._edge.call(
            lambda: self._api.supply_construction(system_of(waypoint), waypoint, ship, trade_symbol, units)
        )
        result = self._decode.construction_supply_result(payload)
        self._c.sites.set(result.construction.symbol, result.construction)
        fold: Fold = lambda s: with_cargo(s, result.cargo)  # noqa: E731
        await self._after([result.construction], ships={ship: fold})
        return result

    # --- contracts and ships -------------------------------------------------------------------------

    async def _contracted(self, result: m.ContractResult, ship: str | None = None) -> m.ContractResult:
        self._c.take_contract(result.contract)
        self._c.contract_list.pop(ALL)
        cargo = result.cargo
        folds: dict[str, Fold] = {ship: lambda s: with_cargo(s, cargo)} if ship and cargo else {}
        await self._after([result.contract], ships=folds, agent=result.agent)
        return result

    async def negotiate_contract(self, ship: str) -> m.ContractResult:
        payload = await self._edge.call(lambda: self._api.negotiate_contract(ship))
        return await self._contracted(self._decode.contract_result(payload))

    async def accept_contract(self, contract_id: str) -> m.ContractResult:
        payload = await self._edge.call(lambda: self._api.accept_contract(contract_id))
        return await self._contracted(self._decode.contract_result(payload))

    async def fulfill_contract(self, contract_id: str) -> m.ContractResult:
        payload = await self._edge.call(lambda: self._api.fulfill_contract(contract_id))
        return await self._contracted(self._decode.contract_result(payload))

    async def deliver_contract(
        self, contract_id: str, ship: str, trade_symbol: str, units: int
    ) -> m.ContractResult:
        payload = await self._edge.call(
            lambda: self._api.deliver_contract(contract_id, ship, trade_symbol, units)
        )
        return await self._contracted(self._decode.contract_result(payload), ship)

    async def purchase_ship(self, ship_type: str, waypoint: str) -> m.ShipPurchaseResult:
        payload = await self._edge.call(lambda: self._api.purchase_ship(ship_type, waypoint))
        result = self._decode.ship_purchase_result(payload)
        self._c.take_ship(result.ship)
        self._c.fleet.pop(ALL)  # the listing lacks the new ship; the next `ships()` lists again
        self._c.shipyards.pop(waypoint)
        await self._after([result.ship, result.transaction], agent=result.agent)
        return result

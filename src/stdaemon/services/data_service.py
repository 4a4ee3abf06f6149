"""The DataService: what every runner loop asks for data and through which it acts.

Reads (see `services.reads`) answer from a TTL cache with single-flight, read through to the database for
reference data and to the API otherwise. Actions call the API once and treat what the POST returned as the
new truth: the nav, fuel, cargo, cooldown are folded into the cached Ship, the agent replaces the cached
agent, a contract replaces the cached contract; all of it (and the transaction, extraction, surveys) is
written through to the DbWriter. Nothing an action just returned is fetched again. A market we traded at
is only marked stale (its prices moved), never re-fetched here.

Wiring (bootstrap): `DataService(api=gateway, decode=stdaemon.api.adapters, sink=WriterSink(writer),
reference=DbReferenceSource(engine), settings=settings, reset_errors=(ResetDetected,))`.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from stdaemon.domain import models as m
from stdaemon.domain.base import Entity
from stdaemon.services.reads import ALL, ME, DataReads
from stdaemon.services.ship_state import with_cargo, with_cooldown, with_fuel, with_nav

__all__ = ["DataService"]


class DataService(DataReads):
    """Reads with caching and write-through, plus the ship and contract actions."""

    async def _after_action(
        self,
        ship: str | None,
        fold: Callable[[m.Ship], m.Ship] | None,
        models: Sequence[Entity] = (),
        *,
        agent: m.Agent | None = None,
        waypoint: str | None = None,
    ) -> None:
        """Update the caches from an action's result and write everything it told us."""
        out = list(models)
        if agent is not None:
            self._agent.set(ME, agent)
            self._is_news(ME)
            out.append(agent)
        if ship is not None and fold is not None:
            known = self._known_ship(ship)  # past its TTL too: the result must still reach the database
            if known is not None:  # a ship never seen is refreshed by its next read, not fetched now
                updated = fold(known)
                self._ship_seen(updated)
                out.append(updated)
        await self._observe(out, waypoint=waypoint)

    # --- navigation ----------------------------------------------------------------------------------

    async def orbit(self, ship: str) -> m.NavResult:
        result = self._decode.nav_result(await self._call(lambda: self._api.orbit(ship)))
        await self._after_action(ship, lambda s: with_nav(s, result.nav, result.fuel))
        return result

    async def dock(self, ship: str) -> m.NavResult:
        result = self._decode.nav_result(await self._call(lambda: self._api.dock(ship)))
        await self._after_action(ship, lambda s: with_nav(s, result.nav, result.fuel))
        return result

    async def navigate(self, ship: str, waypoint: str) -> m.NavResult:
        result = self._decode.nav_result(await self._call(lambda: self._api.navigate(ship, waypoint)))
        await self._after_action(ship, lambda s: with_nav(s, result.nav, result.fuel))
        return result

    async def set_flight_mode(self, ship: str, mode: str) -> m.NavResult:
        result = self._decode.nav_result(await self._call(lambda: self._api.set_flight_mode(ship, mode)))
        await self._after_action(ship, lambda s: with_nav(s, result.nav, result.fuel))
        return result

    # --- trade ---------------------------------------------------------------------------------------

    async def refuel(
        self, ship: str, *, units: int | None = None, from_cargo: bool = False
    ) -> m.RefuelResult:
        payload = await self._call(lambda: self._api.refuel(ship, units=units, from_cargo=from_cargo))
        result = self._decode.refuel_result(payload)
        await self._after_action(
            ship, lambda s: with_fuel(s, result.fuel, result.cargo), [result.transaction], agent=result.agent
        )
        return result

    async def purchase_cargo(self, ship: str, symbol: str, units: int) -> m.TradeResult:
        result = self._decode.trade_result(
            await self._call(lambda: self._api.purchase_cargo(ship, symbol, units))
        )
        return await self._traded(ship, result)

    async def sell_cargo(self, ship: str, symbol: str, units: int) -> m.TradeResult:
        result = self._decode.trade_result(
            await self._call(lambda: self._api.sell_cargo(ship, symbol, units))
        )
        return await self._traded(ship, result)

    async def _traded(self, ship: str, result: m.TradeResult) -> m.TradeResult:
        self._markets.pop(result.transaction.waypoint_symbol)  # its prices moved: stale, not re-fetched
        await self._after_action(
            ship, lambda s: with_cargo(s, result.cargo), [result.transaction], agent=result.agent
        )
        return result

    async def jettison(self, ship: str, symbol: str, units: int) -> m.CargoResult:
        result = self._decode.cargo_result(await self._call(lambda: self._api.jettison(ship, symbol, units)))
        await self._after_action(ship, lambda s: with_cargo(s, result.cargo))
        return result

    # --- mining --------------------------------------------------------------------------------------

    async def extract(self, ship: str) -> m.ExtractResult:
        result = self._decode.extract_result(await self._call(lambda: self._api.extract(ship)))
        known = self._known_ship(ship)
        await self._after_action(
            ship,
            lambda s: with_cooldown(s, result.cooldown, result.cargo),
            [result.extraction],
            waypoint=known.nav.waypoint_symbol if known is not None else None,
        )
        return result

    async def survey(self, ship: str) -> m.SurveyResult:
        result = self._decode.survey_result(await self._call(lambda: self._api.survey(ship)))
        await self._after_action(ship, lambda s: with_cooldown(s, result.cooldown), list(result.surveys))
        return result

    # --- contracts and ships -------------------------------------------------------------------------

    def _contract_seen(self, result: m.ContractResult) -> None:
        self._contracts.set(result.contract.id, result.contract)
        self._is_news(f"contract:{result.contract.id}")
        self._contract_list.pop(ALL)

    async def negotiate_contract(self, ship: str) -> m.ContractResult:
        result = self._decode.contract_result(await self._call(lambda: self._api.negotiate_contract(ship)))
        self._contract_seen(result)
        await self._after_action(None, None, [result.contract])
        return result

    async def accept_contract(self, contract_id: str) -> m.ContractResult:
        result = self._decode.contract_result(
            await self._call(lambda: self._api.accept_contract(contract_id))
        )
        self._contract_seen(result)
        await self._after_action(None, None, [result.contract], agent=result.agent)
        return result

    async def fulfill_contract(self, contract_id: str) -> m.ContractResult:
        result = self._decode.contract_result(
            await self._call(lambda: self._api.fulfill_contract(contract_id))
        )
        self._contract_seen(result)
        await self._after_action(None, None, [result.contract], agent=result.agent)
        return result

    async def deliver_contract(
        self, contract_id: str, ship: str, trade_symbol: str, units: int
    ) -> m.ContractResult:
        payload = await self._call(lambda: self._api.deliver_contract(contract_id, ship, trade_symbol, units))
        result = self._decode.contract_result(payload)
        self._contract_seen(result)
        cargo = result.cargo
        fold = (lambda s: with_cargo(s, cargo)) if cargo is not None else None
        await self._after_action(ship, fold, [result.contract])
        return result

    async def purchase_ship(self, ship_type: str, waypoint: str) -> m.ShipPurchaseResult:
        payload = await self._call(lambda: self._api.purchase_ship(ship_type, waypoint))
        result = self._decode.ship_purchase_result(payload)
        self._ship_seen(result.ship)
        self._fleet.pop(ALL)  # the listing lacks the new ship; the next `ships()` lists again
        self._shipyards.pop(waypoint)
        await self._after_action(None, None, [result.ship, result.transaction], agent=result.agent)
        return result

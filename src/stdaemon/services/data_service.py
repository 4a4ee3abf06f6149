"""The DataService: what every runner loop asks for data and through which it acts.

It is put together from four parts, each in its own module and each tested on its own:
- `Caches` (services.caches): the TTL caches, and the `Ledger`s that say whether an observation is newer
  than the state held (services.ledger);
- `Edge` (services.edge): the reset epoch, every API call (a reset signal starts a new epoch) and every
  write-through to the sink;
- `Reads` (services.reads): cache → (reference data: database) → API, single-flight;
- `Actions` (services.actions): the POSTs, their results folded into the cache and written through.

This class only builds them and answers for them; every public method is one of theirs.
Wiring (bootstrap): `DataService(api=gateway, decode=ADAPTERS, sink=WriterSink(writer),
reference=DbReferenceSource(engine), settings=settings, reset_errors=(ResetDetected,))`.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from datetime import date, datetime

from stdaemon.domain import models as m
from stdaemon.services.actions import Actions
from stdaemon.services.caches import Caches
from stdaemon.services.edge import Edge, utc_now
from stdaemon.services.protocols import Api, Decoder, ModelSink, ReferenceSource
from stdaemon.services.reads import Reads
from stdaemon.settings import Settings

__all__ = ["DataService"]


class DataService:
    """Reads with caching and write-through, plus the ship, contract and construction actions."""

    def __init__(
        self,
        *,
        api: Api,
        decode: Decoder,
        sink: ModelSink,
        settings: Settings,
        reference: ReferenceSource | None = None,
        reset_errors: tuple[type[BaseException], ...] = (),
        clock: Callable[[], float] = time.monotonic,
        now: Callable[[], datetime] = utc_now,
    ) -> None:
        self._caches = Caches.from_settings(settings, clock)
        self._edge = Edge(
            api=api,
            decode=decode,
            sink=sink,
            on_new_epoch=self._caches.clear,
            reset_errors=reset_errors,
            now=now,
        )
        self._reads = Reads(api=api, decode=decode, edge=self._edge, caches=self._caches, reference=reference)
        self._actions = Actions(api=api, decode=decode, edge=self._edge, caches=self._caches)

    # --- the reset epoch -----------------------------------------------------------------------------

    @property
    def reset_date(self) -> date | None:
        """The current epoch (None until the first `GET /`)."""
        return self._edge.reset_date

    @property
    def epochs_started(self) -> int:
        return self._edge.epochs_started

    async def start(self) -> m.ServerStatus:
        """Learn the reset date from `GET /` (recorded in reference.resets); a change starts a new epoch."""
        return await self._edge.start()

    async def check_epoch(self) -> bool:
        """Ask `GET /` again; True when the server has been reset since (caches cleared, new epoch)."""
        return await self._edge.check()

    def cache_stats(self) -> dict[str, dict[str, int]]:
        """Hits and misses of each read cache, by kind (for metrics and the `stats` line)."""
        return self._caches.stats()

    # --- reads ---------------------------------------------------------------------------------------

    async def agent(self, *, fresh: bool = False) -> m.Agent:
        return await self._reads.agent(fresh=fresh)

    async def ship(self, symbol: str, *, fresh: bool = False) -> m.Ship:
        return await self._reads.ship(symbol, fresh=fresh)

    async def ships(self, *, fresh: bool = False) -> list[m.Ship]:
        return await self._reads.ships(fresh=fresh)

    async def cooldown(self, ship: str) -> m.Cooldown | None:
        return await self._reads.cooldown(ship)

    async def system(self, symbol: str) -> m.System:
        return await self._reads.system(symbol)

    async def waypoint(self, symbol: str) -> m.Waypoint:
        return await self._reads.waypoint(symbol)

    async def waypoints(self, system: str) -> list[m.Waypoint]:
        return await self._reads.waypoints(system)

    async def jump_gate(self, waypoint: str) -> m.JumpGate:
        return await self._reads.jump_gate(waypoint)

    async def construction(self, waypoint: str, *, fresh: bool = False) -> m.Construction:
        return await self._reads.construction(waypoint, fresh=fresh)

    async def market(self, waypoint: str, *, fresh: bool = False) -> m.Market:
        return await self._reads.market(waypoint, fresh=fresh)

    async def shipyard(self, waypoint: str, *, fresh: bool = False) -> m.Shipyard:
        return await self._reads.shipyard(waypoint, fresh=fresh)

    async def contract(self, contract_id: str, *, fresh: bool = False) -> m.Contract:
        return await self._reads.contract(contract_id, fresh=fresh)

    async def contracts(self, *, fresh: bool = False) -> list[m.Contract]:
        return await self._reads.contracts(fresh=fresh)

    # --- navigation ----------------------------------------------------------------------------------

    async def orbit(self, ship: str) -> m.NavResult:
        return await self._actions.orbit(ship)

    async def dock(self, ship: str) -> m.NavResult:
        return await self._actions.dock(ship)

    async def navigate(self, ship: str, waypoint: str) -> m.NavResult:
        return await self._actions.navigate(ship, waypoint)

    async def warp(self, ship: str, waypoint: str) -> m.NavResult:
        return await self._actions.warp(ship, waypoint)

    async def jump(self, ship: str, waypoint: str) -> m.JumpResult:
        return await self._actions.jump(ship, waypoint)

    async def set_flight_mode(self, ship: str, mode: str) -> m.NavResult:
        return await self._actions.set_flight_mode(ship, mode)

    # --- trade ---------------------------------------------------------------------------------------

    async def refuel(
        self, ship: str, *, units: int | None = None, from_cargo: bool = False
    ) -> m.RefuelResult:
        return await self._actions.refuel(ship, units=units, from_cargo=from_cargo)

    async def purchase_cargo(self, ship: str, symbol: str, units: int) -> m.TradeResult:
        return await self._actions.purchase_cargo(ship, symbol, units)

    async def sell_cargo(self, ship: str, symbol: str, units: int) -> m.TradeResult:
        return await self._actions.sell_cargo(ship, symbol, units)

    async def jettison(self, ship: str, symbol: str, units: int) -> m.CargoResult:
        return await self._actions.jettison(ship, symbol, units)

    async def transfer_cargo(self, ship: str, to_ship: str, symbol: str, units: int) -> m.CargoResult:
        return await self._actions.transfer_cargo(ship, to_ship, symbol, units)

    # --- mining, refining, exploration, construction -------------------------------------------------

    async def extract(self, ship: str) -> m.ExtractResult:
        return await self._actions.extract(ship)

    async def extract_with_survey(self, ship: str, survey: m.Survey) -> m.ExtractResult:
        return await self._actions.extract_with_survey(ship, survey)

    async def siphon(self, ship: str) -> m.ExtractResult:
        return await self._actions.siphon(ship)

    async def survey(self, ship: str) -> m.SurveyResult:
        return await self._actions.survey(ship)

    async def refine(self, ship: str, produce: str) -> m.RefineResult:
        return await self._actions.refine(ship, produce)

    async def chart(self, ship: str) -> m.ChartResult:
        return await self._actions.chart(ship)

    async def supply_construction(
        self, waypoint: str, ship: str, trade_symbol: str, units: int
    ) -> m.ConstructionSupplyResult:
        return await self._actions.supply_construction(waypoint, ship, trade_symbol, units)

    # --- contracts and ships -------------------------------------------------------------------------

    async def negotiate_contract(self, ship: str) -> m.ContractResult:
        return await self._actions.negotiate_contract(ship)

    async def accept_contract(self, contract_id: str) -> m.ContractResult:
        return await self._actions.accept_contract(contract_id)

    async def fulfill_contract(self, contract_id: str) -> m.ContractResult:
        return await self._actions.fulfill_contract(contract_id)

    async def deliver_contract(
        self, contract_id: str, ship: str, trade_symbol: str, units: int
    ) -> m.ContractResult:
        return await self._actions.deliver_contract(contract_id, ship, trade_symbol, units)

    async def purchase_ship(self, ship_type: str, waypoint: str) -> m.ShipPurchaseResult:
        return await self._actions.purchase_ship(ship_type, waypoint)

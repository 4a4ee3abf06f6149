"""What a behaviour's step works with: `ShipContext`, one ship's view of the game and its actions.

Every action that changes credits goes through here and is written to the credit ledger with the behaviour
that caused it, so no behaviour can forget to; it runs inside the books' gate (`books.Books`), and an answer
lost makes the books check the credits at once, blaming a difference on this behaviour. Dock and orbit are
only sent when the ship is not already so. `ship()` answers from the DataService's cache (actions fold
their results in), except right after an error or an action of unknown outcome, when it re-reads the ship
from the API first. A ship whose route's arrival has passed is treated as in orbit at its destination
without a read (the server does the same).
"""

from __future__ import annotations

import uuid
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import Any

from stdaemon.domain import models as m
from stdaemon.domain.operations import LedgerEntry
from stdaemon.logging import get_logger
from stdaemon.services.fleet.atlas import Atlas
from stdaemon.services.fleet.books import Books
from stdaemon.services.fleet.clock import Clock
from stdaemon.services.fleet.errors import ErrorKinds
from stdaemon.services.fleet.protocols import AssignmentStore, CreditLedger, FleetData, MarketBook
from stdaemon.services.fleet.survey_pool import SurveyPool

log = get_logger("stdaemon.fleet")

ARRIVAL_MARGIN = timedelta(seconds=0.5)  # wake this long after a server timestamp (clock skew, rounding)
# In the sandbox, ships (probes, drones, haulers) are bought only with the credits above this: the game's
# starting credits, so every ship is paid from what the fleet earned and buying never takes the credits below
# where the agent began (`bootstrap.fleet_deps`; elsewhere the floor is the credit reserve).
SHIP_FLOOR = 175_000


@dataclass(frozen=True)
class FleetConfig:
    market_poll_interval_s: float = 300.0
    probe_budget: int = 0
    credit_reserve: int = 0
    mining_drones: int = 0  # how many mining drones the fleet runner may own (it buys up to this many)
    haulers: int = 0  # how many light haulers the fleet runner may own (bought before drones)
    ship_floor: int = 0
    arrival_margin: timedelta = ARRIVAL_MARGIN


@dataclass
class FleetDeps:
    """Everything the engine, the behaviours and the planners share (one per process)."""

    data: FleetData
    clock: Clock
    ledger: CreditLedger
    book: MarketBook
    store: AssignmentStore
    errors: ErrorKinds = field(default_factory=ErrorKinds)
    config: FleetConfig = field(default_factory=FleetConfig)
    atlas: Atlas = field(init=False)
    books: Books = field(init=False)
    surveys: SurveyPool = field(default_factory=SurveyPool)  # shared by the miners and surveyors
    extras: dict[str, Any] = field(default_factory=dict)  # runner-specific services (the market poller)
    # server seconds per formula second, learnt from each flight (a simulator at --speed K shows 1/K)
    time_scale: float = 1.0

    def __post_init__(self) -> None:
        self.atlas = Atlas(self.data, self.book, self.clock, self.reset_date)
        self.books = Books(self.data, self.ledger, self.clock, self.reset_date)

    def reset_date(self) -> date:
        reset = self.data.reset_date
        if reset is None:
            raise RuntimeError("the DataService has not learnt the reset date yet (call start() first)")
        return reset


def settled(ship: m.Ship, now: datetime) -> m.Ship:
    """The ship as the server sees it now: in orbit at its destination once its arrival has passed."""
    route = ship.nav.route
    if ship.nav.status == "IN_TRANSIT" and route is not None and route.arrival and route.arrival <= now:
        return ship.model_copy(update={"nav": ship.nav.model_copy(update={"status": "IN_ORBIT"})})
    return ship


class ShipContext:
    """One ship, one behaviour, one step; see the module docstring."""

    def __init__(
        self, deps: FleetDeps, symbol: str, behaviour: str, *, refresh: bool = False, drift_once: bool = False
    ) -> None:
        self.deps = deps
        self.symbol = symbol
        self.behaviour = behaviour
        self.refresh = refresh
        self.drift_once = drift_once
        self.log = log.bind(ship=symbol, behaviour=behaviour)

    @property
    def data(self) -> FleetData:
        return self.deps.data

    @property
    def atlas(self) -> Atlas:
        return self.deps.atlas

    def now(self) -> datetime:
        return self.deps.clock.now()

    async def ship(self, *, fresh: bool = False) -> m.Ship:
        fresh, self.refresh = fresh or self.refresh, False
        return settled(await self.data.ship(self.symbol, fresh=fresh), self.now())

    # --- navigation state --------------------------------------------------------------------------

    async def orbit(self, ship: m.Ship) -> None:
        if ship.nav.status != "IN_ORBIT":
            await self.data.orbit(self.symbol)

    async def dock(self, ship: m.Ship) -> None:
        if ship.nav.status != "DOCKED":
            await self.data.dock(self.symbol)

    async def navigate(self, ship: m.Ship, waypoint: str, mode: str) -> m.NavResult:
        await self.orbit(ship)
        if ship.nav.flight_mode != mode:
            await self.data.set_flight_mode(self.symbol, mode)
        return await self.data.navigate(self.symbol, waypoint)

    async def jump(self, ship: m.Ship, gate: str) -> m.JumpResult:
        await self.orbit(ship)
        async with self.moving_credits(f"JUMP to {gate}"):
            result = await self.data.jump(self.symbol, gate)
            if result.transaction is not None:
                await self._trade(result.transaction, result.agent, kind="JUMP")
        return result

    # --- credits -----------------------------------------------------------------------------------

    @asynccontextmanager
    async def moving_credits(self, what: str) -> AsyncIterator[None]:
        """Around an action that moves credits and the recording of its entry (see the module docstring)."""
        books = self.deps.books
        try:
            async with books.acting():
                yield
        except self.deps.errors.outcome_unknown:
            books.unknown(self.behaviour, self.symbol, what)
            try:
                await books.check()
            except self.deps.errors.fatal:
                raise
            except Exception as err:  # the next check (within a minute) books it
                self.log.info("credit_check_deferred", error=str(err), error_type=type(err).__name__)
            raise

    async def record(
        self,
        kind: str,
        ref: str,
        amount: int,
        agent: m.Agent | None,
        *,
        at: datetime | None = None,
        **extra: Any,
    ) -> None:
        entry = LedgerEntry(
            entry_id=uuid.uuid4().hex,
            occurred_at=at or self.now(),
            agent_symbol=(agent if agent is not None else await self.data.agent()).symbol,
            ship_symbol=self.symbol,
            behaviour=self.behaviour,
            kind=kind,
            ref=ref,
            amount=amount,
            credits_after=agent.credits if agent is not None else None,
            **extra,
        )
        await self.deps.ledger.record([entry], reset_date=self.deps.reset_date())

    async def _trade(self, tx: m.MarketTransaction, agent: m.Agent | None, *, kind: str) -> None:
        sign = 1 if tx.type == "SELL" else -1
        await self.record(
            kind,
            tx.trade_symbol,
            sign * tx.total_price,
            agent,
            at=tx.timestamp,
            units=tx.units,
            price_per_unit=tx.price_per_unit,
            waypoint_symbol=tx.waypoint_symbol,
        )

    async def refuel(self, ship: m.Ship) -> None:
        if ship.fuel.capacity == 0 or ship.fuel.current >= ship.fuel.capacity:
            return
        await self.dock(ship)
        async with self.moving_credits("REFUEL"):
            result = await self.data.refuel(self.symbol)
            await self._trade(result.transaction, result.agent, kind="REFUEL")

    async def buy(self, good: str, units: int) -> int:
        """Buy `units` of `good` here in lots of the market's trade volume; returns the units bought."""
        return await self._lots(good, units, self.data.purchase_cargo, "PURCHASE")

    async def sell(self, good: str, units: int) -> int:
        return await self._lots(good, units, self.data.sell_cargo, "SELL")

    async def trade_lot(self, side: str, good: str, units: int) -> m.MarketTransaction:
        """One PURCHASE or SELL transaction here (at most the market's trade volume), docking first."""
        await self.dock(await self.ship())
        act = self.data.purchase_cargo if side == "PURCHASE" else self.data.sell_cargo
        async with self.moving_credits(f"{side} {units} {good}"):
            result: m.TradeResult = await act(self.symbol, good, units)
            await self._trade(result.transaction, result.agent, kind=result.transaction.type)
        return result.transaction

    async def market_here(self, ship: m.Ship) -> m.Market:
        """The market where the ship is, with prices (re-read when the cached one has none)."""
        market = await self.data.market(ship.nav.waypoint_symbol)
        if not market.trade_goods:
            market = await self.data.market(ship.nav.waypoint_symbol, fresh=True)
        return market

    async def _lots(self, good: str, units: int, act: Any, kind: str) -> int:
        ship = await self.ship()
        await self.dock(ship)
        market = await self.market_here(ship)
        listed = next((g for g in market.trade_goods if g.symbol == good), None)
        volume = listed.trade_volume if listed is not None and listed.trade_volume > 0 else units
        done = 0
        while done < units:
            lot = min(volume, units - done)
            async with self.moving_credits(f"{kind} {lot} {good}"):
                result: m.TradeResult = await act(self.symbol, good, lot)
                await self._trade(result.transaction, result.agent, kind=result.transaction.type)
            done += lot
        return done

    # --- contracts and ships -----------------------------------------------------------------------

    async def accept(self, contract: m.Contract) -> m.Contract:
        async with self.moving_credits(f"CONTRACT_ACCEPTED {contract.id}"):
            result = await self.data.accept_contract(contract.id)
            await self.record("CONTRACT_ACCEPTED", contract.id, contract.on_accepted or 0, result.agent)
        return result.contract

    async def deliver(self, contract: m.Contract, good: str, units: int) -> m.Contract:
        ship = await self.ship()
        await self.dock(ship)
        return (await self.data.deliver_contract(contract.id, self.symbol, good, units)).contract

    async def fulfill(self, contract: m.Contract) -> m.Contract:
        async with self.moving_credits(f"CONTRACT_FULFILLED {contract.id}"):
            result = await self.data.fulfill_contract(contract.id)
            await self.record("CONTRACT_FULFILLED", contract.id, contract.on_fulfilled or 0, result.agent)
        return result.contract

    async def purchase_ship(self, ship_type: str, waypoint: str) -> m.ShipPurchaseResult:
        async with self.moving_credits(f"SHIP_PURCHASE {ship_type} at {waypoint}"):
            result = await self.data.purchase_ship(ship_type, waypoint)
            tx = result.transaction
            await self.record(
                "SHIP_PURCHASE", ship_type, -tx.price, result.agent, at=tx.timestamp, waypoint_symbol=waypoint
            )
        return result

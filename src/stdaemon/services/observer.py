"""The fleet observer: keeps the agent, its ships and its contracts fresh in the mirror.

Every `every_s` it reads them through the DataService (which writes what it sees through to the database)
and logs one canonical line. Failures are logged on the transition only (healthy → failing → recovered), and
the last good snapshot stays in place; a server reset propagates so the process stops and is restarted with a
new token. Cancellation passes straight through.
"""

from __future__ import annotations

import asyncio
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Protocol

from stdaemon.domain import models as m
from stdaemon.logging import get_logger
from stdaemon.services.cadence import cadence

log = get_logger(__name__)


class FleetReads(Protocol):
    async def agent(self, *, fresh: bool = False) -> m.Agent: ...
    async def ships(self, *, fresh: bool = False) -> list[m.Ship]: ...
    async def contracts(self, *, fresh: bool = False) -> list[m.Contract]: ...


@dataclass(frozen=True)
class FleetSnapshot:
    agent: m.Agent
    ships: Sequence[m.Ship]
    contracts: Sequence[m.Contract]


class FleetObserver:
    """A poller with a typed last-good snapshot and transition-only failure logs."""

    name = "fleet-observer"

    def __init__(
        self,
        data: FleetReads,
        *,
        every_s: float,
        expected: tuple[type[Exception], ...] = (),
        fatal: tuple[type[Exception], ...] = (),
    ) -> None:
        self._data = data
        self._every_s = every_s
        self._expected = expected
        self._fatal = fatal
        self.snapshot: FleetSnapshot | None = None
        self.healthy = True
        self.refreshes = 0

    @property
    def activity(self) -> str:
        """What it last saw, in a few words (STATUS= and `stdaemon status`)."""
        if self.snapshot is None:
            return "observing the fleet"
        ships = self.snapshot.ships
        moving = sum(1 for s in ships if s.nav.status == "IN_TRANSIT")
        health = "" if self.healthy else ", last refresh FAILED"
        credits = self.snapshot.agent.credits
        return f"observed {len(ships)} ships ({moving} in transit), {credits} credits{health}"

    async def refresh(self) -> FleetSnapshot:
        agent = await self._data.agent(fresh=True)
        ships = await self._data.ships(fresh=True)
        contracts = await self._data.contracts(fresh=True)
        self.snapshot = FleetSnapshot(agent, ships, contracts)
        self.refreshes += 1
        log.info(
            "fleet_observed",
            agent=agent.symbol,
            credits=agent.credits,
            ships=len(ships),
            in_transit=sum(1 for s in ships if s.nav.status == "IN_TRANSIT"),
            contracts=len(contracts),
            open_contracts=sum(1 for c in contracts if c.accepted and not c.fulfilled),
        )
        return self.snapshot

    async def run(self, stop: asyncio.Event) -> None:
        async for _ in cadence(self._every_s, stop, jitter=0.0):
            try:
                await self.refresh()
            except self._fatal:
                raise
            except self._expected as err:
                if self.healthy:
                    log.warning("fleet_observe_failed", error=str(err), error_type=type(err).__name__)
                self.healthy = False
            else:
                if not self.healthy:
                    log.info("fleet_observe_recovered")
                self.healthy = True

"""The atlas: what navigation needs to know about systems, gathered once and kept for a while.

Waypoint positions come from the DataService (database first, the API otherwise). Market listings (which
goods a market trades, so which waypoints sell FUEL) come from the database (`MarketBook`); a marketplace
the database does not list yet is asked for once through the DataService, which writes its listing through,
so the fleet works before (or without) the universe crawl. Jump-gate connections come from the DataService
(`reference.jump_gates`, else the API), explored outward from where a ship stands.
"""

from __future__ import annotations

import asyncio
from collections import deque
from collections.abc import Callable
from datetime import date, datetime, timedelta

from stdaemon.domain import models as m
from stdaemon.domain.ids import system_of
from stdaemon.domain.operations import MarketListing
from stdaemon.services.fleet.clock import Clock
from stdaemon.services.fleet.gates import jump_path
from stdaemon.services.fleet.navigation import Point
from stdaemon.services.fleet.protocols import FleetReads, MarketBook

LISTINGS_TTL = timedelta(minutes=10)
MAX_GATES = 200  # how far the gate graph is explored for one path


def listing_of(market: m.Market) -> MarketListing:
    return MarketListing(
        waypoint_symbol=market.symbol,
        exports=market.exports,
        imports=market.imports,
        exchange=market.exchange,
    )


class Atlas:
    """Per-system geometry and market listings, cached; see the module docstring."""

    def __init__(self, data: FleetReads, book: MarketBook, clock: Clock, reset: Callable[[], date]) -> None:
        self._data, self._book, self._clock, self._reset = data, book, clock, reset
        self._points: dict[str, dict[str, Point]] = {}
        self._waypoints: dict[str, dict[str, m.Waypoint]] = {}
        self._listings: dict[str, tuple[datetime, dict[str, MarketListing]]] = {}
        self._epoch: date | None = None
        self._lock = asyncio.Lock()

    def _same_epoch(self) -> None:
        """A server reset makes a new universe (its symbols may repeat): forget everything of the old one."""
        epoch = self._reset()
        if epoch != self._epoch:
            self._points.clear()
            self._waypoints.clear()
            self._listings.clear()
            self._epoch = epoch

    async def waypoints(self, system: str) -> dict[str, m.Waypoint]:
        self._same_epoch()
        if system not in self._waypoints:
            found: dict[str, m.Waypoint] = {w.symbol: w for w in await self._data.waypoints(system)}
            self._waypoints[system] = found
            self._points[system] = {s: Point(s, w.x, w.y) for s, w in found.items()}
        return self._waypoints[system]

    async def points(self, system: str) -> dict[str, Point]:
        await self.waypoints(system)
        return self._points[system]

    def known_points(self, system: str) -> dict[str, Point]:
        """The positions already loaded (no I/O); empty for a system not looked at yet."""
        return self._points.get(system, {})

    async def listings(self, system: str) -> dict[str, MarketListing]:
        """Every marketplace of `system` and what it trades."""
        self._same_epoch()
        now = self._clock.now()
        cached = self._listings.get(system)
        if cached is not None and now - cached[0] < LISTINGS_TTL:
            return cached[1]
        async with self._lock:
            known = {x.waypoint_symbol: x for x in await self._book.listings(self._reset(), system)}
            for symbol, wp in (await self.waypoints(system)).items():
                if symbol not in known and "MARKETPLACE" in wp.traits:
                    known[symbol] = listing_of(await self._data.market(symbol))
            self._listings[system] = (now, known)
            return known

    def forget_listing(self, waypoint: str) -> None:
        """A market answered differently than its listing said (4601/4602): read it again next time."""
        self._listings.pop(system_of(waypoint), None)

    async def fuel_stops(self, system: str) -> set[str]:
        return {s for s, x in (await self.listings(system)).items() if "FUEL" in x.goods}

    async def gate_of(self, system: str) -> str | None:
        return next((s for s, w in (await self.waypoints(system)).items() if w.type == "JUMP_GATE"), None)

    async def gate_path(self, from_system: str, to_system: str) -> list[str]:
        """The gates to jump to, in order, from `from_system`'s gate to one in `to_system`."""
        start = await self.gate_of(from_system)
        if start is None:
            raise LookupError(f"{from_system} has no jump gate")
        links: dict[str, tuple[str, ...]] = {}
        positions: dict[str, tuple[int, int]] = {}
        blocked: set[str] = set()
        queue: deque[str] = deque([start])
        while queue and len(links) < MAX_GATES:
            gate = queue.popleft()
            if gate in links:
                continue
            system = await self._data.system(system_of(gate))
            positions[system.symbol] = (system.x, system.y)
            waypoint = await self._data.waypoint(gate)
            if waypoint.is_under_construction:
                blocked.add(gate)
            links[gate] = (await self._data.jump_gate(gate)).connections
            if system.symbol == to_system or any(system_of(g) == to_system for g in links[gate]):
                break
            queue.extend(g for g in links[gate] if g not in links)
        return jump_path(links, positions, start, to_system, usable=lambda g: g not in blocked)

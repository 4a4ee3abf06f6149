"""Fakes for the crawl's Protocols: a small hand-drawn universe that records every request, the epoch and
agent, and a store that keeps what was saved in memory (the real store is tested on PostgreSQL).

The universe: `home` X1-HM1 at (0, 0) with a gate to X1-NB2, which has a gate to X1-FR3 (two hops);
X1-NR4 at (10, 0) and X1-FA5 at (500, 0) have no gate connection to the others. Each system has a planet
with a marketplace, a gate and an asteroid; the home planet also has a shipyard, and X1-FR3's gate is under
construction. X1-HM1 has 45 waypoints (three pages): 42 more asteroids.
"""

from __future__ import annotations

import asyncio
import math
from collections import Counter
from collections.abc import Sequence
from datetime import date
from typing import Any

from stdaemon.api import adapters
from stdaemon.domain import models as m
from stdaemon.domain.base import DomainModel
from stdaemon.domain.crawl import (
    PAGE_LIMIT,
    Page,
    StoredCrawl,
    SystemSummary,
    TaskState,
    WaypointSummary,
)
from stdaemon.services.crawl.tasks import items_of

Json = dict[str, Any]
EPOCH = date(2025, 5, 4)
HOME = "X1-HM1"
POSITIONS = {"X1-HM1": (0, 0), "X1-NB2": (300, 0), "X1-FR3": (600, 0), "X1-NR4": (10, 0), "X1-FA5": (500, 0)}
LINKS = {"X1-HM1": ["X1-NB2"], "X1-NB2": ["X1-HM1", "X1-FR3"], "X1-FR3": ["X1-NB2"]}
FACTIONS = ["COSMIC", "VOID", "GALACTIC"]


def _waypoint(system: str, name: str, kind: str, traits: list[str], building: bool = False) -> Json:
    return {
        "symbol": f"{system}-{name}",
        "systemSymbol": system,
        "type": kind,
        "x": 1,
        "y": 2,
        "orbitals": [],
        "traits": [{"symbol": t, "name": t.title(), "description": "."} for t in traits],
        "isUnderConstruction": building,
    }


def waypoints_of(system: str) -> list[Json]:
    planet = ["MARKETPLACE", "SHIPYARD"] if system == HOME else ["MARKETPLACE"]
    found = [
        _waypoint(system, "A1", "PLANET", planet),
        _waypoint(system, "G1", "JUMP_GATE", [], building=system == "X1-FR3"),
        _waypoint(system, "B1", "ASTEROID", ["COMMON_METAL_DEPOSITS"]),
    ]
    if system == HOME:
        found += [_waypoint(system, f"C{i}", "ASTEROID", []) for i in range(42)]
    return found


def system_json(symbol: str) -> Json:
    x, y = POSITIONS[symbol]
    listed = [{k: w[k] for k in ("symbol", "type", "x", "y", "orbitals")} for w in waypoints_of(symbol)]
    return {
        "symbol": symbol,
        "sectorSymbol": "X1",
        "type": "RED_STAR",
        "x": x,
        "y": y,
        "waypoints": listed,
        "factions": [],
    }


def _page(items: list[Any], page: int) -> Page[Any]:
    return Page(tuple(items[(page - 1) * PAGE_LIMIT : page * PAGE_LIMIT]), len(items))


class FakeUniverse:
    """`UniverseSource` over the universe above; `calls` lists every request as `kind:target:page`."""

    def __init__(self) -> None:
        self.calls: list[str] = []
        self.failures: dict[str, list[BaseException]] = {}
        self.gate: asyncio.Event | None = None  # when set, requests wait for it

    async def _call(self, key: str) -> None:
        self.calls.append(key)
        if self.gate is not None:
            await self.gate.wait()
        queued = self.failures.get(key)
        if queued:
            raise queued.pop(0)

    @property
    def counts(self) -> Counter[str]:
        return Counter(self.calls)

    async def systems_page(self, page: int) -> Page[m.System]:
        await self._call(f"systems:{page}")
        return _page([adapters.system(system_json(s)) for s in POSITIONS], page)

    async def waypoints_page(self, system: str, page: int) -> Page[m.Waypoint]:
        await self._call(f"waypoints:{system}:{page}")
        return _page([adapters.waypoint(w) for w in waypoints_of(system)], page)

    async def factions_page(self, page: int) -> Page[m.Faction]:
        await self._call(f"factions:{page}")
        found = [
            adapters.faction({"symbol": f, "name": f, "description": ".", "traits": []}) for f in FACTIONS
        ]
        return _page(found, page)

    async def supply_chain(self) -> m.SupplyChain:
        await self._call("supply-chain")
        return adapters.supply_chain({"exportToImportMap": {"IRON": ["IRON_ORE"]}})

    async def jump_gate(self, waypoint: str) -> m.JumpGate:
        await self._call(f"jump-gate:{waypoint}")
        system = waypoint.rsplit("-", 1)[0]
        return adapters.jump_gate(
            {"symbol": waypoint, "connections": [f"{s}-G1" for s in LINKS.get(system, [])]}
        )

    async def construction(self, waypoint: str) -> m.Construction:
        await self._call(f"construction:{waypoint}")
        materials = [{"tradeSymbol": "FAB_MATS", "required": 10, "fulfilled": 0}]
        return adapters.construction({"symbol": waypoint, "materials": materials, "isComplete": False})

    async def market(self, waypoint: str) -> m.Market:
        await self._call(f"market:{waypoint}")
        fuel = [{"symbol": "FUEL", "name": "Fuel", "description": "."}]
        return adapters.market({"symbol": waypoint, "exports": [], "imports": [], "exchange": fuel})

    async def shipyard(self, waypoint: str) -> m.Shipyard:
        await self._call(f"shipyard:{waypoint}")
        return adapters.shipyard(
            {"symbol": waypoint, "shipTypes": [{"type": "SHIP_PROBE"}], "modificationsFee": 1}
        )

    def every_request(self) -> set[str]:
        """What a complete crawl asks for, each exactly once."""
        wanted = {"supply-chain", "factions:1"}
        wanted |= {f"systems:{p}" for p in range(1, math.ceil(len(POSITIONS) / PAGE_LIMIT) + 1)}
        for system in POSITIONS:
            found = waypoints_of(system)
            wanted |= {f"waypoints:{system}:{p}" for p in range(1, math.ceil(len(found) / PAGE_LIMIT) + 1)}
            for w in found:
                summary = adapters.waypoint(w)
                item = WaypointSummary(
                    summary.symbol, summary.type, summary.traits, summary.is_under_construction
                )
                wanted |= {t.name for t in items_of(item)}
        return wanted


class FakeEpochs:
    """The DataService's epoch and agent; `reset()` moves to a new epoch."""

    def __init__(self, reset_date: date = EPOCH) -> None:
        self.reset_date: date | None = reset_date
        self.server_date = reset_date
        self.checks = 0

    async def start(self) -> m.ServerStatus:
        self.reset_date = self.server_date
        return adapters.server_status({"status": "ok", "resetDate": self.server_date.isoformat()})

    async def agent(self, *, fresh: bool = False) -> m.Agent:
        return adapters.agent(
            {
                "symbol": "ME",
                "headquarters": f"{HOME}-A1",
                "credits": 1,
                "startingFaction": "COSMIC",
                "shipCount": 2,
            }
        )

    async def check_epoch(self) -> bool:
        self.checks += 1
        if self.server_date != self.reset_date:
            self.reset_date = self.server_date
            return True
        return False


class MemoryStore:
    """`CrawlStore` in memory: what `save` got, per epoch; `stop_after = (n, event)` sets it at save n."""

    def __init__(self) -> None:
        self.saved: dict[date, list[DomainModel]] = {}
        self.saves = 0
        self.stop_after: tuple[int, asyncio.Event] | None = None

    def of(self, reset_date: date, kind: type[Any]) -> list[Any]:
        return [x for x in self.saved.get(reset_date, []) if isinstance(x, kind)]

    def tasks(self, reset_date: date) -> dict[str, TaskState]:
        return {t.task: t for t in self.of(reset_date, TaskState)}

    async def load(self, reset_date: date) -> StoredCrawl:
        systems = {s.symbol: s for s in self.of(reset_date, m.System)}
        waypoints = {w.symbol: w for w in self.of(reset_date, m.Waypoint)}
        items: dict[str, list[WaypointSummary]] = {}
        for w in waypoints.values():
            summary = WaypointSummary(w.symbol, w.type, w.traits, w.is_under_construction)
            if items_of(summary):
                items.setdefault(w.system_symbol, []).append(summary)
        gates = {g.symbol: g.connections for g in self.of(reset_date, m.JumpGate)}
        return StoredCrawl(
            tasks=self.tasks(reset_date),
            systems=tuple(
                SystemSummary(
                    s.symbol,
                    s.x,
                    s.y,
                    len(s.waypoints),
                    tuple(w.symbol for w in s.waypoints if w.type == "JUMP_GATE"),
                )
                for s in systems.values()
            ),
            waypoints={k: tuple(v) for k, v in items.items()},
            gates=gates,
            waypoint_rows=len(waypoints),
        )

    async def system_items(self, reset_date: date, system: str) -> tuple[WaypointSummary, ...]:
        return (await self.load(reset_date)).waypoints.get(system, ())

    async def save(self, reset_date: date, models: Sequence[DomainModel]) -> None:
        self.saved.setdefault(reset_date, []).extend(models)
        self.saves += 1
        if self.stop_after is not None and self.saves >= self.stop_after[0]:
            self.stop_after[1].set()

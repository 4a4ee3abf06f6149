"""The crawl's view of the API (`services.crawl.protocols.UniverseSource`): page-level and item reads of the
public universe, at the crawl's priority (the lowest: a ship action never waits behind a crawl page),
decoded by the adapters into domain models that keep the raw JSON."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

from stdaemon.api import adapters
from stdaemon.api.gateway import Gateway
from stdaemon.api.pagination import page_items
from stdaemon.api.priority import Priority
from stdaemon.domain import models as m
from stdaemon.domain.crawl import Page
from stdaemon.domain.ids import system_of

T = TypeVar("T")
CRAWL = Priority.CRAWL


def _page(body: Any, what: str, page: int, decode: Callable[[Any], T]) -> Page[T]:
    items, total = page_items(body, what, page)
    return Page(tuple(decode(item) for item in items), total)


class GatewayUniverse:
    def __init__(self, gateway: Gateway) -> None:
        self._gateway = gateway

    async def systems_page(self, page: int) -> Page[m.System]:
        body = await self._gateway.get_systems_page(page, priority=CRAWL)
        return _page(body, "GET /systems", page, adapters.system)

    async def waypoints_page(self, system: str, page: int) -> Page[m.Waypoint]:
        body = await self._gateway.get_waypoints_page(system, page, priority=CRAWL)
        return _page(body, f"GET /systems/{system}/waypoints", page, adapters.waypoint)

    async def factions_page(self, page: int) -> Page[m.Faction]:
        body = await self._gateway.get_factions_page(page, priority=CRAWL)
        return _page(body, "GET /factions", page, adapters.faction)

    async def supply_chain(self) -> m.SupplyChain:
        return adapters.supply_chain(await self._gateway.get_supply_chain(priority=CRAWL))

    async def jump_gate(self, waypoint: str) -> m.JumpGate:
        return adapters.jump_gate(
            await self._gateway.get_jump_gate(system_of(waypoint), waypoint, priority=CRAWL)
        )

    async def construction(self, waypoint: str) -> m.Construction:
        payload = await self._gateway.get_construction(system_of(waypoint), waypoint, priority=CRAWL)
        return adapters.construction(payload)

    async def market(self, waypoint: str) -> m.Market:
        return adapters.market(await self._gateway.get_market(system_of(waypoint), waypoint, priority=CRAWL))

    async def shipyard(self, waypoint: str) -> m.Shipyard:
        return adapters.shipyard(
            await self._gateway.get_shipyard(system_of(waypoint), waypoint, priority=CRAWL)
        )

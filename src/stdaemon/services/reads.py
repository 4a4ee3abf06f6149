"""The read side of the DataService: TTL caches, single-flight, read-through, ordering against actions.

Reads go cache → (reference data: the database) → the API. Whatever the API returns is decoded by the
adapters, cached, and handed to the sink (the DbWriter) through the `Edge` with the current reset date, so the
database sees every observation and nothing is fetched twice within a TTL. A read of something actions
change (the agent, a ship, a contract) takes a stamp from the matching `Ledger` when it is asked: answered
after a newer action result, it is neither cached nor written, and the newer state is returned instead.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import TypeVar

from stdaemon.cache import TtlStore
from stdaemon.domain import models as m
from stdaemon.domain.base import Entity
from stdaemon.domain.ids import system_of
from stdaemon.services.caches import ALL, ME, Caches
from stdaemon.services.edge import Edge
from stdaemon.services.protocols import Api, Decoder, Json, ReferenceSource
from stdaemon.services.ship_state import with_cooldown

E = TypeVar("E", bound=Entity)


class Reads:
    """Cached, single-flight reads with write-through."""

    def __init__(
        self, *, api: Api, decode: Decoder, edge: Edge, caches: Caches, reference: ReferenceSource | None
    ) -> None:
        self._api, self._decode, self._edge, self._c = api, decode, edge, caches
        self._reference_db = reference

    async def _reference(self, table: str, symbol: str) -> Json | None:
        if self._reference_db is None:
            return None
        return await self._reference_db.get_raw(table, await self._edge.current(), symbol)

    # --- agent and fleet -----------------------------------------------------------------------------

    async def agent(self, *, fresh: bool = False) -> m.Agent:
        if fresh:
            self._c.agent.pop(ME)

        async def load() -> m.Agent:
            asked = self._c.agent_versions.ask()
            agent = self._decode.agent(await self._edge.call(self._api.get_my_agent))
            if not self._c.take_agent(agent, asked):  # an action's agent arrived meanwhile: it stays
                return self._c.agent_versions.latest(ME) or agent
            await self._edge.observe([agent])
            return agent

        return await self._c.agent.get_or_load(ME, load)

    async def ship(self, symbol: str, *, fresh: bool = False) -> m.Ship:
        if fresh:
            self._c.ships.pop(symbol)

        async def load() -> m.Ship:
            asked = self._c.ship_versions.ask()
            ship = self._decode.ship(await self._edge.call(lambda: self._api.get_my_ship(symbol)))
            if not self._c.take_ship(ship, asked):
                return self._c.known_ship(symbol) or ship
            await self._edge.observe([ship])
            return ship

        return await self._c.ships.get_or_load(symbol, load)

    async def ships(self, *, fresh: bool = False) -> list[m.Ship]:
        """Every ship; a ship updated by an action since the listing is returned in its newer state."""
        if fresh:
            self._c.fleet.pop(ALL)

        async def load() -> tuple[m.Ship, ...]:
            async def fetch() -> list[Json]:
                return [item async for item in self._api.iter_my_ships()]

            asked = self._c.ship_versions.ask()
            ships = tuple(self._decode.ship(item) for item in await self._edge.call(fetch))
            await self._edge.observe([ship for ship in ships if self._c.take_ship(ship, asked)])
            return ships

        fleet = await self._c.fleet.get_or_load(ALL, load)
        return [self._c.known_ship(s.symbol) or s for s in fleet]

    async def cooldown(self, ship: str) -> m.Cooldown | None:
        """The ship's reactor cooldown now (never cached), or None when nothing is cooling down (204).

        A cooldown is folded into the ship we know and written, unless an action changed the ship since
        the read was asked. None leaves the ship as it is: its last cooldown has run out by its expiration.
        """
        asked = self._c.ship_versions.ask()
        payload = await self._edge.call(lambda: self._api.get_cooldown(ship))
        if payload is None:
            return None
        cooldown = self._decode.cooldown(payload)
        known = self._c.known_ship(ship)
        if known is not None and self._c.take_ship(with_cooldown(known, cooldown), asked):
            await self._edge.observe([self._c.known_ship(ship) or known])
        return cooldown

    # --- reference data: cache → database → API ------------------------------------------------------

    async def system(self, symbol: str) -> m.System:
        async def load() -> m.System:
            raw = await self._reference("reference.systems", symbol)
            if raw is not None:
                return self._decode.system(raw)
            system = self._decode.system(await self._edge.call(lambda: self._api.get_system(symbol)))
            await self._edge.observe([system])
            return system

        return await self._c.systems.get_or_load(symbol, load)

    async def waypoint(self, symbol: str) -> m.Waypoint:
        async def load() -> m.Waypoint:
            raw = await self._reference("reference.waypoints", symbol)
            if raw is not None:
                return self._decode.waypoint(raw)
            payload = await self._edge.call(lambda: self._api.get_waypoint(system_of(symbol), symbol))
            waypoint = self._decode.waypoint(payload)
            await self._edge.observe([waypoint])
            return waypoint

        return await self._c.waypoints.get_or_load(symbol, load)

    async def waypoints(self, system: str) -> list[m.Waypoint]:
        """Every waypoint of a system: from the database when it holds them all, else every API page."""

        async def load() -> tuple[m.Waypoint, ...]:
            stored = await self._stored_waypoints(system)
            if stored is None:

                async def fetch() -> list[Json]:
                    return [item async for item in self._api.iter_waypoints(system)]

                stored = tuple(self._decode.waypoint(item) for item in await self._edge.call(fetch))
                await self._edge.observe(stored)
            for waypoint in stored:
                self._c.waypoints.set(waypoint.symbol, waypoint)
            return stored

        return list(await self._c.system_waypoints.get_or_load(system, load))

    async def _stored_waypoints(self, system: str) -> tuple[m.Waypoint, ...] | None:
        """The system's waypoints from the database, if it has as many as the system lists (a full crawl)."""
        if self._reference_db is None:
            return None
        listed = await self.system(system)
        raws = await self._reference_db.list_raw("reference.waypoints", await self._edge.current(), system)
        if not listed.waypoints or len(raws) < len(listed.waypoints):
            return None
        return tuple(self._decode.waypoint(raw) for raw in raws)

    async def jump_gate(self, waypoint: str) -> m.JumpGate:
        async def load() -> m.JumpGate:
            raw = await self._reference("reference.jump_gates", waypoint)
            if raw is not None:
                return self._decode.jump_gate(raw)
            payload = await self._edge.call(lambda: self._api.get_jump_gate(system_of(waypoint), waypoint))
            gate = self._decode.jump_gate(payload)
            await self._edge.observe([gate])
            return gate

        return await self._c.gates.get_or_load(waypoint, load)

    # --- telemetry: cache → API ----------------------------------------------------------------------

    async def construction(self, waypoint: str, *, fresh: bool = False) -> m.Construction:
        return await self._fetch(
            self._c.sites, waypoint, fresh, self._api.get_construction, self._decode.construction
        )

    async def market(self, waypoint: str, *, fresh: bool = False) -> m.Market:
        return await self._fetch(self._c.markets, waypoint, fresh, self._api.get_market, self._decode.market)

    async def shipyard(self, waypoint: str, *, fresh: bool = False) -> m.Shipyard:
        return await self._fetch(
            self._c.shipyards, waypoint, fresh, self._api.get_shipyard, self._decode.shipyard
        )

    async def _fetch(
        self,
        cache: TtlStore[str, E],
        waypoint: str,
        fresh: bool,
        get: Callable[[str, str], Awaitable[Json]],
        decode: Callable[[Json], E],
    ) -> E:
        if fresh:
            cache.pop(waypoint)

        async def load() -> E:
            model = decode(await self._edge.call(lambda: get(system_of(waypoint), waypoint)))
            await self._edge.observe([model])
            return model

        return await cache.get_or_load(waypoint, load)

    async def contract(self, contract_id: str, *, fresh: bool = False) -> m.Contract:
        if fresh:
            self._c.contracts.pop(contract_id)

        async def load() -> m.Contract:
            asked = self._c.contract_versions.ask()
            payload = await self._edge.call(lambda: self._api.get_contract(contract_id))
            contract = self._decode.contract(payload)
            if not self._c.take_contract(contract, asked):  # an action's result arrived meanwhile
                return self._c.contract_versions.latest(contract_id) or contract
            await self._edge.observe([contract])
            return contract

        return await self._c.contracts.get_or_load(contract_id, load)

    async def contracts(self, *, fresh: bool = False) -> list[m.Contract]:
        """Every contract; one an action changed since the listing is returned in its newer state."""
        if fresh:
            self._c.contract_list.pop(ALL)

        async def load() -> tuple[m.Contract, ...]:
            async def fetch() -> list[Json]:
                return [item async for item in self._api.iter_contracts()]

            asked = self._c.contract_versions.ask()
            contracts = tuple(self._decode.contract(item) for item in await self._edge.call(fetch))
            await self._edge.observe([c for c in contracts if self._c.take_contract(c, asked)])
            return contracts

        listed = await self._c.contract_list.get_or_load(ALL, load)
        return [self._c.contract_versions.latest(c.id) or c for c in listed]

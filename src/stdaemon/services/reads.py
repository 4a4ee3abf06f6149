"""The read side of the DataService: TTL caches, single-flight, read-through, the reset epoch.

Reads go cache → (reference data: the database) → the API. Whatever the API returns is decoded by the
adapters, cached, and handed to the sink (the DbWriter) with the current reset date, so the database sees
every observation and nothing is fetched twice within a TTL. A server reset (one of `reset_errors` raised
by the API edge, or `GET /` reporting another reset date) clears every cache and starts a new epoch, which
is recorded in `reference.resets`; rows are always written under the epoch they were observed in.
"""

from __future__ import annotations

import asyncio
import itertools
import time
from collections.abc import Awaitable, Callable, Sequence
from datetime import UTC, date, datetime
from typing import Any, TypeVar

from stdaemon.cache import TtlStore
from stdaemon.domain import models as m
from stdaemon.domain.base import Entity
from stdaemon.domain.ids import system_of
from stdaemon.logging import get_logger
from stdaemon.services.protocols import Api, Decoder, Json, ModelSink, ReferenceSource
from stdaemon.settings import Settings

log = get_logger(__name__)

T = TypeVar("T")
E = TypeVar("E", bound=Entity)
ME = "me"
ALL = "*"


def utc_now() -> datetime:
    return datetime.now(UTC)


class DataReads:
    """Cached, single-flight reads with write-through; the actions live in `DataService`."""

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
        self._api, self._decode, self._sink, self._reference_db = api, decode, sink, reference
        self._reset_errors = reset_errors
        self._now = now
        self._ticks = itertools.count()  # orders reads and action results (a clock may not advance)
        size, s = settings.cache_maxsize, settings
        self._agent: TtlStore[str, m.Agent] = TtlStore(maxsize=4, ttl_s=s.ttl_agent_s, clock=clock)
        self._ships: TtlStore[str, m.Ship] = TtlStore(maxsize=size, ttl_s=s.ttl_ships_s, clock=clock)
        # The last state of each ship and when it was learnt (`_ticks`), kept past `ttl_ships_s`: an action's
        # result (nav, fuel, cargo, cooldown) is folded into it and written even when the short-lived entry
        # above has expired, and a read answered after a newer action result does not replace it.
        self._last_ships: TtlStore[str, tuple[m.Ship, int]] = TtlStore(
            maxsize=size, ttl_s=max(s.ttl_ships_s, s.ttl_reference_s), clock=clock
        )
        # When the agent and each contract were last learnt (`_ticks`), for the same ordering as ships.
        self._learnt: TtlStore[str, int] = TtlStore(
            maxsize=size, ttl_s=max(s.ttl_agent_s, s.ttl_contracts_s, s.ttl_reference_s), clock=clock
        )
        self._fleet: TtlStore[str, tuple[m.Ship, ...]] = TtlStore(maxsize=4, ttl_s=s.ttl_ships_s, clock=clock)
        self._systems: TtlStore[str, m.System] = TtlStore(maxsize=size, ttl_s=s.ttl_reference_s, clock=clock)
        self._waypoints: TtlStore[str, m.Waypoint] = TtlStore(
            maxsize=size, ttl_s=s.ttl_reference_s, clock=clock
        )
        self._system_waypoints: TtlStore[str, tuple[m.Waypoint, ...]] = TtlStore(
            maxsize=size, ttl_s=s.ttl_reference_s, clock=clock
        )
        self._gates: TtlStore[str, m.JumpGate] = TtlStore(maxsize=size, ttl_s=s.ttl_reference_s, clock=clock)
        self._sites: TtlStore[str, m.Construction] = TtlStore(maxsize=size, ttl_s=s.ttl_market_s, clock=clock)
        self._markets: TtlStore[str, m.Market] = TtlStore(maxsize=size, ttl_s=s.ttl_market_s, clock=clock)
        self._shipyards: TtlStore[str, m.Shipyard] = TtlStore(maxsize=size, ttl_s=s.ttl_market_s, clock=clock)
        self._contracts: TtlStore[str, m.Contract] = TtlStore(
            maxsize=size, ttl_s=s.ttl_contracts_s, clock=clock
        )
        self._contract_list: TtlStore[str, tuple[m.Contract, ...]] = TtlStore(
            maxsize=4, ttl_s=s.ttl_contracts_s, clock=clock
        )
        self._stores: tuple[TtlStore[str, Any], ...] = (
            self._agent, self._ships, self._last_ships, self._learnt, self._fleet, self._systems,
            self._waypoints, self._system_waypoints, self._gates, self._sites, self._markets,
            self._shipyards, self._contracts, self._contract_list,
        )  # fmt: skip
        self._epoch: date | None = None
        self._epoch_lock = asyncio.Lock()
        self.epochs_started = 0

    # --- the reset epoch -----------------------------------------------------------------------------

    @property
    def reset_date(self) -> date | None:
        """The current epoch (None until the first `GET /`)."""
        return self._epoch

    async def start(self) -> m.ServerStatus:
        """Learn the reset date from `GET /` (recorded in reference.resets); a change starts a new epoch."""
        async with self._epoch_lock:
            status = self._decode.server_status(await self._api.get_status())
            if status.reset_date != self._epoch:
                self._begin_epoch(status.reset_date)
            await self._sink.write_reset(status, self._now())
            return status

    async def check_epoch(self) -> bool:
        """Ask `GET /` again; True when the server has been reset since (caches cleared, new epoch)."""
        before = self._epoch
        status = await self.start()
        return before is not None and status.reset_date != before

    def _begin_epoch(self, reset_date: date) -> None:
        previous = self._epoch
        if previous is not None:  # the first epoch learnt: nothing cached belongs to another one
            for cache in self._stores:
                cache.clear()
        self._epoch = reset_date
        self.epochs_started += 1
        if previous is not None:
            log.warning("server_reset_new_epoch", previous=str(previous), reset_date=str(reset_date))

    async def _epoch_now(self) -> date:
        if self._epoch is None:
            await self.start()
        assert self._epoch is not None
        return self._epoch

    async def _call(self, fn: Callable[[], Awaitable[T]]) -> T:
        """One API call; a reset signalled by the API edge starts the new epoch, then propagates."""
        try:
            return await fn()
        except self._reset_errors:
            log.warning("server_reset_signalled")
            await self.start()
            raise

    async def _observe(self, models: Sequence[Entity], *, waypoint: str | None = None) -> None:
        """Write-through: every model observed goes to the sink under the current epoch."""
        if models:
            reset = await self._epoch_now()
            await self._sink.write(models, reset_date=reset, observed_at=self._now(), waypoint=waypoint)

    async def _reference(self, table: str, symbol: str) -> Json | None:
        if self._reference_db is None:
            return None
        return await self._reference_db.get_raw(table, await self._epoch_now(), symbol)

    # --- agent and fleet -----------------------------------------------------------------------------

    async def agent(self, *, fresh: bool = False) -> m.Agent:
        if fresh:
            self._agent.pop(ME)

        async def load() -> m.Agent:
            asked = next(self._ticks)
            agent = self._decode.agent(await self._call(self._api.get_my_agent))
            if not self._is_news(
                ME, asked
            ):  # an action's agent arrived meanwhile: it stays (TtlStore.set wins)
                return self._agent.get(ME) or agent
            await self._observe([agent])
            return agent

        return await self._agent.get_or_load(ME, load)

    async def ship(self, symbol: str, *, fresh: bool = False) -> m.Ship:
        if fresh:
            self._ships.pop(symbol)

        async def load() -> m.Ship:
            asked = next(self._ticks)
            ship = self._decode.ship(await self._call(lambda: self._api.get_my_ship(symbol)))
            if not self._ship_seen(ship, asked=asked):
                return self._known_ship(symbol) or ship
            await self._observe([ship])
            return ship

        return await self._ships.get_or_load(symbol, load)

    async def ships(self, *, fresh: bool = False) -> list[m.Ship]:
        """Every ship; a ship updated by an action since the listing is returned in its newer state."""
        if fresh:
            self._fleet.pop(ALL)

        async def load() -> tuple[m.Ship, ...]:
            async def fetch() -> list[Json]:
                return [item async for item in self._api.iter_my_ships()]

            asked = next(self._ticks)
            ships = tuple(self._decode.ship(item) for item in await self._call(fetch))
            await self._observe([ship for ship in ships if self._ship_seen(ship, asked=asked)])
            return ships

        fleet = await self._fleet.get_or_load(ALL, load)
        return [self._known_ship(s.symbol) or s for s in fleet]

    def _ship_seen(self, ship: m.Ship, *, asked: int | None = None) -> bool:
        """Cache a ship's state, unless it is a read asked at `asked` and the ship changed since.

        The API answers concurrent requests in any order: a read asked before an action but answered after
        it carries the older state, which must neither replace the action's result in the cache nor be
        written after it. Returns whether `ship` was taken (and so should be written).
        """
        learnt = self._last_ships.get(ship.symbol)
        if asked is not None and learnt is not None and learnt[1] > asked:
            return False
        self._ships.set(ship.symbol, ship)
        self._last_ships.set(ship.symbol, (ship, next(self._ticks) if asked is None else asked))
        return True

    def _is_news(self, key: str, asked: int | None = None) -> bool:
        """Record that `key` (ME, `contract:<id>`) was learnt by a read asked at `asked`, or now (an action).

        False, recording nothing, when something learnt later is already known: that read's answer is
        older than what we hold and must not be cached or written (see `_ship_seen`).
        """
        seen = self._learnt.get(key)
        if asked is not None and seen is not None and seen > asked:
            return False
        self._learnt.set(key, next(self._ticks) if asked is None else asked)
        return True

    def _known_ship(self, symbol: str) -> m.Ship | None:
        """The freshest state of a ship this process has seen, even if its cache entry has expired."""
        learnt = self._last_ships.get(symbol)
        return learnt[0] if learnt is not None else self._ships.get(symbol)

    # --- reference data: cache → database → API ------------------------------------------------------

    async def system(self, symbol: str) -> m.System:
        async def load() -> m.System:
            raw = await self._reference("reference.systems", symbol)
            if raw is not None:
                return self._decode.system(raw)
            system = self._decode.system(await self._call(lambda: self._api.get_system(symbol)))
            await self._observe([system])
            return system

        return await self._systems.get_or_load(symbol, load)

    async def waypoint(self, symbol: str) -> m.Waypoint:
        async def load() -> m.Waypoint:
            raw = await self._reference("reference.waypoints", symbol)
            if raw is not None:
                return self._decode.waypoint(raw)
            payload = await self._call(lambda: self._api.get_waypoint(system_of(symbol), symbol))
            waypoint = self._decode.waypoint(payload)
            await self._observe([waypoint])
            return waypoint

        return await self._waypoints.get_or_load(symbol, load)

    async def waypoints(self, system: str) -> list[m.Waypoint]:
        """Every waypoint of a system: from the database when it holds them all, else every API page."""

        async def load() -> tuple[m.Waypoint, ...]:
            stored = await self._stored_waypoints(system)
            if stored is None:

                async def fetch() -> list[Json]:
                    return [item async for item in self._api.iter_waypoints(system)]

                stored = tuple(self._decode.waypoint(item) for item in await self._call(fetch))
                await self._observe(stored)
            for waypoint in stored:
                self._waypoints.set(waypoint.symbol, waypoint)
            return stored

        return list(await self._system_waypoints.get_or_load(system, load))

    async def _stored_waypoints(self, system: str) -> tuple[m.Waypoint, ...] | None:
        """The system's waypoints from the database, if it has as many as the system lists (a full crawl)."""
        if self._reference_db is None:
            return None
        listed = await self.system(system)
        raws = await self._reference_db.list_raw("reference.waypoints", await self._epoch_now(), system)
        if not listed.waypoints or len(raws) < len(listed.waypoints):
            return None
        return tuple(self._decode.waypoint(raw) for raw in raws)

    async def jump_gate(self, waypoint: str) -> m.JumpGate:
        async def load() -> m.JumpGate:
            raw = await self._reference("reference.jump_gates", waypoint)
            if raw is not None:
                return self._decode.jump_gate(raw)
            payload = await self._call(lambda: self._api.get_jump_gate(system_of(waypoint), waypoint))
            gate = self._decode.jump_gate(payload)
            await self._observe([gate])
            return gate

        return await self._gates.get_or_load(waypoint, load)

    # --- telemetry: cache → API ----------------------------------------------------------------------

    async def construction(self, waypoint: str, *, fresh: bool = False) -> m.Construction:
        return await self._fetch(
            self._sites, waypoint, fresh, self._api.get_construction, self._decode.construction
        )

    async def market(self, waypoint: str, *, fresh: bool = False) -> m.Market:
        return await self._fetch(self._markets, waypoint, fresh, self._api.get_market, self._decode.market)

    async def shipyard(self, waypoint: str, *, fresh: bool = False) -> m.Shipyard:
        return await self._fetch(
            self._shipyards, waypoint, fresh, self._api.get_shipyard, self._decode.shipyard
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
            model = decode(await self._call(lambda: get(system_of(waypoint), waypoint)))
            await self._observe([model])
            return model

        return await cache.get_or_load(waypoint, load)

    async def contract(self, contract_id: str, *, fresh: bool = False) -> m.Contract:
        if fresh:
            self._contracts.pop(contract_id)

        async def load() -> m.Contract:
            asked = next(self._ticks)
            contract = self._decode.contract(await self._call(lambda: self._api.get_contract(contract_id)))
            if not self._is_news(f"contract:{contract_id}", asked):  # an action's result arrived meanwhile
                return self._contracts.get(contract_id) or contract
            await self._observe([contract])
            return contract

        return await self._contracts.get_or_load(contract_id, load)

    async def contracts(self, *, fresh: bool = False) -> list[m.Contract]:
        if fresh:
            self._contract_list.pop(ALL)

        async def load() -> tuple[m.Contract, ...]:
            async def fetch() -> list[Json]:
                return [item async for item in self._api.iter_contracts()]

            asked = next(self._ticks)
            contracts = tuple(self._decode.contract(item) for item in await self._call(fetch))
            news = [c for c in contracts if self._is_news(f"contract:{c.id}", asked)]
            for contract in news:
                self._contracts.set(contract.id, contract)
            await self._observe(news)
            return contracts

        listed = await self._contract_list.get_or_load(ALL, load)
        return [self._contracts.get(c.id) or c for c in listed]

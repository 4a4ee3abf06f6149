"""The gateway: the only caller of the generated client, and the one place the rate budget is spent.

Each method calls a generated operation through its public `asyncio_detailed` (paths, methods, query
parameters and request bodies follow the spec, bodies as the generated body models), inside `Sender`
(limiter slot, exchange, retries, error mapping), and returns the raw JSON `data` — a dict or a list
exactly as received, never a generated model — so the adapters decode it (through the generated models)
and the raw object is stored as it came. Listings are async iterators.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Callable
from datetime import datetime
from typing import Any

import httpx

from space_traders_api_client.api.agents import get_my_agent
from space_traders_api_client.api.contracts import get_contract, get_contracts
from space_traders_api_client.api.data import get_supply_chain
from space_traders_api_client.api.factions import get_faction, get_factions
from space_traders_api_client.api.fleet import get_my_ship, get_my_ships, get_ship_cooldown, get_ship_nav
from space_traders_api_client.api.global_ import get_error_codes, get_status
from space_traders_api_client.api.systems import (
    get_construction,
    get_jump_gate,
    get_market,
    get_shipyard,
    get_system,
    get_system_waypoints,
    get_systems,
    get_waypoint,
)
from space_traders_api_client.types import UNSET
from stdaemon.api.actions import ActionsMixin
from stdaemon.api.client import ApiClient, make_client
from stdaemon.api.errors import MalformedResponse, snippet
from stdaemon.api.limiter import TwoPoolBudget
from stdaemon.api.meter import BudgetSnapshot
from stdaemon.api.pagination import paginate
from stdaemon.api.priority import Priority
from stdaemon.api.retry import RetryPolicy
from stdaemon.api.round_trips import RoundTrips
from stdaemon.api.scheduler import Limiter, Scheduler
from stdaemon.api.sender import Reply, Send, Sender, Sleep, wall_now
from stdaemon.api.shared_budget import BudgetStore, SharedScheduler
from stdaemon.domain.crawl import PAGE_LIMIT
from stdaemon.settings import Settings

Json = dict[str, Any]
# /my/ships fails deterministically for some page/limit pairs: retry once, then split the page.
_MY_SHIPS_ATTEMPTS = 2
SendPage = Callable[[int, int], Send]  # (page, limit) -> the call of a listing operation


class Gateway(ActionsMixin):
    """Typed access to every operation the daemon uses; see the module docstring."""

    def __init__(
        self,
        client: ApiClient,
        limiter: Limiter | None = None,
        *,
        policy: RetryPolicy | None = None,
        sleep: Sleep = asyncio.sleep,
        wall_clock: Callable[[], datetime] = wall_now,
    ) -> None:
        self._client = client
        self.limiter: Limiter = limiter if limiter is not None else Scheduler()
        self._sender = Sender(client, self.limiter, policy=policy, sleep=sleep, wall_clock=wall_clock)

    def __repr__(self) -> str:
        return f"Gateway(client={self._client!r}, limiter={self.limiter!r})"

    async def aclose(self) -> None:
        """Close the HTTP client (the composition root may instead close the ApiClient it owns), after the
        limiter's pending writes (a shared budget's window anchors)."""
        closing = getattr(self.limiter, "aclose", None)
        if closing is not None:
            await closing()
        await self._client.aclose()

    def snapshot(self) -> BudgetSnapshot:
        """The budget meter: requests sent (and in the last minute), waits per priority, 429s, retries."""
        try:
            now: float | None = asyncio.get_running_loop().time()
        except RuntimeError:  # no loop running: the last minute cannot be told
            now = None
        return self.limiter.meter.snapshot(now)

    # --- plumbing ------------------------------------------------------------------------------------

    async def _reply(
        self, send: Send, priority: Priority, *, account: bool = False, attempts: int | None = None
    ) -> Reply:
        return await self._sender.call(send, priority=priority, account=account, attempts=attempts)

    async def _object(self, send: Send, priority: Priority) -> Json:
        """The whole body, which must be an object (`GET /` and `GET /error-codes` have no envelope)."""
        reply = await self._reply(send, priority)
        if not isinstance(reply.body, dict):
            raise MalformedResponse(
                f"{reply.what}: not an object: {snippet(repr(reply.body).encode())!r}", code=None, status=200
            )
        return reply.body

    async def _data(self, send: Send, priority: Priority, *, account: bool = False) -> Json:
        """The `data` of the envelope, as received (a dict for every operation the gateway uses)."""
        reply = await self._reply(send, priority, account=account)
        if not isinstance(reply.body, dict) or "data" not in reply.body:
            raise MalformedResponse(
                f"{reply.what}: response has no `data`: {snippet(repr(reply.body).encode())!r}",
                code=None,
                status=200,
            )
        data: Json = reply.body["data"]
        return data

    def _pages(
        self, what: str, send_page: SendPage, priority: Priority, *, attempts: int | None = None
    ) -> AsyncIterator[Json]:
        """Every item of a listing (`what` names it in messages), fetched in pages of up to 20."""

        async def fetch(page: int, limit: int) -> Any:
            return (await self._reply(send_page(page, limit), priority, attempts=attempts)).body

        return paginate(fetch, what=what)

    # --- global, agent -------------------------------------------------------------------------------

    async def get_status(self, *, priority: Priority = Priority.FLEET) -> Json:
        """The whole `GET /` body (resetDate, serverResets, stats …)."""
        return await self._object(lambda c: get_status.asyncio_detailed(client=c), priority)

    async def get_error_codes(self, *, priority: Priority = Priority.CRAWL) -> Json:
        return await self._object(lambda c: get_error_codes.asyncio_detailed(client=c), priority)

    async def get_my_agent(self, *, priority: Priority = Priority.FLEET) -> Json:
        return await self._data(lambda c: get_my_agent.asyncio_detailed(client=c), priority)

    # --- fleet reads ---------------------------------------------------------------------------------

    def iter_my_ships(self, *, priority: Priority = Priority.FLEET) -> AsyncIterator[Json]:
        return self._pages(
            "my ships",
            lambda p, n: lambda c: get_my_ships.asyncio_detailed(client=c, page=p, limit=n),
            priority,
            attempts=_MY_SHIPS_ATTEMPTS,
        )

    async def get_my_ship(self, ship: str, *, priority: Priority = Priority.FLEET) -> Json:
        return await self._data(lambda c: get_my_ship.asyncio_detailed(ship, client=c), priority)

    async def get_ship_nav(self, ship: str, *, priority: Priority = Priority.FLEET) -> Json:
        return await self._data(lambda c: get_ship_nav.asyncio_detailed(ship, client=c), priority)

    async def get_cooldown(self, ship: str, *, priority: Priority = Priority.FLEET) -> Json | None:
        """The ship's cooldown, or None when it has none (the server answers 204)."""
        reply = await self._reply(lambda c: get_ship_cooldown.asyncio_detailed(ship, client=c), priority)
        data: Json | None = reply.body.get("data") if isinstance(reply.body, dict) else None
        return data

    def iter_contracts(self, *, priority: Priority = Priority.FLEET) -> AsyncIterator[Json]:
        return self._pages(
            "my contracts",
            lambda p, n: lambda c: get_contracts.asyncio_detailed(client=c, page=p, limit=n),
            priority,
        )

    async def get_contract(self, contract_id: str, *, priority: Priority = Priority.FLEET) -> Json:
        return await self._data(lambda c: get_contract.asyncio_detailed(contract_id, client=c), priority)

    # --- systems, waypoints, markets -----------------------------------------------------------------

    def iter_systems(self, *, priority: Priority = Priority.CRAWL) -> AsyncIterator[Json]:
        return self._pages(
            "systems",
            lambda p, n: lambda c: get_systems.asyncio_detailed(client=c, page=p, limit=n),
            priority,
        )

    async def get_systems_page(self, page: int, *, priority: Priority = Priority.CRAWL) -> Json:
        """One page of the systems listing, the whole body (`data` and `meta`): the crawl resumes by page."""
        return await self._object(
            lambda c: get_systems.asyncio_detailed(client=c, page=page, limit=PAGE_LIMIT), priority
        )

    async def get_waypoints_page(
        self, system: str, page: int, *, priority: Priority = Priority.CRAWL
    ) -> Json:
        """One page of a system's waypoints, the whole body (`data` and `meta`)."""
        return await self._object(
            lambda c: get_system_waypoints.asyncio_detailed(system, client=c, page=page, limit=PAGE_LIMIT),
            priority,
        )

    async def get_factions_page(self, page: int, *, priority: Priority = Priority.CRAWL) -> Json:
        """One page of the factions listing, the whole body (`data` and `meta`)."""
        return await self._object(
            lambda c: get_factions.asyncio_detailed(client=c, page=page, limit=PAGE_LIMIT), priority
        )

    async def get_system(self, system: str, *, priority: Priority = Priority.CRAWL) -> Json:
        return await self._data(lambda c: get_system.asyncio_detailed(system, client=c), priority)

    def iter_waypoints(
        self,
        system: str,
        *,
        type: str | None = None,  # the API's own parameter name
        traits: str | list[str] | None = None,
        priority: Priority = Priority.CRAWL,
    ) -> AsyncIterator[Json]:
        def send_page(page: int, limit: int) -> Send:
            return lambda c: get_system_waypoints.asyncio_detailed(
                system, client=c, page=page, limit=limit, type_=type or UNSET, traits=traits or UNSET
            )

        return self._pages(f"waypoints of {system}", send_page, priority)

    async def get_waypoint(self, system: str, waypoint: str, *, priority: Priority = Priority.CRAWL) -> Json:
        return await self._data(lambda c: get_waypoint.asyncio_detailed(system, waypoint, client=c), priority)

    async def get_market(self, system: str, waypoint: str, *, priority: Priority = Priority.MARKET) -> Json:
        return await self._data(lambda c: get_market.asyncio_detailed(system, waypoint, client=c), priority)

    async def get_shipyard(self, system: str, waypoint: str, *, priority: Priority = Priority.MARKET) -> Json:
        return await self._data(lambda c: get_shipyard.asyncio_detailed(system, waypoint, client=c), priority)

    async def get_jump_gate(self, system: str, waypoint: str, *, priority: Priority = Priority.CRAWL) -> Json:
        return await self._data(
            lambda c: get_jump_gate.asyncio_detailed(system, waypoint, client=c), priority
        )

    async def get_construction(
        self, system: str, waypoint: str, *, priority: Priority = Priority.CRAWL
    ) -> Json:
        return await self._data(
            lambda c: get_construction.asyncio_detailed(system, waypoint, client=c), priority
        )

    # --- factions, data ------------------------------------------------------------------------------

    def iter_factions(self, *, priority: Priority = Priority.CRAWL) -> AsyncIterator[Json]:
        return self._pages(
            "factions",
            lambda p, n: lambda c: get_factions.asyncio_detailed(client=c, page=p, limit=n),
            priority,
        )

    async def get_faction(self, faction: str, *, priority: Priority = Priority.CRAWL) -> Json:
        return await self._data(lambda c: get_faction.asyncio_detailed(faction, client=c), priority)

    async def get_supply_chain(self, *, priority: Priority = Priority.CRAWL) -> Json:
        return await self._data(lambda c: get_supply_chain.asyncio_detailed(client=c), priority)


def build_gateway(
    settings: Settings,
    *,
    transport: httpx.AsyncBaseTransport | None = None,
    shared: BudgetStore | None = None,
    process: str = "",
) -> Gateway:
    """The production wiring: client from settings, two-pool budget from the ST_RATE_* settings; with a
    `shared` store and ST_RATE_BUDGET_KEY set, the budget is the one every process of that key shares."""

    sharing = shared is not None and settings.rate_budget_key is not None
    # One estimator per process. `auto`: estimate alone; shared, anchor at the response, since a grant's
    # time is then the database's, taken before the request leaves, and the estimate would run early.
    estimate = settings.rate_anchor == "estimate" or (settings.rate_anchor == "auto" and not sharing)
    trips = RoundTrips() if estimate else None

    def budget() -> TwoPoolBudget:
        # An answer can take at most every HTTP timeout in a row; past that, its window is anchored anyway.
        longest = settings.http_connect_timeout_s + 3 * settings.http_read_timeout_s
        return TwoPoolBudget(
            per_second=settings.rate_per_second,
            burst=settings.rate_burst,
            burst_period_s=settings.rate_burst_period_s,
            max_answer_s=longest if shared is not None else None,
            trips=trips,
        )

    limiter: Limiter
    if shared is not None and settings.rate_budget_key is not None:
        limiter = SharedScheduler(shared, settings.rate_budget_key, budget, process=process)
    else:
        limiter = Scheduler(budget())
    return Gateway(make_client(settings, transport=transport), limiter)

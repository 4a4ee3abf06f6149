"""The gateway: the only caller of the generated client, and the one place the rate budget is spent.

Each method builds its request with the generated operation module (`_get_kwargs`, so paths, methods and
query parameters follow the spec), sends it through `Sender` (limiter slot, retries, error mapping) and
returns the raw JSON `data` — a dict or a list exactly as received, never a generated model — so the
adapters decode it tolerantly and the raw object is stored as it came. Listings are async iterators.

Bodies are passed to `_get_kwargs` as `_Json`, an object with the one method it calls (`to_dict()`): the
gateway never imports generated models (only the adapters may), and values the spec does not know yet
(a new flight mode, say) go through unchanged.
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
from stdaemon.api.actions import ActionsMixin
from stdaemon.api.client import ApiClient, make_client
from stdaemon.api.errors import MalformedResponse, snippet
from stdaemon.api.limiter import TwoPoolBudget
from stdaemon.api.meter import BudgetSnapshot
from stdaemon.api.pagination import PAGE_LIMIT, paginate
from stdaemon.api.priority import Priority
from stdaemon.api.retry import RetryPolicy
from stdaemon.api.scheduler import Limiter, Scheduler
from stdaemon.api.sender import Sender, Sleep, wall_now
from stdaemon.settings import Settings

Json = dict[str, Any]
# /my/ships fails deterministically for some page/limit pairs: retry once, then split the page.
_MY_SHIPS_ATTEMPTS = 2


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
        """Close the HTTP client (the composition root may instead close the ApiClient it owns)."""
        await self._client.aclose()

    def snapshot(self) -> BudgetSnapshot:
        """The budget meter: requests sent, waits per priority, 429s, retries."""
        return self.limiter.meter.snapshot()

    # --- plumbing ------------------------------------------------------------------------------------

    async def _body(
        self,
        kwargs: dict[str, Any],
        priority: Priority,
        *,
        account: bool = False,
        attempts: int | None = None,
    ) -> Any:
        auth = self._client.account_auth() if account else self._client.agent_auth()
        return await self._sender.call(kwargs, priority=priority, auth=auth, attempts=attempts)

    async def _data(self, kwargs: dict[str, Any], priority: Priority, *, account: bool = False) -> Any:
        body = await self._body(kwargs, priority, account=account)
        if not isinstance(body, dict) or "data" not in body:
            what = f"{str(kwargs.get('method', '')).upper()} {kwargs.get('url')}"
            raise MalformedResponse(
                f"{what}: response has no `data`: {snippet(repr(body).encode())!r}", code=None, status=200
            )
        return body["data"]

    def _pages(
        self, build: Callable[[int, int], dict[str, Any]], priority: Priority, *, attempts: int | None = None
    ) -> AsyncIterator[Json]:
        what = f"GET {build(1, PAGE_LIMIT).get('url')}"

        async def fetch(page: int, limit: int) -> Any:
            return await self._body(build(page, limit), priority, attempts=attempts)

        return paginate(fetch, what=what)

    # --- global, agent -------------------------------------------------------------------------------

    async def get_status(self, *, priority: Priority = Priority.FLEET) -> Json:
        """The whole `GET /` body (resetDate, serverResets, stats …)."""
        body = await self._body(get_status._get_kwargs(), priority)
        if not isinstance(body, dict):
            raise MalformedResponse(
                f"GET /: not an object: {snippet(repr(body).encode())!r}", code=None, status=200
            )
        return body

    async def get_error_codes(self, *, priority: Priority = Priority.CRAWL) -> Json:
        body = await self._body(get_error_codes._get_kwargs(), priority)
        if not isinstance(body, dict):
            raise MalformedResponse("GET /error-codes: not an object", code=None, status=200)
        return body

    async def get_my_agent(self, *, priority: Priority = Priority.FLEET) -> Json:
        data: Json = await self._data(get_my_agent._get_kwargs(), priority)
        return data

    # --- fleet reads ---------------------------------------------------------------------------------

    def iter_my_ships(self, *, priority: Priority = Priority.FLEET) -> AsyncIterator[Json]:
        return self._pages(
            lambda p, n: get_my_ships._get_kwargs(page=p, limit=n), priority, attempts=_MY_SHIPS_ATTEMPTS
        )

    async def get_my_ship(self, ship: str, *, priority: Priority = Priority.FLEET) -> Json:
        data: Json = await self._data(get_my_ship._get_kwargs(ship), priority)
        return data

    async def get_ship_nav(self, ship: str, *, priority: Priority = Priority.FLEET) -> Json:
        data: Json = await self._data(get_ship_nav._get_kwargs(ship), priority)
        return data

    async def get_cooldown(self, ship: str, *, priority: Priority = Priority.FLEET) -> Json | None:
        """The ship's cooldown, or None when it has none (the server answers 204)."""
        body = await self._body(get_ship_cooldown._get_kwargs(ship), priority)
        if body is None:
            return None
        data: Json | None = body.get("data") if isinstance(body, dict) else None
        return data

    def iter_contracts(self, *, priority: Priority = Priority.FLEET) -> AsyncIterator[Json]:
        return self._pages(lambda p, n: get_contracts._get_kwargs(page=p, limit=n), priority)

    async def get_contract(self, contract_id: str, *, priority: Priority = Priority.FLEET) -> Json:
        data: Json = await self._data(get_contract._get_kwargs(contract_id), priority)
        return data

    # --- systems, waypoints, markets -----------------------------------------------------------------

    def iter_systems(self, *, priority: Priority = Priority.CRAWL) -> AsyncIterator[Json]:
        return self._pages(lambda p, n: get_systems._get_kwargs(page=p, limit=n), priority)

    async def get_system(self, system: str, *, priority: Priority = Priority.CRAWL) -> Json:
        data: Json = await self._data(get_system._get_kwargs(system), priority)
        return data

    def iter_waypoints(
        self,
        system: str,
        *,
        type: str | None = None,  # the API's own parameter name
        traits: str | list[str] | None = None,
        priority: Priority = Priority.CRAWL,
    ) -> AsyncIterator[Json]:
        def build(page: int, limit: int) -> dict[str, Any]:
            kwargs: dict[str, Any] = get_system_waypoints._get_kwargs(
                system, page=page, limit=limit, type_=type, traits=traits
            )
            return kwargs

        return self._pages(build, priority)

    async def get_waypoint(self, system: str, waypoint: str, *, priority: Priority = Priority.CRAWL) -> Json:
        data: Json = await self._data(get_waypoint._get_kwargs(system, waypoint), priority)
        return data

    async def get_market(self, system: str, waypoint: str, *, priority: Priority = Priority.MARKET) -> Json:
        data: Json = await self._data(get_market._get_kwargs(system, waypoint), priority)
        return data

    async def get_shipyard(self, system: str, waypoint: str, *, priority: Priority = Priority.MARKET) -> Json:
        data: Json = await self._data(get_shipyard._get_kwargs(system, waypoint), priority)
        return data

    async def get_jump_gate(self, system: str, waypoint: str, *, priority: Priority = Priority.CRAWL) -> Json:
        data: Json = await self._data(get_jump_gate._get_kwargs(system, waypoint), priority)
        return data

    async def get_construction(
        self, system: str, waypoint: str, *, priority: Priority = Priority.CRAWL
    ) -> Json:
        data: Json = await self._data(get_construction._get_kwargs(system, waypoint), priority)
        return data

    # --- factions, data ------------------------------------------------------------------------------

    def iter_factions(self, *, priority: Priority = Priority.CRAWL) -> AsyncIterator[Json]:
        return self._pages(lambda p, n: get_factions._get_kwargs(page=p, limit=n), priority)

    async def get_faction(self, faction: str, *, priority: Priority = Priority.CRAWL) -> Json:
        data: Json = await self._data(get_faction._get_kwargs(faction), priority)
        return data

    async def get_supply_chain(self, *, priority: Priority = Priority.CRAWL) -> Json:
        data: Json = await self._data(get_supply_chain._get_kwargs(), priority)
        return data


def build_gateway(settings: Settings, *, transport: httpx.AsyncBaseTransport | None = None) -> Gateway:
    """The production wiring: client from settings, two-pool budget from the ST_RATE_* settings."""
    budget = TwoPoolBudget(
        per_second=settings.rate_per_second,
        burst=settings.rate_burst,
        burst_period_s=settings.rate_burst_period_s,
    )
    return Gateway(make_client(settings, transport=transport), Scheduler(budget))

"""Helpers for the crawl's end-to-end tests: a transport that records every request, the request each stored
page or item came from, and the universe stsim generated (what a complete crawl must equal)."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Any

import httpx
from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncEngine

from stdaemon.domain.ids import system_of


def request_key(method: str, path: str, page: str | None) -> str:
    """`GET /v2/systems/X1-AB/waypoints #2`: the request, and its page for a listing."""
    return f"{method} {path}" + (f" #{page}" if page else "")


@dataclass
class CountingTransport(httpx.AsyncBaseTransport):
    """Forwards to `inner` and records every request (a page of a listing under its page number)."""

    inner: httpx.AsyncBaseTransport
    requests: list[str] = field(default_factory=list)

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        self.requests.append(request_key(request.method, request.url.path, request.url.params.get("page")))
        return await self.inner.handle_async_request(request)

    @property
    def counts(self) -> Counter[str]:
        return Counter(self.requests)


def crawl_requests(keys: list[str] | Counter[str]) -> set[str]:
    """The requests of the crawl itself (not `GET /`, the agent, the fleet)."""
    return {k for k in keys if k.startswith("GET /v2/systems") or k.split(" ")[1] in _SINGLES}


_SINGLES = {"/v2/factions", "/v2/market/supply-chain"}
_ITEM_PATH = {
    "jump-gate": "jump-gate",
    "construction": "construction",
    "market": "market",
    "shipyard": "shipyard",
}


def stored_requests(tasks: dict[str, tuple[int, bool]]) -> set[str]:
    """The requests whose answers a crawl has stored, from its progress rows (task → next page, complete)."""
    keys: set[str] = set()
    for task, (next_page, _) in tasks.items():
        kind, _, target = task.partition(":")
        pages = range(1, next_page)
        if kind == "systems":
            keys |= {request_key("GET", "/v2/systems", str(p)) for p in pages}
        elif kind == "factions":
            keys |= {request_key("GET", "/v2/factions", str(p)) for p in pages}
        elif kind == "waypoints":
            keys |= {request_key("GET", f"/v2/systems/{target}/waypoints", str(p)) for p in pages}
        elif kind == "supply-chain" and next_page > 1:
            keys.add(request_key("GET", "/v2/market/supply-chain", None))
        elif kind in _ITEM_PATH and next_page > 1:
            path = f"/v2/systems/{system_of(target)}/waypoints/{target}/{_ITEM_PATH[kind]}"
            keys.add(request_key("GET", path, None))
    return keys


async def progress_rows(engine: AsyncEngine) -> dict[str, tuple[int, bool]]:
    async with engine.connect() as conn:
        rows = await conn.execute(
            text(
                "SELECT task, next_page, completed_at IS NOT NULL"
                " FROM reference.crawl_progress WHERE task <> 'crawl'"
            )
        )
        return {r[0]: (int(r[1]), bool(r[2])) for r in rows}


async def symbols(engine: AsyncEngine, table: str, column: str = "symbol") -> set[str]:
    async with engine.connect() as conn:
        return {r[0] for r in await conn.execute(text(f"SELECT {column} FROM {table}"))}


def stsim_universe(server: Any) -> dict[str, set[str]]:
    """What a complete crawl of stsim's current world holds, per table (`app.state.server`)."""
    from stsim.goods import SUPPLY_CHAIN

    u = server.world.universe
    return {
        "reference.systems": set(u.systems),
        "reference.waypoints": set(u.waypoints),
        "reference.jump_gates": set(u.gates),
        "reference.construction_sites": {g for g in u.gates if u.waypoints[g].under_construction},
        "reference.factions": set(u.factions),
        "telemetry.markets": set(u.markets),
        "telemetry.shipyards": set(u.shipyards),
        "reference.supply_chain": set(SUPPLY_CHAIN),
    }


async def stored_universe(engine: AsyncEngine) -> dict[str, set[str]]:
    found = {t: await symbols(engine, t) for t in _SYMBOL_TABLES}
    found["reference.supply_chain"] = await symbols(engine, "reference.supply_chain", "export_symbol")
    return found


_SYMBOL_TABLES = (
    "reference.systems",
    "reference.waypoints",
    "reference.jump_gates",
    "reference.construction_sites",
    "reference.factions",
    "telemetry.markets",
    "telemetry.shipyards",
)

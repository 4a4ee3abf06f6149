"""Fakes for the DataService's Protocols: an API that serves the saved payload fixtures and counts calls,
a sink that records what was written, and a hand-driven clock."""

from __future__ import annotations

import asyncio
import copy
import json
from collections import Counter
from collections.abc import AsyncIterator, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any

from stdaemon.domain import models as m
from stdaemon.domain.base import Entity

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "payloads"
Json = dict[str, Any]


def body(name: str) -> Any:
    return json.loads((FIXTURES / f"{name}.json").read_text(encoding="utf-8"))


def data(name: str) -> Any:
    return body(name)["data"]


class FakeReset(Exception):
    """Stands in for the gateway's ResetDetected."""


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += seconds


class FakeApi:
    """Serves fixtures; `calls` counts every method call; `gate` (if set) holds loads until released."""

    def __init__(self) -> None:
        self.calls: Counter[str] = Counter()
        self.status = body("status")
        self.gate: asyncio.Event | None = None
        self.fail_next: dict[str, BaseException] = {}
        self.sent: dict[str, tuple[Any, ...]] = {}  # the arguments of the last call of each action
        self.cooldown: Json | None = data("cooldown")  # None: the server answers 204

    async def _serve(self, method: str, name: str) -> Any:
        self.calls[method] += 1
        if self.gate is not None:
            await self.gate.wait()
        if method in self.fail_next:
            raise self.fail_next.pop(method)
        return copy.deepcopy(data(name))

    async def _pages(self, method: str, name: str) -> AsyncIterator[Json]:
        for item in await self._serve(method, name):
            yield item

    async def get_status(self) -> Json:
        self.calls["get_status"] += 1
        return copy.deepcopy(self.status)

    async def get_my_agent(self) -> Json:
        return await self._serve("get_my_agent", "agent")  # type: ignore[no-any-return]

    def iter_my_ships(self) -> AsyncIterator[Json]:
        return self._pages("iter_my_ships", "ships")

    async def get_my_ship(self, ship: str) -> Json:
        return await self._serve("get_my_ship", "ship")  # type: ignore[no-any-return]

    async def get_cooldown(self, ship: str) -> Json | None:
        self.calls["get_cooldown"] += 1
        if self.gate is not None:
            await self.gate.wait()
        return copy.deepcopy(self.cooldown) if self.cooldown is not None else None

    async def get_system(self, system: str) -> Json:
        return await self._serve("get_system", "system")  # type: ignore[no-any-return]

    def iter_waypoints(self, system: str) -> AsyncIterator[Json]:
        return self._pages("iter_waypoints", "waypoints")

    async def get_waypoint(self, system: str, waypoint: str) -> Json:
        return await self._serve("get_waypoint", "waypoint")  # type: ignore[no-any-return]

    async def get_market(self, system: str, waypoint: str) -> Json:
        return await self._serve("get_market", "market")  # type: ignore[no-any-return]

    async def get_shipyard(self, system: str, waypoint: str) -> Json:
        return await self._serve("get_shipyard", "shipyard")  # type: ignore[no-any-return]

    async def get_jump_gate(self, system: str, waypoint: str) -> Json:
        return await self._serve("get_jump_gate", "jump-gate")  # type: ignore[no-any-return]

    async def get_construction(self, system: str, waypoint: str) -> Json:
        return await self._serve("get_construction", "construction")  # type: ignore[no-any-return]

    def iter_contracts(self) -> AsyncIterator[Json]:
        return self._pages("iter_contracts", "contracts")

    async def get_contract(self, contract_id: str) -> Json:
        return await self._serve("get_contract", "contract")  # type: ignore[no-any-return]

    async def orbit(self, ship: str) -> Json:
        return await self._serve("orbit", "orbit")  # type: ignore[no-any-return]

    async def dock(self, ship: str) -> Json:
        return await self._serve("dock", "dock")  # type: ignore[no-any-return]

    async def navigate(self, ship: str, waypoint: str) -> Json:
        return await self._serve("navigate", "navigate")  # type: ignore[no-any-return]

    async def warp(self, ship: str, waypoint: str) -> Json:
        return await self._serve("warp", "warp")  # type: ignore[no-any-return]

    async def jump(self, ship: str, waypoint: str) -> Json:
        return await self._serve("jump", "jump")  # type: ignore[no-any-return]

    async def set_flight_mode(self, ship: str, mode: str) -> Json:
        return await self._serve("set_flight_mode", "navigate")  # type: ignore[no-any-return]

    async def refuel(self, ship: str, *, units: int | None = None, from_cargo: bool = False) -> Json:
        return await self._serve("refuel", "refuel")  # type: ignore[no-any-return]

    async def purchase_cargo(self, ship: str, symbol: str, units: int) -> Json:
        return await self._serve("purchase_cargo", "purchase")  # type: ignore[no-any-return]

    async def sell_cargo(self, ship: str, symbol: str, units: int) -> Json:
        return await self._serve("sell_cargo", "sell")  # type: ignore[no-any-return]

    async def jettison(self, ship: str, symbol: str, units: int) -> Json:
        return await self._serve("jettison", "jettison")  # type: ignore[no-any-return]

    async def extract(self, ship: str) -> Json:
        return await self._serve("extract", "extract")  # type: ignore[no-any-return]

    async def survey(self, ship: str) -> Json:
        return await self._serve("survey", "survey")  # type: ignore[no-any-return]

    async def transfer_cargo(self, ship: str, to_ship: str, symbol: str, units: int) -> Json:
        self.sent["transfer_cargo"] = (ship, to_ship, symbol, units)
        return await self._serve("transfer_cargo", "transfer")  # type: ignore[no-any-return]

    async def extract_with_survey(self, ship: str, survey_raw: Mapping[str, Any]) -> Json:
        self.sent["extract_with_survey"] = (ship, copy.deepcopy(dict(survey_raw)))
        return await self._serve("extract_with_survey", "extract")  # type: ignore[no-any-return]

    async def siphon(self, ship: str) -> Json:
        return await self._serve("siphon", "siphon")  # type: ignore[no-any-return]

    async def refine(self, ship: str, produce: str) -> Json:
        self.sent["refine"] = (ship, produce)
        return await self._serve("refine", "refine")  # type: ignore[no-any-return]

    async def chart(self, ship: str) -> Json:
        return await self._serve("chart", "chart")  # type: ignore[no-any-return]

    async def supply_construction(
        self, system: str, waypoint: str, ship: str, trade_symbol: str, units: int
    ) -> Json:
        self.sent["supply_construction"] = (system, waypoint, ship, trade_symbol, units)
        return await self._serve("supply_construction", "supply-construction")  # type: ignore[no-any-return]

    async def negotiate_contract(self, ship: str) -> Json:
        return await self._serve("negotiate_contract", "negotiate-contract")  # type: ignore[no-any-return]

    async def accept_contract(self, contract_id: str) -> Json:
        return await self._serve("accept_contract", "accept-contract")  # type: ignore[no-any-return]

    async def deliver_contract(self, contract_id: str, ship: str, trade_symbol: str, units: int) -> Json:
        return await self._serve("deliver_contract", "deliver-contract")  # type: ignore[no-any-return]

    async def fulfill_contract(self, contract_id: str) -> Json:
        return await self._serve("fulfill_contract", "fulfill-contract")  # type: ignore[no-any-return]

    async def purchase_ship(self, ship_type: str, waypoint: str) -> Json:
        return await self._serve("purchase_ship", "purchase-ship")  # type: ignore[no-any-return]

    @property
    def gets(self) -> int:
        """Every read call (not `GET /`): what a write-through must never cause."""
        return sum(n for k, n in self.calls.items() if k.startswith(("get_", "iter_")) and k != "get_status")


@dataclass
class Written:
    models: list[Entity]
    reset_date: date
    observed_at: datetime
    waypoint: str | None
    survey: str | None = None


@dataclass
class FakeSink:
    writes: list[Written] = field(default_factory=list)
    resets: list[date] = field(default_factory=list)

    async def write(
        self,
        models: Sequence[Entity],
        *,
        reset_date: date,
        observed_at: datetime,
        waypoint: str | None = None,
        survey: str | None = None,
    ) -> None:
        self.writes.append(Written(list(models), reset_date, observed_at, waypoint, survey))

    async def write_reset(self, status: m.ServerStatus, observed_at: datetime) -> None:
        self.resets.append(status.reset_date)

    def models(self, kind: type[Entity]) -> list[Any]:
        return [x for w in self.writes for x in w.models if isinstance(x, kind)]

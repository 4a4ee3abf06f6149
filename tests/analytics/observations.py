"""Known observations for the analytics tests, built the way the daemon builds them.

Each observation starts from a saved payload in `tests/fixtures/payloads/` (a real-shaped API object), gets
the symbols, coordinates, prices and times a test needs, is decoded by the daemon's own adapters, mapped to
rows by `db.rows` and written by the DbWriter: the views see exactly what a running daemon would store.

One `Observations` is one epoch (a server reset); tests that need several epochs build one per reset date.
"""

from __future__ import annotations

import asyncio
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

from sqlalchemy.ext.asyncio import AsyncEngine

from stdaemon.api import adapters
from stdaemon.db.credit_ledger import TABLE as LEDGER
from stdaemon.db.credit_ledger import ledger_row
from stdaemon.db.rows import Rows, merge, reset_rows, rows_for
from stdaemon.db.writer import DbWriter
from stdaemon.domain.ids import system_of
from stdaemon.domain.operations import LedgerEntry
from tests.adapters.payloads import body, data

AGENT = "STDAEMON_TEST"


@dataclass(frozen=True)
class Price:
    """A good as a market lists it: `buy` is its purchasePrice (we pay), `sell` its sellPrice (we get)."""

    buy: int
    sell: int
    volume: int = 20
    supply: str = "MODERATE"
    type: str = "EXCHANGE"
    activity: str | None = "GROWING"


def _inventory(cargo: Mapping[str, int]) -> list[dict[str, Any]]:
    return [
        {"symbol": s, "name": s.title(), "description": f"{s} in the hold", "units": n}
        for s, n in cargo.items()
    ]


def _iso(at: datetime) -> str:
    return at.isoformat().replace("+00:00", "Z")


class Observations:
    """Rows of one epoch, accumulated by the methods below and written in one transaction by `write`."""

    def __init__(self, reset_date: date) -> None:
        self.reset_date = reset_date
        self.rows: Rows = {}

    def observe(self, models: Iterable[Any], at: datetime) -> None:
        """Decoded models (entities or action results), observed at `at`."""
        for model in models:
            for table, rows in rows_for(model, reset_date=self.reset_date, observed_at=at).items():
                self.rows.setdefault(table, []).extend(rows)

    def reset_seen(self, at: datetime) -> None:
        status = body("status")
        status["resetDate"] = self.reset_date.isoformat()
        self.rows = merge(self.rows, reset_rows(adapters.server_status(status), at))

    def waypoint(
        self,
        symbol: str,
        *,
        x: int,
        y: int,
        type: str = "PLANET",
        traits: Iterable[str] = ("MARKETPLACE",),
        at: datetime,
    ) -> None:
        payload = data("waypoint")
        payload.update(symbol=symbol, systemSymbol=system_of(symbol), type=type, x=x, y=y, orbitals=[])
        payload["traits"] = [{"symbol": t, "name": t.title(), "description": t} for t in traits]
        payload["chart"]["waypointSymbol"] = symbol
        self.observe([adapters.waypoint(payload)], at)

    def market(
        self,
        symbol: str,
        goods: Mapping[str, Price],
        *,
        at: datetime,
        transactions: Iterable[tuple[str, str, int, int]] = (),
    ) -> None:
        """One observation of a market with a ship there: prices, and (good, type, units, price) trades."""
        payload = data("market")
        template = payload["tradeGoods"][0]
        payload["symbol"] = symbol
        payload["tradeGoods"] = [
            {
                **template,
                "symbol": good,
                "type": p.type,
                "tradeVolume": p.volume,
                "supply": p.supply,
                "activity": p.activity,
                "purchasePrice": p.buy,
                "sellPrice": p.sell,
            }
            for good, p in goods.items()
        ]
        if any(p.activity is None for p in goods.values()):
            for g in payload["tradeGoods"]:
                if g["activity"] is None:
                    del g["activity"]
        tx = payload["transactions"][0]
        payload["transactions"] = [
            {
                **tx,
                "waypointSymbol": symbol,
                "tradeSymbol": good,
                "type": kind,
                "units": units,
                "pricePerUnit": price,
                "totalPrice": units * price,
                "timestamp": _iso(at - timedelta(seconds=i + 1)),
            }
            for i, (good, kind, units, price) in enumerate(transactions)
        ]
        self.observe([adapters.market(payload)], at)

    def ship(
        self,
        symbol: str,
        *,
        waypoint: str,
        at: datetime,
        status: str = "DOCKED",
        origin: str | None = None,
        departure: datetime | None = None,
        arrival: datetime | None = None,
        cargo: Mapping[str, int] | None = None,
    ) -> None:
        payload = data("ship")
        payload["symbol"] = symbol
        nav = payload["nav"]
        nav.update(systemSymbol=system_of(waypoint), waypointSymbol=waypoint, status=status)
        nav["route"]["destination"]["symbol"] = waypoint
        nav["route"]["origin"]["symbol"] = origin or waypoint
        nav["route"]["departureTime"] = _iso(departure or at)
        nav["route"]["arrival"] = _iso(arrival or at)
        if cargo is not None:
            payload["cargo"]["inventory"] = _inventory(cargo)
            payload["cargo"]["units"] = sum(cargo.values())
        self.observe([adapters.ship(payload)], at)

    def agent(self, credits: int, *, at: datetime, symbol: str = AGENT, own: bool = True) -> None:
        payload = data("agent")
        payload.update(symbol=symbol, credits=credits)
        if not own:
            del payload["accountId"]  # the public view of another agent has no account id
        self.observe([adapters.agent(payload)], at)

    def behaviour(
        self,
        ship: str,
        behaviour: str | None,
        *,
        at: datetime,
        note: str | None = None,
        runner: str = "fleet",
        lease_until: datetime | None = None,
        wake_at: datetime | None = None,
    ) -> None:
        """A ship's claim and behaviour as the fleet runner stores it (`lease_until` defaults to 5 min on)."""
        row = {
            "reset_date": self.reset_date, "ship_symbol": ship, "runner": runner, "behaviour": behaviour,
            "lease_until": lease_until or at + timedelta(minutes=5), "state": {}, "wake_at": wake_at,
            "note": note, "claimed_at": at,
        }  # fmt: skip
        self.rows.setdefault("telemetry.ship_behaviours", []).append(row)

    def ledger(self, *entries: LedgerEntry) -> None:
        self.rows.setdefault(LEDGER, []).extend(ledger_row(e, self.reset_date) for e in entries)

    async def write(self, engine: AsyncEngine) -> None:
        """Everything observed so far, in one transaction through a DbWriter run for the occasion."""
        await write_all(engine, [self])


async def write_all(engine: AsyncEngine, epochs: Iterable[Observations]) -> None:
    writer = DbWriter(engine, linger_s=0.01)
    stop = asyncio.Event()
    task = asyncio.create_task(writer.run(stop))
    try:
        for epoch in epochs:
            await writer.write_atomic(list(epoch.rows.items()))
    finally:
        stop.set()
        await asyncio.wait_for(task, 60)

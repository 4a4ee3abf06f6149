"""What the API showed the daemon (the proxy's record) against what the database holds.

From every clean 2xx answer the proxy delivered, the rows the daemon owes the database:
- entities, by their key: systems, waypoints, ships, contracts, markets — each must be in its table;
- observations, by count: one `telemetry.agent_snapshots` row per agent seen, one `market_snapshots` row per
  trade good of each market answer that listed prices — the table must hold at least that many.
"Lost" counts what is owed and missing. Rows of an earlier epoch are not looked at (`reset_date`).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncEngine

from tests.reliability.proxy import Exchange

_MARKET = re.compile(r"^/systems/[^/]+/waypoints/[^/]+/market$")
_WAYPOINTS = re.compile(r"^/systems/[^/]+/waypoints(/[^/]+)?$")
_SYSTEMS = re.compile(r"^/systems(/[^/]+)?$|^/systems\.json$")

# table -> (key column, how rows of the table are counted)
ENTITY_TABLES = {
    "reference.systems": "symbol",
    "reference.waypoints": "symbol",
    "telemetry.ships": "symbol",
    "telemetry.contracts": "id",
    "telemetry.markets": "symbol",
}
COUNTED_TABLES = ("telemetry.agent_snapshots", "telemetry.market_snapshots")


def items(body: Any) -> list[dict[str, Any]]:
    data = body.get("data") if isinstance(body, dict) else body
    if isinstance(data, list):
        return [d for d in data if isinstance(d, dict)]
    return [data] if isinstance(data, dict) else []


@dataclass
class Owed:
    keys: dict[str, set[str]] = field(default_factory=lambda: {t: set() for t in ENTITY_TABLES})
    counts: Counter[str] = field(default_factory=Counter)
    last_seen: dict[tuple[str, str], float] = field(default_factory=dict)  # (table, key) -> when delivered

    def add(self, table: str, key: Any, at: float) -> None:
        if isinstance(key, str) and key:
            self.keys[table].add(key)
            self.last_seen[(table, key)] = at

    @property
    def total(self) -> int:
        return sum(len(k) for k in self.keys.values()) + sum(self.counts.values())


def owed(exchanges: Iterable[Exchange], since: float = 0.0) -> Owed:
    """The rows owed for the clean answers delivered at or after `since` (wall clock)."""
    out = Owed()
    for e in exchanges:
        if e.body is None or e.at < since:
            continue
        found = items(e.body)
        if e.method == "GET" and _SYSTEMS.match(e.path):
            for s in found:
                out.add("reference.systems", s.get("symbol"), e.at)
        elif e.method == "GET" and _WAYPOINTS.match(e.path):
            for w in found:
                out.add("reference.waypoints", w.get("symbol"), e.at)
        elif e.method == "GET" and _MARKET.match(e.path):
            for m in found:
                out.add("telemetry.markets", m.get("symbol"), e.at)
                goods = m.get("tradeGoods")
                if isinstance(goods, list) and goods:
                    out.counts["telemetry.market_snapshots"] += len(goods)
        elif e.method == "GET" and e.path.startswith("/my/ships"):
            for s in found:
                out.add("telemetry.ships", s.get("symbol"), e.at)
        elif e.method == "GET" and e.path.startswith("/my/contracts"):
            for c in found:
                out.add("telemetry.contracts", c.get("id"), e.at)
        elif e.method == "GET" and e.path == "/my/agent":
            out.counts["telemetry.agent_snapshots"] += len(found)
    return out


@dataclass(frozen=True)
class Balance:
    observed: int
    stored: int
    missing: dict[str, list[str]]  # table -> missing keys, or ["<n> rows"] for counted tables

    @property
    def lost(self) -> int:
        n = 0
        for table, gone in self.missing.items():
            n += int(gone[0].split()[0]) if table in COUNTED_TABLES else len(gone)
        return n


async def balance(db: AsyncEngine, debt: Owed, reset_date: date | None = None) -> Balance:
    """Compare what is owed with the database (rows of `reset_date`, default: the latest epoch)."""
    missing: dict[str, list[str]] = {}
    stored = 0
    async with db.connect() as conn:
        if reset_date is None:
            reset_date = (await conn.execute(text("SELECT max(reset_date) FROM reference.resets"))).scalar()
        for table, column in ENTITY_TABLES.items():
            want = debt.keys[table]
            if not want:
                continue
            sql = text(f"SELECT {column} FROM {table} WHERE reset_date = :r")
            have = {r[0] for r in await conn.execute(sql, {"r": reset_date})}
            gone = sorted(want - have)
            stored += len(want) - len(gone)
            if gone:
                missing[table] = gone
        for table in COUNTED_TABLES:
            want_n = debt.counts[table]
            if not want_n:
                continue
            sql = text(f"SELECT count(*) FROM {table} WHERE reset_date = :r")
            have_n = int((await conn.execute(sql, {"r": reset_date})).scalar_one())
            stored += min(want_n, have_n)
            if have_n < want_n:
                missing[table] = [f"{want_n - have_n} rows"]
    return Balance(observed=debt.total, stored=stored, missing=missing)

"""Row factories and a running-writer helper for the DbWriter tests (real PostgreSQL via `clean_db`)."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from datetime import UTC, date, datetime, timedelta
from typing import Any

from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncEngine

from stdaemon.db.writer import DbWriter

RESET = date(2026, 11, 15)
T0 = datetime(2026, 11, 21, 12, 0, tzinfo=UTC)


def waypoint_row(i: int, *, reset: date = RESET, observed: datetime = T0, **over: Any) -> dict[str, Any]:
    symbol = f"X1-AB{i // 100:02d}-W{i:05d}"
    row: dict[str, Any] = {
        "reset_date": reset,
        "symbol": symbol,
        "system_symbol": f"X1-AB{i // 100:02d}",
        "type": "PLANET",
        "x": i % 800 - 400,
        "y": (i * 7) % 800 - 400,
        "orbits": None,
        "faction_symbol": "COSMIC",
        "traits": ["MARKETPLACE", "SHIPYARD"] if i % 3 == 0 else ["ROCKY"],
        "modifiers": [],
        "is_under_construction": False,
        "chart_submitted_by": "COSMIC",
        "chart_submitted_on": T0 - timedelta(days=3),
        "raw": {"symbol": symbol, "traits": [{"symbol": "ROCKY", "name": "Rocky"}], "n": i, "ü": "ß"},
        "observed_at": observed,
    }
    row.update(over)
    return row


def snapshot_row(i: int, *, observed: datetime = T0, **over: Any) -> dict[str, Any]:
    row: dict[str, Any] = {
        "reset_date": RESET,
        "waypoint_symbol": f"X1-AB{i // 40:02d}-M{i // 40:04d}",
        "trade_symbol": f"GOOD_{i % 40}",
        "observed_at": observed,
        "type": "EXCHANGE",
        "trade_volume": 100,
        "supply": "MODERATE",
        "activity": "GROWING",
        "purchase_price": 100 + i % 50,
        "sell_price": 90 + i % 50,
        "raw": {"symbol": f"GOOD_{i % 40}", "purchasePrice": 100 + i % 50},
    }
    row.update(over)
    return row


def trade_good_row(i: int, **over: Any) -> dict[str, Any]:
    row = snapshot_row(i, **over)
    return row


async def fetch(engine: AsyncEngine, sql: str, **params: Any) -> list[dict[str, Any]]:
    async with engine.connect() as conn:
        result = await conn.execute(text(sql), params)
        return [dict(r._mapping) for r in result]


async def count(engine: AsyncEngine, table: str) -> int:
    rows = await fetch(engine, f"SELECT count(*) AS n FROM {table}")
    return int(rows[0]["n"])


@asynccontextmanager
async def running(writer: DbWriter) -> AsyncIterator[asyncio.Event]:
    """Run the writer as a service for the block; stop it (drain) at the end and re-raise its failure."""
    stop = asyncio.Event()
    task = asyncio.create_task(writer.run(stop))
    try:
        yield stop
    finally:
        stop.set()
        await asyncio.wait_for(task, 60)

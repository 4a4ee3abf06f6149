"""The crawl's side of the database: what an epoch's crawl has stored, and saving a page with its progress.

`save` maps the models (a page's entities and the task's `TaskState`) to rows and writes them through the
DbWriter in ONE transaction (`write_atomic`): after a SIGKILL a page is either stored and counted as done,
or neither, so a restart never fetches a stored page again and never skips an unstored one.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncEngine

from stdaemon.db.rows import rows_for_all
from stdaemon.db.writer import DbWriter
from stdaemon.domain.base import DomainModel
from stdaemon.domain.crawl import (
    GATE_TYPE,
    ITEM_TRAITS,
    StoredCrawl,
    SystemSummary,
    TaskState,
    WaypointSummary,
)

_TASKS = "SELECT task, next_page, total, completed_at FROM reference.crawl_progress WHERE reset_date = :r"
_SYSTEMS = """
SELECT symbol, x, y,
       coalesce(jsonb_array_length(raw -> 'waypoints'), 0) AS waypoints,
       ARRAY(SELECT w ->> 'symbol' FROM jsonb_array_elements(raw -> 'waypoints') AS w
              WHERE w ->> 'type' = :gate) AS gates
  FROM reference.systems
 WHERE reset_date = :r AND jsonb_typeof(raw -> 'waypoints') = 'array'
"""
_ITEMS = """
SELECT system_symbol, symbol, type, traits, is_under_construction
  FROM reference.waypoints
 WHERE reset_date = :r AND (type = :gate OR is_under_construction OR traits && CAST(:traits AS text[]))
"""
_GATES = "SELECT symbol, connections FROM reference.jump_gates WHERE reset_date = :r"
_WAYPOINTS = "SELECT count(*) FROM reference.waypoints WHERE reset_date = :r"


def utc_now() -> datetime:
    return datetime.now(UTC)


def _item(row: Any) -> WaypointSummary:
    return WaypointSummary(row.symbol, row.type, tuple(row.traits), bool(row.is_under_construction))


class DbCrawlStore:
    """`services.crawl.protocols.CrawlStore` on PostgreSQL and the DbWriter."""

    def __init__(
        self, engine: AsyncEngine, writer: DbWriter, *, now: Callable[[], datetime] = utc_now
    ) -> None:
        self._engine = engine
        self._writer = writer
        self._now = now

    async def load(self, reset_date: date) -> StoredCrawl:
        params = {"r": reset_date, "gate": GATE_TYPE, "traits": list(ITEM_TRAITS)}
        async with self._engine.connect() as conn:
            tasks = {
                r.task: TaskState(
                    task=r.task, next_page=r.next_page, total=r.total, completed=r.completed_at is not None
                )
                for r in await conn.execute(text(_TASKS), params)
            }
            systems = tuple(
                SystemSummary(r.symbol, r.x, r.y, r.waypoints, tuple(r.gates))
                for r in await conn.execute(text(_SYSTEMS), params)
            )
            items: dict[str, list[WaypointSummary]] = {}
            for row in await conn.execute(text(_ITEMS + " ORDER BY system_symbol, symbol"), params):
                items.setdefault(row.system_symbol, []).append(_item(row))
            gates = {r.symbol: tuple(r.connections) for r in await conn.execute(text(_GATES), params)}
            count = int((await conn.execute(text(_WAYPOINTS), params)).scalar_one())
        return StoredCrawl(
            tasks=tasks,
            systems=systems,
            waypoints={k: tuple(v) for k, v in items.items()},
            gates=gates,
            waypoint_rows=count,
        )

    async def system_items(self, reset_date: date, system: str) -> tuple[WaypointSummary, ...]:
        params = {"r": reset_date, "gate": GATE_TYPE, "traits": list(ITEM_TRAITS), "s": system}
        async with self._engine.connect() as conn:
            result = await conn.execute(text(_ITEMS + " AND system_symbol = :s ORDER BY symbol"), params)
            return tuple(_item(row) for row in result)

    async def save(self, reset_date: date, models: Sequence[DomainModel]) -> None:
        rows = rows_for_all(models, reset_date=reset_date, observed_at=self._now())
        await self._writer.write_atomic(list(rows.items()))

"""The database side of write-through: domain models in, rows to the DbWriter (and reference reads back).

The DataService sees only `services.protocols.ModelSink` / `ReferenceSource`; these two classes are what
bootstrap hands it, so the services never build row dicts or SQL themselves.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime
from typing import Any

from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncEngine

from stdaemon.db.rows import extraction_rows, merge, reset_rows, rows_for
from stdaemon.db.writer import DbWriter
from stdaemon.domain import models as m
from stdaemon.domain.base import Entity

_REFERENCE_TABLES = frozenset(
    {
        "reference.systems",
        "reference.waypoints",
        "reference.factions",
        "reference.jump_gates",
        "reference.construction_sites",
    }
)


class WriterSink:
    """Maps models to rows (`db.rows`) and queues them on the DbWriter, table by table."""

    def __init__(self, writer: DbWriter, *, simulated: bool = False) -> None:
        self._writer = writer
        self._simulated = simulated  # the sandbox: every epoch it records is a simulator's

    async def write(
        self,
        models: Sequence[Entity],
        *,
        reset_date: date,
        observed_at: datetime,
        waypoint: str | None = None,
        survey: str | None = None,
    ) -> None:
        """Queue the rows of `models`; `waypoint` and `survey` say where and with which survey (signature)
        an extraction happened (the API does not)."""
        parts = []
        for model in models:
            if isinstance(model, m.Extraction):
                parts.append(
                    extraction_rows(model, reset_date, observed_at, waypoint=waypoint, survey=survey)
                )
            else:
                parts.append(rows_for(model, reset_date=reset_date, observed_at=observed_at))
        for table, rows in merge(*parts).items():
            await self._writer.put(table, rows)

    async def write_reset(self, status: m.ServerStatus, observed_at: datetime) -> None:
        for table, rows in reset_rows(status, observed_at, simulated=self._simulated).items():
            await self._writer.put(table, rows)


class DbReferenceSource:
    """Reads reference data back as the `raw` JSON the API sent, for the adapters to decode again."""

    def __init__(self, engine: AsyncEngine) -> None:
        self._engine = engine

    async def get_raw(self, table: str, reset_date: date, symbol: str) -> dict[str, Any] | None:
        if table not in _REFERENCE_TABLES:
            raise ValueError(f"{table} is not a reference table")
        sql = text(f"SELECT raw FROM {table} WHERE reset_date = :r AND symbol = :s")
        async with self._engine.connect() as conn:
            raw = (await conn.execute(sql, {"r": reset_date, "s": symbol})).scalar_one_or_none()
        return raw if isinstance(raw, dict) else None

    async def list_raw(self, table: str, reset_date: date, system_symbol: str) -> list[dict[str, Any]]:
        if table not in _REFERENCE_TABLES - {"reference.factions", "reference.systems"}:
            raise ValueError(f"{table} is not a reference table listed by system")
        sql = text(f"SELECT raw FROM {table} WHERE reset_date = :r AND system_symbol = :s ORDER BY symbol")
        async with self._engine.connect() as conn:
            result = await conn.execute(sql, {"r": reset_date, "s": system_symbol})
            return [raw for (raw,) in result if isinstance(raw, dict)]

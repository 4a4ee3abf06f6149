"""The credit ledger in `telemetry.credit_ledger` (`services.fleet.protocols.CreditLedger`).

Entries go through the DbWriter like every other observation (batched, retried, drained on stop); `spent`
first flushes the writer so it counts what was just recorded.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any

from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncEngine

from stdaemon.db.writer import DbWriter
from stdaemon.domain.operations import LedgerEntry

TABLE = "telemetry.credit_ledger"


def ledger_row(entry: LedgerEntry, reset_date: date) -> dict[str, Any]:
    row = entry.model_dump()
    row["observed_at"] = row.pop("occurred_at")
    return {"reset_date": reset_date, **row}


class DbCreditLedger:
    def __init__(self, writer: DbWriter, engine: AsyncEngine) -> None:
        self._writer = writer
        self._engine = engine

    async def record(self, entries: Sequence[LedgerEntry], *, reset_date: date) -> None:
        if entries:
            await self._writer.put(TABLE, [ledger_row(e, reset_date) for e in entries])

    async def spent(self, reset_date: date, *, behaviour: str, kind: str) -> int:
        await self._writer.flush()
        sql = text(
            "SELECT coalesce(-sum(amount), 0) FROM telemetry.credit_ledger"
            " WHERE reset_date = :r AND behaviour = :b AND kind = :k"
        )
        async with self._engine.connect() as conn:
            total = (await conn.execute(sql, {"r": reset_date, "b": behaviour, "k": kind})).scalar_one()
        return int(total)

"""The credit ledger in `telemetry.credit_ledger` (`services.fleet.protocols.CreditLedger`).

An entry goes through the DbWriter as one atomic unit and `record` waits for its commit (up to
`COMMIT_WAIT_S`), so a credit change is in the database before its ship takes another step: a SIGKILL can
only lose the entry of an answer that arrived in the milliseconds before it. While the database is away the
ship goes on after `COMMIT_WAIT_S`; the entry stays queued in the writer (retried until the database
returns, counted loudly if the stop deadline passes first) and `balance` counts it until it is committed.
A row the database refuses is dead-lettered through the batching path, as every other row.
`spent` first flushes the writer so it counts what was just recorded.
"""

from __future__ import annotations

import asyncio
from collections.abc import Sequence
from datetime import date
from typing import Any

from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncEngine

from stdaemon.db.writer import DbWriter, WriteRejected
from stdaemon.domain.operations import OPENING_BALANCE, LedgerBalance, LedgerEntry
from stdaemon.logging import get_logger

log = get_logger(__name__)

TABLE = "telemetry.credit_ledger"
COMMIT_WAIT_S = 5.0  # how long a ship waits for its entry's commit before it goes on (a database outage)
BALANCE_TIMEOUT_S = 5.0  # a balance the database cannot give in this long is not given (the check waits)

_BALANCE = text(
    "SELECT coalesce(sum(amount), 0) AS total, bool_or(kind = :opening) AS opened"
    " FROM telemetry.credit_ledger WHERE reset_date = :r AND agent_symbol = :a"
)


def ledger_row(entry: LedgerEntry, reset_date: date) -> dict[str, Any]:
    row = entry.model_dump()
    row["observed_at"] = row.pop("occurred_at")
    return {"reset_date": reset_date, **row}


class DbCreditLedger:
    def __init__(
        self, writer: DbWriter, engine: AsyncEngine, *, commit_wait_s: float = COMMIT_WAIT_S
    ) -> None:
        self._writer = writer
        self._engine = engine
        self._commit_wait_s = commit_wait_s
        # entries handed to the writer whose commit nobody waits for any more: (reset, agent, sum, opening)
        self._uncommitted: dict[asyncio.Task[Any], tuple[date, str, int, bool]] = {}

    async def record(self, entries: Sequence[LedgerEntry], *, reset_date: date) -> None:
        if not entries:
            return
        rows = [ledger_row(e, reset_date) for e in entries]
        commit = asyncio.ensure_future(self._writer.write_atomic([(TABLE, rows)]))
        try:
            await asyncio.wait_for(asyncio.shield(commit), self._commit_wait_s)
        except TimeoutError:
            opening = any(e.kind == OPENING_BALANCE for e in entries)
            amount = sum(e.amount for e in entries)  # counted by `balance` until the writer commits them
            self._uncommitted[commit] = (reset_date, entries[0].agent_symbol, amount, opening)
            commit.add_done_callback(self._committed)
            log.warning("ledger_entry_awaits_the_database", entries=len(rows), waited_s=self._commit_wait_s)
        except WriteRejected:
            await self._writer.put(TABLE, rows)  # isolated and dead-lettered there, with its error

    def _committed(self, commit: asyncio.Task[Any]) -> None:
        self._uncommitted.pop(commit, None)
        if not commit.cancelled() and isinstance(error := commit.exception(), WriteRejected):
            log.error("ledger_entry_rejected", error=str(error))

    async def balance(self, reset_date: date, agent_symbol: str) -> LedgerBalance:
        """The sum of the agent's entries in this epoch, committed or still waiting for the database."""
        async with asyncio.timeout(BALANCE_TIMEOUT_S), self._engine.connect() as conn:
            row = (
                await conn.execute(_BALANCE, {"r": reset_date, "a": agent_symbol, "opening": OPENING_BALANCE})
            ).one()
        total, opened = int(row.total), bool(row.opened)
        for r, a, amount, opening in self._uncommitted.values():
            if (r, a) == (reset_date, agent_symbol):
                total += amount
                opened = opened or opening
        return LedgerBalance(total=total, opened=opened)

    async def spent(self, reset_date: date, *, behaviour: str, kind: str) -> int:
        await self._writer.flush()
        sql = text(
            "SELECT coalesce(-sum(amount), 0) FROM telemetry.credit_ledger"
            " WHERE reset_date = :r AND behaviour = :b AND kind = :k"
        )
        async with self._engine.connect() as conn:
            total = (await conn.execute(sql, {"r": reset_date, "b": behaviour, "k": kind})).scalar_one()
        return int(total)

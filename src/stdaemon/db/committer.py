"""One transaction against PostgreSQL, retried while the failure is transient; dead letters.

The writer task is the only caller, so there is never more than one transaction in flight (STYLE P9). Each
attempt checks out a pooled connection, works on the raw asyncpg connection inside its own transaction, and
invalidates the connection when the failure may have broken it, so a restarted server costs one retry.
"""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import Awaitable, Callable, Mapping
from datetime import date
from typing import Any, TypeVar

from sqlalchemy.ext.asyncio import AsyncEngine

from stdaemon.backoff import backoff
from stdaemon.db.metrics import WriterMetrics
from stdaemon.db.retry import classify
from stdaemon.db.statements import Plan, affected, columns_of, plan, to_json
from stdaemon.db.tables import TableSpec
from stdaemon.logging import get_logger

log = get_logger(__name__)

T = TypeVar("T")
Work = Callable[[Any], Awaitable[T]]  # gets the asyncpg connection

_DEAD_LETTER_SQL = (
    'INSERT INTO "telemetry"."dead_letters" (reset_date, table_name, "row", error) VALUES ($1, $2, $3, $4)'
)


class RowRejected(Exception):
    """PostgreSQL (or an encoder) rejected the data itself; retrying the same rows cannot help."""

    def __init__(self, cause: BaseException) -> None:
        super().__init__(one_line(cause))
        self.cause = cause


class DeadlineExceeded(Exception):
    """The stop deadline passed before the work could be committed."""


def one_line(exc: BaseException) -> str:
    text = " ".join(str(exc).split()) or repr(exc)
    return f"{type(exc).__name__}: {text}"[:1000]


class Committer:
    """Runs units of work in one transaction each, with capped exponential backoff on transient errors."""

    def __init__(
        self,
        engine: AsyncEngine,
        metrics: WriterMetrics,
        *,
        copy_min_rows: int,
        attempt_timeout_s: float,
        backoff_base_s: float,
        backoff_cap_s: float,
    ) -> None:
        self._engine = engine
        self._metrics = metrics
        self.copy_min_rows = copy_min_rows
        self._attempt_timeout_s = attempt_timeout_s
        self._backoff_base_s = backoff_base_s
        self._backoff_cap_s = backoff_cap_s
        self.deadline: float | None = None  # loop time after which nothing more is attempted
        self.deadline_set = asyncio.Event()

    def _budget(self) -> float:
        if self.deadline is None:
            return self._attempt_timeout_s
        left = self.deadline - asyncio.get_running_loop().time()
        if left <= 0:
            raise DeadlineExceeded("the stop deadline passed")
        return min(left, self._attempt_timeout_s)

    async def _sleep(self, delay: float) -> None:
        """Back off, but wake early when a stop deadline appears so it is honoured."""
        end = asyncio.get_running_loop().time() + delay
        while (left := end - asyncio.get_running_loop().time()) > 0:
            if self.deadline is not None:
                left = min(left, self.deadline - asyncio.get_running_loop().time())
                if left <= 0:
                    raise DeadlineExceeded("the stop deadline passed while retrying")
                await asyncio.sleep(left)
                continue
            with contextlib.suppress(TimeoutError):
                async with asyncio.timeout(left):
                    await self.deadline_set.wait()

    async def run(self, work: Work[T], *, what: str) -> T:
        """`work(conn)` in one transaction; transient failures retried for ever (or until the deadline).

        Raises RowRejected for data the database refuses, DeadlineExceeded when stop's deadline passes;
        anything else (a bug) propagates as is.
        """
        attempt = 0
        while True:
            budget = self._budget()
            try:
                async with asyncio.timeout(budget):
                    return await self._once(work)
            except Exception as exc:
                verdict = classify(exc)
                if verdict == "row":
                    raise RowRejected(exc) from exc
                if verdict == "fatal":
                    raise
                attempt += 1
                self._metrics.retries += 1
                delay = backoff(attempt, base_s=self._backoff_base_s, cap_s=self._backoff_cap_s)
                log.warning(
                    "db_write_retry", what=what, attempt=attempt, delay_s=round(delay, 3), error=one_line(exc)
                )
                await self._sleep(delay)

    async def _once(self, work: Work[T]) -> T:
        async with self._engine.connect() as sa_conn:
            try:
                raw = await sa_conn.get_raw_connection()
                conn: Any = raw.driver_connection
                async with conn.transaction():
                    return await work(conn)
            except BaseException as exc:
                if not isinstance(exc, Exception) or classify(exc) != "row":
                    with contextlib.suppress(Exception):
                        await sa_conn.invalidate()
                raise

    async def execute(
        self, conn: Any, p: Plan, rows: list[dict[str, Any]], *, copy: bool | None = None
    ) -> int:
        """Write rows with one plan on `conn`; returns rows really changed, or -1 if unknown (executemany)."""
        records = p.records(rows)
        if copy if copy is not None else len(records) >= self.copy_min_rows:
            await conn.execute(p.create_stage_sql)
            await conn.copy_records_to_table(p.stage_name, records=records, columns=p.columns)
            status = await conn.execute(p.from_stage_sql)
            await conn.execute(f'DROP TABLE "{p.stage_name}"')
            return affected(status)
        await conn.executemany(p.values_sql, records)
        return -1

    async def write(self, spec: TableSpec, rows: list[dict[str, Any]]) -> int:
        """One table's rows in one transaction (retried); returns rows changed or -1."""
        p = plan(spec, columns_of(spec, rows))

        async def work(conn: Any) -> int:
            return await self.execute(conn, p, rows)

        return await self.run(work, what=spec.name)

    async def dead_letter(self, spec: TableSpec, row: Mapping[str, Any], error: BaseException) -> None:
        """Keep a rejected row with its error in telemetry.dead_letters; if even that fails, log it whole."""
        reset = row.get("reset_date")
        reset_date = reset if isinstance(reset, date) else None
        message = one_line(error)
        payloads: list[str | None] = []
        with contextlib.suppress(Exception):
            payloads.append(to_json(dict(row)))
        payloads.append(to_json({"repr": repr(dict(row))}))
        for payload in payloads:
            with contextlib.suppress(RowRejected):

                async def work(conn: Any, payload: str | None = payload) -> None:
                    await conn.execute(_DEAD_LETTER_SQL, reset_date, spec.name, payload, message)

                await self.run(work, what="telemetry.dead_letters")
                self._metrics.dead_letters[spec.name] += 1
                log.error("db_row_dead_lettered", table=spec.name, error=message)
                return
        log.error("db_row_lost", table=spec.name, error=message, row=repr(dict(row)))

"""One transaction against PostgreSQL, retried while the failure is transient; dead letters.

The writer's commit pipeline is the only caller, so there is never more than one transaction in flight
(STYLE P9). Each attempt checks out a pooled connection, works on the raw asyncpg connection inside its own
transaction, and invalidates the connection when the failure may have broken it, so a restarted server costs
one retry.

A large batch is first COPYed straight into its table inside a savepoint: for new keys (price history, a new
epoch's crawl) that is all the work there is, half of what staging costs the server. An existing key raises
a unique violation, the savepoint is rolled back and the same records take the staged path (temporary table
+ `INSERT … SELECT … ON CONFLICT`), so a replay is still a no-op and an upsert still keeps the newer
observation. `DirectCopy` remembers which tables met existing keys recently, so a table of re-observations
(upserts) does not pay for a doomed attempt per batch.
"""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import Awaitable, Callable, Mapping
from datetime import date
from typing import Any, TypeVar

import asyncpg
from sqlalchemy.ext.asyncio import AsyncEngine

from stdaemon.backoff import backoff
from stdaemon.db.metrics import WriterMetrics
from stdaemon.db.partitions import EpochPartitions
from stdaemon.db.retry import classify
from stdaemon.db.statements import Batch, affected, to_json
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


class DirectCopy:
    """Whether a table's next large batch is COPYed straight in: yes, unless recent batches met existing keys.

    After a batch meets an existing key, the table's next 1, then 2, 4 … at most 64 large batches go straight
    to the stage before another attempt: a table of re-observations wastes at most one attempt in 64, and a
    table whose keys become new again (a new epoch) gets the direct path back at its next clean attempt.
    """

    MAX_SKIP = 64

    def __init__(self) -> None:
        self._skip: dict[str, int] = {}
        self._penalty: dict[str, int] = {}

    def wanted(self, table: str) -> bool:
        left = self._skip.get(table, 0)
        if left:
            self._skip[table] = left - 1
            return False
        return True

    def conflicted(self, table: str) -> None:
        penalty = min(self.MAX_SKIP, 2 * self._penalty.get(table, 0) or 1)
        self._penalty[table] = self._skip[table] = penalty

    def succeeded(self, table: str) -> None:
        self._penalty.pop(table, None)


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
        self.direct = DirectCopy()
        self.epochs = EpochPartitions()

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

    async def execute(self, conn: Any, batch: Batch, *, copy: bool | None = None) -> int:
        """Write a batch on `conn`; returns rows really changed, or -1 if unknown (executemany).

        `copy` forces COPY (True) or executemany (False); by default COPY from `copy_min_rows` rows.
        """
        p = batch.plan
        records = batch.records if batch.records is not None else p.records(batch.rows)
        if not (copy if copy is not None else len(records) >= self.copy_min_rows):
            await conn.executemany(p.values_sql, records)
            return -1
        table = p.spec.name
        if self.direct.wanted(table):
            try:
                async with conn.transaction():  # a savepoint: an existing key undoes this attempt only
                    await conn.copy_records_to_table(
                        p.table, schema_name=p.schema, records=records, columns=p.columns
                    )
            except asyncpg.UniqueViolationError:
                self.direct.conflicted(table)
                self._metrics.copy_conflicts += 1
            else:
                self.direct.succeeded(table)
                return len(records)
        await conn.execute(p.create_stage_sql)
        await conn.copy_records_to_table(p.stage_name, records=records, columns=p.columns)
        status = await conn.execute(p.from_stage_sql)
        await conn.execute(f'DROP TABLE "{p.stage_name}"')
        return affected(status)

    async def prepare(self, spec: TableSpec, rows: list[dict[str, Any]]) -> None:
        """Before writing `rows`: make the partitions of any epoch this process has not written yet."""
        epochs = self.epochs.missing(spec, rows)
        if epochs:
            await self.epochs.ensure(self.run, epochs)

    async def write(self, batch: Batch) -> int:
        """One table's batch in one transaction (retried); returns rows changed or -1."""
        await self.prepare(batch.plan.spec, batch.rows)

        async def work(conn: Any) -> int:
            return await self.execute(conn, batch)

        return await self.run(work, what=batch.plan.spec.name)

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

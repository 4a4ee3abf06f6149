"""The DbWriter: the one place rows go to PostgreSQL (DESIGN.md "The DbWriter", STYLE P9).

Producers `await writer.put(table, rows)`; one writer task (`run(stop)`, a service in the daemon's TaskGroup)
takes rows off a queue bounded in rows, buffers them per table (a repeated key replaces the earlier row),
and flushes when `batch_rows` are buffered or the oldest has lingered `linger_s`; while enough rows are
already waiting in the queue (a bulk load, a crawl), the batch grows to `BULK_FACTOR` × `batch_rows`
(at most half the queue bound) first: fewer, larger transactions. Each table's batch is one transaction.
A transient failure retries the batch with backoff for as long as it takes; a row the database rejects is
isolated by halving the batch and goes to `telemetry.dead_letters` with its error, while its batch-mates
land. On stop it drains within `drain_s` and reports what it wrote and, loudly, what it could not.
(Committing one batch while encoding the next was measured too, in a task of its own: no gain the noise
of a loaded 2-core machine let through, so the simpler serial loop stays.)

`write_atomic(parts)` writes a set of rows in ONE transaction and returns once committed, or raises
`WriteRejected` with nothing written: `stdaemon ingest` uses it so that a file is written whole or not at all.
`flush()` returns once everything put before it is committed.

Stopping: once `stop` is set the writer flushes at once (no linger) and keeps accepting puts; it returns
when nothing is buffered or queued and nothing new arrived for `quiet_s`, or when `drain_s` has passed —
then whatever is still unwritten is counted per table in `report.unwritten` and logged as an error, and
later puts raise WriterClosed. In the daemon, give the writer a stop event that is set after the producers
have finished (or share theirs and accept that a put after the drain fails loudly).

The writes themselves (a batch halved around rejected rows, an atomic unit) are in `db.flushing`.
"""

from __future__ import annotations

import asyncio
from collections import Counter
from collections.abc import Mapping, Sequence
from typing import Any

from sqlalchemy import Table
from sqlalchemy.ext.asyncio import AsyncEngine

from stdaemon.db.batching import Barrier, Chunk, Pending, RowQueue, TableBuffer, Unit, WriterClosed, normalise
from stdaemon.db.committer import Committer
from stdaemon.db.flushing import GaveUp, WriteRejected, write_batch, write_unit
from stdaemon.db.metrics import WriterMetrics, WriterReport
from stdaemon.db.tables import TABLES, TableSpec
from stdaemon.logging import get_logger
from stdaemon.settings import Settings

log = get_logger(__name__)

TableRef = TableSpec | Table | str
Rows = Sequence[Mapping[str, Any]]

COPY_MIN_ROWS = 300  # below this executemany beats COPY into a temp table (benchmarks/writer.py)
BULK_FACTOR = 4  # a batch cut while more rows wait in the queue grows to this many times `batch_rows`

__all__ = ["DbWriter", "WriteRejected", "WriterClosed", "WriterReport", "resolve"]


def resolve(table: TableRef) -> TableSpec:
    """A registered table by spec, `Table` or `schema.table` name."""
    if isinstance(table, TableSpec):
        return table
    name = table if isinstance(table, str) else f"{table.schema}.{table.name}"
    try:
        return TABLES[name]
    except KeyError:
        raise ValueError(f"unknown table {name!r}") from None


class DbWriter:
    """One bounded queue, one writer task, one transaction per table batch."""

    name = "db-writer"

    def __init__(
        self,
        engine: AsyncEngine,
        *,
        max_rows: int = 50_000,
        batch_rows: int = 5_000,
        linger_s: float = 0.25,
        drain_s: float = 15.0,
        copy_min_rows: int = COPY_MIN_ROWS,
        attempt_timeout_s: float = 60.0,
        backoff_base_s: float = 0.1,
        # During an outage the writer tries again every 1–2 s: writing resumes within ~2 s of the database's
        # return (the README's guarantee is 5 s; a 5 s cap made it 2.5–5 s plus the commit).
        backoff_cap_s: float = 2.0,
        quiet_s: float = 0.2,
    ) -> None:
        self._batch_rows = max(1, min(batch_rows, max_rows))
        # With a backlog (more rows already queued), a batch grows up to this: fewer, larger transactions.
        self._bulk_rows = max(self._batch_rows, min(BULK_FACTOR * self._batch_rows, max_rows // 2))
        self._linger_s = linger_s
        self._drain_s = drain_s
        self._quiet_s = quiet_s
        self._queue = RowQueue(max_rows)
        self._pending = Pending()
        self.metrics = WriterMetrics()
        self._db = Committer(
            engine,
            self.metrics,
            copy_min_rows=copy_min_rows,
            attempt_timeout_s=attempt_timeout_s,
            backoff_base_s=backoff_base_s,
            backoff_cap_s=backoff_cap_s,
        )
        self._inflight: Counter[str] = Counter()  # taken off the queue, not yet committed or dead-lettered
        self._stopping = False
        self.report: WriterReport | None = None

    @classmethod
    def from_settings(cls, engine: AsyncEngine, settings: Settings) -> DbWriter:
        return cls(
            engine,
            max_rows=settings.writer_max_rows,
            batch_rows=settings.writer_batch_rows,
            linger_s=settings.writer_linger_s,
            drain_s=settings.writer_drain_s,
        )

    @property
    def depth(self) -> int:
        """Rows accepted and not yet committed (never more than `max_rows`)."""
        return self._queue.depth

    # --- producers -----------------------------------------------------------------------------------

    async def put(self, table: TableRef, rows: Rows) -> None:
        """Queue rows for `table`; waits while the queue is full. Raises WriterClosed once stopped."""
        spec = resolve(table)
        batch = normalise(spec, rows)
        now = asyncio.get_running_loop().time()
        for i in range(0, len(batch), self._batch_rows):
            await self._queue.put(Chunk(spec, batch[i : i + self._batch_rows], now))
            self._observe_depth()
        # Let the writer run: a producer that never waits (a bulk load) would otherwise starve the COPY in
        # flight of its turns on the event loop, and the database would idle while the producer works.
        await asyncio.sleep(0)

    async def write_atomic(self, parts: Sequence[tuple[TableRef, Rows]]) -> dict[str, int]:
        """Write every part in ONE transaction; returns rows really changed per table.

        Raises WriteRejected (nothing written) when the database refuses any row, WriterClosed on stop.
        """
        resolved = [(resolve(t), normalise(resolve(t), rows)) for t, rows in parts]
        done: asyncio.Future[dict[str, int]] = asyncio.get_running_loop().create_future()
        await self._queue.put(Unit(resolved, done))
        self._observe_depth()
        return await done

    async def flush(self) -> None:
        """Return once everything put before this call is committed or dead-lettered."""
        done: asyncio.Future[None] = asyncio.get_running_loop().create_future()
        await self._queue.put(Barrier(done))
        await done

    # --- the service -----------------------------------------------------------------------------------

    async def run(self, stop: asyncio.Event) -> None:
        """Write until `stop` is set, then drain within `drain_s`; the report is in `self.report`."""
        watcher = asyncio.create_task(self._watch(stop), name="db-writer-stop")
        try:
            await self._loop()
        except GaveUp:
            pass
        except BaseException:
            self._queue.close("the database writer failed")
            self._finish(self._abandon())
            raise
        finally:
            watcher.cancel()
        self._queue.close("the database writer has stopped")
        self._finish(self._abandon())

    async def _watch(self, stop: asyncio.Event) -> None:
        await stop.wait()
        self._stopping = True
        self._db.deadline = asyncio.get_running_loop().time() + self._drain_s
        self._db.deadline_set.set()
        self._queue.wake()
        log.info("db_writer_draining", queued_rows=self._queue.depth, deadline_s=self._drain_s)

    def _abandon(self) -> Counter[str]:
        """Count (and fail) whatever is in flight, buffered or queued; nothing vanishes silently."""
        unwritten = Counter(self._inflight)
        self._inflight.clear()
        for buf in self._pending.take():
            unwritten[buf.spec.name] += len(buf.rows)
        for item in self._queue.take_all():
            if isinstance(item, Chunk):
                unwritten[item.spec.name] += len(item.rows)
            elif not item.done.done():
                item.done.set_exception(WriterClosed("the database writer stopped before writing this"))
                if isinstance(item, Unit):
                    for spec, rows in item.parts:
                        unwritten[spec.name] += len(rows)
        return unwritten

    def _finish(self, unwritten: Counter[str]) -> None:
        report = WriterReport(
            written=dict(self.metrics.rows_written),
            dead_lettered=dict(self.metrics.dead_letters),
            unwritten={k: v for k, v in unwritten.items() if v},
        )
        self.report = report
        if report.complete:
            log.info("db_writer_stopped", written=report.written, dead_lettered=report.dead_lettered)
        else:
            log.error(
                "db_writer_unwritten_rows",
                unwritten=report.unwritten,
                written=report.written,
                hint="the database was unreachable until the stop deadline; these rows were NOT stored",
            )

    async def _loop(self) -> None:
        loop = asyncio.get_running_loop()
        while True:
            timeout: float | None = None
            if self._pending.since is not None:
                timeout = max(0.0, self._pending.since + self._linger_s - loop.time())
            if self._stopping:
                timeout = 0.0 if self._pending.rows else self._quiet_s
            item = await self._queue.get(timeout)
            if item is None:
                if self._pending.rows:
                    await self._flush()
                elif self._stopping and not len(self._queue):
                    return  # drained: nothing buffered or queued, and nothing arrived for `quiet_s`
                continue
            if isinstance(item, Chunk):
                collapsed = self._pending.add(item, loop.time())
                self.metrics.rows_coalesced += collapsed
                self._queue.release(collapsed)
                pending = self._pending.rows
                if pending >= self._batch_rows and not (  # a backlog that fills a bulk batch: take it
                    pending < self._bulk_rows and self._queue.queued >= self._bulk_rows - pending
                ):
                    await self._flush()
                continue
            try:
                await self._flush()
            except BaseException:
                self._fail_taken(item)  # off the queue already: `_abandon` would not see it
                raise
            if isinstance(item, Unit):
                await self._write_unit(item)
            elif not item.done.done():
                item.done.set_result(None)

    def _fail_taken(self, item: Unit | Barrier) -> None:
        """Fail a unit or barrier the writer took but will never reach; count a unit's rows as unwritten."""
        if not item.done.done():
            item.done.set_exception(WriterClosed("the database writer stopped before writing this"))
        if isinstance(item, Unit):
            for spec, rows in item.parts:
                self._inflight[spec.name] += len(rows)

    def _observe_depth(self) -> None:
        depth = self._queue.depth
        self.metrics.queue_depth = depth
        self.metrics.max_queue_depth = max(self.metrics.max_queue_depth, depth)

    def _release(self, table: str, n: int) -> None:
        self._inflight[table] -= n
        self._queue.release(n)
        self.metrics.queue_depth = self._queue.depth

    async def _flush(self) -> None:
        buffers = self._pending.take()
        for buf in buffers:
            self._inflight[buf.spec.name] += len(buf.rows)
        for buf in buffers:
            await self._write_buffer(buf)

    async def _write_buffer(self, buf: TableBuffer) -> None:
        await write_batch(self._db, self.metrics, buf, self._release)

    async def _write_unit(self, unit: Unit) -> None:
        await write_unit(self._db, self.metrics, unit, self._inflight)
        self._queue.release(unit.rows)

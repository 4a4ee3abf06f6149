"""How the DbWriter writes what it took off its queue: one table's batch, or an atomic unit.

- `write_batch`: one transaction per batch; a row the database rejects is isolated by halving the batch and
  goes to `telemetry.dead_letters` with its error, while its batch-mates land; `release` is told of every
  row done with (written or dead-lettered).
- `write_unit`: every part of a `write_atomic` in ONE transaction; a rejected row fails the whole unit with
  `WriteRejected` and nothing written.
Both raise `GaveUp` when the writer's stop deadline passes first; what they hold is then counted unwritten.
"""

from __future__ import annotations

import asyncio
import contextlib
from collections import Counter
from collections.abc import Callable
from typing import Any

from stdaemon.db.batching import Chunk, TableBuffer, Unit, WriterClosed
from stdaemon.db.committer import Committer, DeadlineExceeded, RowRejected
from stdaemon.db.metrics import WriterMetrics
from stdaemon.db.statements import Batch
from stdaemon.exits import StdaemonError


class WriteRejected(StdaemonError):
    """The database refused a row of an atomic write; nothing of it was written."""


class GaveUp(Exception):
    """The stop deadline passed with rows still unwritten."""


async def write_batch(
    db: Committer, metrics: WriterMetrics, buf: TableBuffer, release: Callable[[str, int], None]
) -> None:
    """Write one table's batch; halve around rejected rows until each is written or dead-lettered."""
    loop = asyncio.get_running_loop()
    spec = buf.spec
    todo = [Batch.of(spec, list(buf.rows.values())).encode()]
    while todo:
        part = todo.pop()
        started = loop.time()
        try:
            changed = await db.write(part)
        except RowRejected as rejected:
            if len(part.rows) > 1:
                first, second = part.halves()
                todo.extend((second, first))
                continue
            try:
                await db.dead_letter(spec, part.rows[0], rejected.cause)
            except DeadlineExceeded:
                raise GaveUp from None
            release(spec.name, 1)
            continue
        except DeadlineExceeded:
            raise GaveUp from None
        metrics.batches += 1
        metrics.batch_latency_s.append(loop.time() - started)
        metrics.rows_written[spec.name] += len(part.rows)
        if changed >= 0:
            metrics.rows_changed[spec.name] += changed
        release(spec.name, len(part.rows))
    now = loop.time()
    for enqueued_at, _ in buf.enqueued:
        metrics.commit_latency_s.append(now - enqueued_at)


async def write_unit(db: Committer, metrics: WriterMetrics, unit: Unit, inflight: Counter[str]) -> None:
    """Write a `write_atomic` unit in one transaction and settle its future; counts into `inflight` what a
    failure leaves unwritten."""
    merged: dict[str, TableBuffer] = {}
    for spec, rows in unit.parts:
        buf = merged.setdefault(spec.name, TableBuffer(spec))
        buf.add(Chunk(spec, rows, 0.0))
    batches = [(b.spec, list(b.rows.values())) for b in merged.values() if b.rows]
    for spec, rows in batches:
        await db.prepare(spec, rows)

    async def work(conn: Any) -> dict[str, int]:
        changed: dict[str, int] = {}
        for spec, rows in batches:
            changed[spec.name] = await db.execute(conn, Batch.of(spec, rows), copy=True)
        return changed

    try:
        result = await db.run(work, what="atomic write")
    except RowRejected as rejected:
        with contextlib.suppress(asyncio.InvalidStateError):
            unit.done.set_exception(WriteRejected(f"the database rejected a row: {rejected}"))
    except DeadlineExceeded:
        with contextlib.suppress(asyncio.InvalidStateError):
            unit.done.set_exception(WriterClosed("the database writer stopped before writing this"))
        for spec, rows in batches:
            inflight[spec.name] += len(rows)
        raise GaveUp from None
    except BaseException:
        with contextlib.suppress(asyncio.InvalidStateError):  # the writer is failing: tell the caller
            unit.done.set_exception(WriterClosed("the database writer failed while writing this"))
        for spec, rows in batches:
            inflight[spec.name] += len(rows)
        raise
    else:
        metrics.batches += 1
        for spec, rows in batches:
            metrics.rows_written[spec.name] += len(rows)
            metrics.rows_changed[spec.name] += result.get(spec.name, 0)
        with contextlib.suppress(asyncio.InvalidStateError):
            unit.done.set_result(result)

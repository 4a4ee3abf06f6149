"""The writer's queue, bounded in rows, and the per-table buffer that coalesces repeated keys.

Why rows and not items: one `put` may carry one agent or five thousand market snapshots; memory follows rows.
The bound covers rows queued *and* rows taken by the writer but not yet committed, so memory stays bounded
even while a batch is being retried against a database that is down: producers simply wait.
"""

from __future__ import annotations

import asyncio
from collections import deque
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from stdaemon.db.statements import encode_json_values, getter
from stdaemon.db.tables import TableSpec
from stdaemon.exits import StdaemonError


class WriterClosed(StdaemonError):
    """The writer has stopped (or gave up draining); nothing more can be written through it."""


@dataclass(slots=True)
class Chunk:
    """Rows for one table, as handed to `put` (at most `batch_rows` of them)."""

    spec: TableSpec
    rows: list[dict[str, Any]]
    enqueued_at: float


@dataclass(slots=True)
class Unit:
    """Rows for several tables that must commit together or not at all (one ingested file)."""

    parts: list[tuple[TableSpec, list[dict[str, Any]]]]
    done: asyncio.Future[dict[str, int]]

    @property
    def rows(self) -> int:
        return sum(len(rows) for _, rows in self.parts)


@dataclass(slots=True)
class Barrier:
    """Resolved once everything queued before it is committed (or dead-lettered)."""

    done: asyncio.Future[None]


Item = Chunk | Unit | Barrier


def _count(item: Item) -> int:
    if isinstance(item, Chunk):
        return len(item.rows)
    return item.rows if isinstance(item, Unit) else 0


class RowQueue:
    """FIFO of items whose `depth` (rows queued + rows in flight) never exceeds `max_rows`.

    `put` waits while the new rows would not fit; an item larger than the whole bound (only an atomic
    unit can be) is admitted alone, when the depth is zero. The consumer calls `release(n)` once `n` rows
    are committed, dead-lettered or coalesced away.
    """

    def __init__(self, max_rows: int) -> None:
        self.max_rows = max_rows
        self._items: deque[Item] = deque()
        self._depth = 0
        self._queued = 0
        self._space: deque[asyncio.Future[None]] = deque()
        self._ready = asyncio.Event()
        self._closed: BaseException | None = None

    @property
    def depth(self) -> int:
        """Rows accepted and not yet committed."""
        return self._depth

    @property
    def queued(self) -> int:
        """Rows accepted and not yet taken by the writer."""
        return self._queued

    def __len__(self) -> int:
        return len(self._items)

    async def put(self, item: Item) -> None:
        n = _count(item)
        while True:
            if self._closed is not None:
                raise WriterClosed(str(self._closed))
            if self._depth == 0 or self._depth + n <= self.max_rows:
                break
            waiter = asyncio.get_running_loop().create_future()
            self._space.append(waiter)
            try:
                await waiter
            finally:
                if waiter in self._space:
                    self._space.remove(waiter)
        self._depth += n
        self._queued += n
        self._items.append(item)
        self._ready.set()

    async def get(self, wait_s: float | None) -> Item | None:
        """The next item, or None when `wait_s` passes (or `wake()` is called) with nothing queued."""
        if not self._items:
            self._ready.clear()
            try:
                async with asyncio.timeout(wait_s):
                    await self._ready.wait()
            except TimeoutError:
                pass
            if not self._items:
                return None
        item = self._items.popleft()
        self._queued -= _count(item)
        return item

    def take_all(self) -> list[Item]:
        """Everything still queued (for the final report when the writer gives up)."""
        items = list(self._items)
        self._items.clear()
        self._queued = 0
        return items

    def release(self, n: int) -> None:
        if n <= 0:
            return
        self._depth -= n
        while self._space:
            waiter = self._space.popleft()
            if not waiter.done():
                waiter.set_result(None)

    def wake(self) -> None:
        """Make a waiting `get` return now (stop was requested)."""
        self._ready.set()

    def close(self, reason: str) -> None:
        """Refuse further puts and fail producers waiting for space."""
        self._closed = WriterClosed(reason)
        while self._space:
            waiter = self._space.popleft()
            if not waiter.done():
                waiter.set_exception(WriterClosed(reason))


@dataclass(slots=True)
class TableBuffer:
    """One table's pending rows keyed by their primary key: a repeated key replaces (last write wins)."""

    spec: TableSpec
    rows: dict[tuple[Any, ...], dict[str, Any]] = field(default_factory=dict)
    enqueued: list[tuple[float, int]] = field(default_factory=list)  # (enqueued_at, rows) per chunk

    def add(self, chunk: Chunk) -> int:
        """Add a chunk's rows; returns how many rows collapsed into an earlier row with the same key.

        The later row wins, except that an older observation never replaces a newer one (`observed_at`
        of a latest-state table): the same rule as the upsert's guard, whatever the batch boundaries.
        """
        before = len(self.rows)
        spec = self.spec
        newest_wins = (
            spec.kind == "latest" and "observed_at" in spec.table.c and "observed_at" not in spec.key
        )
        key_of = getter(spec.key)
        for row in chunk.rows:
            key = key_of(row)
            held = self.rows.get(key)
            if held is not None and newest_wins and _older(row, held):
                continue
            self.rows[key] = row
        self.enqueued.append((chunk.enqueued_at, len(chunk.rows)))
        return len(chunk.rows) - (len(self.rows) - before)


def _older(row: Mapping[str, Any], held: Mapping[str, Any]) -> bool:
    mine, theirs = row.get("observed_at"), held.get("observed_at")
    try:
        return mine is not None and theirs is not None and bool(mine < theirs)
    except TypeError:  # not comparable (a caller's naive datetime): the later row wins, as before
        return False


class Pending:
    """What the writer has taken from the queue and not yet flushed, per table."""

    def __init__(self) -> None:
        self.tables: dict[str, TableBuffer] = {}
        self.rows = 0
        self.since: float | None = None

    def add(self, chunk: Chunk, now: float) -> int:
        buf = self.tables.get(chunk.spec.name)
        if buf is None:
            buf = self.tables[chunk.spec.name] = TableBuffer(chunk.spec)
        collapsed = buf.add(chunk)
        self.rows += len(chunk.rows) - collapsed
        if self.since is None:
            self.since = now
        return collapsed

    def take(self) -> list[TableBuffer]:
        buffers = list(self.tables.values())
        self.tables = {}
        self.rows = 0
        self.since = None
        return buffers


def normalise(spec: TableSpec, rows: Sequence[Mapping[str, Any]]) -> list[dict[str, Any]]:
    """Plain dicts carrying the key, their jsonb values serialised (`statements.EncodedJson`); a row without
    a key column is a caller bug and fails here, loudly."""
    out = [dict(row) for row in rows]
    key = frozenset(spec.key)
    for row in out:
        if not row.keys() >= key:
            missing = [k for k in spec.key if k not in row]
            raise ValueError(f"a row for {spec.name} lacks key column(s) {missing}")
    encode_json_values(spec, out)
    return out

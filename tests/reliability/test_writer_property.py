"""The DbWriter, property-based (hypothesis): any interleaving of upserts, replays and restarts leaves the
database equal to the last write per key.

A program is a list of steps: `put` (fresh observations, each newer than every one before, of a few keys
of a latest-state table and of a history table, in one call), `replay` (an earlier put sent again as it
was: an at-least-once producer after a restart) and `restart` (the writer drains and stops; a new one,
with other batch and queue sizes, takes over). The model of what the database must hold is a dict: latest
state keeps the newest observation of each key, history keeps every distinct observation once.

An unchanged latest-state row is not rewritten (the upsert's `IS DISTINCT FROM` guard), so its `observed_at`
is that of SOME observation of its current value (which one depends on how observations fell into batches);
its data is the last write's, always.
"""

from __future__ import annotations

import asyncio
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncEngine

from stdaemon.db.writer import DbWriter
from tests.reliability import figures
from tests.reliability.scale import current
from tests.writer.writer_support import T0, fetch, snapshot_row, waypoint_row

SNAPSHOTS = "telemetry.market_snapshots"
KEYS = 6  # few keys, so that steps collide on them


@dataclass(frozen=True)
class Put:
    keys: tuple[int, ...]  # waypoint numbers (and market numbers, for the snapshots)
    values: tuple[int, ...]


@dataclass(frozen=True)
class Replay:
    which: int  # index into the puts done so far (modulo their number)


@dataclass(frozen=True)
class Restart:
    batch_rows: int
    max_rows: int


def _put() -> st.SearchStrategy[Put]:
    keys = st.lists(st.integers(0, KEYS - 1), min_size=1, max_size=8)
    return keys.flatmap(
        lambda ks: st.builds(Put, st.just(tuple(ks)), st.tuples(*[st.integers(-400, 400) for _ in ks]))
    )


STEP = st.one_of(
    _put(),
    _put(),
    st.builds(Replay, st.integers(0, 1000)),
    st.builds(Restart, st.integers(1, 20), st.integers(1, 40)),
)


class Program:
    """Runs steps against real writers and keeps the model of what the database must hold."""

    def __init__(self, engine: AsyncEngine) -> None:
        self.engine = engine
        self.tick = 0
        self.sent: list[tuple[list[dict[str, Any]], list[dict[str, Any]]]] = []
        self.latest: dict[str, int] = {}  # waypoint symbol -> x of its last write
        self.seen: dict[tuple[str, int], set[Any]] = {}  # (symbol, x) -> when it was observed with that x
        self.history: dict[tuple[str, str, Any], int] = {}  # (market, good, observed_at) -> price
        self.writer: DbWriter | None = None
        self.stop = asyncio.Event()
        self.task: asyncio.Task[None] | None = None
        self.restarts = 0

    def start(self, batch_rows: int = 5, max_rows: int = 20) -> None:
        self.writer = DbWriter(
            self.engine, batch_rows=batch_rows, max_rows=max_rows, linger_s=0.005, quiet_s=0.01,
            backoff_base_s=0.01,
        )  # fmt: skip
        self.stop = asyncio.Event()
        self.task = asyncio.create_task(self.writer.run(self.stop))

    async def halt(self) -> None:
        assert self.writer is not None and self.task is not None
        self.stop.set()
        await asyncio.wait_for(self.task, 30)
        assert self.writer.report is not None and self.writer.report.complete, self.writer.report

    async def put(self, waypoints: list[dict[str, Any]], snapshots: list[dict[str, Any]]) -> None:
        assert self.writer is not None
        await self.writer.put("reference.waypoints", waypoints)
        await self.writer.put(SNAPSHOTS, snapshots)

    async def step(self, step: Put | Replay | Restart) -> None:
        if isinstance(step, Restart):
            await self.halt()
            self.restarts += 1
            self.start(step.batch_rows, step.max_rows)
            return
        if isinstance(step, Replay):
            if self.sent:
                await self.put(*self.sent[step.which % len(self.sent)])
            return
        waypoints, snapshots = [], []
        for key, value in zip(step.keys, step.values, strict=True):
            self.tick += 1
            observed = T0 + timedelta(seconds=self.tick)
            w = waypoint_row(key, observed=observed, x=value)
            s = snapshot_row(key * 40, observed=observed, purchase_price=value + 400)
            waypoints.append(w)
            snapshots.append(s)
            self.latest[w["symbol"]] = value
            self.seen.setdefault((w["symbol"], value), set()).add(observed)
            self.history[(s["waypoint_symbol"], s["trade_symbol"], observed)] = value + 400
        self.sent.append((waypoints, snapshots))
        await self.put(waypoints, snapshots)

    async def check(self) -> None:
        """The database equals the last write per key (see the module docstring for `observed_at`)."""
        sql = "SELECT symbol, observed_at, x FROM reference.waypoints"
        latest = {r["symbol"]: (r["x"], r["observed_at"]) for r in await fetch(self.engine, sql)}
        assert {k: v[0] for k, v in latest.items()} == self.latest
        for symbol, (x, observed) in latest.items():
            assert observed in self.seen[(symbol, x)], (symbol, x, observed)
        sql = "SELECT waypoint_symbol, trade_symbol, observed_at, purchase_price FROM " + SNAPSHOTS
        history = {(r["waypoint_symbol"], r["trade_symbol"], r["observed_at"]): r["purchase_price"]
                   for r in await fetch(self.engine, sql)}  # fmt: skip
        assert history == self.history


@settings(
    max_examples=20 if current().name == "short" else 300,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
    derandomize=current().name == "short",  # CI runs the same examples every time; the soak explores
)
@given(steps=st.lists(STEP, min_size=1, max_size=25))
async def test_any_interleaving_leaves_the_last_write_per_key(
    clean_db: AsyncEngine, steps: list[Put | Replay | Restart]
) -> None:
    async with clean_db.begin() as conn:  # each example starts empty (faster than truncating every table)
        for table in ("reference.waypoints", SNAPSHOTS):
            await conn.execute(text(f"DELETE FROM {table}"))
    program = Program(clean_db)
    program.start()
    try:
        for step in steps:
            await program.step(step)
    finally:
        await program.halt()
    await program.check()
    row = figures.row("DbWriter property (hypothesis)")
    row.trials += 1
    row.observed += sum(len(w) + len(s) for w, s in program.sent)
    row.stored += len(program.latest) + len(program.history)
    row.restarts += program.restarts

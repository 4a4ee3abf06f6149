"""The writer's fast paths keep every guarantee: COPY straight into a table (inside a savepoint) falls back to
the staged `INSERT … ON CONFLICT` when a key exists, a replay stays a no-op, poison rows are still isolated,
and a backlog makes fewer, larger batches."""

from __future__ import annotations

import json
from datetime import timedelta

import pytest
from sqlalchemy.ext.asyncio import AsyncEngine

from stdaemon.db.committer import DirectCopy
from stdaemon.db.statements import to_json
from stdaemon.db.writer import DbWriter
from tests.writer.writer_support import T0, count, fetch, running, snapshot_row, waypoint_row

SNAPSHOTS = "telemetry.market_snapshots"
WAYPOINTS = "reference.waypoints"


async def test_history_rows_copied_straight_in_then_replayed_with_new_ones(clean_db: AsyncEngine) -> None:
    writer = DbWriter(clean_db, linger_s=0.01, copy_min_rows=100)
    first = [snapshot_row(i) for i in range(400)]
    async with running(writer):
        await writer.put(SNAPSHOTS, first)
        await writer.flush()
        assert writer.metrics.rows_changed[SNAPSHOTS] == 400  # COPY straight in: every row new
        assert writer.metrics.copy_conflicts == 0
        # a replay of all 400 with 100 new observations: the direct COPY meets existing keys, the staged
        # ON CONFLICT DO NOTHING writes only the new ones
        again = [*first, *(snapshot_row(i, observed=T0 + timedelta(minutes=5)) for i in range(100))]
        await writer.put(SNAPSHOTS, again)
        await writer.flush()
    assert await count(clean_db, SNAPSHOTS) == 500
    assert writer.metrics.rows_changed[SNAPSHOTS] == 500
    assert writer.metrics.rows_written[SNAPSHOTS] == 900
    assert writer.metrics.copy_conflicts == 1
    assert await count(clean_db, "telemetry.dead_letters") == 0


async def test_an_upsert_after_a_direct_copy_keeps_the_newer_observation(clean_db: AsyncEngine) -> None:
    writer = DbWriter(clean_db, linger_s=0.01, copy_min_rows=50)
    async with running(writer):
        await writer.put(WAYPOINTS, [waypoint_row(i, x=1) for i in range(200)])  # new keys: COPY straight in
        await writer.flush()
        assert writer.metrics.copy_conflicts == 0
        newer = [waypoint_row(i, x=2, observed=T0 + timedelta(hours=1)) for i in range(0, 200, 2)]
        older = [waypoint_row(i, x=3, observed=T0 - timedelta(hours=1)) for i in range(1, 200, 2)]
        await writer.put(WAYPOINTS, [*newer, *older, *(waypoint_row(i, x=4) for i in range(200, 260))])
        await writer.flush()
    assert writer.metrics.copy_conflicts == 1
    stored = {r["symbol"]: r["x"] for r in await fetch(clean_db, f"SELECT symbol, x FROM {WAYPOINTS}")}
    assert len(stored) == 260
    assert [stored[waypoint_row(i)["symbol"]] for i in range(4)] == [2, 1, 2, 1]
    assert {stored[waypoint_row(i)["symbol"]] for i in range(200, 260)} == {4}


async def test_a_poison_row_among_existing_keys_is_dead_lettered_on_the_fallback(
    clean_db: AsyncEngine,
) -> None:
    writer = DbWriter(clean_db, linger_s=0.01, copy_min_rows=10)
    rows = [snapshot_row(i) for i in range(64)]
    async with running(writer):
        await writer.put(SNAPSHOTS, rows[:32])
        await writer.flush()
        bad = dict(rows[40], sell_price=-1)  # CHECK violation, next to 32 existing keys
        await writer.put(SNAPSHOTS, [*rows[:40], bad, *rows[41:]])
        await writer.flush()
    assert await count(clean_db, SNAPSHOTS) == 63
    assert writer.metrics.copy_conflicts >= 1  # the existing keys sent it to the staged path
    [letter] = await fetch(clean_db, "SELECT table_name, row, error FROM telemetry.dead_letters")
    assert letter["table_name"] == SNAPSHOTS and letter["row"]["sell_price"] == -1
    assert "check" in letter["error"].lower()


async def test_a_value_the_encoder_refuses_is_dead_lettered_and_its_batch_mates_land(
    clean_db: AsyncEngine,
) -> None:
    writer = DbWriter(clean_db, linger_s=0.01, copy_min_rows=10)
    rows = [snapshot_row(i) for i in range(30)]
    rows[7]["raw"] = {"not json": object()}
    async with running(writer):
        await writer.put(SNAPSHOTS, rows)
        await writer.flush()
    assert await count(clean_db, SNAPSHOTS) == 29
    [letter] = await fetch(clean_db, "SELECT table_name, row, error FROM telemetry.dead_letters")
    assert "not JSON serialisable" in letter["error"]
    assert "not json" in json.dumps(letter["row"])


async def test_a_backlog_is_written_in_fewer_larger_batches(clean_db: AsyncEngine) -> None:
    writer = DbWriter(clean_db, batch_rows=500, max_rows=10_000, linger_s=0.01, copy_min_rows=100)
    for i in range(0, 4000, 100):  # queued before the writer runs: a backlog
        await writer.put(SNAPSHOTS, [snapshot_row(j) for j in range(i, i + 100)])
    async with running(writer):
        await writer.flush()
    assert await count(clean_db, SNAPSHOTS) == 4000
    assert writer.metrics.batches == 2  # 4 × batch_rows each, not eight batches of 500


def test_direct_copy_backs_off_after_a_conflict_and_comes_back_after_a_success() -> None:
    direct = DirectCopy()
    assert direct.wanted("t")
    skipped = []
    for _ in range(4):  # conflicts in a row: skip 1, 2, 4, 8 batches
        direct.conflicted("t")
        n = 0
        while not direct.wanted("t"):
            n += 1
        skipped.append(n)
    assert skipped == [1, 2, 4, 8]
    for _ in range(10):
        direct.conflicted("t")
        while not direct.wanted("t"):
            pass
    direct.conflicted("t")
    assert sum(1 for _ in iter(lambda: direct.wanted("t"), True)) == DirectCopy.MAX_SKIP
    direct.succeeded("t")
    direct.conflicted("t")
    assert not direct.wanted("t") and direct.wanted("t")  # back to skipping one
    assert direct.wanted("other")


@pytest.mark.parametrize(
    "value",
    [
        {"symbol": "X1-A", "n": 1, "ü": "ß", "nested": [1, 2.5, None, True, {"a": "b"}]},
        {1: "int key", None: "null key"},  # orjson refuses non-string keys: the standard library's spelling
        {"big": 2**70},  # beyond 64 bits: the same
        (T0, T0.date()),
    ],
    ids=["plain", "non-str-keys", "big-int", "dates"],
)
def test_jsonb_text_is_what_the_standard_library_wrote(value: object) -> None:
    expected = json.dumps(value, default=lambda v: v.isoformat(), separators=(",", ":"), ensure_ascii=False)
    assert to_json(value) == expected

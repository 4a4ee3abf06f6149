"""What `stdaemon status` reads from the database: runners' heartbeats (keyed by role, their state) and the
runners' progress (freshest and stalest market, credits, dead letters)."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime, timedelta

from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncEngine

from stdaemon.db.ops_status import Beat, read_beats, read_progress, record_beat, runners_json

RESET = date(2026, 11, 15)
T0 = datetime(2026, 11, 21, 12, 0, tzinfo=UTC)


def beat(role: str = "fleet", agent: str = "AGENT-A", host: str = "h1", **changes: object) -> Beat:
    base = Beat(
        reset_date=RESET,
        agent_symbol=agent,
        host=host,
        role=role,
        pid=4242,
        started_at=T0,
        beat_at=T0,
        stopped_at=None,
        activity="fleet-observer: observed 2 ships",
        budget_used_1m=42,
        requests_sent=1000,
        throttled_429=0,
        dead_letters=1,
        writer_queue_rows=3,
        figures={"api": {"allowance_per_minute": 150}},
    )
    return replace(base, **changes)  # type: ignore[arg-type]


async def test_a_heartbeat_is_upserted_and_read_back_with_its_age(clean_db: AsyncEngine) -> None:
    await record_beat(clean_db, beat())
    await record_beat(clean_db, beat(budget_used_1m=57, activity="busy"))  # the same runner beats again
    await record_beat(clean_db, beat(role="crawl", activity="crawling"))
    async with clean_db.connect() as conn:
        beats = await read_beats(conn)
    assert [(b.role, b.budget_used_1m, b.activity) for b in beats] == [
        ("crawl", 42, "crawling"),
        ("fleet", 57, "busy"),
    ]
    assert all(b.age_s is not None and 0 <= b.age_s < 60 for b in beats)  # beat_at is the database's clock
    runners = runners_json(beats, stale_after_s=45)
    assert set(runners) == {"crawl", "fleet"}
    assert runners["fleet"]["state"] == "running"
    assert runners["fleet"]["budget_used_last_minute"] == 57
    assert runners["fleet"]["budget_allowance_per_minute"] == 150

    await record_beat(clean_db, beat(budget_used_1m=0, stopped_at=T0))
    async with clean_db.connect() as conn:
        stopped = {b.role: b for b in await read_beats(conn)}["fleet"]
    assert stopped.stopped_at is not None and runners_json([stopped], 45)["fleet"]["state"] == "stopped"


def test_runner_states_and_keys_when_several_agents_and_hosts_share_a_role() -> None:
    beats = [
        beat(age_s=3.0),
        beat(agent="AGENT-B", age_s=100.0),
        beat(agent="AGENT-B", host="h2", age_s=1.0),
        beat(role="crawl", age_s=None),
    ]
    runners = runners_json(beats, stale_after_s=45)
    assert set(runners) == {"fleet/AGENT-A", "fleet/AGENT-B@h1", "fleet/AGENT-B@h2", "crawl"}
    assert runners["fleet/AGENT-A"]["state"] == "running"
    assert runners["fleet/AGENT-B@h1"]["state"] == "stale"  # no heartbeat for 100 s: dead or wedged
    assert runners["fleet/AGENT-B@h2"]["host"] == "h2"
    assert runners["crawl"]["state"] == "stale"


async def test_progress_reads_the_markets_credits_and_dead_letters(clean_db: AsyncEngine) -> None:
    async with clean_db.connect() as conn:
        empty = await read_progress(conn)
    assert empty.reset_date is None and empty.markets_priced == 0 and empty.credits == {}

    stale, fresh = T0 - timedelta(minutes=30), T0 - timedelta(seconds=20)
    async with clean_db.begin() as conn:
        await conn.execute(
            text(
                "INSERT INTO reference.resets (reset_date, first_seen_at, last_seen_at, raw) "
                "VALUES ('2026-11-01', now(), now(), '{}'), (:r, now(), now(), '{}')"
            ),
            {"r": RESET},
        )
        goods = [
            ("X1-A-M1", "FUEL", stale),
            ("X1-A-M1", "ICE_WATER", stale - timedelta(minutes=1)),
            ("X1-A-M2", "FUEL", fresh),
            ("X1-A-M3", "FUEL", T0 - timedelta(minutes=5)),
        ]
        for market, good, seen in goods:
            await conn.execute(
                text(
                    "INSERT INTO telemetry.market_trade_goods (reset_date, waypoint_symbol, trade_symbol, "
                    "type, trade_volume, supply, purchase_price, sell_price, raw, observed_at) "
                    "VALUES (:r, :m, :g, 'EXPORT', 10, 'MODERATE', 10, 8, '{}', :t)"
                ),
                {"r": RESET, "m": market, "g": good, "t": seen},
            )
        for agent, credits in (("AGENT-A", 175_000), ("AGENT-B", 9_000)):
            await conn.execute(
                text(
                    "INSERT INTO telemetry.agents (reset_date, symbol, headquarters, credits, "
                    "starting_faction, ship_count, raw, observed_at) "
                    "VALUES (:r, :a, 'X1-A-HQ', :c, 'COSMIC', 2, '{}', now())"
                ),
                {"r": RESET, "a": agent, "c": credits},
            )
        await conn.execute(
            text(
                "INSERT INTO telemetry.dead_letters (table_name, row, error) "
                "VALUES ('telemetry.ships', '{}', 'x')"
            )
        )
    async with clean_db.connect() as conn:
        progress = await read_progress(conn)
    assert progress.reset_date == RESET
    assert progress.markets_priced == 3
    assert (progress.freshest_market, progress.freshest_market_at) == ("X1-A-M2", fresh)
    assert (progress.stalest_market, progress.stalest_market_at) == ("X1-A-M1", stale)  # its latest price
    assert progress.credits == {"AGENT-A": 175_000, "AGENT-B": 9_000}
    assert progress.dead_letters == 1
    assert progress.as_json()["freshest_market_at"] == fresh.isoformat()

"""Market observations from several agents (each with its own process and writer) merge in one database:
the latest prices are the newest observation whoever made it, in whatever order the writes land, and the
price history keeps every observation."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy.ext.asyncio import AsyncEngine

from stdaemon.db.writer import DbWriter
from tests.writer.writer_support import T0, fetch, running, snapshot_row


async def test_two_agents_observations_of_one_market_merge(clean_db: AsyncEngine) -> None:
    later = T0 + timedelta(minutes=5)
    alpha = [snapshot_row(i, observed=later, purchase_price=200 + i) for i in range(3)]  # the newer one
    bravo = [snapshot_row(i, observed=T0, purchase_price=100 + i) for i in range(3)]
    first, second = DbWriter(clean_db), DbWriter(clean_db)  # one per agent's process
    async with running(first), running(second):
        await first.put("telemetry.market_trade_goods", alpha)
        await first.put("telemetry.market_snapshots", alpha)
        await first.flush()
        await second.put("telemetry.market_trade_goods", bravo)  # lands after, but observed before
        await second.put("telemetry.market_snapshots", bravo)
        await second.flush()
    latest = await fetch(
        clean_db, "SELECT trade_symbol, purchase_price, observed_at FROM telemetry.market_trade_goods"
    )
    assert {(r["trade_symbol"], r["purchase_price"], r["observed_at"]) for r in latest} == {
        (f"GOOD_{i}", 200 + i, later) for i in range(3)
    }
    history = await fetch(clean_db, "SELECT count(*) AS n FROM telemetry.market_snapshots")
    assert history[0]["n"] == 6

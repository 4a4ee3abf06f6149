"""The shared budget on the real database: processes (here: engines of their own) sharing one row never
exceed the pools together, and the row holds the state between them."""

from __future__ import annotations

import asyncio
import time

from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncEngine
from sqlalchemy.pool import NullPool

from stdaemon.api.limiter import TwoPoolBudget
from stdaemon.api.priority import Priority
from stdaemon.api.shared_budget import SharedScheduler
from stdaemon.db.budget_store import DbBudgetStore
from stdaemon.db.engine import make_engine
from tests.support.server_pools import ServerPools

SECONDS = 2.5


async def test_two_processes_sharing_the_row_never_exceed_the_pool(
    clean_db: AsyncEngine, database_url: str
) -> None:
    engines = [make_engine(database_url, poolclass=NullPool) for _ in range(2)]
    key = f"test-{time.monotonic_ns()}"
    server = ServerPools()  # the documented pools, on this process's monotonic clock

    def budget() -> TwoPoolBudget:
        return TwoPoolBudget(max_answer_s=5.0)

    limiters = [
        SharedScheduler(DbBudgetStore(e), key, budget, process=f"p{i}") for i, e in enumerate(engines)
    ]
    loop = asyncio.get_running_loop()
    stop = loop.time() + SECONDS
    sent = [0, 0]

    async def worker(i: int) -> None:
        while loop.time() < stop:
            grant = await limiters[i].acquire(Priority.CRAWL)
            admitted = server.admit(time.monotonic())
            assert admitted, "the server would have answered 429"
            sent[i] += 1
            await asyncio.sleep(0.005)  # the round trip
            limiters[i].settle(grant)

    try:
        await asyncio.gather(*(worker(i % 2) for i in range(8)))
        for lim in limiters:
            await lim.aclose()
    finally:
        for e in engines:
            await e.dispose()
    assert server.rejected == 0
    assert min(sent) > 0, "both processes got points"
    assert sum(sent) >= 0.8 * TwoPoolBudget.theoretical(SECONDS)  # real time on a shared machine: loose
    async with clean_db.connect() as conn:
        state = (
            await conn.execute(
                text("SELECT state FROM public.stdaemon_rate_budgets WHERE key = :k"), {"k": key}
            )
        ).scalar_one()
        await conn.execute(text("DELETE FROM public.stdaemon_rate_budgets WHERE key = :k"), {"k": key})
        await conn.commit()
    assert state["pools"]["static"]["used"] <= 2 and state["pools"]["burst"]["used"] <= 30
    assert state["demand"] == {}, "nobody waits any more"

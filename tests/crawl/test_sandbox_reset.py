"""The sandbox carries on across a server reset too: its in-process stsim is reset while `run crawl` runs,
and the daemon registers a new agent there (the sandbox has an account token of its own), starts the new
epoch and crawls it, in the same process. The sandbox keeps no token file: its simulator lives as long as
the process."""

from __future__ import annotations

import asyncio
from pathlib import Path
from typing import Any

import httpx
import pytest
from sqlalchemy.ext.asyncio import AsyncEngine

from stdaemon import bootstrap
from stdaemon.cli.run import Role, run_daemon
from stdaemon.sandbox import sandbox_transport
from stdaemon.settings import Settings
from tests.writer.writer_support import fetch

pytestmark = pytest.mark.slow


async def stored_pages(engine: AsyncEngine) -> int:
    rows = await fetch(engine, "SELECT count(*) AS n FROM reference.crawl_progress WHERE task <> 'crawl'")
    return int(rows[0]["n"])


async def completed_crawls(engine: AsyncEngine) -> list[str]:
    rows = await fetch(
        engine,
        "SELECT reset_date::text AS d FROM reference.crawl_progress"
        " WHERE task = 'crawl' AND completed_at IS NOT NULL ORDER BY 1",
    )
    return [r["d"] for r in rows]


async def test_the_sandbox_goes_on_in_a_new_epoch_after_a_reset(
    clean_db: AsyncEngine, database_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    made: list[Any] = []

    def small_sandbox(**kw: Any) -> httpx.AsyncBaseTransport:
        transport = sandbox_transport(**(kw | {"systems": 6}))  # a small universe: a quick crawl
        made.append(transport)
        return transport

    monkeypatch.setattr(bootstrap, "sandbox_transport", small_sandbox)
    settings = Settings(database_url=database_url, state_dir=tmp_path / "var")
    stop = asyncio.Event()
    task = asyncio.create_task(run_daemon(settings, Role.crawl, migrate=False, stop=stop))
    try:
        async with asyncio.timeout(120):
            while await stored_pages(clean_db) < 40:  # noqa: ASYNC110  half-way (the burst pool is spent)
                await asyncio.sleep(0.05)
            first = made[0].app.state.server.world.reset_date.isoformat()
            made[0].app.state.server.reset()
            while len(await completed_crawls(clean_db)) < 1:  # noqa: ASYNC110
                await asyncio.sleep(0.2)
    finally:
        stop.set()
        await asyncio.wait_for(task, timeout=60)
    [second] = await completed_crawls(clean_db)  # the first epoch's crawl was cut short by the reset
    assert second > first
    resets = await fetch(clean_db, "SELECT reset_date::text AS d, simulated FROM reference.resets ORDER BY 1")
    assert resets == [{"d": first, "simulated": True}, {"d": second, "simulated": True}]
    systems = await fetch(
        clean_db, "SELECT reset_date::text AS d, count(*) AS n FROM reference.systems GROUP BY 1"
    )
    counts = {r["d"]: r["n"] for r in systems}
    assert counts[second] == 6 and counts.get(first, 0) <= 6
    assert not (tmp_path / "var" / "agent-token.json").exists()

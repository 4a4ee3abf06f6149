"""PostgreSQL stopped and started in the middle of a run: the writer retries and loses nothing.

This test owns its cluster: a throwaway embedded (pgserver) cluster in a temporary directory, never the
shared test server. It skips cleanly where the embedded PostgreSQL cannot run.
"""

from __future__ import annotations

import asyncio
import importlib
import tempfile
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncEngine

from stdaemon.db.engine import make_engine
from stdaemon.db.writer import DbWriter
from stdaemon.exits import StdaemonError
from tests.writer.writer_support import count, running, snapshot_row

SNAPSHOTS = "telemetry.market_snapshots"


def _start(state_dir: Path) -> Any:
    from stdaemon.db import embedded

    try:
        return embedded.start(state_dir)
    except StdaemonError as exc:
        pytest.skip(f"embedded PostgreSQL unavailable here: {exc}")


def _stop_now(server: Any) -> None:
    """`pg_ctl stop -m immediate`: every connection dies mid-transaction, as in a crash.

    (`embedded.start` would hand back pgserver's cached handle; the handle's own start brings it back.)
    """
    pgserver: Any = importlib.import_module("pgserver")
    pgserver.pg_ctl(["-w", "-m", "immediate", "stop"], pgdata=server.pgdata, user=server._handle.system_user)


async def _started_at(engine: AsyncEngine) -> Any:
    async with engine.connect() as conn:
        return (await conn.execute(text("SELECT pg_postmaster_start_time()"))).scalar_one()


@pytest.mark.slow
async def test_postgres_restarted_mid_run_loses_nothing() -> None:
    # Not pytest's tmp_path: parallel pytest sessions of the same user prune each other's numbered
    # directories, which would pull the data directory from under a running cluster.
    with tempfile.TemporaryDirectory(prefix="stdaemon-restart-") as tmp:
        await _restart_scenario(Path(tmp))


async def _restart_scenario(tmp_path: Path) -> None:
    from stdaemon.db.migrations import upgrade_head

    first = await asyncio.to_thread(_start, tmp_path)
    url = first.url("postgres")
    engine = make_engine(url)
    try:
        await upgrade_head(url)
        before = await _started_at(engine)
        writer = DbWriter(engine, batch_rows=200, linger_s=0.01, backoff_base_s=0.05, backoff_cap_s=0.5)
        total = 20_000
        halfway = asyncio.Event()

        async def restart() -> None:
            await halfway.wait()
            await asyncio.to_thread(_stop_now, first)
            await asyncio.sleep(0.5)  # down for a while: connection attempts are refused meanwhile
            await asyncio.to_thread(first._handle.ensure_postgres_running)

        async with running(writer):
            restarter = asyncio.create_task(restart())
            for i in range(0, total, 100):  # the producer keeps going while the server is down
                await writer.put(SNAPSHOTS, [snapshot_row(j) for j in range(i, i + 100)])
                if i == 5_000:
                    halfway.set()
                await asyncio.sleep(0.001)
            await restarter
            await writer.flush()
        after = await _started_at(engine)
        assert after > before, "the server really restarted"
        assert writer.metrics.retries >= 1
        assert writer.report is not None and writer.report.complete
        assert writer.report.written == {SNAPSHOTS: total}
        assert await count(engine, SNAPSHOTS) == total
    finally:
        await engine.dispose()
        await asyncio.to_thread(first.stop)

"""Item 2: PostgreSQL crashes and comes straight back, then stays down (60 s in the soak) in the middle of a
run. The daemon stays up; its memory stays bounded (the writer's queue is full, so producers wait instead of
piling rows up); writing resumes within 5 s of the database's return; and every row the API showed it is in
the database at the end.

The cluster is a private one (`private_pg.py`), never the machine's shared server.
"""

from __future__ import annotations

import asyncio
import time
from pathlib import Path

from sqlalchemy import text
from sqlalchemy.engine import make_url
from sqlalchemy.ext.asyncio import AsyncEngine
from sqlalchemy.pool import NullPool

from stdaemon.db.engine import make_engine
from tests.conftest import fresh_database
from tests.reliability import figures
from tests.reliability.conftest import DB_PASSWORD, Stsim
from tests.reliability.daemon import Daemon, LogBook
from tests.reliability.ledger import balance, owed
from tests.reliability.private_pg import PrivateCluster, private_cluster
from tests.reliability.scale import Scale
from tests.reliability.world import world

MAX_ROWS = 100  # the writer's queue bound (the least ST_WRITER_MAX_ROWS allows): filled within seconds
RESUME_S = 5.0


async def observations(db: AsyncEngine) -> int:
    async with db.connect() as conn:
        return int((await conn.execute(text("SELECT count(*) FROM telemetry.agent_snapshots"))).scalar_one())


async def resumed_after(cluster: PrivateCluster, db: AsyncEngine, before: int, daemon: Daemon) -> float:
    """Seconds from the cluster's return until the daemon's next commit shows in the database."""
    async with asyncio.timeout(60):
        while True:
            try:
                if await observations(db) > before:
                    return time.time() - cluster.up_since
            except OSError:
                pass
            assert daemon.proc is not None and daemon.proc.returncode is None, "the daemon died"
            await asyncio.sleep(0.1)


async def test_postgres_restarted_and_down_mid_run(
    book: LogBook, tmp_path: Path, stsim: Stsim, scale: Scale
) -> None:
    row = figures.row("PostgreSQL restart + outage")
    async with (
        private_cluster() as cluster,
        fresh_database(cluster.url()) as url,
        world(stsim, book, rate_limit=False) as w,
    ):
        db_url = make_url(url).set(password=DB_PASSWORD).render_as_string(hide_password=False)
        db = make_engine(url, poolclass=NullPool)  # a new connection per check: it sees the outage too
        env = w.env(db_url, tmp_path, ST_TTL_SHIPS_S="0.1", ST_TTL_AGENT_S="0.1",
                    ST_WRITER_MAX_ROWS=str(MAX_ROWS), ST_WRITER_BATCH_ROWS="50")  # fmt: skip
        try:
            async with Daemon(book, tmp_path / "daemon.log", env) as daemon:
                await daemon.wait_for("fleet_observed", 60)
                await asyncio.sleep(3)
                resumes = []
                # 1. a crash and an immediate restart
                before = await observations(db)
                await cluster.crash()
                await cluster.start()
                resumes.append(await resumed_after(cluster, db, before, daemon))
                await asyncio.sleep(3)
                # 2. down for a while: the queue fills, producers wait, memory stays flat
                rss_before = daemon.rss_samples[-1][1]
                rate_before = sum(1 for e in w.recorder.exchanges if e.at >= time.time() - 3) / 3
                before = await observations(db)
                await cluster.crash()
                down_at = time.time()
                await asyncio.sleep(scale.outage_s)
                assert daemon.proc is not None and daemon.proc.returncode is None, "the daemon died"
                during = [kib for t, kib in daemon.rss_samples if t >= down_at]
                sent_while_down = [e for e in w.recorder.exchanges if e.at >= down_at + 5]
                await cluster.start()
                resumes.append(await resumed_after(cluster, db, before, daemon))
                await asyncio.sleep(3)
                code, took = await daemon.stop(deadline_s=60)
        finally:
            await db.dispose()
        db = make_engine(url, poolclass=NullPool)
        try:
            result = await balance(db, owed(w.recorder.exchanges))
        finally:
            await db.dispose()

    assert code == 0, daemon.lines[-10:]
    assert all(r <= RESUME_S for r in resumes), f"writing resumed {resumes} s after the database's return"
    growth_mib = (max(during) - rss_before) / 1024
    assert growth_mib < 40, f"memory grew {growth_mib:.0f} MiB while the database was down"
    # Backpressure reaches the source: with the queue full the producers wait in put(), so they stop asking
    # the API (each may still finish a request or two it had started): a trickle, not the full rate.
    window = scale.outage_s - 5
    rate_down = len(sent_while_down) / window
    assert len(sent_while_down) <= 5 + 0.5 * window, (
        f"{rate_down:.1f} requests/s while the writer's queue was full ({rate_before:.1f} before)"
    )
    retries = [e for e in daemon.events() if e.get("event") == "db_write_retry"]
    assert retries, "the writer saw the outage"
    assert not [e for e in daemon.events() if e.get("event") == "db_writer_unwritten_rows"]
    assert result.lost == 0, result.missing
    assert result.observed > 0

    row.trials += 1
    row.observed += result.observed
    row.stored += result.stored
    row.lost += result.lost
    row.restarts += 2
    row.peak_rss_mib = max(row.peak_rss_mib, daemon.peak_rss_mib)
    row.notes.append(
        f"down {scale.outage_s:g} s: writing resumed {resumes[1]:.1f} s after the return (restart: "
        f"{resumes[0]:.1f} s); RSS +{growth_mib:.1f} MiB while down; API requests {rate_before:.1f}/s "
        f"before, {rate_down:.2f}/s while the queue was full; SIGTERM exit in {took:.1f} s"
    )

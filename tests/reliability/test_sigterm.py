"""Item 1: SIGTERM at full rate, again and again (3 times in CI, 20 in the soak). Every stop exits 0 within
the deadline (grace + drain, well inside systemd's TimeoutStopSec=60), the writer drains (no unwritten rows),
and at the end every row the API showed any of the daemons is in the database.

stsim runs without its rate limit and the daemon with a budget of 40 requests/s, so every runner of
`stdaemon run all` goes as fast as it can and the writer always holds rows when the signal comes.
"""

from __future__ import annotations

import asyncio
import random
import signal
from pathlib import Path

from sqlalchemy.ext.asyncio import AsyncEngine

from tests.reliability import figures
from tests.reliability.conftest import Stsim
from tests.reliability.daemon import Daemon, LogBook
from tests.reliability.ledger import balance, owed
from tests.reliability.scale import Scale
from tests.reliability.world import world

GRACE_S, DRAIN_S = 10.0, 15.0


async def test_sigterm_at_full_rate_loses_nothing(
    book: LogBook, tmp_path: Path, stsim: Stsim, db_url: str, db: AsyncEngine, *, scale: Scale
) -> None:
    row = figures.row("SIGTERM at full rate")
    rng = random.Random(14)
    stops: list[float] = []
    async with world(stsim, book, rate_limit=False, systems=12) as w:
        env = w.env(db_url, tmp_path, ST_TTL_SHIPS_S="0.2", ST_TTL_AGENT_S="0.2",
                    ST_SHUTDOWN_GRACE_S=str(GRACE_S), ST_WRITER_DRAIN_S=str(DRAIN_S))  # fmt: skip
        for trial in range(scale.sigterm_trials):
            async with Daemon(book, tmp_path / f"daemon-{trial}.log", env) as daemon:
                await daemon.wait_for("services_started", 90)
                await daemon.wait_for("fleet_observed", 60)
                await asyncio.sleep(rng.uniform(0.5, 4.0))
                code, took = await daemon.stop(signal.SIGTERM, deadline_s=GRACE_S + DRAIN_S + 5)
            assert code == 0, daemon.lines[-10:]
            events = [e["event"] for e in daemon.events()]
            assert "db_writer_stopped" in events and "db_writer_unwritten_rows" not in events
            stops.append(took)
            row.peak_rss_mib = max(row.peak_rss_mib, daemon.peak_rss_mib)
        result = await balance(db, owed(w.recorder.exchanges))
        row.rate_limited += await w.rate_limited()

    assert result.lost == 0, result.missing
    row.trials += scale.sigterm_trials
    row.observed += result.observed
    row.stored += result.stored
    row.restarts += scale.sigterm_trials
    row.notes.append(
        f"exit 0 within {max(stops):.1f} s of SIGTERM (median {sorted(stops)[len(stops) // 2]:.1f})"
    )

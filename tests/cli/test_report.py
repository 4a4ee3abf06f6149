"""`stdaemon report` end to end in a subprocess: the file it writes, and one line for each refusal."""

from __future__ import annotations

import os
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from sqlalchemy.ext.asyncio import AsyncEngine

from tests.analytics.observations import Observations, Price
from tests.cli.cli_support import one_line, stdaemon

SYSTEM = "X1-CR1"


async def _observed(engine: AsyncEngine) -> None:
    now = datetime.now(UTC)
    obs = Observations(date(2026, 11, 15))
    obs.reset_seen(now - timedelta(hours=1))
    obs.waypoint(f"{SYSTEM}-A1", x=0, y=0, at=now)
    obs.market(f"{SYSTEM}-A1", {"IRON": Price(buy=100, sell=90)}, at=now)
    obs.ship("STDAEMON_TEST-1", waypoint=f"{SYSTEM}-A1", at=now)
    obs.agent(175_000, at=now)
    await obs.write(engine)


async def test_report_writes_one_page(clean_db: AsyncEngine, database_url: str, tmp_path: Path) -> None:
    await _observed(clean_db)
    out = tmp_path / "page.html"
    done = stdaemon(tmp_path, "report", "--out", str(out), "--good", "iron", ST_DATABASE_URL=database_url)
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith(f"wrote {out} (")
    page = out.read_text(encoding="utf-8")
    assert f"stdaemon <span>STDAEMON_TEST</span> · {SYSTEM}" in page and 'id="price-iron"' in page
    assert os.listdir(tmp_path) == ["page.html"]  # no temporary file left behind


async def test_refusals_are_one_line(clean_db: AsyncEngine, database_url: str, tmp_path: Path) -> None:
    out = tmp_path / "page.html"
    empty = stdaemon(tmp_path, "report", "--out", str(out), ST_DATABASE_URL=database_url)
    assert empty.returncode == 1
    assert "no observations yet" in one_line(empty.stderr)

    await _observed(clean_db)
    unknown = stdaemon(tmp_path, "report", "--system", "X1-NOPE", ST_DATABASE_URL=database_url)
    assert unknown.returncode == 1
    assert one_line(unknown.stderr) == (
        f"stdaemon: unknown system X1-NOPE in the current epoch (2026-11-15): systems seen: {SYSTEM}"
    )
    good = stdaemon(tmp_path, "report", "--good", "GOLD", ST_DATABASE_URL=database_url)
    assert good.returncode == 1
    assert (
        one_line(good.stderr) == f"stdaemon: no price of GOLD observed in {SYSTEM}: goods priced there: IRON"
    )

    nowhere = stdaemon(
        tmp_path, "report", "--out", str(tmp_path / "missing" / "x.html"), ST_DATABASE_URL=database_url
    )
    assert nowhere.returncode == 1
    assert one_line(nowhere.stderr).startswith(
        f"stdaemon: cannot write the report to {tmp_path}/missing/x.html: "
    )
    assert not out.exists()

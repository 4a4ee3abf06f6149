"""`stdaemon ingest` writing through the DbWriter: idempotent, each file whole, a clear reset-date rule.

The CLI runs in-process through `stdaemon.cli.main` (its own event loop), against the session's migrated
database; the checks read the database with an engine of their own.
"""

from __future__ import annotations

import asyncio
import json
import shutil
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncEngine
from sqlalchemy.pool import NullPool

from stdaemon.cli import main
from stdaemon.db.engine import make_engine
from tests.services.fakes import FIXTURES

WAYPOINTS = "SELECT * FROM reference.waypoints ORDER BY symbol"


@pytest.fixture
def workdir() -> Iterator[Path]:
    with tempfile.TemporaryDirectory(prefix="stdaemon-ingest-") as tmp:
        yield Path(tmp)


@pytest.fixture
def cli(
    database_url: str,
    clean_db: AsyncEngine,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> Any:
    monkeypatch.setenv("ST_DATABASE_URL", database_url)
    monkeypatch.setenv("ST_LOG_LEVEL", "warning")

    def run(*args: str) -> tuple[int, str, str]:
        monkeypatch.setattr(sys, "argv", ["stdaemon", *args])
        try:
            main()
            code = 0
        except SystemExit as exc:
            code = exc.code if isinstance(exc.code, int) else 1
        out = capsys.readouterr()
        return code, out.out, out.err

    return run


def query(url: str, sql: str) -> list[dict[str, Any]]:
    async def go() -> list[dict[str, Any]]:
        engine = make_engine(url, poolclass=NullPool)
        try:
            async with engine.begin() as conn:
                return [dict(r._mapping) for r in await conn.execute(text(sql))]
        finally:
            await engine.dispose()

    return asyncio.run(go())


def saved(workdir: Path, name: str) -> Path:
    path = workdir / f"{name}.json"
    shutil.copy(FIXTURES / f"{name}.json", path)
    return path


def test_ingesting_a_waypoints_payload_twice_leaves_the_same_rows(
    cli: Any, database_url: str, workdir: Path
) -> None:
    path = saved(workdir, "waypoints")
    code, out, err = cli("ingest", "--kind", "waypoints", "--reset-date", "2025-04-13", str(path))
    assert code == 0, err
    assert "wrote 4 rows for reset 2025-04-13 (4 changed)" in out
    first = query(database_url, WAYPOINTS)
    assert [r["symbol"] for r in first] == ["X1-KD26-A1", "X1-KD26-A2", "X1-KD26-B7", "X1-KD26-I61"]

    code, out, err = cli("ingest", "--kind", "waypoints", "--reset-date", "2025-04-13", str(path))
    assert code == 0, err
    assert "(0 changed)" in out
    assert query(database_url, WAYPOINTS) == first  # written_at included: nothing was touched


def test_without_a_known_reset_nothing_is_written_and_the_fix_is_named(
    cli: Any, database_url: str, workdir: Path
) -> None:
    code, _, err = cli("ingest", "--kind", "waypoints", str(saved(workdir, "waypoints")))
    assert code == 1
    assert "no reset date known" in err and "--reset-date" in err
    assert query(database_url, WAYPOINTS) == []
    code, _, err = cli(
        "ingest", "--kind", "waypoints", "--reset-date", "13/04/2025", str(saved(workdir, "waypoints"))
    )
    assert code == 1 and "YYYY-MM-DD" in err


def test_the_latest_recorded_reset_is_the_default(cli: Any, database_url: str, workdir: Path) -> None:
    query(database_url, "INSERT INTO reference.resets VALUES ('2025-03-30', now(), now(), '{}'), "
                        "('2025-04-13', now(), now(), '{}') RETURNING reset_date")  # fmt: skip
    code, out, err = cli("ingest", "--kind", "system", str(saved(workdir, "system")))
    assert code == 0, err
    assert "for reset 2025-04-13" in out
    assert [r["reset_date"].isoformat() for r in query(database_url, "SELECT * FROM reference.systems")] == [
        "2025-04-13"
    ]


def test_a_file_the_database_refuses_is_not_half_written_and_others_still_land(
    cli: Any, database_url: str, workdir: Path
) -> None:
    bad = workdir / "bad-market.json"
    payload = json.loads((FIXTURES / "market.json").read_text())
    payload["data"]["tradeGoods"][-1]["purchasePrice"] = -1  # violates CHECK (purchase_price >= 0)
    bad.write_text(json.dumps(payload))
    good = saved(workdir, "shipyard")
    code, out, err = cli("ingest", "--kind", "market", "--reset-date", "2025-04-13", str(bad))
    assert out.startswith(f"{bad}: market: 1 decoded")
    assert code == 1
    assert f"{bad}: FAILED: nothing written" in err and "prices" in err
    for table in ("markets", "market_trade_goods", "market_snapshots", "market_transactions"):
        assert query(database_url, f"SELECT * FROM telemetry.{table}") == [], table
    code, _, err = cli("ingest", "--kind", "shipyard", "--reset-date", "2025-04-13", str(good))
    assert code == 0, err
    assert len(query(database_url, "SELECT * FROM telemetry.shipyards")) == 1

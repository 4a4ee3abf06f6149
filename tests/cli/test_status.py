"""`stdaemon status [--json]` run as a real process against a real PostgreSQL: output and exit codes."""

from __future__ import annotations

import json
from collections.abc import Callable
from contextlib import AbstractAsyncContextManager
from datetime import UTC, date, datetime
from pathlib import Path

from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncEngine

from stdaemon.db.tables import TABLES
from tests.cli.cli_support import one_line, stdaemon

EmptyDb = Callable[[], AbstractAsyncContextManager[str]]

DESIGN_TABLES = {
    "reference.systems", "reference.waypoints", "reference.factions", "reference.jump_gates",
    "reference.construction_sites", "telemetry.agents", "telemetry.ships", "telemetry.contracts",
    "telemetry.markets", "telemetry.market_trade_goods", "telemetry.market_snapshots",
    "telemetry.market_transactions", "telemetry.shipyards", "telemetry.shipyard_transactions",
}  # fmt: skip


async def test_status_json_lists_every_table_with_rows_and_last_write(
    clean_db: AsyncEngine, database_url: str, tmp_path: Path
) -> None:
    async with clean_db.begin() as conn:
        await conn.execute(
            text(
                "INSERT INTO reference.resets (reset_date, first_seen_at, last_seen_at, raw) "
                "VALUES ('2026-11-01', now(), now(), '{}'), ('2026-11-15', now(), now(), '{}')"
            )
        )
        await conn.execute(
            text(
                "INSERT INTO reference.systems"
                " (reset_date, symbol, sector_symbol, type, x, y, raw, observed_at)"
                " VALUES ('2026-11-15', 'X1-A', 'X1', 'RED_STAR', 1, 2, '{}', now())"
            )
        )
    result = stdaemon(tmp_path, "status", "--json", ST_DATABASE_URL=database_url)
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)

    tables = {t["name"]: t for t in report["tables"]}
    assert set(tables) == set(TABLES) and set(tables) >= DESIGN_TABLES
    assert report["database"]["reachable"] is True and report["database"]["embedded"] is False
    assert report["migration"]["at_head"] is True
    assert report["reset_date"] == date(2026, 11, 15).isoformat()
    assert tables["reference.systems"]["rows"] == 1
    written = datetime.fromisoformat(tables["reference.systems"]["last_write"])
    assert abs((datetime.now(UTC) - written).total_seconds()) < 300
    assert tables["telemetry.ships"] == {
        "name": "telemetry.ships", "kind": "latest", "exists": True, "rows": 0, "last_write": None,
        "last_observed": None,
    }  # fmt: skip
    assert report["crawl"] is None


async def test_status_shows_the_last_observation_and_the_crawl(
    clean_db: AsyncEngine, database_url: str, tmp_path: Path
) -> None:
    """An upsert of an unchanged row moves `observed_at` but not `written_at`: both are shown."""
    async with clean_db.begin() as conn:
        await conn.execute(
            text(
                "INSERT INTO reference.systems"
                " (reset_date, symbol, sector_symbol, type, x, y, raw, observed_at, written_at)"
                " VALUES ('2026-11-15', 'X1-A', 'X1', 'RED_STAR', 1, 2, '{}',"
                "         '2026-11-20T10:00:00Z', '2026-11-16T10:00:00Z')"
            )
        )
        await conn.execute(
            text(
                "INSERT INTO reference.crawl_progress"
                " (reset_date, task, next_page, total, completed_at, observed_at) VALUES"
                " ('2026-11-01', 'systems', 9, 8, now(), now()),"  # an older epoch's crawl is not shown
                " ('2026-11-15', 'systems', 3, 8, NULL, now()),"
                " ('2026-11-15', 'market:X1-A-B', 2, 1, now(), now()),"
                " ('2026-11-15', 'crawl', 1, 40, NULL, now())"
            )
        )
    result = stdaemon(tmp_path, "status", "--json", ST_DATABASE_URL=database_url)
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    systems = next(t for t in report["tables"] if t["name"] == "reference.systems")
    assert systems["last_write"].startswith("2026-11-16T10:00:00")
    assert systems["last_observed"].startswith("2026-11-20T10:00:00")
    crawl = report["crawl"]
    assert (crawl["reset_date"], crawl["pages_done"], crawl["pages_total"]) == ("2026-11-15", 3, 40)
    assert (crawl["percent"], crawl["complete"], crawl["tasks"]) == (7.5, False, 2)
    text_report = stdaemon(tmp_path, "status", ST_DATABASE_URL=database_url)
    assert "crawl      3/40 pages (7.5 %) of reset 2026-11-15" in text_report.stdout


async def test_status_text_names_every_table(engine: AsyncEngine, database_url: str, tmp_path: Path) -> None:
    result = stdaemon(tmp_path, "status", ST_DATABASE_URL=database_url)
    assert result.returncode == 0, result.stderr
    assert "(reachable" in result.stdout and " ok" in result.stdout
    for name in TABLES:
        assert name in result.stdout


async def test_status_of_a_database_not_at_head_exits_69(empty_database: EmptyDb, tmp_path: Path) -> None:
    async with empty_database() as url:
        result = stdaemon(tmp_path, "status", "--json", ST_DATABASE_URL=url)
    assert result.returncode == 69
    assert "stdaemon migrate" in one_line(result.stderr)
    report = json.loads(result.stdout)
    assert report["migration"]["revision"] is None and report["migration"]["at_head"] is False
    assert all(t["exists"] is False for t in report["tables"])


def test_unreachable_database_is_one_line_69_without_the_password(tmp_path: Path) -> None:
    url = "postgresql+asyncpg://bob:s3cretpw@127.0.0.1:1/stdaemon"
    result = stdaemon(tmp_path, "status", "--json", ST_DATABASE_URL=url)
    assert result.returncode == 69
    line = one_line(result.stderr)
    assert "127.0.0.1:1" in line and "ST_DATABASE_URL" in line
    assert "s3cretpw" not in result.stderr + result.stdout
    assert json.loads(result.stdout)["database"]["reachable"] is False


def test_missing_database_is_named(database_server: str, tmp_path: Path) -> None:
    from sqlalchemy.engine import make_url

    url = make_url(database_server).set(database="stdaemon_no_such_db").render_as_string(False)
    result = stdaemon(tmp_path, "status", ST_DATABASE_URL=url)
    assert result.returncode == 69
    assert "'stdaemon_no_such_db' does not exist" in one_line(result.stderr)


def test_malformed_urls_are_configuration_errors(tmp_path: Path) -> None:
    for url in ("postgresql+asyncpg://bob:pw@127.0.0.1:notaport/db", "mysql://bob@127.0.0.1/db"):
        result = stdaemon(tmp_path, "status", ST_DATABASE_URL=url)
        assert result.returncode == 78, (url, result.stderr)
        assert "ST_DATABASE_URL" in one_line(result.stderr)


def test_debug_shows_the_traceback(tmp_path: Path) -> None:
    url = "postgresql+asyncpg://bob@127.0.0.1:1/stdaemon"
    result = stdaemon(tmp_path, "status", ST_DATABASE_URL=url, ST_LOG_LEVEL="debug")
    assert result.returncode == 69
    assert "Traceback" in result.stderr

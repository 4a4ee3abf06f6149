"""`stdaemon migrate` as a real process: configured and embedded databases, and its one-line failures."""

from __future__ import annotations

import json
from collections.abc import Callable
from contextlib import AbstractAsyncContextManager
from pathlib import Path

import pytest

from stdaemon.db import migrations
from tests.cli.cli_support import one_line, stdaemon

EmptyDb = Callable[[], AbstractAsyncContextManager[str]]


async def test_migrate_brings_an_empty_database_to_head_and_is_idempotent(
    empty_database: EmptyDb, tmp_path: Path
) -> None:
    async with empty_database() as url:
        first = stdaemon(tmp_path, "migrate", ST_DATABASE_URL=url)
        assert first.returncode == 0, first.stderr
        assert await migrations.current_revision(url) == migrations.head_revision()
        again = stdaemon(tmp_path, "migrate", ST_DATABASE_URL=url)
        assert again.returncode == 0, again.stderr
        assert f"at {migrations.head_revision()}" in again.stdout
        status = stdaemon(tmp_path, "status", ST_DATABASE_URL=url)
        assert status.returncode == 0, status.stderr


def test_migrate_unreachable_is_69(tmp_path: Path) -> None:
    result = stdaemon(tmp_path, "migrate", ST_DATABASE_URL="postgresql+asyncpg://u:pw123456@127.0.0.1:1/db")
    assert result.returncode == 69
    assert "127.0.0.1:1" in one_line(result.stderr)
    assert "pw123456" not in result.stderr


def test_migrate_malformed_url_is_78(tmp_path: Path) -> None:
    result = stdaemon(tmp_path, "migrate", ST_DATABASE_URL="postgresql+asyncpg://u@h:port/db")
    assert result.returncode == 78
    assert "malformed" in one_line(result.stderr)


def test_unusable_state_directory_is_78(tmp_path: Path) -> None:
    blocker = tmp_path / "not-a-directory"
    blocker.write_text("a file where the state directory should be")
    result = stdaemon(tmp_path, "migrate", ST_STATE_DIR=str(blocker / "state"))
    assert result.returncode == 78
    line = one_line(result.stderr)
    assert "ST_STATE_DIR" in line and "ST_DATABASE_URL" in line


@pytest.mark.slow
def test_embedded_database_end_to_end(tmp_path: Path) -> None:
    """ST_DATABASE_URL unset: migrate and status start the embedded server and stop it on exit."""
    state = tmp_path / "state"
    migrated = stdaemon(tmp_path, "migrate", ST_STATE_DIR=str(state))
    assert migrated.returncode == 0, migrated.stderr
    status = stdaemon(tmp_path, "status", "--json", ST_STATE_DIR=str(state))
    assert status.returncode == 0, status.stderr
    report = json.loads(status.stdout)
    assert report["database"]["embedded"] is True and report["migration"]["at_head"] is True
    assert (state / "pg" / "PG_VERSION").exists()
    assert not (state / "pg" / "postmaster.pid").exists(), "the embedded server must stop on exit"

"""Item 6: bad configuration. Each mistake a user can make in the environment stops `stdaemon run` with ONE
line that names what is wrong, the documented exit code (78 configuration, 69 a service unavailable, so
systemd neither restart-loops nor gives up on a passing outage), no traceback and no secret."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest
from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncEngine

from stdaemon.cli import main
from stdaemon.db.migrations import upgrade_head
from tests.reliability.conftest import DB_PASSWORD, Stsim, register
from tests.reliability.daemon import LogBook, run_once

CONFIG, UNAVAILABLE = 78, 69


async def run(book: LogBook, tmp_path: Path, env: dict[str, str], *args: str) -> tuple[int, list[str]]:
    """`stdaemon ARGS` at the default log level (debug would add the traceback, as documented)."""
    env = {"ST_STATE_DIR": str(tmp_path / "var"), "ST_LOG_LEVEL": "info"} | env
    return await run_once(book, tmp_path / "daemon.log", env, list(args))


def one_clear_line(lines: list[str], *words: str) -> str:
    """The process printed exactly one line, with `words` in it, and no traceback."""
    assert len(lines) == 1, "\n".join(lines)
    [line] = lines
    assert "Traceback" not in line
    for word in words:
        assert word in line, line
    return line


@pytest.mark.parametrize(
    ("env", "words"),
    [
        ({"ST_API_URL": "ftp://api.example/v2"}, ["ST_API_URL is invalid", "http://"]),
        ({"ST_API_URL": "http://127.0.0.1:99999/v2"}, ["ST_API_URL is invalid", "port"]),
        ({"ST_API_URL": "http://exa mple.org/v2"}, ["ST_API_URL is invalid"]),
        ({"ST_API_URL": "https:///v2"}, ["ST_API_URL is invalid", "host"]),
        ({"ST_DATABASE_URL": f"postgresql://u:{DB_PASSWORD}@db:port/x"}, ["ST_DATABASE_URL is invalid"]),
        ({"ST_DATABASE_URL": f"postgresql://u:{DB_PASSWORD}@/x"}, ["ST_DATABASE_URL is invalid", "host"]),
        ({"ST_DATABASE_URL": f"postgresql://u:{DB_PASSWORD}@db:5432"}, ["ST_DATABASE_URL is invalid"]),
        ({"ST_TTL_SHIPS_S": "-30"}, ["ST_TTL_SHIPS_S is invalid"]),
        ({"ST_MARKET_POLL_INTERVAL_S": "-1"}, ["ST_MARKET_POLL_INTERVAL_S is invalid"]),
        ({"ST_SHUTDOWN_GRACE_S": "-5"}, ["ST_SHUTDOWN_GRACE_S is invalid"]),
        ({"ST_WRITER_LINGER_S": "-0.5"}, ["ST_WRITER_LINGER_S is invalid"]),
        ({"ST_WRITER_DRAIN_S": "0"}, ["ST_WRITER_DRAIN_S is invalid"]),
        ({"ST_STATS_INTERVAL_S": "-60"}, ["ST_STATS_INTERVAL_S is invalid"]),
        ({"ST_HEARTBEAT_INTERVAL_S": "nan"}, ["ST_HEARTBEAT_INTERVAL_S is invalid"]),
        ({"ST_HTTP_READ_TIMEOUT_S": "inf"}, ["ST_HTTP_READ_TIMEOUT_S is invalid"]),
        ({"ST_RATE_PER_SECOND": "-2"}, ["ST_RATE_PER_SECOND is invalid"]),
    ],
    # the password is random per process: ids hide it, so parallel workers collect the same tests
    ids=lambda v: str(v).replace(DB_PASSWORD, "PASSWORD")[:48] if isinstance(v, dict) else "",
)
def test_a_bad_setting_is_one_line_and_78(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], tmp_path: Path, env: dict[str, str],
    words: list[str],
) -> None:  # fmt: skip
    """The real entry point, in-process (a setting is refused before anything starts)."""
    for name in [k for k in os.environ if k.startswith("ST_")]:
        monkeypatch.delenv(name)
    monkeypatch.chdir(tmp_path)  # no .env
    monkeypatch.setattr(sys, "argv", ["stdaemon", "run"])
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    with pytest.raises(SystemExit) as exited:
        main()
    out, err = capsys.readouterr()
    assert out == ""
    one_clear_line(err.splitlines(), *words)
    assert exited.value.code == CONFIG


async def test_a_token_without_the_api_it_belongs_to_is_refused(
    book: LogBook, tmp_path: Path, stsim: Stsim, db_url: str
) -> None:
    """A token for another server, or an API URL without a token: never silently the sandbox."""
    async with stsim() as url:
        code, lines = await run(book, tmp_path, {"ST_DATABASE_URL": db_url, "ST_API_URL": url}, "run")
    one_clear_line([line for line in lines if not line.startswith("{")], "ST_TOKEN is not set")
    assert code == CONFIG


async def test_a_revoked_token_is_one_line_and_78(
    book: LogBook, tmp_path: Path, stsim: Stsim, db_url: str
) -> None:
    async with stsim() as url:
        token = await register(url)
        forged = token[:-6] + ("AAAAAA" if not token.endswith("AAAAAA") else "BBBBBB")
        book.secrets |= {token, forged}
        env = {"ST_DATABASE_URL": db_url, "ST_API_URL": url, "ST_TOKEN": forged}
        code, lines = await run(book, tmp_path, env, "run")
    one_clear_line([line for line in lines if not line.startswith("{")], "check ST_TOKEN")
    assert code == CONFIG


async def test_an_unreachable_database_is_one_line_and_69(book: LogBook, tmp_path: Path) -> None:
    env = {"ST_DATABASE_URL": f"postgresql://u:{DB_PASSWORD}@127.0.0.1:1/x"}
    code, lines = await run(book, tmp_path, env, "run")
    one_clear_line(lines, "cannot connect")
    assert code == UNAVAILABLE


async def test_a_database_not_migrated_is_one_line_and_69(book: LogBook, tmp_path: Path, db_url: str) -> None:
    code, lines = await run(book, tmp_path, {"ST_DATABASE_URL": db_url}, "run", "--no-migrate")
    one_clear_line(lines, "stdaemon migrate")
    assert code == UNAVAILABLE


async def test_a_database_from_a_newer_stdaemon_is_one_line_and_78(
    book: LogBook, tmp_path: Path, db_url: str, db: AsyncEngine
) -> None:
    """A schema migrated by a newer release (a revision this code does not know): refused, never altered."""
    await upgrade_head(db_url)
    async with db.begin() as conn:
        await conn.execute(text("UPDATE alembic_version SET version_num = '9999'"))
    for args in (["run"], ["run", "--no-migrate"], ["migrate"]):
        code, lines = await run(book, tmp_path, {"ST_DATABASE_URL": db_url}, *args)
        one_clear_line([line for line in lines if not line.startswith("{")], "9999")
        assert code == CONFIG, args
    async with db.connect() as conn:
        assert (await conn.execute(text("SELECT version_num FROM alembic_version"))).scalar_one() == "9999"

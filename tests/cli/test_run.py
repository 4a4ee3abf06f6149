"""`stdaemon run`: connects, migrates, logs a JSON status line, runs the fleet observer against the sandbox,
writes what it saw, and exits 0 on SIGINT/SIGTERM after draining the writer."""

from __future__ import annotations

import asyncio
import json
import os
import signal
from collections.abc import AsyncIterator, Callable
from contextlib import AbstractAsyncContextManager
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncEngine
from structlog.testing import capture_logs

from stdaemon import early_stop
from stdaemon.cli.run import Role, run_daemon
from stdaemon.db.engine import make_engine
from stdaemon.settings import Settings
from tests.cli.cli_support import STDAEMON
from tests.writer.writer_support import fetch


def env_for(url: str, tmp_path: Path, **extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("ST_")}
    return (
        env | {"ST_DATABASE_URL": url, "ST_STATE_DIR": str(tmp_path / "var"), "ST_LOG_FORMAT": "json"} | extra
    )


async def rows(engine: AsyncEngine, table: str) -> int:
    async with engine.connect() as conn:
        return int((await conn.execute(text(f"SELECT count(*) FROM {table}"))).scalar_one())


async def read_events(
    stream: asyncio.StreamReader,
    until: str,
    seen: list[dict[str, Any]],
    where: Callable[[dict[str, Any]], bool] = lambda _: True,
) -> None:
    """Read JSON lines into `seen` up to the first `until` event for which `where` holds."""
    while line := await stream.readline():
        event = json.loads(line)
        seen.append(event)
        if event["event"] == until and where(event):
            return
    raise AssertionError(f"the daemon's output ended before {until!r}: {[e['event'] for e in seen]}")


@pytest.fixture
async def fresh_url(empty_database: Callable[[], AbstractAsyncContextManager[str]]) -> AsyncIterator[str]:
    """A brand-new, never migrated database: `run` must migrate it itself."""
    async with empty_database() as url:
        yield url


@pytest.mark.parametrize("sig", [signal.SIGTERM, signal.SIGINT])
async def test_run_migrates_observes_and_exits_zero_on_a_signal(
    fresh_url: str, tmp_path: Path, sig: signal.Signals
) -> None:
    proc = await asyncio.create_subprocess_exec(
        *STDAEMON, "run", env=env_for(fresh_url, tmp_path), stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.PIPE,
    )  # fmt: skip
    assert proc.stdout is not None
    seen: list[dict[str, Any]] = []
    try:
        await asyncio.wait_for(read_events(proc.stdout, "fleet_observed", seen), timeout=60)
    finally:
        proc.send_signal(sig)
    out, err = await asyncio.wait_for(proc.communicate(), timeout=60)
    seen += [json.loads(line) for line in out.splitlines()]
    assert proc.returncode == 0, err.decode()
    events = [e["event"] for e in seen]
    assert events.index("database_ready") < events.index("fleet_observed") < events.index("db_writer_stopped")
    status = next(e for e in seen if e["event"] == "database_ready")
    assert status["at_head"] is True
    assert status["embedded"] is False and status["server_version"]
    assert len(json.dumps(status)) < 400  # one short line: `stdaemon status` has the tables
    stopped = next(e for e in seen if e["event"] == "db_writer_stopped")
    assert stopped["written"]["telemetry.ships"] >= 2  # both ships, and again as the fleet moves them
    assert err == b""  # nothing but JSON lines, all on stdout

    engine = make_engine(fresh_url)
    try:
        assert await rows(engine, "telemetry.ships") >= 2  # the sandbox's market runner may buy probes
        assert await rows(engine, "telemetry.agents") == 1
        assert await rows(engine, "reference.resets") == 1
        async with engine.connect() as conn:
            assert (await conn.execute(text("SELECT simulated FROM reference.resets"))).scalar_one() is True
    finally:
        await engine.dispose()


async def test_the_sandbox_refuses_a_database_that_holds_a_real_agents_epoch(
    fresh_url: str, tmp_path: Path
) -> None:
    from stdaemon.db.migrations import upgrade_head

    await upgrade_head(fresh_url)
    engine = make_engine(fresh_url)
    try:
        async with engine.begin() as conn:
            await conn.execute(
                text(
                    "INSERT INTO reference.resets (reset_date, first_seen_at, last_seen_at, raw)"
                    " VALUES ('2025-04-13', now(), now(), '{}')"
                )
            )
        proc = await asyncio.create_subprocess_exec(
            *STDAEMON, "run", env=env_for(fresh_url, tmp_path),
            stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.PIPE,
        )  # fmt: skip
        _, err = await asyncio.wait_for(proc.communicate(), timeout=60)
        assert proc.returncode == 78
        [line] = err.decode().splitlines()
        assert "holds a real agent's data (reset 2025-04-13)" in line
        assert await rows(engine, "telemetry.agents") == 0
        assert await rows(engine, "reference.resets") == 1
    finally:
        await engine.dispose()


async def test_run_no_migrate_refuses_a_database_behind_head(fresh_url: str, tmp_path: Path) -> None:
    proc = await asyncio.create_subprocess_exec(
        *STDAEMON, "run", "--no-migrate", env=env_for(fresh_url, tmp_path),
        stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.PIPE,
    )  # fmt: skip
    _, err = await asyncio.wait_for(proc.communicate(), timeout=60)
    assert proc.returncode == 69
    [line] = err.decode().splitlines()
    assert "run `stdaemon migrate`" in line


@pytest.mark.parametrize(
    ("extra", "code", "words"),
    [
        ({"ST_DATABASE_URL": "postgresql://u:secretpw@127.0.0.1:1/db"}, 69, "cannot connect"),
        ({"ST_DATABASE_URL": "mysql://u:secretpw@h/db"}, 78, "ST_DATABASE_URL is invalid"),
        ({"ST_LOG_LEVEL": "chatty"}, 78, "ST_LOG_LEVEL is invalid"),
        ({"ST_TOKEN": " "}, 78, "ST_TOKEN is invalid: is blank"),
        (
            {"ST_API_URL": "http://127.0.0.1:8765"},
            78,
            "ST_API_URL is invalid: must end with the API version /v2",
        ),
    ],
)
async def test_bad_configuration_is_one_line_and_the_right_exit_code(
    tmp_path: Path, extra: dict[str, str], code: int, words: str
) -> None:
    proc = await asyncio.create_subprocess_exec(
        *STDAEMON, "run", env=env_for("", tmp_path, **extra),
        stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.PIPE,
    )  # fmt: skip
    _, err = await asyncio.wait_for(proc.communicate(), timeout=60)
    assert proc.returncode == code
    [line] = err.decode().splitlines()
    assert words in line
    assert "secretpw" not in line
    assert "Traceback" not in line


async def test_run_daemon_in_process_stops_when_asked(clean_db: AsyncEngine, database_url: str) -> None:
    settings = Settings(database_url=database_url, ttl_ships_s=3600)
    stop = asyncio.Event()
    task = asyncio.create_task(run_daemon(settings, Role.fleet, migrate=False, stop=stop))
    async with asyncio.timeout(30):
        # The fleet reads ships, then contracts: wait for both, or the stop can land between the two reads.
        while (  # noqa: ASYNC110  polling the observable effect
            await rows(clean_db, "telemetry.ships") < 2 or await rows(clean_db, "telemetry.contracts") < 1
        ):
            await asyncio.sleep(0.05)
    stop.set()
    await asyncio.wait_for(task, timeout=30)
    assert await rows(clean_db, "telemetry.contracts") == 1
    assert await rows(clean_db, "telemetry.agent_snapshots") >= 1  # and one per credit change of the fleet


async def test_each_sandbox_start_plays_a_new_game_in_an_epoch_of_its_own(
    clean_db: AsyncEngine, database_url: str
) -> None:
    """The in-process simulator is a new world at every start: had it the last game's reset date, the fleet
    would resume that game's contract (a 404 in the new world) and book its credits against the old ledger."""

    async def play_until_a_contract_is_stored(epochs: int) -> None:
        stop = asyncio.Event()
        settings = Settings(database_url=database_url, ttl_ships_s=3600)
        task = asyncio.create_task(run_daemon(settings, Role.fleet, migrate=False, stop=stop))
        try:
            async with asyncio.timeout(60):
                while len(await fetch(clean_db, CONTRACT_EPOCHS)) < epochs:  # noqa: ASYNC110
                    await asyncio.sleep(0.05)
        finally:
            stop.set()
            await asyncio.wait_for(task, timeout=30)

    await play_until_a_contract_is_stored(1)
    first = await fetch(clean_db, "SELECT reset_date, count(*) AS n FROM telemetry.ships GROUP BY 1")
    await play_until_a_contract_is_stored(2)

    resets = await fetch(clean_db, "SELECT reset_date, simulated FROM reference.resets ORDER BY 1")
    assert [r["simulated"] for r in resets] == [True, True]
    assert resets[1]["reset_date"] == resets[0]["reset_date"] + timedelta(days=1)
    contracts = await fetch(clean_db, CONTRACT_EPOCHS)
    assert [r["reset_date"] for r in contracts] == [r["reset_date"] for r in resets]
    [old] = first  # the first game's rows stay as they were
    after = await fetch(
        clean_db, "SELECT count(*) AS n FROM telemetry.ships WHERE reset_date = :d", d=old["reset_date"]
    )
    assert after[0]["n"] == old["n"]


CONTRACT_EPOCHS = "SELECT DISTINCT reset_date FROM telemetry.contracts WHERE accepted ORDER BY 1"


async def test_a_stop_signal_whose_exit_was_dropped_still_stops_the_start(
    clean_db: AsyncEngine, database_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A SIGTERM before the daemon's handlers raises SystemExit wherever the main thread is; raised inside a
    finaliser, Python drops it. CI saw such a stop ignored: the daemon played on until the test killed it."""
    monkeypatch.setattr(early_stop, "_received", [])
    early_stop.record(signal.SIGTERM)  # the quiet handler ran; its SystemExit went nowhere
    settings = Settings(database_url=database_url)
    with capture_logs() as logs:
        await asyncio.wait_for(run_daemon(settings, Role.fleet, migrate=False, stop=asyncio.Event()), 30)
    said = [e["event"] for e in logs]
    assert said[:1] == ["stop_requested"] and "stopped_during_startup" in said
    assert await rows(clean_db, "telemetry.agents") == 0

"""The real daemon under a fake systemd: STATUS while it starts, READY only after the database and the API
answered, watchdog pings while it runs, STOPPING on SIGTERM; and the checks of the unit files themselves."""

from __future__ import annotations

import asyncio
import json
import shutil
import signal
from collections.abc import AsyncIterator, Callable
from contextlib import AbstractAsyncContextManager
from pathlib import Path
from typing import Any

import pytest
from scripts import systemd_units

from tests.cli.cli_support import STDAEMON
from tests.cli.test_run import env_for, read_events
from tests.ops.notify_socket import notify_socket


@pytest.fixture
async def fresh_url(empty_database: Callable[[], AbstractAsyncContextManager[str]]) -> AsyncIterator[str]:
    async with empty_database() as url:
        yield url


async def test_the_daemon_reports_its_start_runs_the_watchdog_and_stops(
    fresh_url: str, tmp_path: Path
) -> None:
    with notify_socket() as fake:
        env = env_for(fresh_url, tmp_path, NOTIFY_SOCKET=str(fake.path), WATCHDOG_USEC="600000")
        proc = await asyncio.create_subprocess_exec(
            *STDAEMON, "run", "fleet", env=env, stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.PIPE
        )
        assert proc.stdout is not None
        seen: list[dict[str, Any]] = []
        try:
            await asyncio.wait_for(read_events(proc.stdout, "fleet_observed", seen), timeout=60)
            await asyncio.to_thread(fake.wait_for, "READY=1")
            while len(fake.times("WATCHDOG=1")) < 3:  # noqa: ASYNC110  the pings arrive on their own clock
                await asyncio.sleep(0.05)
        finally:
            proc.send_signal(signal.SIGTERM)
        _, err = await asyncio.wait_for(proc.communicate(), timeout=60)
        assert proc.returncode == 0, err.decode()
    lines = fake.lines()
    steps = [line for line in lines if line != "WATCHDOG=1"]
    order = [
        "STATUS=opening the database",
        next(s for s in steps if s.startswith("STATUS=migrating the schema")),
        "STATUS=checking the API",
        "READY=1",
        "STATUS=running fleet, heartbeat, stats",
        "STOPPING=1",
    ]
    assert [steps.index(s) for s in order] == sorted(steps.index(s) for s in order), steps
    assert "STATUS=opening the database" in steps[0]
    assert lines.index("WATCHDOG=1") < lines.index("READY=1"), "the watchdog runs from the start"
    assert {e["event"] for e in seen} >= {"watchdog_started", "database_ready"}


async def test_a_split_runner_under_systemd_refuses_the_embedded_database(tmp_path: Path) -> None:
    env = env_for("", tmp_path, INVOCATION_ID="0123456789abcdef")
    env.pop("ST_DATABASE_URL")
    proc = await asyncio.create_subprocess_exec(
        *STDAEMON, "run", "fleet", env=env, stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.PIPE
    )
    _, err = await asyncio.wait_for(proc.communicate(), timeout=60)
    assert proc.returncode == 78  # RestartPreventExitStatus: no restart loop
    [line] = err.decode().splitlines()
    assert "needs ST_DATABASE_URL" in line
    assert "stdaemon@all" in line


@pytest.mark.skipif(shutil.which("systemd-analyze") is None, reason="systemd-analyze is not installed")
def test_every_unit_verifies_and_scores_at_most_2() -> None:
    results = systemd_units.check()
    assert {r.unit for r in results} == {
        "stdaemon@all.service",
        "stdaemon@crawl.service",
        "stdaemon@markets.service",
        "stdaemon@fleet.service",
        "stdaemon.target",
    }
    for r in results:
        assert r.verify == "", r
        assert r.exposure is None or r.exposure <= 2.0, r


@pytest.mark.skipif(shutil.which("systemd-analyze") is None, reason="systemd-analyze is not installed")
def test_the_check_fails_when_the_install_path_is_wrong(tmp_path: Path) -> None:
    results = systemd_units.check(tmp_path / "nowhere")
    assert all("is not executable" in r.verify for r in results if r.unit.endswith(".service"))


def test_the_units_restart_on_failure_but_never_on_a_configuration_error(tmp_path: Path) -> None:
    units = systemd_units.render(Path("/srv/stdaemon"), user="st")
    service = _settings(units["stdaemon@.service"])
    assert service["Type"] == ["notify"]
    assert service["Restart"] == ["on-failure"]
    assert service["RestartPreventExitStatus"] == ["78"]
    assert service["WatchdogSec"] and service["StartLimitBurst"]
    assert service["ExecStart"] == ["/srv/stdaemon/.venv/bin/stdaemon run %i"]
    assert service["User"] == ["st"]
    assert service["PartOf"] == ["stdaemon.target"]
    target = _settings(units["stdaemon.target"])
    wanted = " ".join(target["Wants"])
    assert all(f"stdaemon@{role}.service" in wanted for role in ("crawl", "markets", "fleet"))
    assert json.dumps(units).count("/opt/stdaemon") == 0


def _settings(text: str) -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    for line in text.splitlines():
        if "=" in line and not line.startswith(("#", "[")):
            key, _, value = line.partition("=")
            found.setdefault(key, []).append(value)
    return found

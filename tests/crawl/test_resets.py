"""Server resets without a human, end to end: `stdaemon run` against `stsim serve`, reset by its admin route.

With `ST_ACCOUNT_TOKEN` the daemon registers a new agent, keeps its token in the state directory (0600, never
in a log line), starts the new epoch and carries on (the crawl crawls the new universe; the old epoch's rows
stay). At start-up a stale `ST_TOKEN` gives way to the token saved there. Without either: exit 78, one line.
"""

from __future__ import annotations

import asyncio
import json
import signal
import stat
import sys
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from pydantic import SecretStr
from sqlalchemy.ext.asyncio import AsyncEngine

from stdaemon.daemon.agent_token import TokenFile
from tests.cli.cli_support import one_line
from tests.cli.test_run import env_for
from tests.stsim.serve import STSIM, free_port, register, serving
from tests.writer.writer_support import fetch

SYSTEMS = 6
pytestmark = pytest.mark.slow


@pytest.fixture
async def stsim_url() -> AsyncIterator[str]:
    port = free_port()
    command = [*STSIM, *f"serve --port {port} --seed 4 --systems {SYSTEMS} --no-rate-limit".split()]
    async with serving(command, port) as url:
        yield url


async def reset(url: str) -> str:
    async with httpx.AsyncClient() as client:
        reply = await client.post(f"{url}/_admin/reset")
        reply.raise_for_status()
        day: str = reply.json()["data"]["resetDate"]
        return day


def daemon_env(url: str, database_url: str, tmp_path: Path, **extra: str) -> dict[str, str]:
    fast = {"ST_RATE_PER_SECOND": "20", "ST_RATE_BURST": "0", "ST_TTL_SHIPS_S": "1"}
    return env_for(database_url, tmp_path, ST_API_URL=url, **fast, **extra)


async def start(env: dict[str, str], role: str = "all") -> asyncio.subprocess.Process:
    return await asyncio.create_subprocess_exec(
        sys.executable, "-m", "stdaemon", "run", role, env=env,
        stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.PIPE,
    )  # fmt: skip


async def until(
    proc: asyncio.subprocess.Process, seen: list[dict[str, Any]], event: str, **match: Any
) -> None:
    assert proc.stdout is not None
    while line := await proc.stdout.readline():
        seen.append(json.loads(line))
        if seen[-1]["event"] == event and all(seen[-1].get(k) == v for k, v in match.items()):
            return
    raise AssertionError(f"the daemon ended before {event!r}: {[e['event'] for e in seen]}")


async def stop(proc: asyncio.subprocess.Process) -> tuple[bytes, bytes]:
    if proc.returncode is None:
        proc.send_signal(signal.SIGTERM)
    return await asyncio.wait_for(proc.communicate(), timeout=60)


async def test_a_reset_mid_run_with_an_account_token_goes_on_in_the_new_epoch(
    stsim_url: str, clean_db: AsyncEngine, database_url: str, tmp_path: Path
) -> None:
    token = await register(stsim_url, "RESET_E2E")
    env = daemon_env(
        stsim_url,
        database_url,
        tmp_path,
        ST_TOKEN=token,
        ST_ACCOUNT_TOKEN="acct",
        ST_AGENT_SYMBOL="RESET_E2E",
    )
    proc = await start(env)
    seen: list[dict[str, Any]] = []
    try:
        await asyncio.wait_for(until(proc, seen, "crawl_completed"), timeout=90)
        first = seen[-1]["reset_date"]
        second = await reset(stsim_url)
        await asyncio.wait_for(until(proc, seen, "crawl_completed", reset_date=second), timeout=90)
    finally:
        out, err = await stop(proc)
    assert proc.returncode == 0, err.decode()
    events = [e["event"] for e in seen]
    assert events.index("server_reset") < events.index("agent_registered") < events.index("new_epoch_started")
    after = events[events.index("new_epoch_started") :]
    assert "fleet_observed" in after, "the fleet goes on too"
    # the old epoch's rows stay; the new epoch has its own complete crawl
    resets = await fetch(clean_db, "SELECT reset_date::text AS d FROM reference.resets ORDER BY 1")
    assert [r["d"] for r in resets] == [first, second]
    crawls = await fetch(
        clean_db,
        "SELECT reset_date::text AS d, completed_at FROM reference.crawl_progress WHERE task = 'crawl'",
    )
    assert sorted(r["d"] for r in crawls if r["completed_at"] is not None) == [first, second]
    per_epoch = await fetch(
        clean_db, "SELECT reset_date::text AS d, count(*) AS n FROM reference.systems GROUP BY 1"
    )
    assert {r["d"]: r["n"] for r in per_epoch} == {first: SYSTEMS, second: SYSTEMS}
    agents = await fetch(clean_db, "SELECT reset_date::text AS d, symbol FROM telemetry.agents")
    assert {(r["d"], r["symbol"]) for r in agents} == {(first, "RESET_E2E"), (second, "RESET_E2E")}
    # the new token is kept, private, and in no log line
    saved_file = tmp_path / "var" / "agent-token.json"
    assert stat.S_IMODE(saved_file.stat().st_mode) == 0o600
    saved = TokenFile(tmp_path / "var").load(stsim_url)
    assert saved is not None and saved.agent == "RESET_E2E"
    new_token = saved.token.get_secret_value()
    assert new_token != token
    for secret in (token, new_token, "acct"):
        assert secret not in out.decode() + err.decode()


async def test_a_stale_token_at_start_up_without_an_account_token_is_one_line_and_78(
    stsim_url: str, clean_db: AsyncEngine, database_url: str, tmp_path: Path
) -> None:
    token = await register(stsim_url, "STALE_E2E")
    day = await reset(stsim_url)
    proc = await start(daemon_env(stsim_url, database_url, tmp_path, ST_TOKEN=token))
    _, err = await asyncio.wait_for(proc.communicate(), timeout=60)
    assert proc.returncode == 78
    line = one_line(err.decode())
    assert f"the server was reset (now {day}" in line and "ST_ACCOUNT_TOKEN" in line
    assert token not in line


async def test_a_stale_token_at_start_up_gives_way_to_the_saved_one(
    stsim_url: str, clean_db: AsyncEngine, database_url: str, tmp_path: Path
) -> None:
    stale = await register(stsim_url, "OLD_AGENT")
    await reset(stsim_url)
    current = await register(stsim_url, "SAVED_AGENT")
    TokenFile(tmp_path / "var").save(SecretStr(current), agent="SAVED_AGENT", api_url=stsim_url)
    proc = await start(daemon_env(stsim_url, database_url, tmp_path, ST_TOKEN=stale), role="fleet")
    seen: list[dict[str, Any]] = []
    try:
        await asyncio.wait_for(until(proc, seen, "fleet_observed"), timeout=60)
    finally:
        _, err = await stop(proc)
    assert proc.returncode == 0, err.decode()
    assert seen[-1]["agent"] == "SAVED_AGENT"
    assert "saved_token_used" in [e["event"] for e in seen]
    assert "agent_registered" not in [e["event"] for e in seen]


async def test_a_stale_token_at_start_up_with_an_account_token_registers_and_saves(
    stsim_url: str, clean_db: AsyncEngine, database_url: str, tmp_path: Path
) -> None:
    stale = await register(stsim_url, "FRESH_E2E")
    await reset(stsim_url)
    env = daemon_env(
        stsim_url,
        database_url,
        tmp_path,
        ST_TOKEN=stale,
        ST_ACCOUNT_TOKEN="acct",
        ST_AGENT_SYMBOL="FRESH_E2E",
    )
    proc = await start(env, role="fleet")
    seen: list[dict[str, Any]] = []
    try:
        await asyncio.wait_for(until(proc, seen, "fleet_observed"), timeout=60)
    finally:
        _, err = await stop(proc)
    assert proc.returncode == 0, err.decode()
    assert "agent_registered" in [e["event"] for e in seen]
    saved = TokenFile(tmp_path / "var").load(stsim_url)
    assert saved is not None and saved.agent == "FRESH_E2E" and saved.token.get_secret_value() != stale

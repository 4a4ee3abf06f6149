"""End to end over real HTTP: `stsim serve` in one process, `stdaemon run` with a token in another.

The daemon observes the fleet through the network, then the simulator is reset: the daemon's next request
gets the 401 with expected/actual, and it stops with one line and exit 78 (a new token is needed, so systemd
must not restart-loop), having written everything it saw.
"""

from __future__ import annotations

import asyncio
import json
import sys
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from sqlalchemy.ext.asyncio import AsyncEngine

from tests.cli.test_run import env_for, read_events
from tests.stsim.serve import STSIM, free_port, register, serving


@pytest.fixture
async def stsim_url() -> AsyncIterator[str]:
    port = free_port()
    command = [*STSIM, *f"serve --port {port} --seed 7 --systems 8 --log-level warning".split()]
    async with serving(command, port) as url:
        yield url


async def test_daemon_plays_over_http_and_stops_on_a_server_reset(
    stsim_url: str, clean_db: AsyncEngine, database_url: str, tmp_path: Path
) -> None:
    token = await register(stsim_url, "E2E_AGENT")
    env = env_for(database_url, tmp_path, ST_TOKEN=token, ST_API_URL=stsim_url, ST_TTL_SHIPS_S="1")
    proc = await asyncio.create_subprocess_exec(
        sys.executable, "-m", "stdaemon", "run", "fleet", env=env,
        stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.PIPE,
    )  # fmt: skip
    assert proc.stdout is not None
    seen: list[dict[str, Any]] = []
    try:
        await asyncio.wait_for(read_events(proc.stdout, "fleet_observed", seen), timeout=60)
        observed = next(e for e in seen if e["event"] == "fleet_observed")
        assert observed["agent"] == "E2E_AGENT"
        assert observed["ships"] == 2
        async with httpx.AsyncClient() as client:
            (await client.post(f"{stsim_url}/_admin/reset")).raise_for_status()
        out, err = await asyncio.wait_for(proc.communicate(), timeout=60)
    finally:
        if proc.returncode is None:
            proc.kill()
            await proc.wait()
    assert proc.returncode == 78
    [line] = err.decode().splitlines()
    assert "the server was reset" in line
    assert token not in line
    events = [json.loads(x) for x in out.splitlines()]
    assert token not in out.decode()
    stopped = next(e for e in events if e["event"] == "db_writer_stopped")
    assert stopped["written"]["telemetry.ships"] >= 2

"""Two agents at once against one `stsim serve` and one database: each runner writes its own agent and
ships, both share the host's rate budget through the database (stsim counts per IP too, as the real server
does), `stdaemon status` shows both runners, and the server answered no 429."""

from __future__ import annotations

import asyncio
import json
import signal
import sys
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncEngine

from tests.cli.cli_support import stdaemon
from tests.cli.test_run import env_for, read_events
from tests.stsim.serve import STSIM, free_port, register, serving

AGENTS = ("AGENT_ALPHA", "AGENT_BRAVO")


@pytest.fixture
async def stsim_url() -> AsyncIterator[str]:
    port = free_port()
    command = [*STSIM, *f"serve --port {port} --seed 5 --systems 8 --log-level warning".split()]
    async with serving(command, port) as url:
        yield url


async def test_two_agents_play_side_by_side_into_one_database(
    stsim_url: str, clean_db: AsyncEngine, database_url: str, tmp_path: Path
) -> None:
    tokens = [await register(stsim_url, symbol) for symbol in AGENTS]
    async with httpx.AsyncClient() as client:
        (await client.post(f"{stsim_url}/_admin/stats/reset")).raise_for_status()
    procs = []
    for i, token in enumerate(tokens):
        env = env_for(
            database_url,
            tmp_path / str(i),
            ST_TOKEN=token,
            ST_API_URL=stsim_url,
            ST_TTL_SHIPS_S="2",
            ST_STATS_INTERVAL_S="1",
            ST_HEARTBEAT_INTERVAL_S="0.5",
        )
        proc = await asyncio.create_subprocess_exec(
            sys.executable, "-m", "stdaemon", "run", "fleet", env=env,
            stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.PIPE,
        )  # fmt: skip
        procs.append(proc)
    seen: list[list[dict[str, Any]]] = [[], []]
    try:
        for proc, events in zip(procs, seen, strict=True):
            assert proc.stdout is not None
            await asyncio.wait_for(read_events(proc.stdout, "fleet_observed", events), timeout=60)
        for proc, events in zip(procs, seen, strict=True):
            assert proc.stdout is not None
            await asyncio.wait_for(read_events(proc.stdout, "stats", events), timeout=60)
        status = await asyncio.to_thread(stdaemon, tmp_path, "status", "--json", ST_DATABASE_URL=database_url)
    finally:
        for proc in procs:
            proc.send_signal(signal.SIGTERM)
    for proc, events in zip(procs, seen, strict=True):
        out, err = await asyncio.wait_for(proc.communicate(), timeout=60)
        assert proc.returncode == 0, err.decode()
        events += [json.loads(line) for line in out.splitlines()]
    async with httpx.AsyncClient() as client:
        server = (await client.get(f"{stsim_url}/_admin/stats")).json()["data"]

    observed = [next(e for e in events if e["event"] == "fleet_observed")["agent"] for events in seen]
    assert observed == list(AGENTS)
    stats = [next(e for e in events if e["event"] == "stats") for events in seen]
    assert [s["api"]["budget_shared_as"] for s in stats] == ["default", "default"]
    said = [  # what each process said of its budget: if the server counted a 429, why
        {k: e.get(k) for k in ("event", "request", "reason", "throttled_429", "expired_grants", "retries")}
        for events in seen
        for e in events
        if e["event"] in {"api_retry", "api_budget"}
    ]
    assert server["rateLimited"] == 0 and server["byStatus"].get("429") is None, said

    assert status.returncode == 0, status.stderr
    runners = json.loads(status.stdout)["runners"]
    assert set(runners) == {f"fleet/{a}" for a in AGENTS}
    assert {r["agent"] for r in runners.values()} == set(AGENTS)

    async with clean_db.connect() as conn:
        agents = (
            (await conn.execute(text("SELECT symbol FROM telemetry.agents ORDER BY symbol"))).scalars().all()
        )
        ships = (
            (await conn.execute(text("SELECT symbol FROM telemetry.ships ORDER BY symbol"))).scalars().all()
        )
        dead = (await conn.execute(text("SELECT count(*) FROM telemetry.dead_letters"))).scalar_one()
        budgets = (await conn.execute(text("SELECT key FROM public.stdaemon_rate_budgets"))).scalars().all()
        await conn.execute(text("DELETE FROM public.stdaemon_rate_budgets"))
        await conn.commit()
    assert agents == list(AGENTS)
    assert len(ships) == 4 and {s.rsplit("-", 1)[0] for s in ships} == set(AGENTS)
    assert dead == 0
    assert budgets == ["default"]

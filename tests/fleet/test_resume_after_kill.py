"""SIGKILL in the middle of a delivery, then a restart: the delivery completes where it was.

Real processes over real HTTP: `stsim serve` (with its rate limit) and `stdaemon run fleet`, killed with
SIGKILL while the command ship flies the bought goods to the contract's destination. The restarted daemon
resumes the ship from its saved behaviour (no new contract, no second purchase), delivers and fulfils.
"""

from __future__ import annotations

import asyncio
import signal
from pathlib import Path
from typing import Any

import httpx
from sqlalchemy.ext.asyncio import AsyncEngine

from tests.cli.cli_support import STDAEMON
from tests.cli.test_run import env_for, read_events
from tests.stsim.serve import STSIM, free_port, serving


async def start_fleet(env: dict[str, str]) -> asyncio.subprocess.Process:
    return await asyncio.create_subprocess_exec(
        *STDAEMON, "run", "fleet", env=env, stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.PIPE
    )


async def test_a_killed_fleet_resumes_its_delivery_after_a_restart(
    clean_db: AsyncEngine, database_url: str, tmp_path: Path
) -> None:
    port = free_port()
    command = [*STSIM, "serve", "--port", str(port), "--seed", "3", "--systems", "6", "--speed", "8"]
    async with serving([*command, "--log-level", "warning"], port) as url:
        async with httpx.AsyncClient(headers={"Authorization": "Bearer account"}) as client:
            reply = await client.post(f"{url}/register", json={"symbol": "KILLTEST", "faction": "COSMIC"})
            token = reply.json()["data"]["token"]
        env = env_for(database_url, tmp_path, ST_TOKEN=token, ST_API_URL=url)

        first = await start_fleet(env)
        assert first.stdout is not None
        seen: list[dict[str, Any]] = []
        try:
            await asyncio.wait_for(read_events(first.stdout, "contract_goods_bought", seen), timeout=90)
            await asyncio.wait_for(read_events(first.stdout, "ship_departed", seen), timeout=60)
        finally:
            first.send_signal(signal.SIGKILL)
            await first.wait()
        assert first.returncode == -signal.SIGKILL
        async with httpx.AsyncClient(headers={"Authorization": f"Bearer {token}"}) as client:
            [contract] = (await client.get(f"{url}/my/contracts")).json()["data"]
            ship = (await client.get(f"{url}/my/ships/KILLTEST-1")).json()["data"]
        assert contract["accepted"] and not contract["fulfilled"]
        assert ship["nav"]["status"] == "IN_TRANSIT"  # killed mid-flight, goods aboard
        assert ship["cargo"]["units"] > 0

        second = await start_fleet(env)
        assert second.stdout is not None
        after: list[dict[str, Any]] = []
        try:
            await asyncio.wait_for(read_events(second.stdout, "contract_fulfilled", after), timeout=120)
        finally:
            second.send_signal(signal.SIGTERM)
            _, err = await asyncio.wait_for(second.communicate(), timeout=60)
        assert second.returncode == 0, err.decode()
        [resumed] = [e for e in after if e["event"] == "ship_resumed" and e["ship"] == "KILLTEST-1"]
        assert resumed["behaviour"] == "contracts"
        names = [e["event"] for e in after]
        assert "contract_delivered" in names
        assert (
            "contract_goods_bought" not in names and "contract_accepted" not in names
        )  # picked up, not redone
        async with httpx.AsyncClient() as client:
            stats = (await client.get(f"{url}/_admin/stats")).json()["data"]
        assert stats["byStatus"].get("429", 0) == 0

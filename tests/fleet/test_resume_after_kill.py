"""SIGKILL in the middle of a delivery, then a restart: the delivery completes where it was.

Real processes over real HTTP: `stsim serve` (with its rate limit) and `stdaemon run fleet`, killed with
SIGKILL while the command ship flies the bought goods to the contract's destination. The restarted daemon
resumes the ship from its saved behaviour (no new contract, no second purchase), delivers and fulfils.
"""

from __future__ import annotations

import asyncio
import json
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


async def carrying_goods(stream: asyncio.StreamReader, seen: list[dict[str, Any]]) -> None:
    """Until the ship departs with goods bought for a contract (a market at the contract's destination may
    sell them: that contract is delivered on the spot, and the next one is waited for)."""
    while True:
        await read_events(stream, "contract_goods_bought", seen)
        while (line := await stream.readline()) and (event := json.loads(line))["event"] not in LEG_ENDS:
            seen.append(event)
        if not line:
            raise AssertionError(f"the daemon's output ended: {[e['event'] for e in seen]}")
        seen.append(event)
        if event["event"] == "ship_departed":
            return


LEG_ENDS = ("ship_departed", "contract_delivered")


async def get(client: httpx.AsyncClient, url: str, limited: list[int]) -> Any:
    """The server's answer, after its rate limit (the daemon may just have spent the burst pool); the test's
    own 429s are counted in `limited`."""
    for _ in range(20):
        reply = await client.get(url)
        if reply.status_code != 429:
            return reply.json()["data"]
        limited.append(429)
        await asyncio.sleep(float(reply.headers.get("retry-after", 1)))
    raise AssertionError(f"GET {url}: rate limited 20 times")


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
        limited: list[int] = []
        try:
            await asyncio.wait_for(carrying_goods(first.stdout, seen), timeout=120)
        finally:
            first.send_signal(signal.SIGKILL)
            await first.wait()
        assert first.returncode == -signal.SIGKILL
        async with httpx.AsyncClient(headers={"Authorization": f"Bearer {token}"}) as client:
            contracts = await get(client, f"{url}/my/contracts", limited)
            [contract] = [c for c in contracts if not c["fulfilled"]]
            ship = await get(client, f"{url}/my/ships/KILLTEST-1", limited)
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
        # The daemon's budget cannot know of the test's own requests (the registration and the two reads after
        # the kill; a refused one spends nothing), which spent the server's pools too: each may cost the
        # daemon one 429 once the first process has spent the burst pool. Beyond those it never got one.
        foreign = 3
        assert stats["byStatus"].get("429", 0) - len(limited) <= foreign

"""SIGKILL in the middle of a mining cycle, then a restart: the drone resumes its cycle where it was.

Real processes over real HTTP (`stsim serve` at --speed 400 with its rate limit, `stdaemon run fleet`), as in
test_resume_after_kill: a mining drone bought before the start extracts; the daemon is killed with ore in
the hold; the restarted daemon resumes the drone's saved `mining` state (same site, no new choice), fills
the hold, sells it (in the ledger as `mining`) and goes on.
"""

from __future__ import annotations

import asyncio
import json
import signal
from collections.abc import Callable
from pathlib import Path
from typing import Any

import httpx
import pytest
from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncEngine

from tests.cli.test_run import env_for
from tests.fleet.test_resume_after_kill import start_fleet
from tests.stsim.serve import STSIM, free_port, serving

Event = dict[str, Any]


async def read_until(stream: asyncio.StreamReader, seen: list[Event], done: Callable[[Event], bool]) -> None:
    while line := await stream.readline():
        event = json.loads(line)
        seen.append(event)
        if done(event):
            return
    raise AssertionError(f"the daemon's output ended first: {[e['event'] for e in seen]}")


async def get_data(client: httpx.AsyncClient, url: str, refused: list[int]) -> Any:
    """GET `url`'s data; the killed daemon may have spent this address's rate budget: wait as told (each
    429 the test itself gets is counted in `refused`)."""
    for _ in range(10):
        reply = await client.get(url)
        if reply.status_code != 429:
            return reply.json()["data"]
        refused.append(429)
        await asyncio.sleep(float(reply.headers.get("Retry-After", "1")))
    raise AssertionError(f"{url} stayed rate-limited")


@pytest.mark.timeout(300)  # two daemon starts and two drifts of the drone (about 15 s each at --speed 400)
async def test_a_killed_drone_resumes_its_mining_cycle_after_a_restart(
    clean_db: AsyncEngine, database_url: str, tmp_path: Path
) -> None:
    port = free_port()
    command = [*STSIM, "serve", "--port", str(port), "--seed", "3", "--systems", "6", "--speed", "400"]
    async with serving([*command, "--log-level", "warning"], port) as url:
        async with httpx.AsyncClient(headers={"Authorization": "Bearer account"}) as client:
            reply = await client.post(f"{url}/register", json={"symbol": "MINEKILL", "faction": "COSMIC"})
            token = reply.json()["data"]["token"]
            hq = reply.json()["data"]["agent"]["headquarters"]
            client.headers["Authorization"] = f"Bearer {token}"
            bought = await client.post(
                f"{url}/my/ships", json={"shipType": "SHIP_MINING_DRONE", "waypointSymbol": hq}
            )
            drone = bought.json()["data"]["ship"]["symbol"]
        env = env_for(database_url, tmp_path, ST_TOKEN=token, ST_API_URL=url)

        def mine(name: str) -> Callable[[Event], bool]:
            return lambda e: e["event"] == name and e.get("ship") == drone

        first = await start_fleet(env)
        assert first.stdout is not None
        seen: list[Event] = []
        try:
            await asyncio.wait_for(read_until(first.stdout, seen, mine("mining_extracted")), timeout=120)
        finally:
            first.send_signal(signal.SIGKILL)
            await first.wait()
        assert first.returncode == -signal.SIGKILL
        [chosen] = [e for e in seen if mine("mining_site_chosen")(e)]
        ours: list[int] = []
        async with httpx.AsyncClient(headers={"Authorization": f"Bearer {token}"}) as client:
            ship = await get_data(client, f"{url}/my/ships/{drone}", ours)
        assert 0 < ship["cargo"]["units"] < ship["cargo"]["capacity"]  # killed mid-cycle, ore aboard
        assert ship["nav"]["waypointSymbol"] == chosen["site"]

        second = await start_fleet(env)
        assert second.stdout is not None
        after: list[Event] = []
        try:
            await asyncio.wait_for(read_until(second.stdout, after, mine("mining_sold")), timeout=150)
        finally:
            second.send_signal(signal.SIGTERM)
            _, err = await asyncio.wait_for(second.communicate(), timeout=60)
        assert second.returncode == 0, err.decode()
        [resumed] = [e for e in after if e["event"] == "ship_resumed" and e["ship"] == drone]
        assert resumed["behaviour"] == "mining" and chosen["site"] in resumed["plan"]
        assert not [e for e in after if mine("mining_site_chosen")(e)]  # picked up, not chosen again
        assert [e for e in after if mine("mining_extracted")(e)]  # went on filling the same hold
        async with clean_db.connect() as conn:
            sales = (
                await conn.execute(
                    text(
                        "SELECT sum(amount) FROM telemetry.credit_ledger"
                        " WHERE ship_symbol = :s AND kind = 'SELL' AND behaviour = 'mining'"
                    ),
                    {"s": drone},
                )
            ).scalar_one()
        assert sales is not None and sales > 0
        async with httpx.AsyncClient() as client:
            stats = (await client.get(f"{url}/_admin/stats")).json()["data"]
        assert stats["byStatus"].get("429", 0) == len(ours)  # the daemon never got one

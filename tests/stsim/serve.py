"""`stsim serve` as a real server process on a free port, for tests that go over real HTTP."""

from __future__ import annotations

import asyncio
import socket
import sys
from collections.abc import AsyncIterator, Sequence
from contextlib import asynccontextmanager

import httpx

STSIM = [sys.executable, "-m", "stsim.cli"]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


@asynccontextmanager
async def serving(command: Sequence[str], port: int) -> AsyncIterator[str]:
    """Runs `command` (an `stsim serve … --port PORT`), waits until it answers, yields its /v2 URL, and
    stops it."""
    proc = await asyncio.create_subprocess_exec(
        *command, stdout=asyncio.subprocess.DEVNULL, stderr=asyncio.subprocess.DEVNULL
    )
    url = f"http://127.0.0.1:{port}/v2"
    try:
        async with httpx.AsyncClient() as client, asyncio.timeout(30):
            while True:
                try:
                    if (await client.get(f"{url}/_admin/stats")).status_code == 200:
                        break
                except httpx.TransportError:
                    if proc.returncode is not None:
                        raise RuntimeError(f"{' '.join(command)} exited with {proc.returncode}") from None
                    await asyncio.sleep(0.1)
        yield url
    finally:
        proc.terminate()
        await proc.wait()


async def register(url: str, symbol: str) -> str:
    """Register `symbol` on the stsim at `url` (any account token will do); returns the agent's token."""
    async with httpx.AsyncClient(headers={"Authorization": "Bearer account"}) as client:
        reply = await client.post(f"{url}/register", json={"symbol": symbol, "faction": "COSMIC"})
        reply.raise_for_status()
        token: str = reply.json()["data"]["token"]
        return token

"""One scenario's world: `stsim serve`, the recording proxy in front of it, a registered agent, the env.

async with world(stsim, book) as w:
    async with Daemon(book, tmp_path / "daemon.log", w.env(db_url, tmp_path)) as daemon: …
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass
from pathlib import Path

from tests.reliability.conftest import Stsim, register, server_stats
from tests.reliability.daemon import LogBook
from tests.reliability.proxy import ProxyFaults, Recorder, recording_proxy


@dataclass(frozen=True)
class World:
    stsim_url: str
    api_url: str  # the proxy's
    recorder: Recorder
    token: str
    rate_limit: bool

    def env(self, db_url: str, tmp_path: Path, **extra: str) -> dict[str, str]:
        env = {
            "ST_DATABASE_URL": db_url,
            "ST_API_URL": self.api_url,
            "ST_TOKEN": self.token,
            "ST_STATE_DIR": str(tmp_path / "var"),
            "ST_STATS_INTERVAL_S": "5",
            "ST_HEARTBEAT_INTERVAL_S": "5",
        }
        if not self.rate_limit:  # the server lets everything through: the daemon runs at full speed
            env |= {"ST_RATE_PER_SECOND": "40", "ST_RATE_BURST": "0"}
        return env | extra

    async def rate_limited(self) -> int:
        """429s the server answered: its limiter's and the HTML ones its fault injection made up."""
        stats = await server_stats(self.stsim_url)
        by_status = stats.get("byStatus", {})
        assert isinstance(by_status, dict)
        return int(by_status.get("429", 0))


@asynccontextmanager
async def world(
    stsim: Stsim,
    book: LogBook,
    *,
    seed: int = 7,
    systems: int = 8,
    speed: float = 50.0,
    faults: float = 0.0,
    rate_limit: bool = True,
    proxy_faults: ProxyFaults | None = None,
    symbol: str = "RELIABLE",
) -> AsyncIterator[World]:
    async with stsim(seed=seed, systems=systems, speed=speed, faults=faults, rate_limit=rate_limit) as url:
        token = await register(url, symbol)
        book.secrets.add(token)
        async with recording_proxy(url, proxy_faults) as (api_url, recorder):
            yield World(url, api_url, recorder, token, rate_limit)

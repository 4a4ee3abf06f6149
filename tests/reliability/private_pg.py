"""A private PostgreSQL cluster for the outage tests: the machine's shared server is never stopped.

It is the embedded cluster (`pgserver`, PostgreSQL 16) in a temporary directory of its own, reached over
its unix socket. `crash()` is `pg_ctl stop -m immediate` (every connection dies mid-transaction, as when the
server crashes or its host reboots); `start()` brings the same cluster back.
"""

from __future__ import annotations

import asyncio
import importlib
import tempfile
import time
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

import pytest

from stdaemon.exits import StdaemonError


class PrivateCluster:
    def __init__(self, server: Any) -> None:
        self._server = server
        self.up_since = time.time()

    def url(self, database: str = "postgres") -> str:
        url: str = self._server.url(database)
        return url

    async def crash(self) -> None:
        pgserver: Any = importlib.import_module("pgserver")
        await asyncio.to_thread(
            pgserver.pg_ctl,
            ["-w", "-m", "immediate", "stop"],
            pgdata=self._server.pgdata,
            user=self._server._handle.system_user,
        )

    async def start(self) -> None:
        await asyncio.to_thread(self._server._handle.ensure_postgres_running)
        self.up_since = time.time()


@asynccontextmanager
async def private_cluster() -> AsyncIterator[PrivateCluster]:
    from stdaemon.db import embedded

    # Not pytest's tmp_path: parallel sessions prune each other's numbered directories (as tests/writer says)
    with tempfile.TemporaryDirectory(prefix="stdaemon-outage-") as tmp:
        try:
            server = await asyncio.to_thread(embedded.start, Path(tmp))
        except StdaemonError as exc:
            pytest.skip(f"no private PostgreSQL here (embedded pgserver: {exc})")
        try:
            yield PrivateCluster(server)
        finally:
            await asyncio.to_thread(server.stop)

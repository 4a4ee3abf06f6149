"""Fixtures of the reliability suite: a database per test, `stsim serve`, the daemon's log book, the figures.

Every test in this directory is marked `reliability`. The default test run includes their short version;
`make soak` (ST_SOAK=1) runs the long one and ends with the table of figures (`figures.py`).
"""

from __future__ import annotations

import asyncio
import secrets
from collections.abc import AsyncIterator, Callable, Iterator
from contextlib import AbstractAsyncContextManager, asynccontextmanager
from pathlib import Path

import httpx
import pytest
from sqlalchemy.engine import make_url
from sqlalchemy.ext.asyncio import AsyncEngine

from stdaemon.db.engine import make_engine
from tests.conftest import fresh_database
from tests.reliability import figures
from tests.reliability.daemon import LogBook
from tests.reliability.scale import Scale, current
from tests.stsim.serve import STSIM, free_port, serving

HERE = Path(__file__).parent
# The daemon connects with a password in its URL (the test server trusts loopback and ignores it): no log
# line may ever show it.
DB_PASSWORD = "pw-" + secrets.token_urlsafe(12)
LINES_SCANNED = [0]


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    scale = current()
    for item in items:
        if HERE in Path(str(item.fspath)).parents:
            item.add_marker(pytest.mark.reliability)
            if item.get_closest_marker("timeout") is None:
                item.add_marker(pytest.mark.timeout(scale.test_timeout_s))


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    lines = figures.table()
    if not lines:
        return
    terminalreporter.section(f"reliability figures ({current().name})")
    for line in lines:
        terminalreporter.write_line(line)
    terminalreporter.write_line(
        f"log lines scanned for the token and the database password: {LINES_SCANNED[0]} "
        "(a test fails on any leak)"
    )


@pytest.fixture(scope="session")
def scale() -> Scale:
    return current()


@pytest.fixture
def book() -> Iterator[LogBook]:
    """Every line the test's daemons print; after the test, none may contain a secret."""
    book = LogBook(secrets={DB_PASSWORD})
    yield book
    LINES_SCANNED[0] += len(book.lines)
    leaks = book.leaks()
    assert not leaks, f"a secret appeared in {len(leaks)} log lines: {leaks[:3]}"


@pytest.fixture
async def db_url(database_server: str) -> AsyncIterator[str]:
    """A fresh, empty database of its own for this test (the daemon migrates it), with a password."""
    async with fresh_database(database_server, prefix="stdaemon_rel") as url:
        yield make_url(url).set(password=DB_PASSWORD).render_as_string(hide_password=False)


@pytest.fixture
async def db(db_url: str) -> AsyncIterator[AsyncEngine]:
    engine = make_engine(db_url)
    try:
        yield engine
    finally:
        await engine.dispose()


Stsim = Callable[..., AbstractAsyncContextManager[str]]


@pytest.fixture
def stsim() -> Stsim:
    """`async with stsim(seed=…, systems=…, faults=…, rate_limit=…) as url:` a real `stsim serve`."""

    @asynccontextmanager
    async def start(
        *, seed: int = 7, systems: int = 8, speed: float = 50.0, faults: float = 0.0, rate_limit: bool = True
    ) -> AsyncIterator[str]:
        port = free_port()
        args = f"serve --port {port} --seed {seed} --systems {systems} --speed {speed} --faults {faults}"
        command = [*STSIM, *args.split(), "--log-level", "warning"]
        if not rate_limit:
            command.append("--no-rate-limit")
        async with serving(command, port) as url:
            yield url

    return start


async def register(url: str, symbol: str = "RELIABLE", account: str = "account-token") -> str:
    """Register an agent on stsim (through its injected faults, if any); returns its token."""
    async with httpx.AsyncClient(headers={"Authorization": f"Bearer {account}"}, timeout=30) as client:
        for _ in range(20):
            reply = await client.post(f"{url}/register", json={"symbol": symbol, "faction": "COSMIC"})
            if reply.status_code in (429, 500, 502):
                await asyncio.sleep(1)
                continue
            reply.raise_for_status()
            token: str = reply.json()["data"]["token"]
            return token
    raise AssertionError(f"could not register {symbol}: {reply.status_code}")


async def server_stats(url: str) -> dict[str, object]:
    async with httpx.AsyncClient(timeout=30) as client:
        reply = await client.get(f"{url}/_admin/stats")
        reply.raise_for_status()
        data: dict[str, object] = reply.json()["data"]
        return data

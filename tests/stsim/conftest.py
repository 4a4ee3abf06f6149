"""Fixtures for stsim: an in-process app on a fake clock, an httpx client, and a spec validator.

The spec is found by tests/support/spec.py (outside the repository, never copied); tests that need it skip
cleanly when it is absent, and fail instead under ST_TEST_REQUIRE_SPEC=1 (CI).
"""

from __future__ import annotations

import json
from collections.abc import AsyncIterator, Awaitable, Callable
from typing import Any

import httpx
import pytest
from starlette.applications import Starlette

from stsim.app import Server, build_app
from stsim.clock import FakeClock
from tests.stsim.spec import SpecValidator
from tests.support.spec import require_spec

ACCOUNT = {"Authorization": "Bearer account-token-anything"}


@pytest.fixture(scope="session")
def spec() -> dict[str, Any]:
    loaded: dict[str, Any] = json.loads(require_spec().read_text())
    return loaded


@pytest.fixture
def validator(spec: dict[str, Any]) -> SpecValidator:
    return SpecValidator(spec)


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def app(clock: FakeClock) -> Starlette:
    return build_app(seed=1, systems=20, speed=1.0, rate_limit=False, clock=clock)


@pytest.fixture
def server(app: Starlette) -> Server:
    found: Server = app.state.server
    return found


@pytest.fixture
async def client(app: Starlette) -> AsyncIterator[httpx.AsyncClient]:
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app), base_url="http://stsim/v2") as c:
        yield c


Register = Callable[..., Awaitable[dict[str, Any]]]


@pytest.fixture
def register(client: httpx.AsyncClient) -> Register:
    """Registers an agent; the coroutine returns the response's data (token, agent, ships, contract…)."""

    async def do(symbol: str = "TESTER", faction: str = "COSMIC") -> dict[str, Any]:
        r = await client.post("/register", json={"symbol": symbol, "faction": faction}, headers=ACCOUNT)
        assert r.status_code == 201, r.text
        data: dict[str, Any] = r.json()["data"]
        return data

    return do

"""Helpers for the API edge tests: a Gateway on httpx.MockTransport, run on a virtual-time loop.

A uniquely named module (not conftest) so `from gateway_helpers import …` is unambiguous in the suite.
"""

from __future__ import annotations

import asyncio
import inspect
import random
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

import httpx

from stdaemon.api.client import make_client
from stdaemon.api.gateway import Gateway
from stdaemon.api.retry import RetryPolicy
from stdaemon.api.scheduler import Limiter, Scheduler
from stdaemon.settings import Settings

TOKEN = "agent-token-7f3c9a1e5b2d-do-not-print"
ACCOUNT_TOKEN = "account-token-0a9b8c7d6e5f-do-not-print"
WALL = datetime(2026, 1, 5, 12, 0, 0, tzinfo=UTC)

Handler = Callable[[httpx.Request], httpx.Response | Awaitable[httpx.Response]]


@dataclass
class Served:
    """What the fake server saw: each request and the virtual time it arrived."""

    requests: list[httpx.Request] = field(default_factory=list)
    times: list[float] = field(default_factory=list)


Build = Callable[..., tuple[Gateway, Served]]


def ok(data: Any, status: int = 200) -> httpx.Response:
    return httpx.Response(status, json={"data": data})


def err(
    status: int, code: int, message: str, data: Any = None, headers: dict[str, str] | None = None
) -> httpx.Response:
    error: dict[str, Any] = {"message": message, "code": code}
    if data is not None:
        error["data"] = data
    return httpx.Response(status, json={"error": error}, headers=headers)


def make_gateway(
    handler: Handler,
    *,
    attempts: int = 5,
    limiter: Limiter | None = None,
    token: str | None = TOKEN,
    account_token: str | None = ACCOUNT_TOKEN,
) -> tuple[Gateway, Served]:
    served = Served()

    async def wrapped(request: httpx.Request) -> httpx.Response:
        served.requests.append(request)
        served.times.append(asyncio.get_running_loop().time())
        result = handler(request)
        if inspect.isawaitable(result):
            result = await result
        return result

    settings = Settings(
        _env_file=None, token=token, account_token=account_token, api_url="https://api.test/v2"
    )
    client = make_client(settings, transport=httpx.MockTransport(wrapped))
    gateway = Gateway(
        client,
        limiter if limiter is not None else Scheduler(),
        policy=RetryPolicy(attempts=attempts, rng=random.Random(3)),
        wall_clock=lambda: WALL,
    )
    return gateway, served

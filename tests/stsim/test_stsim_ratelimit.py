"""The two-pool rate limit (2/s static + 30 burst per 60 s) per token and per address, on a fake clock."""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import datetime

import httpx
import pytest
from starlette.applications import Starlette

from stsim.app import build_app
from stsim.clock import FakeClock

ACCOUNT = {"Authorization": "Bearer account"}


@pytest.fixture
def limited_app(clock: FakeClock) -> Starlette:
    return build_app(seed=1, systems=5, clock=clock, rate_limit=True)


@pytest.fixture
async def limited(limited_app: Starlette) -> AsyncIterator[httpx.AsyncClient]:
    async with httpx.AsyncClient(transport=httpx.ASGITransport(limited_app), base_url="http://stsim/v2") as c:
        yield c


async def test_two_per_second_sustained_never_429s(limited: httpx.AsyncClient, clock: FakeClock) -> None:
    statuses = []
    for _ in range(300):  # 150 seconds at 2 requests per second
        statuses.append((await limited.get("/systems")).status_code)
        clock.advance(0.5)
    assert set(statuses) == {200}


async def test_a_burst_beyond_32_in_a_second_429s_with_headers(
    limited: httpx.AsyncClient, clock: FakeClock
) -> None:
    responses = [await limited.get("/systems") for _ in range(40)]
    statuses = [r.status_code for r in responses]
    assert statuses[:32] == [200] * 32, "2 static points then 30 burst points"
    assert set(statuses[32:]) == {429}
    refused = responses[32]
    h = refused.headers
    assert h["x-ratelimit-type"] == "IP Address"
    assert h["x-ratelimit-limit-burst"] == "30" and h["x-ratelimit-limit-per-second"] == "2"
    assert h["x-ratelimit-limit"] == "2" and h["x-ratelimit-remaining"] == "0"
    assert 1 <= int(h["retry-after"]) <= 1
    reset = datetime.fromisoformat(h["x-ratelimit-reset"])
    assert 0 < (reset - clock.now()).total_seconds() <= 1
    error = refused.json()["error"]
    assert error["code"] == 429
    assert set(error["data"]) == {"type", "retryAfter", "limitBurst", "limitPerSecond", "remaining", "reset"}
    assert error["data"]["limitBurst"] == 30 and error["data"]["remaining"] == 0
    clock.advance(1.0)
    again = [(await limited.get("/systems")).status_code for _ in range(3)]
    assert again == [200, 200, 429], "after 1 s the static pool is full again; the burst pool is still empty"
    clock.advance(60.0)
    refill = [(await limited.get("/systems")).status_code for _ in range(33)]
    assert refill == [200] * 32 + [429], "after 60 s the burst pool is full again"


async def test_the_token_pool_follows_the_agent_across_addresses(
    limited_app: Starlette, clock: FakeClock
) -> None:
    transport_a = httpx.ASGITransport(limited_app, client=("10.0.0.1", 1000))
    transport_b = httpx.ASGITransport(limited_app, client=("10.0.0.2", 1000))
    async with (
        httpx.AsyncClient(transport=transport_a, base_url="http://stsim/v2") as a,
        httpx.AsyncClient(transport=transport_b, base_url="http://stsim/v2") as b,
    ):
        r = await a.post("/register", json={"symbol": "LIMITED", "faction": "COSMIC"}, headers=ACCOUNT)
        assert r.status_code == 201
        clock.advance(120)
        auth = {"Authorization": f"Bearer {r.json()['data']['token']}"}
        first = [(await a.get("/my/agent", headers=auth)).status_code for _ in range(32)]
        assert first == [200] * 32
        other = await b.get("/my/agent", headers=auth)
        assert other.status_code == 429 and other.headers["x-ratelimit-type"] == "Account"
        anonymous = await b.get("/systems")
        assert anonymous.status_code == 200, "another address without the token has its own pool"


async def test_no_rate_limit_switch(clock: FakeClock) -> None:
    app = build_app(seed=1, systems=5, clock=clock, rate_limit=False)
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app), base_url="http://stsim/v2") as c:
        statuses = {(await c.get("/systems")).status_code for _ in range(100)}
    assert statuses == {200}


def test_idle_clients_are_forgotten(clock: FakeClock) -> None:
    from stsim.ratelimit import RateLimiter

    limiter = RateLimiter()
    for i in range(10_001):
        assert limiter.check(clock.now(), f"10.0.{i // 256}.{i % 256}", None).allowed
    clock.advance(61)
    assert limiter.check(clock.now(), "10.9.9.9", "token").allowed
    assert len(limiter._buckets) == 2, "only the two buckets of the latest request remain"


def test_forgetting_idle_clients_keeps_a_recently_used_static_pool(clock: FakeClock) -> None:
    """Only a bucket whose pools would both be full again may be forgotten: a client whose burst window
    has passed but who just spent its static points must not get them back by being pruned."""
    from stsim.ratelimit import RateLimiter

    limiter = RateLimiter()
    assert all(limiter.check(clock.now(), "10.1.1.1", None).allowed for _ in range(3))  # burst starts
    clock.advance(59.8)
    assert all(limiter.check(clock.now(), "10.1.1.1", None).allowed for _ in range(2))  # static spent
    for i in range(10_000):  # 10,001 buckets: the next check scans them
        limiter.check(clock.now(), f"10.0.{i // 256}.{i % 256}", None)
    clock.advance(0.3)  # the burst window of 10.1.1.1 has passed; its static pool refills only at 60.8 s
    limiter.check(clock.now(), "10.9.9.9", None)  # triggers the pruning
    allowed = 0
    while limiter.check(clock.now(), "10.1.1.1", None).allowed:
        allowed += 1
    assert allowed == 30, "a fresh burst pool, but the static pool is still spent"


async def test_a_429_exposes_its_rate_limit_headers(limited: httpx.AsyncClient) -> None:
    """SPACETRADERS.md §4: Retry-After and X-RateLimit-* are exposed via access-control-expose-headers."""
    responses = [await limited.get("/systems") for _ in range(33)]
    refused = responses[-1]
    assert refused.status_code == 429
    exposed = {h.strip().lower() for h in refused.headers["access-control-expose-headers"].split(",")}
    assert {"retry-after", "x-ratelimit-type", "x-ratelimit-limit-burst", "x-ratelimit-reset"} <= exposed


def test_pruning_is_amortised_when_many_clients_are_active(
    clock: FakeClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    """With more than 10,000 clients all active, each request must not rescan every bucket."""
    from stsim.ratelimit import RateLimiter

    limiter = RateLimiter()
    scans = 0
    real_prune = limiter._prune

    def counting_prune(now: datetime) -> None:
        nonlocal scans
        scans += 1
        real_prune(now)

    monkeypatch.setattr(limiter, "_prune", counting_prune)
    for i in range(12_000):
        assert limiter.check(clock.now(), f"10.{i // 65536}.{i // 256 % 256}.{i % 256}", None).allowed
    assert scans <= 2, f"{scans} full scans for 2,000 requests beyond the threshold"
    clock.advance(61)
    limiter.check(clock.now(), "10.9.9.9", "token")
    for i in range(10_001):
        limiter.check(clock.now(), f"11.{i // 65536}.{i // 256 % 256}.{i % 256}", None)
    assert len(limiter._buckets) <= 12_000, "idle clients are still forgotten"

"""GET /v2/_admin/stats: what the server received, accepted and refused, so a benchmark can prove its rate
budget use without trusting the client's own count."""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import timedelta
from typing import Any

import httpx
import pytest

from stsim.app import build_app
from stsim.clock import FakeClock, iso
from stsim.stats import RequestStats


@pytest.fixture
async def limited(clock: FakeClock) -> AsyncIterator[httpx.AsyncClient]:
    app = build_app(seed=1, systems=5, clock=clock, rate_limit=True)
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app), base_url="http://stsim/v2") as c:
        yield c


async def _stats(client: httpx.AsyncClient, **window: str) -> dict[str, Any]:
    r = await client.get("/_admin/stats", params=window)
    assert r.status_code == 200, r.text
    found: dict[str, Any] = r.json()["data"]
    return found


async def test_counts_accepted_and_refused_requests_per_second(
    limited: httpx.AsyncClient, clock: FakeClock
) -> None:
    t0 = clock.now()
    for _ in range(40):  # 2 static + 30 burst points, then 8 refusals
        await limited.get("/systems")
    clock.advance(1.25)
    for _ in range(3):  # the static pool is full again: 2 accepted, 1 refused
        await limited.get("/factions")
    await limited.get("/no/such/route")
    await limited.options("/systems")  # 405

    stats = await _stats(limited)
    assert stats["since"] == iso(t0) and stats["now"] == iso(clock.now())
    assert stats["received"] == 45
    assert (stats["accepted"], stats["rateLimited"], stats["faults"]) == (34, 9, 0)
    assert stats["byStatus"] == {"200": 34, "404": 1, "405": 1, "429": 9}
    window = stats["window"]
    assert (window["accepted"], window["rateLimited"], window["complete"]) == (34, 9, True)
    assert window["acceptedAt"] == [iso(t0)] * 32 + [iso(t0 + timedelta(seconds=1.25))] * 2
    assert window["perSecond"] == [
        {"second": iso(t0), "accepted": 32, "rateLimited": 8},
        {"second": iso(t0 + timedelta(seconds=1)), "accepted": 2, "rateLimited": 1},
    ]

    later = await _stats(limited, **{"from": iso(t0 + timedelta(seconds=1)), "to": iso(clock.now())})
    assert (later["window"]["accepted"], later["window"]["rateLimited"]) == (2, 1)
    assert later["received"] == 45, "reading the stats is not counted"
    naive = await _stats(limited, **{"from": "2026-01-01T00:00:01", "to": "2026-01-01T00:00:02+00:00"})
    assert naive["window"]["from"] == iso(t0 + timedelta(seconds=1)) and naive["window"]["accepted"] == 2


async def test_stats_reset_starts_the_counts_again(limited: httpx.AsyncClient, clock: FakeClock) -> None:
    for _ in range(5):
        await limited.get("/systems")
    clock.advance(10)
    r = await limited.post("/_admin/stats/reset")
    assert r.status_code == 200 and r.json()["data"]["since"] == iso(clock.now())
    stats = await _stats(limited)
    assert (stats["received"], stats["accepted"], stats["byStatus"]) == (0, 0, {})
    assert stats["window"]["acceptedAt"] == [] and stats["window"]["from"] == iso(clock.now())
    await limited.get("/systems")
    assert (await _stats(limited))["accepted"] == 1
    assert (await limited.post("/_admin/reset")).status_code == 200
    assert (await _stats(limited))["accepted"] == 1, "a universe reset leaves the counts alone"


async def test_injected_faults_are_counted_but_not_accepted(clock: FakeClock) -> None:
    app = build_app(seed=1, systems=5, clock=clock, rate_limit=True, faults=1.0, fault_delay=0.0)
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app), base_url="http://stsim/v2") as c:
        statuses = [(await c.get("/systems")).status_code for _ in range(40)]
        stats = await _stats(c)
    slow = app.state.server.faults.injected["slow"]  # a slow answer is an answer: it spends a point
    assert stats["received"] == 40 and stats["faults"] == 40 - slow
    assert stats["accepted"] == slow and stats["rateLimited"] == 0
    assert stats["byStatus"] == {str(s): statuses.count(s) for s in sorted(set(statuses))}


async def test_a_window_that_is_not_a_time_is_422(limited: httpx.AsyncClient) -> None:
    for bad in ("yesterday", "", "2026-13-01T00:00:00Z", "9" * 40):
        r = await limited.get("/_admin/stats", params={"from": bad})
        assert r.status_code == 422 and r.json()["error"]["data"]["from"], (bad, r.text)


def test_the_rings_are_bounded_and_say_when_a_window_reaches_past_them(clock: FakeClock) -> None:
    stats = RequestStats(clock, ring=5)
    start = clock.now()
    for _ in range(8):
        stats.accept()
        clock.advance(1)
    everything = stats.answer(start, clock.now())
    assert stats.accepted == 8 and everything["window"]["accepted"] == 5
    assert everything["window"]["complete"] is False
    recent = stats.answer(start + timedelta(seconds=3), clock.now())
    assert recent["window"]["complete"] is True and recent["window"]["accepted"] == 5

"""Fault injection, server resets (old tokens get the 401 with expected/actual), and malformed requests."""

from __future__ import annotations

import asyncio
import os
import signal
from collections import Counter
from collections.abc import AsyncIterator, Awaitable, Callable
from typing import Any

import httpx
import pytest

from stsim.app import Server, build_app
from stsim.cli import _install_sighup, main
from stsim.clock import FakeClock
from stsim.routes.base import OPS

Register = Callable[..., Awaitable[dict[str, Any]]]


async def test_faults_at_full_rate_give_every_kind(clock: FakeClock) -> None:
    app = build_app(seed=3, systems=5, clock=clock, rate_limit=False, faults=1.0, fault_delay=5.0)
    kinds: Counter[str] = Counter()
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app), base_url="http://stsim/v2") as c:
        for _ in range(200):
            before = clock.now()
            r = await c.get("/systems")
            if r.status_code == 500:
                assert r.json()["error"]["code"] == 3000
                kinds["500"] += 1
            elif r.status_code == 502:
                assert r.headers["content-type"].startswith("text/html")
                kinds["502"] += 1
            elif r.status_code == 429:
                assert r.headers["content-type"].startswith("text/html")
                assert (
                    not any(h.startswith("x-ratelimit") for h in r.headers) and "retry-after" not in r.headers
                )
                kinds["html429"] += 1
            else:
                assert r.status_code == 200 and (clock.now() - before).total_seconds() == 5.0
                kinds["slow"] += 1
    assert set(kinds) == {"500", "502", "html429", "slow"}
    assert app.state.server.faults.injected == dict(kinds)


async def test_faults_are_seeded_and_near_the_rate(clock: FakeClock) -> None:
    async def statuses() -> list[int]:
        app = build_app(seed=9, systems=5, clock=clock, rate_limit=False, faults=0.2, fault_delay=0.0)
        async with httpx.AsyncClient(transport=httpx.ASGITransport(app), base_url="http://stsim/v2") as c:
            return [(await c.get("/systems")).status_code for _ in range(500)]

    first, second = await statuses(), await statuses()
    assert first == second
    failed = sum(1 for s in first if s != 200)
    assert 50 <= failed <= 150  # about 20 % of 500, less the "slow" kind that still answers 200


async def test_reset_makes_old_tokens_fail_with_expected_and_actual(
    client: httpx.AsyncClient, server: Server, register: Register
) -> None:
    reg = await register("OLDTIMER")
    old = {"Authorization": f"Bearer {reg['token']}"}
    assert (await client.get("/my/agent", headers=old)).status_code == 200
    before = (await client.get("/")).json()["resetDate"]
    r = await client.post("/_admin/reset")
    assert r.status_code == 200
    after = (await client.get("/")).json()["resetDate"]
    assert after == r.json()["data"]["resetDate"] and after > before
    denied = await client.get("/my/agent", headers=old)
    assert denied.status_code == 401
    error = denied.json()["error"]
    assert error["code"] == 401 and "reset_date does not match" in error["message"]
    assert error["data"] == {"expected": after, "actual": before}
    again = await register("OLDTIMER")  # the symbol is free again in the new reset
    assert (
        await client.get("/my/agent", headers={"Authorization": f"Bearer {again['token']}"})
    ).status_code == 200


async def test_sighup_triggers_a_reset(server: Server) -> None:
    before = server.world.reset_date
    _install_sighup(server)
    try:
        os.kill(os.getpid(), signal.SIGHUP)
        for _ in range(50):
            await asyncio.sleep(0.01)
            if server.world.reset_date != before:
                break
    finally:
        asyncio.get_running_loop().remove_signal_handler(signal.SIGHUP)
    assert server.world.reset_date > before


async def test_tokens_stsim_did_not_issue_are_rejected(client: httpx.AsyncClient) -> None:
    fake = "eyJhbGciOiJIUzI1NiJ9.eyJpZGVudGlmaWVyIjoiWCIsInJlc2V0X2RhdGUiOiIyMDI2LTAxLTAxIn0.c2ln"
    r = await client.get("/my/agent", headers={"Authorization": f"Bearer {fake}"})
    assert r.status_code == 401 and r.json()["error"]["code"] == 4104


@pytest.mark.parametrize("limit", ["0", "21", "-1", "ten"])
async def test_pagination_limit_out_of_range_is_422(client: httpx.AsyncClient, limit: str) -> None:
    r = await client.get("/systems", params={"limit": limit})
    assert r.status_code == 422 and r.json()["error"]["code"] == 422


async def test_pagination_pages_and_meta(client: httpx.AsyncClient) -> None:
    first = (await client.get("/systems", params={"limit": 7})).json()
    assert first["meta"] == {"total": 20, "page": 1, "limit": 7} and len(first["data"]) == 7
    third = (await client.get("/systems", params={"limit": 7, "page": 3})).json()
    assert len(third["data"]) == 6
    beyond = (await client.get("/systems", params={"limit": 7, "page": 4})).json()
    assert beyond["data"] == [] and beyond["meta"]["page"] == 4
    default = (await client.get("/systems")).json()
    assert default["meta"]["limit"] == 10 and default["meta"]["page"] == 1
    symbols = [
        s["symbol"] for p in (1, 2) for s in (await client.get("/systems", params={"page": p})).json()["data"]
    ]
    assert len(set(symbols)) == 20


GARBAGE = [
    b"",
    b"null",
    b"[]",
    b"{",
    b'"text"',
    b'{"symbol": 5, "units": "x"}',
    b'{"units": -3}',
    b"\xff\xfe",
    b'{"waypointSymbol": null, "shipSymbol": [], "tradeSymbol": {}, "flightMode": 1, "produce": 2}',
]


async def test_malformed_requests_never_500(client: httpx.AsyncClient, register: Register) -> None:
    reg = await register("FUZZER")
    headers = {"Authorization": f"Bearer {reg['token']}", "Content-Type": "application/json"}
    ship = reg["ships"][0]["symbol"]
    system = reg["ships"][0]["nav"]["systemSymbol"]
    params = {
        "shipSymbol": ship,
        "systemSymbol": system,
        "waypointSymbol": reg["agent"]["headquarters"],
        "contractId": reg["contract"]["id"],
        "factionSymbol": "COSMIC",
        "agentSymbol": "FUZZER",
    }
    checked = 0
    for op in OPS:
        url = op.path.format(**params) if op.path != "/" else "/"
        for body in GARBAGE if op.body != "none" else [b""]:
            r = await client.request(op.method, url, content=body, headers=headers)
            assert r.status_code < 500, f"{op.method} {url} {body!r}: {r.status_code} {r.text}"
            if r.status_code >= 400:
                assert set(r.json()["error"]) >= {"message", "code"}
            checked += 1
    assert checked > 64
    bad_json = await client.post(f"/my/ships/{ship}/purchase", content=b"{oops", headers=headers)
    assert bad_json.status_code == 422
    unknown = await client.get("/no/such/route")
    assert unknown.status_code == 404 and unknown.json()["error"]["code"] == 404


def test_cli_rejects_bad_arguments() -> None:
    assert main(["serve", "--speed", "0"]) == 2
    assert main(["serve", "--faults", "1.5"]) == 2


def test_more_systems_than_there_are_symbols_is_refused_not_an_endless_loop() -> None:
    from datetime import UTC, datetime

    from stsim.universe import MAX_SYSTEMS, generate

    assert main(["serve", "--systems", str(MAX_SYSTEMS + 1)]) == 2
    with pytest.raises(ValueError, match="at most"):
        generate(1, MAX_SYSTEMS + 1, datetime(2026, 1, 1, tzinfo=UTC))


async def test_a_reset_while_a_body_arrives_gives_the_reset_401(
    client: httpx.AsyncClient, server: Server, register: Register
) -> None:
    """Authentication and the handler see the same world: a reset landing mid-request is a 401, not an
    old agent acting in the new universe."""
    reg = await register("MIDFLIGHT")
    auth = {"Authorization": f"Bearer {reg['token']}", "Content-Type": "application/json"}

    async def body() -> AsyncIterator[bytes]:
        yield b'{"waypointSymbol": '
        server.reset()
        yield b'"X1-NOWHERE-A1"}'

    ship = reg["ships"][0]["symbol"]
    r = await client.post(f"/my/ships/{ship}/navigate", content=body(), headers=auth)
    assert r.status_code == 401 and set(r.json()["error"]["data"]) == {"expected", "actual"}, r.text


def test_an_unknown_log_level_is_a_usage_error_not_a_traceback(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exited:
        main(["serve", "--log-level", "loud"])
    assert exited.value.code == 2 and "--log-level" in capsys.readouterr().err


def test_a_port_out_of_range_is_a_usage_error_not_a_traceback() -> None:
    assert main(["serve", "--port", "70000"]) == 2
    assert main(["serve", "--port", "-1"]) == 2


def test_a_speed_that_is_not_a_finite_number_is_refused() -> None:
    assert main(["serve", "--speed", "nan"]) == 2
    assert main(["serve", "--speed", "inf"]) == 2
    with pytest.raises(ValueError, match="speed"):
        build_app(speed=float("nan"), clock=FakeClock())

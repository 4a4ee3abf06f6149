"""Odd inputs to every operation never give a 500 or a traceback, and every error uses the spec's envelope."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any

import httpx
from jsonschema import Draft7Validator

from tests.stsim.spec import ERROR_ENVELOPE

Register = Callable[..., Awaitable[dict[str, Any]]]
ENVELOPE = Draft7Validator(ERROR_ENVELOPE)


def _assert_envelope(r: httpx.Response, what: str) -> None:
    assert r.status_code < 500, f"{what}: {r.status_code} {r.text[:300]}"
    if r.status_code >= 400 and r.request.method != "HEAD":
        assert r.headers["content-type"].startswith("application/json"), f"{what}: {r.text[:200]}"
        body = r.json()
        ENVELOPE.validate(body)
        assert r.status_code in (401, 404, 405, 422) or body["error"]["code"] >= 4000, what


async def _agent(register: Register) -> tuple[dict[str, str], dict[str, str]]:
    reg = await register("ODDITY")
    headers = {"Authorization": f"Bearer {reg['token']}", "Content-Type": "application/json"}
    ship = reg["ships"][0]
    params = {
        "shipSymbol": ship["symbol"],
        "systemSymbol": ship["nav"]["systemSymbol"],
        "waypointSymbol": reg["agent"]["headquarters"],
        "contractId": reg["contract"]["id"],
        "factionSymbol": "COSMIC",
        "agentSymbol": "ODDITY",
    }
    return headers, params


async def test_refine_with_a_non_string_produce_is_422(client: httpx.AsyncClient, register: Register) -> None:
    headers, p = await _agent(register)
    for produce in ([], {}, [1], {"a": 1}, 7, None):
        r = await client.post(
            f"/my/ships/{p['shipSymbol']}/refine", json={"produce": produce}, headers=headers
        )
        assert r.status_code == 422, (produce, r.text)
        assert "produce" in r.json()["error"]["data"]


async def test_deeply_nested_json_is_422(client: httpx.AsyncClient, register: Register) -> None:
    headers, p = await _agent(register)
    deep = b"[" * 100_000 + b"]" * 100_000
    r = await client.post(f"/my/ships/{p['shipSymbol']}/navigate", content=deep, headers=headers)
    assert r.status_code == 422, r.text
    _assert_envelope(r, "deep JSON")


async def test_a_lone_surrogate_in_the_body_is_422_not_a_crash(
    client: httpx.AsyncClient, register: Register
) -> None:
    headers, p = await _agent(register)
    raw = b'{"symbol": "MOUNT_\\ud800X"}'  # valid JSON, but not encodable as UTF-8 when echoed back
    r = await client.post(f"/my/ships/{p['shipSymbol']}/mounts/install", content=raw, headers=headers)
    assert r.status_code == 422, r.text
    _assert_envelope(r, "lone surrogate")


async def test_a_wrong_method_gets_the_envelope(client: httpx.AsyncClient, register: Register) -> None:
    headers, p = await _agent(register)
    for method in ("OPTIONS", "TRACE"):
        r = await client.request(method, f"/my/ships/{p['shipSymbol']}/orbit", headers=headers)
        assert r.status_code in (404, 405), r.text
        _assert_envelope(r, method)

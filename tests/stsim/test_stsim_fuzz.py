"""Odd inputs to every operation never give a 500 or a traceback, and every error uses the spec's envelope."""

from __future__ import annotations

import json
from collections.abc import AsyncIterator, Awaitable, Callable
from typing import Any

import httpx
from jsonschema import Draft7Validator

from stsim.routes.base import OPS
from tests.stsim.spec import ERROR_ENVELOPE

Register = Callable[..., Awaitable[dict[str, Any]]]
ENVELOPE = Draft7Validator(ERROR_ENVELOPE)


def _assert_envelope(r: httpx.Response, what: str) -> None:
    assert r.status_code < 500, f"{what}: {r.status_code} {r.text[:300]}"
    if r.status_code >= 400 and r.request.method != "HEAD":
        assert r.headers["content-type"].startswith("application/json"), f"{what}: {r.text[:200]}"
        body = r.json()
        ENVELOPE.validate(body)
        assert r.status_code in (401, 404, 405, 413, 422) or body["error"]["code"] >= 4000, what


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


ODD_VALUES: list[Any] = [
    None,
    True,
    1.5,
    -1,
    0,
    10**40,
    -(10**40),
    "",
    "é漢字\u0000",
    "X" * 3000,
    [],
    {},
    [1],
]
FIELDS = ["symbol", "faction", "shipSymbol", "tradeSymbol", "units", "waypointSymbol", "flightMode"]
FIELDS += ["produce", "shipType", "fromCargo", "signature", "deposits", "expiration", "size"]
RAW_BODIES = [b"", b"null", b"[]", b"{", b"1e999", b"NaN", b'{"units": Infinity}', b"\xff", b'"\\ud800"']
QUERIES = ["page=0", "page=-1", "limit=abc", "limit=0", "limit=21", "page=" + "9" * 30, "page=1e3"]
QUERIES += ["traits=", "traits=MARKETPLACE,SHIPYARD", "traits[]=X&traits[]=Y", "type=", "type=PLANET&type=X"]
QUERIES += ["page=%00", "limit=%C3%A9"]
ODD_PARAMS = ["%00", "%C3%A9", "..", "X" * 2000, "%F0%9F%98%80", "%2F"]
BAD_AUTH: list[dict[str, Any]] = [
    {},
    {"Authorization": "Bearer"},
    {"Authorization": "Bearer a.b.c"},
    {"Authorization": "Bearer \u00e9".encode("latin-1")},
    {"Authorization": "Bearer x.eyJpZGVudGlmaWVyIjpudWxsLCJyZXNldF9kYXRlIjpbXX0.x"},
    {"Authorization": "Basic abc"},
]


async def test_odd_inputs_to_every_operation_never_500(client: httpx.AsyncClient, register: Register) -> None:
    """Wrong JSON types, huge and negative numbers, unicode, missing bodies, wrong methods, unknown symbols,
    odd query parameters and bad tokens, sent to each of the 64 operations."""
    headers, p = await _agent(register)
    sent = 0

    async def send(method: str, url: str, what: str, **kw: Any) -> None:
        nonlocal sent
        _assert_envelope(await client.request(method, url, **kw), f"{method} {url[:80]} {what[:120]}")
        sent += 1

    for op in OPS:
        url = op.path.format(**p)
        for raw in RAW_BODIES:
            await send(op.method, url, repr(raw), content=raw, headers=headers)
        for name in FIELDS:
            for value in ODD_VALUES:
                alone = json.dumps({name: value}).encode()
                await send(op.method, url, alone.decode(), content=alone, headers=headers)
                if value in (None, -1, 10**40, [], {}):  # with every other field present, to get further in
                    full = {f: "X" for f in FIELDS} | {"units": 1, name: value}
                    await send(op.method, url, str(full), content=json.dumps(full).encode(), headers=headers)
        for key in p:
            if "{" + key + "}" in op.path:
                for odd in ODD_PARAMS:
                    await send(op.method, op.path.format(**(p | {key: odd})), odd, headers=headers)
        for query in QUERIES:
            await send(op.method, f"{url}?{query}", query, headers=headers)
        for method in ("GET", "POST", "PATCH", "PUT", "DELETE", "OPTIONS"):
            if method != op.method:
                await send(method, url, "wrong method", headers=headers)
        for auth in BAD_AUTH:
            await send(op.method, url, str(auth), headers=auth)
    assert sent > 64 * 150


FORM = {"Content-Type": "application/x-www-form-urlencoded"}
ODD_FORM_VALUES = ["", "%00", "%C3%A9%E6%BC%A2", "X" * 3000, "-1", "0", "1" * 40, "1" * 5000, "1e3", "+1"]
ODD_FORM_VALUES += ["%201", "true", "[]", "%7B%7D", "%FF", "%D9%A1%D9%A2", "null", "1.0", "0x10"]
RAW_FORM_BODIES = [b"", b"&", b"=", b"==", b"a", b"a=1&", b"&a=1", b"a=1&&b=2", b"%", b"%zz=1", b"\xff=1"]
RAW_FORM_BODIES += [b"a=%ff", b"a[b]=1", b"survey[signature]=X", b"a=1;b=2", "a=\u00e9".encode(), b"{}"]


async def test_odd_form_bodies_to_every_operation_never_500(
    client: httpx.AsyncClient, register: Register
) -> None:
    """The same for form-encoded bodies: malformed ones, odd values, and decimal strings too long for a
    number, to every operation."""
    headers, p = await _agent(register)
    headers |= FORM
    sent = 0
    for op in OPS:
        url = op.path.format(**p)
        bodies = list(RAW_FORM_BODIES)
        for name in FIELDS if op.body != "none" else []:  # the others never read a body
            bodies += [f"{name}={value}".encode() for value in ODD_FORM_VALUES]
            full = "&".join(f"{f}=X" for f in FIELDS if f not in (name, "units")) + "&units=1"
            bodies += [f"{full}&{name}={value}".encode() for value in ("", "-1", "1" * 40, "%00")]
        for body in bodies:
            r = await client.request(op.method, url, content=body, headers=headers)
            _assert_envelope(r, f"{op.method} {url[:80]} form {body[:120]!r}")
            sent += 1
    assert sent > 20 * 300


async def test_a_missing_token_is_401_even_with_a_malformed_body(client: httpx.AsyncClient) -> None:
    """Authentication comes first, as on the real server: a bad body must not hide a missing token."""
    r = await client.post(
        "/my/ships/ANY-1/navigate", content=b"{", headers={"Content-Type": "application/json"}
    )
    assert r.status_code == 401 and r.json()["error"]["code"] == 4103, r.text


async def test_an_oversized_body_is_refused_without_reading_it_all(
    client: httpx.AsyncClient, register: Register
) -> None:
    headers, p = await _agent(register)
    chunks = 0

    async def huge() -> AsyncIterator[bytes]:
        nonlocal chunks
        yield b'{"waypointSymbol": "'
        for _ in range(64):  # 64 MiB if it were all read
            chunks += 1
            yield b"x" * (1 << 20)
        yield b'"}'

    r = await client.post(f"/my/ships/{p['shipSymbol']}/navigate", content=huge(), headers=headers)
    assert r.status_code == 413, r.text
    _assert_envelope(r, "oversized body")
    assert chunks < 8, "the server stopped reading soon after the limit"

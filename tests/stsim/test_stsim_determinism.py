"""Same seed, same requests, same clock: the same answers, byte for byte (tokens aside, which are signed
with a per-process key), including the random parts of play: contracts, surveys and extraction yields."""

from __future__ import annotations

from typing import Any

import httpx

from stsim.app import build_app
from stsim.clock import FakeClock

ACCOUNT = {"Authorization": "Bearer account"}


async def _play(seed: int) -> list[Any]:
    clock = FakeClock()
    app = build_app(seed=seed, systems=8, clock=clock, rate_limit=False)
    world = app.state.server.world
    answers: list[Any] = []
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app), base_url="http://stsim/v2") as c:
        reg = (
            await c.post("/register", json={"symbol": "TWIN", "faction": "COSMIC"}, headers=ACCOUNT)
        ).json()
        auth = {"Authorization": f"Bearer {reg['data'].pop('token')}"}
        answers.append(reg)
        ship = reg["data"]["ships"][0]["symbol"]
        system = reg["data"]["ships"][0]["nav"]["systemSymbol"]
        rock = next(
            w
            for w in world.universe.systems[system].waypoints
            if "ASTEROID" in world.universe.waypoints[w].type
        )
        steps: list[tuple[str, str, dict[str, Any] | None]] = [
            ("POST", f"/my/ships/{ship}/orbit", None),
            ("POST", f"/my/ships/{ship}/navigate", {"waypointSymbol": rock}),
            ("WAIT", "", None),
            ("POST", f"/my/ships/{ship}/survey", None),
            ("WAIT", "", None),
            ("POST", f"/my/ships/{ship}/extract", None),
            ("WAIT", "", None),
            ("POST", f"/my/ships/{ship}/extract", None),
            ("GET", f"/systems/{system}/waypoints?limit=20", None),
            ("GET", "/my/contracts", None),
            ("GET", f"/my/ships/{ship}", None),
        ]
        for method, url, body in steps:
            if method == "WAIT":
                clock.advance(600)
                continue
            r = await c.request(method, url, json=body, headers=auth)
            answers.append((r.status_code, r.json()))
    return answers


async def test_same_seed_same_game() -> None:
    first, second = await _play(11), await _play(11)
    assert all(status < 300 for status, _ in first[1:]), first
    assert first == second
    assert first != await _play(12)

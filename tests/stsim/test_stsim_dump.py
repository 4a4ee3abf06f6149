"""GET /v2/systems.json: the bulk dump of every system with its waypoints, as the live server publishes it."""

from __future__ import annotations

from typing import Any

import httpx
from jsonschema import Draft7Validator

from stsim.app import build_app
from stsim.clock import FakeClock
from tests.stsim.spec import SpecValidator


async def _paginated(client: httpx.AsyncClient) -> list[dict[str, Any]]:
    systems: list[dict[str, Any]] = []
    page = 1
    while True:
        r = await client.get("/systems", params={"limit": 20, "page": page})
        assert r.status_code == 200, r.text
        systems += r.json()["data"]
        if len(systems) >= r.json()["meta"]["total"]:
            return systems
        page += 1


async def test_the_dump_equals_what_the_paginated_listing_and_each_system_answer(
    validator: SpecValidator,
) -> None:
    app = build_app(seed=3, systems=45, clock=FakeClock(), rate_limit=False)
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app), base_url="http://stsim/v2") as c:
        r = await c.get("/systems.json")  # no token: the dump is public
        assert r.status_code == 200 and r.headers["content-type"].startswith("application/json")
        dump = r.json()
        assert isinstance(dump, list) and len(dump) == 45
        assert dump == await _paginated(c)  # 3 pages of 20
        for system in dump:
            one = await c.get(f"/systems/{system['symbol']}")
            assert one.json()["data"] == system
    schema = Draft7Validator({"$ref": "urn:spec#/components/schemas/System"}, registry=validator.registry)
    for system in dump:
        schema.validate(system)
    waypoints = [w for s in dump for w in s["waypoints"]]
    assert len(waypoints) == len(app.state.server.world.universe.waypoints)
    assert any("orbits" in w for w in waypoints) and any(w["orbitals"] for w in waypoints)


async def test_the_dump_costs_one_request_of_the_rate_budget() -> None:
    app = build_app(seed=1, systems=5, clock=FakeClock(), rate_limit=True)
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app), base_url="http://stsim/v2") as c:
        remaining = [int((await c.get("/systems.json")).headers["x-ratelimit-remaining"]) for _ in range(3)]
        assert remaining == [31, 30, 29]
        statuses = [(await c.get("/systems.json")).status_code for _ in range(30)]
    assert statuses == [200] * 29 + [429]

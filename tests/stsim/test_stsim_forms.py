"""Form-encoded bodies (`application/x-www-form-urlencoded`), as many real clients send them: accepted by
every route that takes a body, with the same validation and answers as JSON (issue 15)."""

from __future__ import annotations

from dataclasses import asdict
from typing import Any

import httpx

from stsim.app import build_app
from stsim.clock import FakeClock
from stsim.state import World
from tests.stsim.conftest import Register
from tests.stsim.forms import FORM
from tests.stsim.spec import SpecValidator
from tests.stsim.walk import Game, Walk
from tests.stsim.walk_game import play


def _state(world: World) -> dict[str, Any]:
    """Everything the game changed, comparable with ==."""
    return {
        "agents": {k: asdict(v) for k, v in world.agents.items()},
        "ships": {k: asdict(v) for k, v in world.ships.items()},
        "contracts": {k: asdict(v) for k, v in world.contracts.items()},
        "surveys": {k: asdict(v) for k, v in world.surveys.items()},
        "universe": asdict(world.universe),
        "extractions": world.extractions,
        "accounts": world.accounts,
        "rng": world.rng.getstate(),
    }


async def _played(validator: SpecValidator, *, form: bool) -> tuple[dict[str, Any], Walk]:
    clock = FakeClock()
    app = build_app(seed=1, systems=20, speed=1.0, rate_limit=False, clock=clock)
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app), base_url="http://stsim/v2") as c:
        g = Game(Walk(c, validator, form=form), app.state.server.world, clock)
        await play(g)
    return _state(app.state.server.world), g.w


async def test_the_scripted_game_with_form_bodies_ends_in_the_same_world(validator: SpecValidator) -> None:
    with_json, json_walk = await _played(validator, form=False)
    with_form, form_walk = await _played(validator, form=True)
    assert json_walk.form_sent == 0
    assert form_walk.form_sent >= 60, "most bodies of the game went form-encoded"
    assert form_walk.seen == json_walk.seen, "every call answered with the same status"
    assert with_form == with_json
    assert with_json["agents"]["WALKER"]["credits"] != 175_000, "the game did play"


def _auth(reg: dict[str, Any]) -> dict[str, str]:
    return {"Authorization": f"Bearer {reg['token']}"}


async def _both(
    client: httpx.AsyncClient, method: str, url: str, *, form: str, json: Any, headers: dict[str, str]
) -> tuple[httpx.Response, httpx.Response]:
    sent = await client.request(method, url, content=form, headers={**headers, "Content-Type": FORM})
    as_json = await client.request(method, url, json=json, headers=headers)
    return sent, as_json


async def test_form_and_json_get_the_same_validation(client: httpx.AsyncClient, register: Register) -> None:
    reg = await register("FORMAL")
    ship, auth = reg["ships"][0]["symbol"], _auth(reg)
    same: list[tuple[str, str, str, Any]] = [
        ("POST", f"/my/ships/{ship}/purchase", "symbol=FUEL&units=-1", {"symbol": "FUEL", "units": -1}),
        ("POST", f"/my/ships/{ship}/purchase", "symbol=FUEL&units=0", {"symbol": "FUEL", "units": 0}),
        ("POST", f"/my/ships/{ship}/purchase", "symbol=FUEL&units=1.5", {"symbol": "FUEL", "units": 1.5}),
        ("POST", f"/my/ships/{ship}/purchase", "symbol=FUEL&units=", {"symbol": "FUEL", "units": ""}),
        ("POST", f"/my/ships/{ship}/purchase", "symbol=FUEL", {"symbol": "FUEL"}),
        ("POST", f"/my/ships/{ship}/purchase", "symbol=NOPE&units=1", {"symbol": "NOPE", "units": 1}),
        ("POST", f"/my/ships/{ship}/sell", "symbol=IRON&units=3", {"symbol": "IRON", "units": 3}),
        ("POST", f"/my/ships/{ship}/refine", "produce=GOLD_BARS", {"produce": "GOLD_BARS"}),
        ("POST", f"/my/ships/{ship}/navigate", "waypointSymbol=", {"waypointSymbol": ""}),
        (
            "POST",
            f"/my/ships/{ship}/navigate",
            "waypointSymbol=X1-NO-WHERE",
            {"waypointSymbol": "X1-NO-WHERE"},
        ),
        ("POST", f"/my/ships/{ship}/refuel", "fromCargo=yes", {"fromCargo": "yes"}),
        ("POST", f"/my/ships/{ship}/refuel", "units=abc", {"units": "abc"}),
        ("PATCH", f"/my/ships/{ship}/nav", "flightMode=WARP9", {"flightMode": "WARP9"}),
        ("PATCH", f"/my/ships/{ship}/nav", "flightMode=BURN", {"flightMode": "BURN"}),
        (
            "POST",
            "/my/ships",
            "shipType=SHIP_PROBE&waypointSymbol=X1-NO-WHERE",
            {"shipType": "SHIP_PROBE", "waypointSymbol": "X1-NO-WHERE"},
        ),
        (
            "POST",
            f"/my/contracts/{reg['contract']['id']}/deliver",
            f"shipSymbol={ship}&tradeSymbol=IRON&units=5",
            {"shipSymbol": ship, "tradeSymbol": "IRON", "units": 5},
        ),
        ("POST", "/register", "symbol=x&faction=COSMIC", {"symbol": "x", "faction": "COSMIC"}),
        ("POST", "/register", "symbol=FORMAL&faction=COSMIC", {"symbol": "FORMAL", "faction": "COSMIC"}),
    ]
    for method, url, form, json in same:
        sent, as_json = await _both(client, method, url, form=form, json=json, headers=auth)
        assert sent.status_code == as_json.status_code >= 200, (form, sent.text, as_json.text)
        assert sent.json() == as_json.json(), form
    extra = await client.patch(
        f"/my/ships/{ship}/nav", content="flightMode=DRIFT&extra=1", headers=auth | {"Content-Type": FORM}
    )
    assert extra.status_code == 200, "names the route does not read are ignored, as in JSON"
    assert extra.json()["data"]["nav"]["flightMode"] == "DRIFT"


async def _trade(*, form: bool) -> list[tuple[int, Any]]:
    """Register, buy, sell and refuel at HQ on a fresh server, the bodies as JSON or as a Python SDK
    sends them in a form (numbers with leading zeros, `True`/`False` as str() writes them)."""
    answers: list[tuple[int, Any]] = []
    app = build_app(seed=1, systems=20, rate_limit=False, clock=FakeClock())
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app), base_url="http://stsim/v2") as c:

        async def send(url: str, json: dict[str, Any], form_text: str, auth: dict[str, str]) -> Any:
            if form:
                r = await c.post(url, content=form_text, headers=auth | {"Content-Type": FORM})
            else:
                r = await c.post(url, json=json, headers=auth)
            answer = r.json()
            answers.append((r.status_code, answer))
            return answer

        account = {"Authorization": "Bearer account"}
        reg = await send(
            "/register", {"symbol": "TWIN", "faction": "COSMIC"}, "symbol=TWIN&faction=COSMIC", account
        )
        auth = {"Authorization": f"Bearer {reg['data'].pop('token')}"}
        ship, hq = reg["data"]["ships"][0]["symbol"], reg["data"]["agent"]["headquarters"]
        market = (await c.get(f"/systems/{hq.rsplit('-', 1)[0]}/waypoints/{hq}/market", headers=auth)).json()
        good = market["data"]["tradeGoods"][0]["symbol"]
        await send(
            f"/my/ships/{ship}/purchase", {"symbol": good, "units": 5}, f"symbol={good}&units=0005", auth
        )
        await send(f"/my/ships/{ship}/sell", {"symbol": good, "units": 2}, f"units=2&symbol={good}", auth)
        await send(
            f"/my/ships/{ship}/refuel", {"units": 1, "fromCargo": False}, "units=1&fromCargo=False", auth
        )
        await send(f"/my/ships/{ship}/refuel", {"fromCargo": True}, "fromCargo=True", auth)
    return answers


async def test_numbers_and_booleans_arrive_as_strings() -> None:
    with_form, with_json = await _trade(form=True), await _trade(form=False)
    assert [status for status, _ in with_json] == [201, 201, 201, 200, 200]
    assert with_json[1][1]["data"]["transaction"]["units"] == 5
    assert with_form == with_json


async def test_a_survey_stays_json_only(client: httpx.AsyncClient, register: Register) -> None:
    reg = await register("SURVEYOR")
    ship, auth = reg["ships"][0]["symbol"], _auth(reg) | {"Content-Type": FORM}
    r = await client.post(
        f"/my/ships/{ship}/extract/survey", content="signature=X-1&size=SMALL", headers=auth
    )
    assert r.status_code == 422 and "JSON" in r.json()["error"]["data"]["body"][0], r.text


async def test_malformed_form_bodies_are_422(client: httpx.AsyncClient, register: Register) -> None:
    reg = await register("GARBLED")
    ship, auth = reg["ships"][0]["symbol"], _auth(reg) | {"Content-Type": f"{FORM}; charset=UTF-8"}
    for raw in (b"waypointSymbol", b"a=1&&b=2", b"a=1&", b"%ff=1", b"w=%C3", "w=é".encode(), b"\xff\xfe"):
        r = await client.post(f"/my/ships/{ship}/navigate", content=raw, headers=auth)
        assert r.status_code == 422 and r.json()["error"]["data"]["body"], (raw, r.text)


async def test_a_body_with_no_or_another_content_type_is_read_as_json(
    client: httpx.AsyncClient, register: Register
) -> None:
    reg = await register("UNTYPED")
    ship, auth = reg["ships"][0]["symbol"], _auth(reg)
    for content_type in (None, "text/plain", "application/json; charset=utf-8"):
        headers = auth if content_type is None else auth | {"Content-Type": content_type}
        r = await client.patch(f"/my/ships/{ship}/nav", content=b'{"flightMode": "BURN"}', headers=headers)
        assert r.status_code == 200, (content_type, r.text)
        r = await client.patch(f"/my/ships/{ship}/nav", content=b"flightMode=BURN", headers=headers)
        assert r.status_code == 422 and "JSON" in r.json()["error"]["message"], (content_type, r.text)

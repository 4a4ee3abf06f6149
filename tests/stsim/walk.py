"""The spec walk's driver: requests by path template, each response validated, the operations remembered."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

import httpx

from stsim.clock import FakeClock
from stsim.state import World
from tests.stsim.forms import FORM, form_encoded
from tests.stsim.spec import SpecValidator

ACCOUNT = {"Authorization": "Bearer account-token-anything"}
SHIP = "/my/ships/{shipSymbol}"
WP = "/systems/{systemSymbol}/waypoints/{waypointSymbol}"


class Walk:
    """Sends requests by path template, validates each response, and remembers which operations answered.

    With `form`, every JSON body that form encoding can say just as well goes form-encoded (counted in
    `form_sent`); the others (nested objects, values of another type than the spec's) stay JSON."""

    def __init__(self, client: httpx.AsyncClient, validator: SpecValidator, *, form: bool = False) -> None:
        self.client = client
        self.validator = validator
        self.token = ""
        self.seen: dict[tuple[str, str], set[int]] = {}
        self.form = form
        self.form_sent = 0

    async def call(
        self,
        method: str,
        template: str,
        *,
        expect: int | None = None,
        json: Any = None,
        content: bytes | None = None,
        params: Any = None,
        headers: dict[str, str] | None = None,
        **path: str,
    ) -> httpx.Response:
        url = template.format(**path) if path else template
        if headers is None:
            headers = {"Authorization": f"Bearer {self.token}"} if self.token else {}
        encoded = form_encoded(self.validator, method, template, json) if self.form else None
        if encoded is not None:
            json, content, headers = None, encoded, {**headers, "Content-Type": FORM}
            self.form_sent += 1
        r = await self.client.request(method, url, json=json, content=content, params=params, headers=headers)
        if expect is not None:
            assert r.status_code == expect, f"{method} {url}: {r.status_code} {r.text}"
        if r.content:
            self.validator.validate(method, template, r.status_code, r.json())
        else:
            assert r.status_code in (200, 204), f"{method} {url}: empty {r.status_code}"
            self.validator.checked += 1
        self.seen.setdefault((method, template), set()).add(r.status_code)
        return r

    async def ok(self, method: str, template: str, status: int = 200, **kw: Any) -> Any:
        """The call must answer `status`; returns `data` (or the whole body when there is no `data`)."""
        r = await self.call(method, template, expect=status, **kw)
        if not r.content:
            return None
        body = r.json()
        return body.get("data", body)

    async def error(self, method: str, template: str, code: int, **kw: Any) -> dict[str, Any]:
        """The call must fail with error `code`; returns the `error` object."""
        r = await self.call(method, template, **kw)
        assert r.status_code >= 400, f"{method} {template} succeeded; expected error {code}: {r.text}"
        body: dict[str, Any] = r.json()["error"]
        assert body["code"] == code, f"{method} {template}: expected {code}, got {body}"
        return body


@dataclass
class Game:
    """What the phases of the walk hand on to each other."""

    w: Walk
    world: World
    clock: FakeClock
    reg: dict[str, Any] = field(default_factory=dict)
    frigate: str = ""
    probe: str = ""
    drone: str = ""
    hq: str = ""
    system: str = ""
    shipyard_wp: str = ""
    gate: str = ""
    cid: str = ""
    good: str = ""
    dest: str = ""
    needed: int = 0
    source: str = ""
    unsold: str = ""
    elsewhere: str = ""
    mined: str = ""
    by_type: dict[str, str] = field(default_factory=dict)
    markets: dict[str, dict[str, Any]] = field(default_factory=dict)
    yard: dict[str, Any] = field(default_factory=dict)
    gate_info: dict[str, Any] = field(default_factory=dict)
    contract: dict[str, Any] = field(default_factory=dict)


async def travel(w: Walk, clock: FakeClock, ship: str, dest: str) -> None:
    """Orbit, navigate (drifting when fuel is short, after a 4203), and advance the fake clock to arrival."""
    nav = await w.ok("GET", SHIP + "/nav", shipSymbol=ship)
    if nav["waypointSymbol"] == dest:
        return
    await w.ok("POST", SHIP + "/orbit", shipSymbol=ship)
    r = await w.call("POST", SHIP + "/navigate", json={"waypointSymbol": dest}, shipSymbol=ship)
    if r.status_code == 400 and r.json()["error"]["code"] == 4203:
        await w.ok("PATCH", SHIP + "/nav", json={"flightMode": "DRIFT"}, shipSymbol=ship)
        r = await w.call(
            "POST", SHIP + "/navigate", json={"waypointSymbol": dest}, shipSymbol=ship, expect=200
        )
        await w.ok("PATCH", SHIP + "/nav", json={"flightMode": "CRUISE"}, shipSymbol=ship)
    assert r.status_code == 200, r.text
    arrival = datetime.fromisoformat(r.json()["data"]["nav"]["route"]["arrival"])
    clock.advance((arrival - clock.now()).total_seconds() + 1)
    nav = await w.ok("GET", SHIP + "/nav", shipSymbol=ship)
    assert nav["status"] == "IN_ORBIT" and nav["waypointSymbol"] == dest


async def dock_refuel(w: Walk, ship: str, market: dict[str, Any]) -> None:
    await w.ok("POST", SHIP + "/dock", shipSymbol=ship)
    if any(g["symbol"] == "FUEL" for g in market["exchange"] + market["exports"] + market["imports"]):
        await w.ok("POST", SHIP + "/refuel", json={}, shipSymbol=ship)

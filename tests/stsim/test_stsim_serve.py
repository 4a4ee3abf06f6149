"""Over real HTTP, against `stsim serve` in its own process: a client that sends form bodies plays a short
game with every call accepted, and the README's example runs as written."""

from __future__ import annotations

import asyncio
import json
import re
import shlex
import sys
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import httpx

from tests.stsim.serve import STSIM, free_port, serving

README = Path(__file__).resolve().parents[2] / "src" / "stsim" / "README.md"


async def test_a_client_sending_form_bodies_plays_with_every_call_accepted() -> None:
    port = free_port()
    command = [*STSIM, "serve", "--port", str(port), "--seed", "3", "--speed", "1000", "--systems", "12"]
    async with serving(command, port) as url, httpx.AsyncClient(base_url=url) as c:
        answers: list[httpx.Response] = []

        async def call(method: str, path: str, form: dict[str, Any] | None = None, **kw: Any) -> Any:
            r = await c.request(method, path, data=form, **kw)  # httpx sends `data` form-encoded
            answers.append(r)
            assert r.status_code < 300, f"{method} {path} {form}: {r.status_code} {r.text}"
            return r.json()["data"] if r.content else None

        account = {"Authorization": "Bearer my-account"}
        reg = await call("POST", "/register", {"symbol": "FORM_CLIENT", "faction": "COSMIC"}, headers=account)
        c.headers["Authorization"] = f"Bearer {reg['token']}"
        ship, hq = reg["ships"][0]["symbol"], reg["agent"]["headquarters"]
        system = reg["ships"][0]["nav"]["systemSymbol"]
        places = await call(
            "GET", f"/systems/{system}/waypoints", params={"traits": "MARKETPLACE", "limit": 20}
        )
        dest, good = await _fuel_market(call, system, [p["symbol"] for p in places if p["symbol"] != hq])

        await call("POST", f"/my/ships/{ship}/orbit")
        moved = await call("POST", f"/my/ships/{ship}/navigate", {"waypointSymbol": dest})
        arrival = datetime.fromisoformat(moved["nav"]["route"]["arrival"])
        await asyncio.sleep(max(0.0, (arrival - datetime.now(UTC)).total_seconds()) + 0.05)
        await call("POST", f"/my/ships/{ship}/dock")
        refuelled = await call("POST", f"/my/ships/{ship}/refuel", {"fromCargo": False})
        assert refuelled["fuel"]["current"] == refuelled["fuel"]["capacity"]
        bought = await call("POST", f"/my/ships/{ship}/purchase", {"symbol": good, "units": 3})
        assert bought["transaction"]["units"] == 3
        sold = await call("POST", f"/my/ships/{ship}/sell", {"symbol": good, "units": "2"})
        assert sold["cargo"]["units"] == 1

        stats = (await c.get("/_admin/stats")).json()["data"]
    form_calls = [
        r for r in answers if r.request.headers.get("content-type", "").startswith("application/x-www")
    ]
    assert len(form_calls) == 5, "register, navigate, refuel, purchase, sell were form-encoded"
    assert stats["rateLimited"] == 0 and set(stats["byStatus"]) <= {"200", "201"}
    assert stats["accepted"] == len(answers), "the server counted every call the client made"


async def _fuel_market(call: Any, system: str, markets: list[str]) -> tuple[str, str]:
    """A marketplace away from HQ that sells fuel, and a good it sells."""
    for symbol in markets:
        market = await call("GET", f"/systems/{system}/waypoints/{symbol}/market")
        sold = [g["symbol"] for g in market["exports"] + market["exchange"]]
        if "FUEL" in sold:
            return symbol, next((g for g in sold if g != "FUEL"), "FUEL")
    raise AssertionError(f"no marketplace selling fuel in {system}")


def _commands(block: str) -> list[str]:
    """The shell commands of a code block, continuation lines joined."""
    return [c.strip() for c in block.replace("\\\n", " ").splitlines() if c.strip()]


async def test_the_readme_example_runs() -> None:
    block = re.search(r"## Run it\s+```sh\n(.*?)```", README.read_text(), re.S)
    assert block is not None, "the README's Run it section has a sh block"
    port = str(free_port())
    serve, *curls = [c.replace("8765", port) for c in _commands(block.group(1))]
    argv = shlex.split(serve, comments=True)
    assert argv[0] == ".venv/bin/stsim", serve
    argv[0] = str(Path(sys.executable).with_name("stsim"))  # the same program in the venv running the tests
    async with serving(argv, int(port)):
        assert len(curls) == 2
        for curl in curls:
            proc = await asyncio.create_subprocess_shell(curl, stdout=asyncio.subprocess.PIPE)
            out, _ = await proc.communicate()
            assert proc.returncode == 0, curl
            reply = json.loads(out)
            assert reply["data"]["token"] and reply["data"]["agent"]["credits"] == 175_000, reply

"""Fuel and travel-time formulas (SPACETRADERS.md §6.3), directly and as the navigate endpoint uses them."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from datetime import datetime
from typing import Any

import httpx
import pytest

from stsim.app import Server
from stsim.model import distance
from stsim.rules.formulas import (
    fuel_cost,
    js_round,
    jump_cooldown_seconds,
    power_cooldown_seconds,
    travel_seconds,
)

Register = Callable[..., Awaitable[dict[str, Any]]]


@pytest.mark.parametrize(
    ("mode", "d", "fuel"),
    [
        ("CRUISE", 100.0, 100),
        ("CRUISE", 10.5, 11),
        ("STEALTH", 42.2, 42),
        ("BURN", 100.0, 200),
        ("BURN", 0.3, 1),
        ("DRIFT", 500.0, 1),
        ("CRUISE", 0.0, 1),
    ],
)
def test_fuel_cost_by_flight_mode(mode: str, d: float, fuel: int) -> None:
    assert fuel_cost(mode, d) == fuel


@pytest.mark.parametrize(
    ("mode", "d", "speed", "seconds"),
    [
        ("CRUISE", 100.0, 36, 84),  # round(100 * 25 / 36 + 15) = round(84.44)
        ("CRUISE", 100.0, 9, 293),  # the probe's IMPULSE_DRIVE_I: round(292.78)
        ("DRIFT", 100.0, 9, 2793),  # round(100 * 250 / 9 + 15)
        ("BURN", 100.0, 36, 50),  # round(100 * 12.5 / 36 + 15) = round(49.72)
        ("STEALTH", 30.0, 15, 75),  # round(30 * 30 / 15 + 15)
        ("CRUISE", 0.0, 36, 16),  # orbitals share coordinates: max(1, d) = 1 -> round(15.69)
    ],
)
def test_travel_time_by_flight_mode(mode: str, d: float, speed: int, seconds: int) -> None:
    assert travel_seconds(mode, d, speed) == seconds


def test_warp_uses_its_own_multipliers() -> None:
    assert travel_seconds("CRUISE", 40.0, 36, warp=True) == round(40 * 50 / 36 + 15)
    assert travel_seconds("BURN", 40.0, 36, warp=True) == round(40 * 25 / 36 + 15)


def test_rounding_is_half_up_like_the_server() -> None:
    assert js_round(2.5) == 3 and js_round(3.5) == 4 and js_round(84.44) == 84
    assert fuel_cost("CRUISE", 2.5) == 3  # Python's round(2.5) would say 2


def test_cooldown_formulas() -> None:
    assert power_cooldown_seconds(2) == 80  # MINING_LASER_II: 60 + 10 * 2
    assert jump_cooldown_seconds(100.0) == 45


async def test_navigate_applies_the_formulas(
    client: httpx.AsyncClient, server: Server, register: Register
) -> None:
    reg = await register()
    token, ship = reg["token"], reg["ships"][0]
    headers = {"Authorization": f"Bearer {token}"}
    world = server.world
    here = world.universe.waypoints[ship["nav"]["waypointSymbol"]]
    dest = max(
        (world.universe.waypoints[w] for w in world.universe.systems[here.system].waypoints),
        key=lambda wp: distance(here.x, here.y, wp.x, wp.y),
    )
    d = distance(here.x, here.y, dest.x, dest.y)
    await client.post(f"/my/ships/{ship['symbol']}/orbit", headers=headers)
    r = await client.post(
        f"/my/ships/{ship['symbol']}/navigate", json={"waypointSymbol": dest.symbol}, headers=headers
    )
    assert r.status_code == 200, r.text
    body = r.json()["data"]
    route = body["nav"]["route"]
    took = datetime.fromisoformat(route["arrival"]) - datetime.fromisoformat(route["departureTime"])
    assert took.total_seconds() == travel_seconds("CRUISE", d, 36)
    assert body["fuel"]["consumed"]["amount"] == fuel_cost("CRUISE", d)
    assert body["fuel"]["current"] == 400 - fuel_cost("CRUISE", d)

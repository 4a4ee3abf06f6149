"""Fuel and travel-time formulas (SPACETRADERS.md §6.3, from the api-docs wiki "Travel-Fuel-and-Time")."""

from __future__ import annotations

import math

NAV_MULTIPLIER = {"CRUISE": 25.0, "DRIFT": 250.0, "BURN": 12.5, "STEALTH": 30.0}
WARP_MULTIPLIER = {"CRUISE": 50.0, "DRIFT": 300.0, "BURN": 25.0, "STEALTH": 60.0}


def js_round(value: float) -> int:
    """Round half up, as the server (JavaScript Math.round) does; Python's round() is banker's rounding."""
    return math.floor(value + 0.5)


def fuel_cost(mode: str, distance: float) -> int:
    """Fuel a trip uses: CRUISE/STEALTH round(d), BURN 2·round(d), DRIFT 1; never less than 1."""
    if mode == "DRIFT":
        return 1
    base = js_round(distance)
    return max(1, 2 * base if mode == "BURN" else base)


def travel_seconds(mode: str, distance: float, engine_speed: int, *, warp: bool = False) -> int:
    """Game seconds a trip takes: round(round(max(1, d)) · multiplier / speed + 15)."""
    multiplier = (WARP_MULTIPLIER if warp else NAV_MULTIPLIER)[mode]
    return js_round(js_round(max(1.0, distance)) * multiplier / engine_speed + 15)


def jump_cooldown_seconds(distance: float) -> int:
    """Reactor cooldown after a jump: round(15 + 0.3·d) (eseidel/space_traders, 2025)."""
    return js_round(15 + 0.3 * distance)


def power_cooldown_seconds(power: int) -> int:
    """Extraction/survey/siphon cooldown: 60 + 10·Σ(power of the mounts used)."""
    return 60 + 10 * power

"""Fold what an action returned (nav, fuel, cargo, cooldown) into the Ship we already know.

An action's result is the new truth for those parts of the ship; folding it in (typed field AND the matching
key of `raw`, which stays the source of truth) means nothing has to be fetched again after an action.
"""

from __future__ import annotations

from typing import Any

from stdaemon.domain import models as m


def _fold(ship: m.Ship, **parts: Any) -> m.Ship:
    present = {k: v for k, v in parts.items() if v is not None}
    if not present:
        return ship
    raw = dict(ship.raw)
    for key, value in present.items():
        raw[key] = value.raw
    return ship.model_copy(update={**present, "raw": raw})


def with_nav(
    ship: m.Ship, nav: m.ShipNav, fuel: m.ShipFuel | None = None, *, cooldown: m.Cooldown | None = None
) -> m.Ship:
    return _fold(ship, nav=nav, fuel=fuel, cooldown=cooldown)


def with_fuel(ship: m.Ship, fuel: m.ShipFuel, cargo: m.ShipCargo | None = None) -> m.Ship:
    return _fold(ship, fuel=fuel, cargo=cargo)


def with_cargo(ship: m.Ship, cargo: m.ShipCargo) -> m.Ship:
    return _fold(ship, cargo=cargo)


def with_cooldown(ship: m.Ship, cooldown: m.Cooldown, cargo: m.ShipCargo | None = None) -> m.Ship:
    return _fold(ship, cooldown=cooldown, cargo=cargo)

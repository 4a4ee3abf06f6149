"""What a mining site yields and what a mining ship can do: the game's facts the mining planner needs.

Which goods an extraction gives depends on the site's deposit traits (SPACETRADERS.md §6.6; the table is the
real game's as the strongest public bot records it); a site with none of them is read as common metals.
Yield and cooldown follow §6.5: each laser gives its strength plus a few units, and the reactor cools down
`60 + 10 × Σ power` seconds after an extraction or a survey.
"""

from __future__ import annotations

from stdaemon.domain import models as m

EXTRACTABLE = frozenset({"ASTEROID", "ASTEROID_FIELD", "ENGINEERED_ASTEROID"})
DEPOSIT_GOODS: dict[str, tuple[str, ...]] = {
    "COMMON_METAL_DEPOSITS": ("IRON_ORE", "COPPER_ORE", "ALUMINUM_ORE", "QUARTZ_SAND", "ICE_WATER"),
    "MINERAL_DEPOSITS": ("QUARTZ_SAND", "SILICON_CRYSTALS", "PRECIOUS_STONES", "ICE_WATER", "AMMONIA_ICE"),
    "PRECIOUS_METAL_DEPOSITS": ("SILVER_ORE", "GOLD_ORE", "PLATINUM_ORE"),
    "RARE_METAL_DEPOSITS": ("URANITE_ORE", "MERITIUM_ORE", "DIAMONDS"),
}
POOR_SITE = "STRIPPED"  # a site mined out: chosen only when nothing else is near a market
LASER, SURVEYOR = "MOUNT_MINING_LASER", "MOUNT_SURVEYOR"
EXTRA_PER_LASER = 2  # a laser yields its strength plus 0-4 (stsim) or ±5 (the real game): count +2


def site_goods(waypoint: m.Waypoint) -> tuple[str, ...]:
    """The goods an extraction at `waypoint` may give (repeats: likelier); empty if it is no mining site."""
    if waypoint.type not in EXTRACTABLE:
        return ()
    goods = tuple(g for trait in waypoint.traits for g in DEPOSIT_GOODS.get(trait, ()))
    return goods or DEPOSIT_GOODS["COMMON_METAL_DEPOSITS"]


def lasers(ship: m.Ship) -> list[m.ShipMount]:
    return [x for x in ship.mounts if x.symbol.startswith(LASER)]


def can_survey(ship: m.Ship) -> bool:
    return any(x.symbol.startswith(SURVEYOR) for x in ship.mounts)


def expected_yield(ship: m.Ship) -> int:
    """Units one extraction is expected to give (before the hold caps it)."""
    return sum((x.strength or 1) + EXTRA_PER_LASER for x in lasers(ship))


def cooldown_seconds(ship: m.Ship, prefix: str = LASER) -> int:
    """Seconds (formula time) the reactor cools down after extracting (or surveying, with SURVEYOR)."""
    power = sum(
        (x.requirements.power or 0) if x.requirements else 1
        for x in ship.mounts
        if x.symbol.startswith(prefix)
    )
    return 60 + 10 * power

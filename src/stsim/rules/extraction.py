"""Extraction, siphoning, surveys (which expire and exhaust) and refining."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from stsim.errors import game, invalid
from stsim.goods import DEPOSITS, GASES, REFINE_INPUT
from stsim.model import Ship, Survey, Waypoint
from stsim.render import cargo_json, cooldown_json, survey_json
from stsim.rules.formulas import power_cooldown_seconds
from stsim.ships import MOUNTS, cargo_capacity
from stsim.state import World

EXTRACTABLE = ("ASTEROID", "ASTEROID_FIELD", "ENGINEERED_ASTEROID")
SURVEY_USES = {"SMALL": 10, "MODERATE": 25, "LARGE": 50}
SURVEY_LIFETIME = (900, 3600)  # game seconds
REFINE_IN, REFINE_OUT = 30, 10
UNSTABLE_AT, DESTABILISED_AT = 40, 60  # extractions at one site within a game hour


def _lasers(ship: Ship) -> list[str]:
    return [m for m in ship.mounts if m.startswith("MOUNT_MINING_LASER")]


def _free(ship: Ship) -> int:
    return cargo_capacity(ship.modules) - ship.cargo_units


def _site(world: World, ship: Ship) -> Waypoint:
    world.require_orbit(ship)
    wp = world.universe.waypoints[ship.waypoint]
    if wp.type not in EXTRACTABLE:
        raise game(
            4205, f"Waypoint {wp.symbol} ({wp.type}) has no resources to extract.", waypointSymbol=wp.symbol
        )
    if not _lasers(ship):
        raise game(4243, f"Ship {ship.symbol} has no mining lasers.", shipSymbol=ship.symbol)
    world.require_no_cooldown(ship)
    if _free(ship) <= 0:
        raise game(4228, f"Ship {ship.symbol} cargo is full.", shipSymbol=ship.symbol)
    return wp


def _strain(world: World, wp: Waypoint) -> None:
    """Over-extraction destabilises a site: UNSTABLE after many extractions within a game hour, then 4253
    until activity calms down (the modifier goes once the rate falls back)."""
    now = world.now()
    horizon = world.scaled(3600)
    recent = [t for t in world.extractions.get(wp.symbol, []) if (now - t).total_seconds() < horizon]
    if len(recent) >= DESTABILISED_AT:
        world.extractions[wp.symbol] = recent
        raise game(
            4253,
            f"Waypoint {wp.symbol} is destabilised by over-extraction; try again later.",
            waypointSymbol=wp.symbol,
            modifiers=["UNSTABLE"],
        )
    recent.append(now)
    world.extractions[wp.symbol] = recent
    if len(recent) >= UNSTABLE_AT and "UNSTABLE" not in wp.modifiers:
        wp.modifiers.append("UNSTABLE")
    elif len(recent) < UNSTABLE_AT // 2 and "UNSTABLE" in wp.modifiers:
        wp.modifiers.remove("UNSTABLE")


def _modifiers(wp: Waypoint) -> list[dict[str, str]]:
    return [{"symbol": m, "name": m.title(), "description": f"{m.title()}."} for m in wp.modifiers]


def _deposits(wp: Waypoint) -> list[str]:
    found = [good for trait in wp.traits for good in DEPOSITS.get(trait, [])]
    return found or DEPOSITS["COMMON_METAL_DEPOSITS"]


def _mine(world: World, ship: Ship, choices: list[str]) -> dict[str, Any]:
    lasers = _lasers(ship)
    good = world.rng.choice(choices)
    amount = sum((MOUNTS[m][0] or 0) + world.rng.randint(0, 4) for m in lasers)
    amount = max(1, min(amount, _free(ship)))
    ship.cargo[good] = ship.cargo.get(good, 0) + amount
    world.set_cooldown(ship, power_cooldown_seconds(sum(MOUNTS[m][2] for m in lasers)))
    return {
        "extraction": {"shipSymbol": ship.symbol, "yield": {"symbol": good, "units": amount}},
        "cooldown": cooldown_json(world, ship),
        "cargo": cargo_json(ship),
        "events": [],
    }


def extract(world: World, ship: Ship) -> dict[str, Any]:
    wp = _site(world, ship)
    _strain(world, wp)
    out = _mine(world, ship, _deposits(wp))
    out["modifiers"] = _modifiers(wp)
    return out


def extract_with_survey(world: World, ship: Ship, body: Any) -> dict[str, Any]:
    if not isinstance(body, dict) or not isinstance(body.get("signature"), str):
        raise invalid("signature", "The body must be a Survey object with a signature.")
    survey = world.surveys.get(body["signature"])
    if survey is None and _expired(world, body):
        # expired surveys are forgotten (see survey()); the body's own expiration still says why it fails
        raise game(4221, f"Survey {body['signature']} has expired.", signature=body["signature"])
    if survey is None or not _same_survey(body, survey):
        raise game(
            4220,
            "Ship survey failed verification: the survey is unknown or was modified.",
            signature=body.get("signature"),
        )
    wp = _site(world, ship)
    if survey.waypoint != wp.symbol:
        raise game(
            4220,
            f"Survey {survey.signature} is for {survey.waypoint}, not {wp.symbol}.",
            signature=survey.signature,
        )
    if survey.expiration <= world.now():
        raise game(4221, f"Survey {survey.signature} has expired.", signature=survey.signature)
    if survey.remaining <= 0:
        raise game(4224, f"Survey {survey.signature} has been exhausted.", signature=survey.signature)
    _strain(world, wp)
    survey.remaining -= 1
    out = _mine(world, ship, survey.deposits)
    out["modifiers"] = _modifiers(wp)
    return out


def _expired(world: World, body: dict[str, Any]) -> bool:
    try:
        expiration = datetime.fromisoformat(str(body.get("expiration")))
        return expiration.tzinfo is not None and expiration <= world.now()
    except ValueError:
        return False


def _forget_expired(world: World) -> None:
    """Drop expired surveys, so a long-running server holds only the live ones."""
    now = world.now()
    for signature in [k for k, s in world.surveys.items() if s.expiration <= now]:
        del world.surveys[signature]


def _same_survey(body: dict[str, Any], survey: Survey) -> bool:
    """The survey as issued, allowing a client to re-serialise the timestamp (e.g. '+00:00' for 'Z')."""
    try:
        expiration = datetime.fromisoformat(str(body.get("expiration")))
        deposits = [d["symbol"] for d in body.get("deposits", [])]
    except (ValueError, TypeError, KeyError):
        return False
    issued = survey_json(survey)
    return (
        body.get("symbol") == survey.waypoint
        and body.get("size") == survey.size
        and deposits == survey.deposits
        and expiration.tzinfo is not None
        and abs((expiration - survey.expiration).total_seconds()) < 0.001
        and issued["signature"] == body.get("signature")
    )


def siphon(world: World, ship: Ship) -> dict[str, Any]:
    world.require_orbit(ship)
    wp = world.universe.waypoints[ship.waypoint]
    if wp.type != "GAS_GIANT":
        raise game(4259, f"Waypoint {wp.symbol} is not a gas giant.", waypointSymbol=wp.symbol)
    siphons = [m for m in ship.mounts if m.startswith("MOUNT_GAS_SIPHON")]
    if not siphons:
        raise game(4258, f"Ship {ship.symbol} has no gas siphons.", shipSymbol=ship.symbol)
    if "MODULE_GAS_PROCESSOR_I" not in ship.modules:
        raise game(4257, f"Ship {ship.symbol} has no gas processor.", shipSymbol=ship.symbol)
    world.require_no_cooldown(ship)
    if _free(ship) <= 0:
        raise game(4228, f"Ship {ship.symbol} cargo is full.", shipSymbol=ship.symbol)
    good = world.rng.choice(GASES)
    amount = max(
        1, min(_free(ship), sum((MOUNTS[m][0] or 0) // 2 + world.rng.randint(0, 4) for m in siphons))
    )
    ship.cargo[good] = ship.cargo.get(good, 0) + amount
    world.set_cooldown(ship, power_cooldown_seconds(sum(MOUNTS[m][2] for m in siphons)))
    return {
        "siphon": {"shipSymbol": ship.symbol, "yield": {"symbol": good, "units": amount}},
        "cooldown": cooldown_json(world, ship),
        "cargo": cargo_json(ship),
        "events": [],
    }


def survey(world: World, ship: Ship) -> dict[str, Any]:
    world.require_orbit(ship)
    surveyors = [m for m in ship.mounts if m.startswith("MOUNT_SURVEYOR")]
    if not surveyors:
        raise game(4240, f"Ship {ship.symbol} has no surveyor mount.", shipSymbol=ship.symbol)
    wp = world.universe.waypoints[ship.waypoint]
    if wp.type not in EXTRACTABLE:
        raise game(4222, f"Waypoint {wp.symbol} ({wp.type}) cannot be surveyed.", waypointSymbol=wp.symbol)
    world.require_no_cooldown(ship)
    reachable = {d for m in surveyors for d in (MOUNTS[m][1] or [])}
    pool = [g for g in _deposits(wp) if g in reachable] or _deposits(wp)
    _forget_expired(world)
    made: list[Survey] = []
    for _ in range(sum(MOUNTS[m][0] or 1 for m in surveyors)):
        size = world.rng.choice(list(SURVEY_USES))
        expiration: datetime = world.later(world.rng.randint(*SURVEY_LIFETIME))
        found = Survey(
            f"{wp.symbol}-{world.rng.getrandbits(24):06X}",
            wp.symbol,
            [world.rng.choice(pool) for _ in range(world.rng.randint(3, 7))],
            expiration,
            size,
            SURVEY_USES[size],
        )
        world.surveys[found.signature] = found
        made.append(found)
    world.set_cooldown(ship, power_cooldown_seconds(sum(MOUNTS[m][2] for m in surveyors)))
    return {"cooldown": cooldown_json(world, ship), "surveys": [survey_json(s) for s in made]}


def refine(world: World, ship: Ship, produce: Any) -> dict[str, Any]:
    if not isinstance(produce, str) or produce not in REFINE_INPUT:  # a list or dict is unhashable
        raise invalid("produce", f"produce must be one of {', '.join(REFINE_INPUT)}.")
    world.require_not_transit(ship)
    module = "MODULE_FUEL_REFINERY_I" if produce == "FUEL" else "MODULE_ORE_REFINERY_I"
    if module not in ship.modules:
        if not any(m.endswith("REFINERY_I") for m in ship.modules):
            raise game(4239, f"Ship {ship.symbol} has no refinery module.", shipSymbol=ship.symbol)
        raise game(4238, f"Ship {ship.symbol}'s refinery cannot produce {produce}.", shipSymbol=ship.symbol)
    world.require_no_cooldown(ship)
    source = REFINE_INPUT[produce]
    if ship.cargo.get(source, 0) < REFINE_IN:
        raise game(
            4219,
            f"Refining {produce} needs {REFINE_IN} units of {source}.",
            tradeSymbol=source,
            unitsNeeded=REFINE_IN,
            cargoUnits=ship.cargo.get(source, 0),
        )
    ship.cargo[source] -= REFINE_IN
    if not ship.cargo[source]:
        del ship.cargo[source]
    ship.cargo[produce] = ship.cargo.get(produce, 0) + REFINE_OUT
    world.set_cooldown(ship, 60)
    return {
        "cargo": cargo_json(ship),
        "cooldown": cooldown_json(world, ship),
        "produced": [{"tradeSymbol": produce, "units": REFINE_OUT}],
        "consumed": [{"tradeSymbol": source, "units": REFINE_IN}],
    }

"""Seeded universe generation: same seed and size, same universe (only `random.Random(seed)` is used)."""

from __future__ import annotations

import random
import string
from datetime import datetime

from stsim.gates import connect_gates
from stsim.goods import BASE_PRICE, SUPPLY_CHAIN
from stsim.model import (
    Faction,
    Market,
    ShipListing,
    Shipyard,
    System,
    TradeListing,
    Universe,
    Waypoint,
    distance,
)
from stsim.ships import SHIP_TYPES

FACTIONS = [
    "COSMIC",
    "VOID",
    "GALACTIC",
    "QUANTUM",
    "DOMINION",
    "ASTRO",
    "CORSAIRS",
    "OBSIDIAN",
    "AEGIS",
    "UNITED",
    "SOLITARY",
    "COBALT",
    "OMEGA",
    "ECHO",
    "LORDS",
    "CULT",
    "ANCIENTS",
    "SHADOW",
    "ETHEREAL",
]
RECRUITING = 5
FACTION_TRAITS = [
    "BUREAUCRATIC",
    "CAPITALISTIC",
    "INDUSTRIOUS",
    "PEACEFUL",
    "WELCOMING",
    "SMUGGLERS",
    "EXPLORATORY",
    "RESOURCEFUL",
    "COOPERATIVE",
    "MILITARISTIC",
    "INNOVATIVE",
    "COMMERCIAL",
]
STAR_TYPES = [
    "NEUTRON_STAR",
    "RED_STAR",
    "ORANGE_STAR",
    "BLUE_STAR",
    "YOUNG_STAR",
    "WHITE_DWARF",
    "BLACK_HOLE",
    "HYPERGIANT",
    "NEBULA",
    "UNSTABLE",
]
PLANET_TRAITS = [
    "ROCKY",
    "FROZEN",
    "TEMPERATE",
    "OCEAN",
    "BARREN",
    "JUNGLE",
    "SWAMP",
    "VOLCANIC",
    "BREATHABLE_ATMOSPHERE",
    "THIN_ATMOSPHERE",
    "TOXIC_ATMOSPHERE",
    "STRONG_GRAVITY",
    "WEAK_GRAVITY",
    "DIVERSE_LIFE",
    "SCARCE_LIFE",
    "CANYONS",
    "SALT_FLATS",
    "VAST_RUINS",
    "MAGMA_SEAS",
]
SETTLEMENTS = [
    "SPRAWLING_CITIES",
    "SCATTERED_SETTLEMENTS",
    "OUTPOST",
    "INDUSTRIAL",
    "TRADING_HUB",
    "HIGH_TECH",
    "RESEARCH_FACILITY",
    "MILITARY_BASE",
    "BUREAUCRATIC",
]
DEPOSIT_TRAITS = [
    "COMMON_METAL_DEPOSITS",
    "MINERAL_DEPOSITS",
    "PRECIOUS_METAL_DEPOSITS",
    "RARE_METAL_DEPOSITS",
]
ASTEROID_TRAITS = [
    "DEBRIS_CLUSTER",
    "DEEP_CRATERS",
    "SHALLOW_CRATERS",
    "HOLLOWED_INTERIOR",
    "MICRO_GRAVITY_ANOMALIES",
]
HQ_SHIPS = [
    "SHIP_PROBE",
    "SHIP_MINING_DRONE",
    "SHIP_SIPHON_DRONE",
    "SHIP_SURVEYOR",
    "SHIP_LIGHT_HAULER",
    "SHIP_EXPLORER",
    "SHIP_LIGHT_SHUTTLE",
]
ACTIVITY = ["WEAK", "GROWING", "STRONG", "RESTRICTED"]
MAX_SYSTEMS = 26 * 26 * 99  # distinct symbols X1-<two letters><1..99>; more could never be placed


def generate(seed: int, n_systems: int, now: datetime) -> Universe:
    """Build the whole universe for one reset."""
    if n_systems > MAX_SYSTEMS:
        raise ValueError(f"at most {MAX_SYSTEMS} systems can be generated, not {n_systems}")
    rng = random.Random(seed)
    u = Universe({}, {}, {}, {}, {}, {}, {})
    parents = _place_systems(rng, u, max(1, n_systems))
    hq_count = min(len(FACTIONS), max(1, len(u.systems) // 3))
    systems = list(u.systems.values())
    for i, system in enumerate(systems):
        owner = FACTIONS[i] if i < hq_count else None
        if owner is None and parents[system.symbol] in u.systems:
            parent = u.systems[parents[system.symbol]]
            owner = parent.factions[0] if parent.factions and rng.random() < 0.5 else None
        if owner:
            system.factions.append(owner)
        _populate(rng, u, system, is_hq=i < hq_count, now=now)
    for i, symbol in enumerate(FACTIONS):
        hq = _headquarters(u, systems[i]) if i < hq_count else None
        u.factions[symbol] = Faction(
            symbol,
            f"{symbol.title()} Faction",
            f"The {symbol.title()} faction of the sector.",
            rng.sample(FACTION_TRAITS, 3),
            hq,
            recruiting=hq is not None and i < RECRUITING,
        )
    connect_gates(rng, u, parents, protected={s.symbol for s in systems[:hq_count]})
    return u


def _place_systems(rng: random.Random, u: Universe, n: int) -> dict[str, str]:
    """Systems grow as a tree: each new one lands near an earlier one (its parent), at least 15 units from
    every other, so neighbours are close and the tree is connected. A 15-unit grid keeps the check cheap."""
    parents: dict[str, str] = {}
    placed: list[System] = []
    grid: dict[tuple[int, int], list[System]] = {}
    while len(u.systems) < n:
        symbol = "X1-" + "".join(rng.choices(string.ascii_uppercase, k=2)) + str(rng.randint(1, 99))
        if symbol in u.systems:
            continue
        x = y = 0
        if placed:
            anchor = rng.choice(placed)
            x, y = anchor.x + rng.randint(-45, 45), anchor.y + rng.randint(-45, 45)
            cx, cy = x // 15, y // 15
            near = (s for dx in (-1, 0, 1) for dy in (-1, 0, 1) for s in grid.get((cx + dx, cy + dy), []))
            if any(distance(x, y, s.x, s.y) < 15 for s in near):
                continue
            parents[symbol] = anchor.symbol
        name = "".join(rng.choices(string.ascii_lowercase, k=6)).title()
        system = System(symbol, rng.choice(STAR_TYPES), x, y, name, rng.choice(["Aries", "Lyra", "Draco"]))
        u.systems[symbol] = system
        placed.append(system)
        grid.setdefault((x // 15, y // 15), []).append(system)
    return parents


def _add(u: Universe, system: System, wp: Waypoint) -> Waypoint:
    u.waypoints[wp.symbol] = wp
    system.waypoints.append(wp.symbol)
    return wp


def _populate(rng: random.Random, u: Universe, system: System, *, is_hq: bool, now: datetime) -> None:
    faction = system.factions[0] if system.factions else None
    charted = is_hq or faction is not None
    letters = iter(string.ascii_uppercase)

    def coord() -> tuple[int, int]:
        return rng.randint(-120, 120), rng.randint(-120, 120)

    def new(
        kind: str, traits: list[str], x: int, y: int, *, n: int = 1, orbits: str | None = None
    ) -> Waypoint:
        return _add(
            u,
            system,
            Waypoint(
                f"{system.symbol}-{letter}{n}",
                system.symbol,
                kind,
                x,
                y,
                traits,
                orbits=orbits,
                faction=faction,
            ),
        )

    for p in range(rng.randint(2, 3)):
        letter = next(letters)
        x, y = coord()
        traits = [*rng.sample(PLANET_TRAITS, 2), rng.choice(SETTLEMENTS)]
        if (is_hq and p == 0) or rng.random() < 0.6:
            traits.append("MARKETPLACE")
        if (is_hq and p == 0) or rng.random() < 0.2:
            traits.append("SHIPYARD")
        planet = new("PLANET", traits, x, y)
        for k in range(rng.randint(0, 2) + (1 if is_hq and p == 0 else 0)):
            kind = "ORBITAL_STATION" if k == 0 and rng.random() < 0.6 else "MOON"
            moon_traits = (
                ["MARKETPLACE", rng.choice(SETTLEMENTS)]
                if kind == "ORBITAL_STATION"
                else rng.sample(PLANET_TRAITS, 2)
            )
            moon = new(kind, moon_traits, x, y, n=k + 2, orbits=planet.symbol)
            planet.orbitals.append(moon.symbol)
    letter = next(letters)
    x, y = coord()
    new(
        "ENGINEERED_ASTEROID",
        ["COMMON_METAL_DEPOSITS", "STRIPPED" if rng.random() < 0.1 else "SHALLOW_CRATERS"],
        x,
        y,
    )
    for n in range(2, 2 + rng.randint(1, 3)):
        x, y = coord()
        new("ASTEROID", [rng.choice(DEPOSIT_TRAITS), rng.choice(ASTEROID_TRAITS)], x, y, n=n)
    if is_hq or rng.random() < 0.7:
        letter = next(letters)
        x, y = coord()
        new("GAS_GIANT", ["STRONG_MAGNETOSPHERE", "VIBRANT_AURORAS"], x, y)
    if rng.random() < 0.4:
        letter = next(letters)
        x, y = coord()
        new("FUEL_STATION", ["MARKETPLACE"], x, y)
    letter = next(letters)
    x, y = coord()
    gate = new("JUMP_GATE", ["MARKETPLACE"], x, y)
    u.gates[gate.symbol] = []
    for symbol in system.waypoints:
        wp = u.waypoints[symbol]
        if charted or rng.random() < 0.5 or wp.type == "JUMP_GATE":
            wp.charted_by, wp.charted_on = (faction or "COSMIC"), now
        if not wp.charted:
            wp.traits = [t for t in wp.traits if t not in ("MARKETPLACE", "SHIPYARD")]
        if "MARKETPLACE" in wp.traits:
            u.markets[symbol] = _market(rng, wp, is_hq=is_hq, now=now)
        if "SHIPYARD" in wp.traits:
            types = HQ_SHIPS if is_hq else rng.sample(sorted(SHIP_TYPES), rng.randint(3, 6))
            u.shipyards[symbol] = Shipyard(
                symbol,
                {
                    t: ShipListing(
                        t, BASE_PRICE[t] * rng.uniform(0.95, 1.1), rng.choice(ACTIVITY[:3]), updated=now
                    )
                    for t in types
                },
            )


def _market(rng: random.Random, wp: Waypoint, *, is_hq: bool, now: datetime) -> Market:
    goods: dict[str, TradeListing] = {}

    def put(symbol: str, kind: str) -> None:
        if symbol in goods:
            return
        factor = {"EXPORT": 0.7, "IMPORT": 1.4, "EXCHANGE": 1.0}[kind]
        volume = rng.choice([10, 20, 40, 60, 100]) if BASE_PRICE[symbol] < 2000 else rng.choice([6, 10, 20])
        activity = None if kind == "EXCHANGE" else rng.choice(ACTIVITY[:3])
        goods[symbol] = TradeListing(
            symbol, kind, volume, BASE_PRICE[symbol] * factor * rng.uniform(0.9, 1.1), activity, updated=now
        )

    if wp.type == "JUMP_GATE":
        put("ANTIMATTER", "EXCHANGE")
        put("FUEL", "EXCHANGE")
    elif wp.type == "FUEL_STATION":
        put("FUEL", "EXCHANGE")
    else:
        if is_hq or rng.random() < 0.7:
            put("FUEL", "EXCHANGE")
        exports: list[str] = []
        for good in rng.sample([g for g in SUPPLY_CHAIN if g != "FUEL"], rng.randint(1, 3)):
            inputs = set(SUPPLY_CHAIN[good])
            if not inputs & set(exports) and not any(good in SUPPLY_CHAIN[e] for e in exports):
                exports.append(good)
        for good in exports:
            put(good, "EXPORT")
        for good in exports:
            for need in SUPPLY_CHAIN[good]:
                put(need, "IMPORT")
        for good in rng.sample(
            [
                "FOOD",
                "MEDICINE",
                "CLOTHING",
                "MACHINERY",
                "EQUIPMENT",
                "IRON_ORE",
                "COPPER_ORE",
                "ALUMINUM_ORE",
                "ICE_WATER",
                "QUARTZ_SAND",
            ],
            2,
        ):
            put(good, "IMPORT")
    return Market(wp.symbol, goods)


def _headquarters(u: Universe, system: System) -> str:
    return next(s for s in system.waypoints if u.waypoints[s].type == "PLANET")

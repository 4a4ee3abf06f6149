"""Ship components and ship types: stsim's own figures, close to what the real game reports."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from stsim.goods import title


def _req(power: int = 0, crew: int = 0, slots: int | None = None) -> dict[str, int]:
    req = {"power": power, "crew": crew}
    if slots is not None:
        req["slots"] = slots
    return req


# symbol: (moduleSlots, mountingPoints, fuelCapacity, power, crew)
FRAMES: dict[str, tuple[int, int, int, int, int]] = {
    "FRAME_PROBE": (0, 0, 0, 1, 0),
    "FRAME_DRONE": (3, 2, 80, 2, 0),
    "FRAME_INTERCEPTOR": (0, 2, 250, 1, 0),
    "FRAME_RACER": (1, 2, 500, 3, 0),
    "FRAME_FIGHTER": (3, 3, 300, 5, 0),
    "FRAME_FRIGATE": (8, 5, 400, 8, 25),
    "FRAME_SHUTTLE": (4, 2, 600, 3, 5),
    "FRAME_EXPLORER": (8, 2, 800, 5, 15),
    "FRAME_MINER": (7, 4, 700, 5, 10),
    "FRAME_LIGHT_FREIGHTER": (8, 2, 1700, 5, 15),
    "FRAME_HEAVY_FREIGHTER": (16, 3, 1200, 8, 30),
    "FRAME_TRANSPORT": (6, 2, 1000, 5, 20),
    "FRAME_DESTROYER": (12, 6, 1500, 15, 50),
    "FRAME_CRUISER": (18, 8, 2000, 20, 80),
    "FRAME_CARRIER": (20, 6, 2500, 25, 100),
    "FRAME_BULK_FREIGHTER": (20, 2, 3000, 10, 40),
}
# symbol: (powerOutput, crew)
REACTORS: dict[str, tuple[int, int]] = {
    "REACTOR_SOLAR_I": (3, 0),
    "REACTOR_FUSION_I": (40, 12),
    "REACTOR_FISSION_I": (31, 8),
    "REACTOR_CHEMICAL_I": (15, 5),
    "REACTOR_ANTIMATTER_I": (60, 8),
}
# symbol: (speed, power, crew)
ENGINES: dict[str, tuple[int, int, int]] = {
    "ENGINE_IMPULSE_DRIVE_I": (9, 1, 0),
    "ENGINE_ION_DRIVE_I": (15, 6, 0),
    "ENGINE_ION_DRIVE_II": (36, 6, 8),
    "ENGINE_HYPER_DRIVE_I": (40, 10, 0),
}
# symbol: (capacity or None, range or None, power, crew, slots)
MODULES: dict[str, tuple[int | None, int | None, int, int, int]] = {
    "MODULE_MINERAL_PROCESSOR_I": (None, None, 1, 0, 2),
    "MODULE_GAS_PROCESSOR_I": (None, None, 1, 0, 2),
    "MODULE_CARGO_HOLD_I": (15, None, 1, 0, 1),
    "MODULE_CARGO_HOLD_II": (40, None, 2, 2, 2),
    "MODULE_CARGO_HOLD_III": (75, None, 3, 4, 3),
    "MODULE_CREW_QUARTERS_I": (40, None, 1, 2, 1),
    "MODULE_ENVOY_QUARTERS_I": (10, None, 1, 2, 1),
    "MODULE_PASSENGER_CABIN_I": (10, None, 1, 2, 1),
    "MODULE_MICRO_REFINERY_I": (None, None, 1, 0, 1),
    "MODULE_ORE_REFINERY_I": (None, None, 1, 0, 1),
    "MODULE_FUEL_REFINERY_I": (None, None, 1, 0, 1),
    "MODULE_SCIENCE_LAB_I": (None, None, 1, 2, 1),
    "MODULE_JUMP_DRIVE_I": (None, 500, 1, 0, 1),
    "MODULE_JUMP_DRIVE_II": (None, 1000, 2, 0, 1),
    "MODULE_JUMP_DRIVE_III": (None, 2000, 3, 0, 1),
    "MODULE_WARP_DRIVE_I": (None, 2000, 1, 0, 1),
    "MODULE_WARP_DRIVE_II": (None, 6000, 2, 0, 1),
    "MODULE_WARP_DRIVE_III": (None, 12000, 3, 0, 1),
    "MODULE_SHIELD_GENERATOR_I": (None, None, 1, 0, 1),
    "MODULE_SHIELD_GENERATOR_II": (None, None, 2, 0, 1),
}
# symbol: (strength or None, deposits, power, crew)
_ORES = [
    "QUARTZ_SAND",
    "SILICON_CRYSTALS",
    "PRECIOUS_STONES",
    "ICE_WATER",
    "AMMONIA_ICE",
    "IRON_ORE",
    "COPPER_ORE",
    "SILVER_ORE",
    "ALUMINUM_ORE",
    "GOLD_ORE",
    "PLATINUM_ORE",
]
MOUNTS: dict[str, tuple[int | None, list[str] | None, int, int]] = {
    "MOUNT_GAS_SIPHON_I": (10, None, 1, 0),
    "MOUNT_GAS_SIPHON_II": (20, None, 2, 2),
    "MOUNT_GAS_SIPHON_III": (35, None, 3, 3),
    "MOUNT_SURVEYOR_I": (1, _ORES[:8], 1, 0),
    "MOUNT_SURVEYOR_II": (2, [*_ORES, "DIAMONDS"], 3, 2),
    "MOUNT_SURVEYOR_III": (3, [*_ORES, "DIAMONDS", "URANITE_ORE", "MERITIUM_ORE"], 5, 4),
    "MOUNT_SENSOR_ARRAY_I": (1, None, 1, 0),
    "MOUNT_SENSOR_ARRAY_II": (4, None, 2, 2),
    "MOUNT_SENSOR_ARRAY_III": (7, None, 4, 4),
    "MOUNT_MINING_LASER_I": (3, None, 1, 0),
    "MOUNT_MINING_LASER_II": (5, None, 2, 2),
    "MOUNT_MINING_LASER_III": (7, None, 3, 4),
    "MOUNT_LASER_CANNON_I": (None, None, 2, 1),
    "MOUNT_MISSILE_LAUNCHER_I": (None, None, 3, 2),
    "MOUNT_TURRET_I": (None, None, 1, 1),
}


@dataclass(frozen=True)
class ShipType:
    """A ship template: what a shipyard sells and what a purchase builds."""

    symbol: str
    role: str
    frame: str
    reactor: str
    engine: str
    modules: list[str] = field(default_factory=list)
    mounts: list[str] = field(default_factory=list)


SHIP_TYPES: dict[str, ShipType] = {
    t.symbol: t
    for t in [
        ShipType("SHIP_PROBE", "SATELLITE", "FRAME_PROBE", "REACTOR_SOLAR_I", "ENGINE_IMPULSE_DRIVE_I"),
        ShipType(
            "SHIP_MINING_DRONE",
            "EXCAVATOR",
            "FRAME_DRONE",
            "REACTOR_CHEMICAL_I",
            "ENGINE_IMPULSE_DRIVE_I",
            ["MODULE_CARGO_HOLD_I", "MODULE_MINERAL_PROCESSOR_I"],
            ["MOUNT_MINING_LASER_I"],
        ),
        ShipType(
            "SHIP_SIPHON_DRONE",
            "EXCAVATOR",
            "FRAME_DRONE",
            "REACTOR_CHEMICAL_I",
            "ENGINE_IMPULSE_DRIVE_I",
            ["MODULE_CARGO_HOLD_I", "MODULE_GAS_PROCESSOR_I"],
            ["MOUNT_GAS_SIPHON_I"],
        ),
        ShipType(
            "SHIP_SURVEYOR",
            "SURVEYOR",
            "FRAME_DRONE",
            "REACTOR_CHEMICAL_I",
            "ENGINE_IMPULSE_DRIVE_I",
            [],
            ["MOUNT_SURVEYOR_I"],
        ),
        ShipType(
            "SHIP_INTERCEPTOR",
            "INTERCEPTOR",
            "FRAME_INTERCEPTOR",
            "REACTOR_CHEMICAL_I",
            "ENGINE_ION_DRIVE_I",
            [],
            ["MOUNT_LASER_CANNON_I"],
        ),
        ShipType(
            "SHIP_LIGHT_HAULER",
            "HAULER",
            "FRAME_LIGHT_FREIGHTER",
            "REACTOR_CHEMICAL_I",
            "ENGINE_ION_DRIVE_I",
            ["MODULE_CARGO_HOLD_II", "MODULE_CARGO_HOLD_II", "MODULE_CREW_QUARTERS_I"],
            ["MOUNT_SENSOR_ARRAY_I"],
        ),
        ShipType(
            "SHIP_COMMAND_FRIGATE",
            "COMMAND",
            "FRAME_FRIGATE",
            "REACTOR_FISSION_I",
            "ENGINE_ION_DRIVE_II",
            [
                "MODULE_CARGO_HOLD_II",
                "MODULE_CREW_QUARTERS_I",
                "MODULE_MINERAL_PROCESSOR_I",
                "MODULE_GAS_PROCESSOR_I",
            ],
            ["MOUNT_SENSOR_ARRAY_II", "MOUNT_GAS_SIPHON_II", "MOUNT_MINING_LASER_II", "MOUNT_SURVEYOR_II"],
        ),
        ShipType(
            "SHIP_EXPLORER",
            "EXPLORER",
            "FRAME_EXPLORER",
            "REACTOR_FUSION_I",
            "ENGINE_ION_DRIVE_II",
            [
                "MODULE_WARP_DRIVE_I",
                "MODULE_CARGO_HOLD_I",
                "MODULE_CREW_QUARTERS_I",
                "MODULE_SHIELD_GENERATOR_I",
            ],
            ["MOUNT_SENSOR_ARRAY_II"],
        ),
        ShipType(
            "SHIP_HEAVY_FREIGHTER",
            "HAULER",
            "FRAME_HEAVY_FREIGHTER",
            "REACTOR_FISSION_I",
            "ENGINE_ION_DRIVE_II",
            ["MODULE_CARGO_HOLD_III"] * 4 + ["MODULE_CREW_QUARTERS_I"] * 2,
            ["MOUNT_SENSOR_ARRAY_I"],
        ),
        ShipType(
            "SHIP_LIGHT_SHUTTLE",
            "TRANSPORT",
            "FRAME_SHUTTLE",
            "REACTOR_CHEMICAL_I",
            "ENGINE_IMPULSE_DRIVE_I",
            ["MODULE_CARGO_HOLD_II"],
            [],
        ),
        ShipType(
            "SHIP_ORE_HOUND",
            "EXCAVATOR",
            "FRAME_MINER",
            "REACTOR_FISSION_I",
            "ENGINE_ION_DRIVE_I",
            ["MODULE_MINERAL_PROCESSOR_I", "MODULE_CARGO_HOLD_II", "MODULE_CREW_QUARTERS_I"],
            ["MOUNT_MINING_LASER_II", "MOUNT_MINING_LASER_II", "MOUNT_SURVEYOR_I"],
        ),
        ShipType(
            "SHIP_REFINING_FREIGHTER",
            "REFINERY",
            "FRAME_HEAVY_FREIGHTER",
            "REACTOR_FISSION_I",
            "ENGINE_ION_DRIVE_I",
            [
                "MODULE_ORE_REFINERY_I",
                "MODULE_FUEL_REFINERY_I",
                "MODULE_CARGO_HOLD_III",
                "MODULE_CARGO_HOLD_III",
                "MODULE_CREW_QUARTERS_I",
            ],
            ["MOUNT_SENSOR_ARRAY_I"],
        ),
        ShipType(
            "SHIP_BULK_FREIGHTER",
            "HAULER",
            "FRAME_BULK_FREIGHTER",
            "REACTOR_FISSION_I",
            "ENGINE_IMPULSE_DRIVE_I",
            ["MODULE_CARGO_HOLD_III"] * 6 + ["MODULE_CREW_QUARTERS_I"] * 2,
            [],
        ),
    ]
}


def _part(symbol: str, what: str) -> dict[str, Any]:
    return {"symbol": symbol, "name": title(symbol), "description": f"A standard {what}: {title(symbol)}."}


def frame_json(symbol: str, condition: float, integrity: float) -> dict[str, Any]:
    slots, points, fuel, power, crew = FRAMES[symbol]
    return {
        **_part(symbol, "ship frame"),
        "condition": condition,
        "integrity": integrity,
        "moduleSlots": slots,
        "mountingPoints": points,
        "fuelCapacity": fuel,
        "requirements": _req(power, crew),
        "quality": 4,
    }


def reactor_json(symbol: str, condition: float, integrity: float) -> dict[str, Any]:
    output, crew = REACTORS[symbol]
    return {
        **_part(symbol, "reactor"),
        "condition": condition,
        "integrity": integrity,
        "powerOutput": output,
        "requirements": _req(0, crew),
        "quality": 4,
    }


def engine_json(symbol: str, condition: float, integrity: float) -> dict[str, Any]:
    speed, power, crew = ENGINES[symbol]
    return {
        **_part(symbol, "engine"),
        "condition": condition,
        "integrity": integrity,
        "speed": speed,
        "requirements": _req(power, crew),
        "quality": 4,
    }


def module_json(symbol: str) -> dict[str, Any]:
    capacity, rng, power, crew, slots = MODULES[symbol]
    out = {**_part(symbol, "ship module"), "requirements": _req(power, crew, slots)}
    if capacity is not None:
        out["capacity"] = capacity
    if rng is not None:
        out["range"] = rng
    return out


def mount_json(symbol: str) -> dict[str, Any]:
    strength, deposits, power, crew = MOUNTS[symbol]
    out = {**_part(symbol, "ship mount"), "requirements": _req(power, crew)}
    if strength is not None:
        out["strength"] = strength
    if deposits is not None:
        out["deposits"] = list(deposits)
    return out


def cargo_capacity(modules: list[str]) -> int:
    return sum(MODULES[m][0] or 0 for m in modules if m.startswith("MODULE_CARGO_HOLD"))


def crew_capacity(modules: list[str]) -> int:
    return sum(MODULES[m][0] or 0 for m in modules if m == "MODULE_CREW_QUARTERS_I")


def crew_required(frame: str, reactor: str, engine: str, modules: list[str], mounts: list[str]) -> int:
    return (
        FRAMES[frame][4]
        + REACTORS[reactor][1]
        + ENGINES[engine][2]
        + sum(MODULES[m][3] for m in modules)
        + sum(MOUNTS[m][3] for m in mounts)
    )

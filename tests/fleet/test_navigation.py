"""Navigation as pure functions: the formulas agree with the server's, and routes use fuel stops and modes."""

from __future__ import annotations

import pytest

from stdaemon.services.fleet.gates import NoJumpPath, jump_cooldown_s, jump_path
from stdaemon.services.fleet.navigation import (
    NoRoute,
    Point,
    Urgency,
    distance,
    fuel_cost,
    js_round,
    plan_route,
    travel_seconds,
)
from stsim.rules import formulas


def test_rounding_is_half_up_like_the_server() -> None:
    assert [js_round(x) for x in (0.5, 1.5, 2.5, -0.5, 2.4999)] == [1, 2, 3, 0, 2]


@pytest.mark.parametrize("d", [0.0, 0.4, 0.5, 1.0, 2.5, 13.3, 57.5, 99.9, 250.0])
@pytest.mark.parametrize("mode", ["CRUISE", "DRIFT", "BURN", "STEALTH"])
def test_fuel_and_time_match_the_simulators_formulas(mode: str, d: float) -> None:
    assert fuel_cost(mode, d) == formulas.fuel_cost(mode, d)
    for speed in (2, 9, 15, 30, 36):
        assert travel_seconds(mode, d, speed) == formulas.travel_seconds(mode, d, speed)


def test_documented_examples() -> None:
    # SPACETRADERS.md §6.3: CRUISE round(d), BURN 2·round(d), DRIFT 1, minimum 1; probes fly for free
    assert fuel_cost("CRUISE", 10.4) == 10
    assert fuel_cost("BURN", 10.5) == 22
    assert fuel_cost("DRIFT", 300) == 1
    assert fuel_cost("CRUISE", 0) == 1
    assert fuel_cost("CRUISE", 80, capacity=0) == 0
    # 100 units at ION_DRIVE_II (speed 36) in CRUISE: round(100·25/36 + 15) = 84
    assert travel_seconds("CRUISE", 100, 36) == 84
    assert travel_seconds("DRIFT", 100, 36) == 709
    assert travel_seconds("BURN", 100, 36) == 50


def line(*xs: int) -> dict[str, Point]:
    return {f"W{i}": Point(f"W{i}", x, 0) for i, x in enumerate(xs)}


def test_a_direct_cruise_when_the_tank_allows() -> None:
    points = line(0, 50)
    route = plan_route(points, "W0", "W1", fuel=100, capacity=100, speed=30, fuel_stops=set())
    [leg] = route.legs
    assert (leg.mode, leg.fuel, leg.refuel) == ("CRUISE", 50, False)
    assert route.seconds == travel_seconds("CRUISE", 50, 30)


def test_same_place_is_an_empty_route() -> None:
    assert plan_route(line(0), "W0", "W0", fuel=0, capacity=10, speed=1, fuel_stops=()).legs == ()


def test_refuel_stops_at_fuel_markets_beat_drifting() -> None:
    # 0 → 150 with a 100-unit tank: cruise to the fuel market at 80, refuel there, cruise on
    points = line(0, 80, 150)
    route = plan_route(points, "W0", "W2", fuel=100, capacity=100, speed=30, fuel_stops={"W1"})
    assert [(leg.destination, leg.mode, leg.refuel) for leg in route.legs] == [
        ("W1", "CRUISE", False),
        ("W2", "CRUISE", True),
    ]


def test_without_fuel_markets_the_ship_drifts() -> None:
    route = plan_route(line(0, 150), "W0", "W1", fuel=100, capacity=100, speed=30, fuel_stops=())
    [leg] = route.legs
    assert (leg.mode, leg.fuel) == ("DRIFT", 1)


def test_a_leg_never_strands_the_ship_with_an_empty_tank() -> None:
    # exactly 50 fuel for a 50-unit cruise to a waypoint selling no fuel: it would arrive empty, so it drifts
    route = plan_route(line(0, 50), "W0", "W1", fuel=50, capacity=100, speed=30, fuel_stops=())
    assert route.legs[0].mode == "DRIFT"
    # the same trip to a fuel market may use the last drop
    route = plan_route(line(0, 50), "W0", "W1", fuel=50, capacity=100, speed=30, fuel_stops={"W1"})
    assert route.legs[0].mode == "CRUISE"


def test_an_empty_tank_far_from_fuel_has_no_route() -> None:
    with pytest.raises(NoRoute):
        plan_route(line(0, 50), "W0", "W1", fuel=0, capacity=100, speed=30, fuel_stops=())
    with pytest.raises(NoRoute):
        plan_route(line(0, 50), "W0", "W9", fuel=10, capacity=100, speed=30, fuel_stops=())


def test_the_start_refuels_when_a_whole_unit_is_missing_or_the_leg_needs_it() -> None:
    points = line(0, 60)
    topped = plan_route(points, "W0", "W1", fuel=250, capacity=400, speed=30, fuel_stops={"W0"})
    assert topped.legs[0].refuel  # 150 missing: fill up while docked here anyway
    kept = plan_route(points, "W0", "W1", fuel=350, capacity=400, speed=30, fuel_stops={"W0"})
    assert not kept.legs[0].refuel  # 50 missing and enough for the leg: no refuel
    needed = plan_route(line(0, 80), "W0", "W1", fuel=40, capacity=90, speed=30, fuel_stops={"W0"})
    assert needed.legs[0].refuel and needed.legs[0].mode == "CRUISE"


def test_urgency_burns_when_the_fuel_allows() -> None:
    points = line(0, 40)
    normal = plan_route(points, "W0", "W1", fuel=100, capacity=100, speed=30, fuel_stops=())
    urgent = plan_route(
        points, "W0", "W1", fuel=100, capacity=100, speed=30, fuel_stops=(), urgency=Urgency.URGENT
    )
    assert normal.legs[0].mode == "CRUISE"
    assert (urgent.legs[0].mode, urgent.legs[0].fuel) == ("BURN", 80)
    assert urgent.seconds < normal.seconds
    short = plan_route(
        points, "W0", "W1", fuel=60, capacity=100, speed=30, fuel_stops=(), urgency=Urgency.URGENT
    )
    assert short.legs[0].mode == "CRUISE"  # 80 for a burn is more than the tank holds


def test_probes_fly_without_fuel() -> None:
    route = plan_route(line(0, 500), "W0", "W1", fuel=0, capacity=0, speed=9, fuel_stops=())
    [leg] = route.legs
    assert (leg.mode, leg.fuel) == ("CRUISE", 0)


def test_distance_is_euclidean() -> None:
    assert distance(Point("A", 0, 0), Point("B", 3, 4)) == 5.0


def test_jump_path_prefers_short_cooldowns_and_skips_unusable_gates() -> None:
    links = {
        "X1-A-G": ["X1-B-G", "X1-C-G"],
        "X1-B-G": ["X1-A-G", "X1-D-G"],
        "X1-C-G": ["X1-A-G", "X1-D-G"],
        "X1-D-G": ["X1-B-G", "X1-C-G"],
    }
    positions = {"X1-A": (0, 0), "X1-B": (10, 0), "X1-C": (500, 0), "X1-D": (20, 0)}
    assert jump_path(links, positions, "X1-A-G", "X1-D") == ["X1-B-G", "X1-D-G"]
    assert jump_path(links, positions, "X1-A-G", "X1-D", usable=lambda g: g != "X1-B-G") == [
        "X1-C-G",
        "X1-D-G",
    ]
    assert jump_path(links, positions, "X1-A-G", "X1-A") == []
    with pytest.raises(NoJumpPath):
        jump_path(links, positions, "X1-A-G", "X1-Z")
    assert jump_cooldown_s(100) == 45

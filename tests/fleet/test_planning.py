"""The pure planning parts: which probe watches which markets, and how the rule planner picks, rests and falls
back to Idle (the best trade from quotes: test_deals.py)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from types import SimpleNamespace
from typing import Any

from stdaemon.api.decoder import ADAPTERS
from stdaemon.domain import models as m
from stdaemon.services.fleet.behaviour import Behaviour, Done, Failed, restore
from stdaemon.services.fleet.behaviours.contracts import Contracts
from stdaemon.services.fleet.behaviours.idle import Idle
from stdaemon.services.fleet.behaviours.mining import Mining
from stdaemon.services.fleet.behaviours.surveying import Surveying
from stdaemon.services.fleet.behaviours.trade import Trade
from stdaemon.services.fleet.behaviours.travel import Travel
from stdaemon.services.fleet.deposits import can_survey, lasers
from stdaemon.services.fleet.navigation import Point
from stdaemon.services.fleet.planner import PlanView, Rule, RulePlanner, can_mine, is_command, is_probe
from stdaemon.services.fleet.rules import fleet_planner
from stdaemon.services.markets.stations import fingerprint, plan_stations
from tests.services.fakes import data

NOW = datetime(2026, 1, 1, tzinfo=UTC)
NO_DEPS = SimpleNamespace(extras={})  # the rules read only the shared extras (no contract measured yet)


def pts(*xs: int) -> list[Point]:
    return [Point(f"M{i}", x, 0) for i, x in enumerate(xs)]


def test_enough_probes_each_stay_at_the_nearest_market() -> None:
    markets = pts(0, 100, 200)
    probes = {"P1": Point("M2", 200, 0), "P2": Point("M0", 0, 0), "P3": None, "P4": None}
    plan = plan_stations(probes, markets, home=markets[0])
    assert plan["P2"] == ["M0"] and plan["P1"] == ["M2"]
    assert sorted(plan["P3"] + plan["P4"]) == ["M1"]  # one spare probe gets nothing


def test_fewer_probes_cycle_contiguous_runs_of_the_tour() -> None:
    markets = pts(0, 10, 20, 300, 310)
    plan = plan_stations({"P1": None, "P2": None}, markets, home=markets[0])
    runs = sorted(plan.values(), key=len)
    assert runs == [["M3", "M4"], ["M0", "M1", "M2"]]
    assert plan_stations({}, markets, None) == {}
    assert fingerprint(["P1"], ["M0"]) != fingerprint(["P1", "P2"], ["M0"])


def ship(**changes: Any) -> m.Ship:
    base = ADAPTERS.ship(data("ships")[0])
    return base.model_copy(update=changes)


def test_ship_kinds_come_from_frame_role_and_mounts() -> None:
    frigate = ship(role="COMMAND")
    assert is_command(frigate) and not is_probe(frigate)
    probe = ship(
        role="SATELLITE",
        frame=frigate.frame.model_copy(update={"symbol": "FRAME_PROBE"}) if frigate.frame else None,
    )
    assert is_probe(probe)
    assert can_mine(frigate) == any(x.symbol.startswith("MOUNT_MINING_LASER") for x in frigate.mounts)


async def test_the_planner_rests_a_finished_behaviour_and_falls_back_to_idle() -> None:
    planner = fleet_planner(mining=False)
    frigate = ship(role="COMMAND")
    view = PlanView(frigate, NOW, deps=NO_DEPS, others={frigate.symbol: None})  # type: ignore[arg-type]
    first = await planner.assign(view)
    assert isinstance(first, Contracts)
    planner.finished(frigate.symbol, Contracts.name, Done("no contract doable", timedelta(minutes=10)), NOW)
    second = await planner.assign(view)
    assert isinstance(second, Trade)
    planner.finished(frigate.symbol, Trade.name, Failed("market refused", NOW + timedelta(minutes=3)), NOW)
    third = await planner.assign(view)
    assert isinstance(third, Idle) and third.state.until == NOW + timedelta(
        minutes=3
    )  # until the first rest ends
    later = PlanView(frigate, NOW + timedelta(minutes=11), deps=NO_DEPS, others={})  # type: ignore[arg-type]
    assert isinstance(await planner.assign(later), Contracts)


async def test_drones_mine_surveyors_survey_and_the_command_ship_mines_when_nothing_else_is_doable() -> None:
    planner = fleet_planner()
    frigate = ship(role="COMMAND")
    assert lasers(frigate) and can_survey(frigate)
    laser = next(x for x in frigate.mounts if x.symbol.startswith("MOUNT_MINING_LASER"))
    surveyor = next(x for x in frigate.mounts if x.symbol.startswith("MOUNT_SURVEYOR"))
    drone = ship(symbol="X-2", role="EXCAVATOR", mounts=(laser,))
    scout = ship(symbol="X-3", role="SURVEYOR", mounts=(surveyor,))
    others: dict[str, str | None] = {frigate.symbol: None, drone.symbol: None, scout.symbol: None}
    for who, expected in ((drone, Mining), (scout, Surveying)):
        view = PlanView(who, NOW, deps=NO_DEPS, others=others)  # type: ignore[arg-type]
        assert isinstance(await planner.assign(view), expected)
    view = PlanView(frigate, NOW, deps=NO_DEPS, others=others)  # type: ignore[arg-type]
    assert isinstance(await planner.assign(view), Contracts)
    planner.finished(frigate.symbol, Contracts.name, Done("no contract doable", timedelta(minutes=10)), NOW)
    planner.finished(frigate.symbol, Trade.name, Done("no trade", timedelta(minutes=5)), NOW)
    assert isinstance(await planner.assign(view), Mining)


async def test_only_one_ship_works_the_contract() -> None:
    planner = fleet_planner()
    other = ship(role="COMMAND", symbol="OTHER-1")
    view = PlanView(other, NOW, deps=NO_DEPS, others={"X-1": Contracts.name, "OTHER-1": None})  # type: ignore[arg-type]
    assert isinstance(await planner.assign(view), Trade)


async def test_a_rule_list_is_the_extension_point() -> None:
    async def go(view: PlanView) -> Behaviour[Any]:
        return Travel.to("X1-A-B")

    planner = RulePlanner([Rule(Travel.name, lambda v: True, go)], wants=lambda s: True)
    frigate = ship()
    assigned = await planner.assign(PlanView(frigate, NOW, deps=NO_DEPS, others={}))  # type: ignore[arg-type]
    assert isinstance(assigned, Travel)
    saved = assigned.dump()
    back = restore(Travel.name, saved)
    assert isinstance(back, Travel) and back.state == assigned.state  # what the database stores comes back
    assert restore("no-such-behaviour", saved) is None
    assert restore(Travel.name, {"destinations": "not a list"}) is None

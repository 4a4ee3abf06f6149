"""FleetObserver: fixed cadence on a virtual clock, last-good snapshot, transition-only failure logs,
fatal errors (a server reset) propagate, cancellation passes through."""

from __future__ import annotations

import asyncio

import pytest
from structlog.testing import capture_logs

from stdaemon.api import adapters
from stdaemon.domain import models as m
from stdaemon.services.observer import FleetObserver
from tests.services.fakes import data
from tests.support.virtual_time import run_virtual


class Flaky(Exception):
    pass


class Fatal(Exception):
    pass


class FakeFleet:
    """Answers from fixtures; `script` says, per refresh, what `agent()` does (None = answer)."""

    def __init__(self, script: list[type[Exception] | None] | None = None) -> None:
        self.script = list(script or [])
        self.refresh_times: list[float] = []
        self.fresh_flags: list[bool] = []

    async def agent(self, *, fresh: bool = False) -> m.Agent:
        self.refresh_times.append(asyncio.get_running_loop().time())
        self.fresh_flags.append(fresh)
        failure = self.script.pop(0) if self.script else None
        if failure is not None:
            raise failure("agent unavailable")
        return adapters.agent(data("agent"))

    async def ships(self, *, fresh: bool = False) -> list[m.Ship]:
        return [adapters.ship(s) for s in data("ships")]

    async def contracts(self, *, fresh: bool = False) -> list[m.Contract]:
        return [adapters.contract(c) for c in data("contracts")]


def run_for(observer: FleetObserver, seconds: float) -> None:
    async def scenario() -> None:
        stop = asyncio.Event()
        asyncio.get_running_loop().call_later(seconds, stop.set)
        await observer.run(stop)

    run_virtual(scenario())


def test_refreshes_on_a_fixed_cadence_with_fresh_reads() -> None:
    fleet = FakeFleet()
    observer = FleetObserver(fleet, every_s=30, expected=(Flaky,))
    run_for(observer, 95)
    assert fleet.refresh_times == [0.0, 30.0, 60.0, 90.0]
    assert all(fleet.fresh_flags)
    assert observer.snapshot is not None
    assert observer.snapshot.agent.symbol == adapters.agent(data("agent")).symbol
    assert len(observer.snapshot.ships) == len(data("ships"))


def test_failures_keep_the_last_snapshot_and_log_only_transitions() -> None:
    fleet = FakeFleet([None, Flaky, Flaky, Flaky, None, None])
    observer = FleetObserver(fleet, every_s=10, expected=(Flaky,))
    with capture_logs() as logs:
        run_for(observer, 55)
    events = [e["event"] for e in logs if e["event"] != "fleet_observed"]
    assert events == ["fleet_observe_failed", "fleet_observe_recovered"]
    assert observer.refreshes == 3
    assert observer.healthy
    assert observer.snapshot is not None


def test_a_fatal_error_propagates() -> None:
    observer = FleetObserver(FakeFleet([None, Fatal]), every_s=10, expected=(Flaky,), fatal=(Fatal,))
    with pytest.raises(Fatal):
        run_for(observer, 100)
    assert observer.refreshes == 1


def test_an_unexpected_error_is_not_swallowed() -> None:
    observer = FleetObserver(FakeFleet([ValueError]), every_s=10, expected=(Flaky,))
    with pytest.raises(ValueError, match="agent unavailable"):
        run_for(observer, 100)


def test_cancellation_passes_through() -> None:
    blocked = asyncio.Event()

    class Hanging(FakeFleet):
        async def agent(self, *, fresh: bool = False) -> m.Agent:
            blocked.set()
            await asyncio.Event().wait()
            raise AssertionError("unreachable")

    observer = FleetObserver(Hanging(), every_s=10, expected=(Flaky,))

    async def scenario() -> None:
        task = asyncio.create_task(observer.run(asyncio.Event()))
        await blocked.wait()
        task.cancel()
        with pytest.raises(asyncio.CancelledError):
            await task

    run_virtual(scenario())

"""run_services: stop on request, grace then cancellation, crash propagation, real signals."""

from __future__ import annotations

import asyncio
import os
import signal
from dataclasses import dataclass, field

import pytest
from structlog.testing import capture_logs

from stdaemon.lifecycle import run_services


@dataclass
class Looping:
    """Finishes its current iteration after stop is set."""

    name: str = "looping"
    iterations: int = 0
    finished_cleanly: bool = False
    warmed_up: asyncio.Event = field(default_factory=asyncio.Event)

    async def run(self, stop: asyncio.Event) -> None:
        while not stop.is_set():
            self.iterations += 1
            if self.iterations >= 3:
                self.warmed_up.set()
            await asyncio.sleep(0)
        self.finished_cleanly = True


@dataclass
class Stubborn:
    """Ignores stop; only cancellation ends it."""

    name: str = "stubborn"
    cancelled: bool = False
    started: asyncio.Event = field(default_factory=asyncio.Event)

    async def run(self, stop: asyncio.Event) -> None:
        self.started.set()
        try:
            await asyncio.Event().wait()
        except asyncio.CancelledError:
            self.cancelled = True
            raise


@dataclass
class Crashing:
    name: str = "crashing"

    async def run(self, stop: asyncio.Event) -> None:
        await asyncio.sleep(0)
        raise RuntimeError("boom")


async def test_stop_lets_services_finish() -> None:
    stop = asyncio.Event()
    service = Looping()

    async def stop_soon() -> None:
        await service.warmed_up.wait()
        stop.set()

    await asyncio.gather(run_services([service], stop=stop, grace_s=5, signals=False), stop_soon())
    assert service.finished_cleanly
    assert service.iterations >= 3


async def test_stragglers_are_cancelled_after_the_grace_period() -> None:
    stop = asyncio.Event()
    stubborn, polite = Stubborn(), Looping()

    async def stop_when_started() -> None:
        await stubborn.started.wait()
        stop.set()

    await asyncio.gather(
        run_services([stubborn, polite], stop=stop, grace_s=0.01, signals=False), stop_when_started()
    )
    assert stubborn.cancelled
    assert polite.finished_cleanly


async def test_a_crashing_service_cancels_the_rest_and_propagates() -> None:
    stubborn = Stubborn()
    with pytest.raises(ExceptionGroup) as caught:
        await run_services([stubborn, Crashing()], stop=asyncio.Event(), grace_s=5, signals=False)
    assert caught.group_contains(RuntimeError, match="boom")
    assert stubborn.cancelled


@pytest.mark.parametrize("sig", [signal.SIGTERM, signal.SIGINT])
async def test_a_signal_sets_stop(sig: signal.Signals) -> None:
    stop = asyncio.Event()
    service = Looping()
    loop = asyncio.get_running_loop()
    loop.call_soon(os.kill, os.getpid(), sig)
    await run_services([service], stop=stop, grace_s=5)
    assert stop.is_set()
    assert service.finished_cleanly
    # the handlers are removed afterwards: the default SIGINT handler is back in charge
    assert signal.getsignal(signal.SIGINT) is signal.default_int_handler


@dataclass
class Sink:
    """Records what arrives, and when it was told to stop relative to the producers."""

    name: str = "sink"
    received: list[str] = field(default_factory=list)
    stopped_with_producers_running: bool | None = None
    producer: Looping | None = None

    async def run(self, stop: asyncio.Event) -> None:
        await stop.wait()
        assert self.producer is not None
        self.stopped_with_producers_running = not self.producer.finished_cleanly


@dataclass
class LastWords:
    """Produces one more item on its way out, after stop is set."""

    sink: Sink
    name: str = "last-words"

    async def run(self, stop: asyncio.Event) -> None:
        await stop.wait()
        await asyncio.sleep(0)
        self.sink.received.append("goodbye")


async def test_sinks_stop_only_after_every_service_has_finished() -> None:
    stop = asyncio.Event()
    producer = Looping()
    sink = Sink(producer=producer)

    async def stop_soon() -> None:
        await producer.warmed_up.wait()
        stop.set()

    await asyncio.gather(
        run_services([producer, LastWords(sink)], stop=stop, grace_s=5, signals=False, sinks=[sink]),
        stop_soon(),
    )
    assert sink.stopped_with_producers_running is False
    assert sink.received == ["goodbye"]


async def test_a_crashing_sink_brings_the_services_down() -> None:
    stubborn = Stubborn()
    with pytest.raises(ExceptionGroup) as caught:
        await run_services([stubborn], stop=asyncio.Event(), grace_s=5, signals=False, sinks=[Crashing()])
    assert caught.group_contains(RuntimeError, match="boom")
    assert stubborn.cancelled


@dataclass
class Draining:
    """A sink that finishes its work once told to stop, and records whether it was cancelled instead."""

    name: str = "draining"
    drained: bool = False
    cancelled: bool = False

    async def run(self, stop: asyncio.Event) -> None:
        try:
            await stop.wait()
            await asyncio.sleep(0)  # the drain itself
            self.drained = True
        except asyncio.CancelledError:
            self.cancelled = True
            raise


async def test_a_crashing_service_lets_the_sinks_drain_before_propagating() -> None:
    sink = Draining()
    stubborn = Stubborn()
    with pytest.raises(ExceptionGroup) as caught:
        await run_services(
            [stubborn, Crashing()], stop=asyncio.Event(), grace_s=5, signals=False, sinks=[sink]
        )
    assert caught.group_contains(RuntimeError, match="boom")
    assert stubborn.cancelled
    assert sink.drained
    assert not sink.cancelled


async def test_a_nested_run_says_started_and_stopped_once() -> None:
    """The supervisor's runners announce themselves; the outer run (the supervisor and the writer) does not,
    so a log reader sees one `services_started` and one `services_stopped` per epoch."""
    stop = asyncio.Event()
    inner = Looping()

    class Outer:
        name = "supervisor"

        async def run(self, outer_stop: asyncio.Event) -> None:
            await run_services([inner], stop=outer_stop, grace_s=5, signals=False)

    async def stop_soon() -> None:
        await inner.warmed_up.wait()
        stop.set()

    with capture_logs() as logs:
        await asyncio.gather(
            run_services([Outer()], stop=stop, grace_s=5, signals=False, announce=False), stop_soon()
        )
    events = [e["event"] for e in logs]
    assert events.count("services_started") == 1 and events.count("services_stopped") == 1
    assert next(e for e in logs if e["event"] == "services_started")["services"] == ["looping"]

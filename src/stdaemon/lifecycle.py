"""Running services until a signal: task groups, a stop Event, a grace period, then cancellation.

A signal only sets the stop Event (SIGINT twice cancels at once). Services see the Event and finish their
current unit of work; those still running after `grace_s` are cancelled. A service that crashes cancels the
others, the sinks (the DbWriter) drain, and the error propagates: the process exits non-zero and systemd
restarts it — no home-made supervisor. A sink that crashes cancels the services.
"""

from __future__ import annotations

import asyncio
import contextlib
import signal
from collections.abc import Sequence
from typing import Protocol

from stdaemon import early_stop
from stdaemon.logging import get_logger
from stdaemon.systemd import Notifier

log = get_logger(__name__)


class Service(Protocol):
    """Something that runs until `stop` is set."""

    @property
    def name(self) -> str: ...

    async def run(self, stop: asyncio.Event) -> None: ...


def install_stop_signals(stop: asyncio.Event, on_second: asyncio.Task[object] | None = None) -> list[int]:
    """SIGINT/SIGTERM set `stop`; a second one cancels `on_second` (the main task) at once.

    Both signals are blocked while the handlers change: one arriving in between is then delivered to the new
    handler, not to the old Python-level handler after the switch (the loop would never hear of it). A stop
    signal recorded before (`early_stop`) sets `stop` at once."""
    loop = asyncio.get_running_loop()
    installed: list[int] = []

    def handle(signum: int) -> None:
        if stop.is_set():
            log.warning("second_signal_cancelling", signal=signal.Signals(signum).name)
            if on_second is not None:
                on_second.cancel()
            return
        log.info("stop_requested", signal=signal.Signals(signum).name)
        stop.set()

    stops = {signal.SIGINT, signal.SIGTERM}
    masking = hasattr(signal, "pthread_sigmask")  # not on Windows
    before = signal.pthread_sigmask(signal.SIG_BLOCK, stops) if masking else set()
    try:
        for sig in stops:
            with contextlib.suppress(NotImplementedError, RuntimeError):  # not on the main thread / Windows
                loop.add_signal_handler(sig, handle, int(sig))
                installed.append(int(sig))
    finally:
        if masking:
            signal.pthread_sigmask(signal.SIG_SETMASK, before)
    if (early := early_stop.received()) is not None and not stop.is_set():
        handle(early)
    return installed


def remove_stop_signals(installed: Sequence[int]) -> None:
    loop = asyncio.get_running_loop()
    for sig in installed:
        loop.remove_signal_handler(sig)


async def run_services(
    services: Sequence[Service],
    *,
    stop: asyncio.Event,
    grace_s: float,
    signals: bool = True,
    sinks: Sequence[Service] = (),
    notifier: Notifier | None = None,
    announce: bool = True,
) -> None:
    """Run every service until `stop` is set (by a signal or a caller), then give them `grace_s` to finish.

    `sinks` (the DbWriter) start before the services and are told to stop only once every service has
    finished, so nothing a service produces on its way out finds the sink closed. systemd hears READY once
    every service is started, and STOPPING when the stop begins. `announce=False` leaves the
    `services_started`/`services_stopped` lines to the services inside (the supervisor runs the runners).
    """
    notifier = notifier if notifier is not None else Notifier()
    installed = install_stop_signals(stop, asyncio.current_task()) if signals else []
    sinks_stop = asyncio.Event()
    crashed: Exception | None = None
    try:
        async with asyncio.TaskGroup() as sinks_group:
            for sink in sinks:
                sinks_group.create_task(sink.run(sinks_stop), name=sink.name)
            try:
                async with asyncio.TaskGroup() as group:
                    await _serve(
                        group, services, stop=stop, grace_s=grace_s, notifier=notifier, announce=announce
                    )
            except Exception as exc:
                # A service crashed (the others are cancelled by now). The sinks still drain what they hold,
                # and only then does the error propagate: in one group with the services they would be
                # cancelled too, losing the rows observed before the crash (a server reset, say).
                crashed = exc
            finally:
                sinks_stop.set()
    finally:
        remove_stop_signals(installed)
    if crashed is not None:
        raise crashed
    if announce:
        log.info("services_stopped")


async def _serve(
    group: asyncio.TaskGroup,
    services: Sequence[Service],
    *,
    stop: asyncio.Event,
    grace_s: float,
    notifier: Notifier,
    announce: bool,
) -> None:
    tasks = [group.create_task(s.run(stop), name=s.name) for s in services]
    notifier.ready(f"running {', '.join(s.name for s in services) or 'no services'}")
    if announce:
        log.info("services_started", services=[s.name for s in services])
    waiter = group.create_task(stop.wait(), name="stop-wait")
    await asyncio.wait([waiter, *tasks], return_when=asyncio.FIRST_COMPLETED)
    if not stop.is_set():
        # A service returned on its own; the rest keep running until stop is set.
        await waiter
    notifier.stopping()
    if not tasks:
        return
    _, pending = await asyncio.wait(tasks, timeout=grace_s)
    for task in pending:
        log.warning("service_cancelled_after_grace", service=task.get_name(), grace_s=grace_s)
        task.cancel()
    await asyncio.wait(tasks)  # cancelled stragglers have finished before the sinks are told to stop

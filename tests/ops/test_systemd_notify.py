"""The systemd notify protocol against a fake NOTIFY_SOCKET: READY/STATUS/STOPPING, and watchdog pings that
come from the event loop, so a wedged loop stops them (and systemd, seeing none for WatchdogSec, restarts)."""

from __future__ import annotations

import asyncio
import itertools
import os
import time

import pytest

from stdaemon.systemd import Notifier, watchdog
from tests.ops.notify_socket import notify_socket


def test_outside_systemd_nothing_is_sent() -> None:
    notifier = Notifier(environ={})
    assert not notifier.enabled
    assert notifier.send("READY=1") is False
    assert notifier.watchdog_s is None


@pytest.mark.parametrize(
    ("env", "expected"),
    [
        ({"WATCHDOG_USEC": "30000000", "WATCHDOG_PID": str(os.getpid())}, 30.0),
        ({"WATCHDOG_USEC": "30000000"}, 30.0),  # no pid given: it is ours
        ({"WATCHDOG_USEC": "30000000", "WATCHDOG_PID": "1"}, None),  # meant for another process
        ({"WATCHDOG_USEC": "soon"}, None),
        ({"WATCHDOG_USEC": "0"}, None),
        ({}, None),
    ],
)
def test_the_watchdog_interval_is_read_for_this_process_only(env: dict[str, str], expected: float) -> None:
    assert Notifier(environ={"NOTIFY_SOCKET": "/nowhere", **env}).watchdog_s == expected


def test_ready_status_and_stopping_reach_systemd() -> None:
    with notify_socket() as fake:
        notifier = Notifier(environ={"NOTIFY_SOCKET": str(fake.path)})
        notifier.status("opening the database")
        notifier.status("opening the database")  # unchanged: not resent
        notifier.status("two\nlines")  # systemd shows one line
        notifier.ready("running fleet-observer")
        notifier.stopping()
        fake.wait_for("STOPPING=1")
    assert fake.lines() == [
        "STATUS=opening the database",
        "STATUS=two lines",
        "READY=1",
        "STATUS=running fleet-observer",
        "STOPPING=1",
        "STATUS=stopping: finishing the current step, draining the writer",
    ]


def test_an_abstract_socket_address_is_understood() -> None:
    notifier = Notifier(environ={"NOTIFY_SOCKET": "@stdaemon-test-no-listener"})
    assert notifier.enabled
    assert notifier.send("READY=1") is False  # nobody listens: reported, never raised


async def test_a_stalled_event_loop_stops_the_watchdog_pings() -> None:
    interval = 0.03  # WatchdogSec=30ms: pinged every 10 ms
    with notify_socket() as fake:
        env = {
            "NOTIFY_SOCKET": str(fake.path),
            "WATCHDOG_USEC": str(int(interval * 1e6)),
            "WATCHDOG_PID": str(os.getpid()),
        }
        async with watchdog(Notifier(environ=env)):
            await asyncio.sleep(0.15)
            healthy = len(fake.times("WATCHDOG=1"))
            stalled_from = time.monotonic()
            time.sleep(0.5)  # noqa: ASYNC251  the point: a blocking call wedges the loop
            stalled_to = time.monotonic()
            await asyncio.sleep(0.15)
        pings = fake.times("WATCHDOG=1")
    assert healthy >= 5, "a live loop pings every third of the interval"
    # A datagram sent just before the stall may be received a moment into it; none is sent during it.
    assert [t for t in pings if stalled_from + 0.02 < t < stalled_to] == []
    longest_gap = max(later - earlier for earlier, later in itertools.pairwise(pings))
    assert longest_gap >= 0.45 > interval  # systemd would have declared the service hung and restarted it
    assert any(t > stalled_to for t in pings), "pings resume once the loop runs again"


async def test_no_watchdog_no_pings() -> None:
    with notify_socket() as fake:
        async with watchdog(Notifier(environ={"NOTIFY_SOCKET": str(fake.path)})):
            await asyncio.sleep(0.05)
    assert fake.lines() == []

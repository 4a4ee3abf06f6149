"""The systemd notify protocol: READY, STATUS, STOPPING and the watchdog pings.

Outside systemd (no `NOTIFY_SOCKET`) every call is a no-op, so the same code runs in a terminal.

- `READY=1` is sent once the database is at head and the API answered (`Type=notify`: the unit is "active"
  only then, and units ordered after it wait for that).
- `STATUS=` tells `systemctl status` what the process is doing (opening the database, migrating, running …).
- The watchdog (`WatchdogSec=` in the unit; systemd passes `WATCHDOG_USEC` and `WATCHDOG_PID`) is pinged by a
  task on the event loop every third of the interval. A loop wedged by a blocking call or a busy task never
  runs that task, the pings stop, and systemd kills and restarts the process (`Restart=on-failure`).
"""

from __future__ import annotations

import asyncio
import contextlib
import os
import socket
from collections.abc import AsyncIterator, Mapping

from stdaemon.logging import get_logger

log = get_logger(__name__)

# How often the watchdog is pinged, as a share of WatchdogSec: systemd's own advice is "half or less".
PING_SHARE = 1 / 3


class Notifier:
    """Sends notify messages to systemd's socket; `environ` is the process environment (tests pass theirs)."""

    def __init__(self, environ: Mapping[str, str] | None = None) -> None:
        env = os.environ if environ is None else environ
        address = env.get("NOTIFY_SOCKET", "")
        self._address = "\0" + address[1:] if address.startswith("@") else address
        self.watchdog_s = _watchdog_interval(env)
        self._status: str | None = None

    def __repr__(self) -> str:
        return f"Notifier(enabled={self.enabled}, watchdog_s={self.watchdog_s})"

    @property
    def enabled(self) -> bool:
        return bool(self._address)

    def send(self, *fields: str) -> bool:
        """Send `KEY=value` lines in one datagram; False outside systemd or when the socket is gone."""
        if not self._address:
            return False
        payload = "\n".join(fields).encode()
        try:
            with socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM) as sock:
                sock.connect(self._address)
                sock.sendall(payload)
        except OSError as exc:
            log.debug("sd_notify_failed", error=str(exc))
            return False
        return True

    def status(self, text: str) -> None:
        """`STATUS=` for `systemctl status`; repeated texts are not resent."""
        text = " ".join(text.split())  # one line: systemd shows the first line only
        if text != self._status:
            self._status = text
            self.send(f"STATUS={text}")

    def ready(self, status: str) -> None:
        self._status = " ".join(status.split())
        self.send("READY=1", f"STATUS={self._status}")

    def stopping(self, status: str = "stopping: finishing the current step, draining the writer") -> None:
        self._status = status
        self.send("STOPPING=1", f"STATUS={status}")

    def ping(self) -> None:
        self.send("WATCHDOG=1")


def _watchdog_interval(env: Mapping[str, str]) -> float | None:
    """WatchdogSec in seconds when it is meant for this process, else None."""
    try:
        usec = int(env.get("WATCHDOG_USEC", ""))
    except ValueError:
        return None
    pid = env.get("WATCHDOG_PID", "")
    if usec <= 0 or (pid and pid != str(os.getpid())):
        return None
    return usec / 1_000_000


async def _ping_forever(notifier: Notifier, every_s: float) -> None:
    while True:
        notifier.ping()
        await asyncio.sleep(every_s)


@contextlib.asynccontextmanager
async def watchdog(notifier: Notifier) -> AsyncIterator[None]:
    """Ping systemd's watchdog from the event loop for as long as the block runs (start-up and stop too)."""
    if notifier.watchdog_s is None or not notifier.enabled:
        yield
        return
    every = notifier.watchdog_s * PING_SHARE
    log.info("watchdog_started", watchdog_s=notifier.watchdog_s, ping_every_s=round(every, 3))
    task = asyncio.create_task(_ping_forever(notifier, every), name="watchdog")
    try:
        yield
    finally:
        task.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await task

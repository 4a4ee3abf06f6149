"""A stop signal that comes before the daemon's own handlers: end at once, and remember it.

`stdaemon run` calls `quiet_until_started()` first thing, before its heavy imports: a SIGINT or SIGTERM then
raises SystemExit(0) wherever the main thread is, so a stop in the first moments exits 0 with nothing to
clean up. Python drops an exception raised inside a finaliser or a garbage-collector callback ("Exception
ignored in …"), and such a stop would be lost, so the signal is also recorded here:
`lifecycle.install_stop_signals` stops at once when one came before it.
"""

from __future__ import annotations

import signal
from types import FrameType

from stdaemon import exits

_received: list[int] = []


def record(signum: int) -> None:
    """A stop signal came before the daemon's handlers were installed."""
    _received.append(signum)


def received() -> int | None:
    """The first stop signal recorded before the daemon's handlers, if any."""
    return _received[0] if _received else None


def _stop_at_once(signum: int, frame: FrameType | None) -> None:
    record(signum)
    raise SystemExit(exits.OK)


def quiet_until_started() -> None:
    """Until the daemon installs its own: a SIGINT or SIGTERM ends the process at once with exit 0."""
    for sig in (signal.SIGINT, signal.SIGTERM):
        signal.signal(sig, _stop_at_once)

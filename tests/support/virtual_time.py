"""An asyncio event loop whose clock is virtual: sleeping advances time instantly.

Tests and benchmarks/ratelimit.py run the real gateway, scheduler and retries on it, so ten simulated
minutes of rate limiting take a fraction of a second and nothing depends on the machine's speed. Time
starts at 0.0 and jumps to the next scheduled callback whenever every task is waiting. It has no real I/O:
use it with httpx.MockTransport or other in-memory fakes only.
"""

from __future__ import annotations

import asyncio
import math
import selectors
from collections.abc import Coroutine
from typing import Any, TypeVar

T = TypeVar("T")

_DEADLOCK_WAIT_S = 2.0
_TICK_S = 1e-9


class VirtualTimeLoop(asyncio.SelectorEventLoop):
    """A selector loop whose `time()` is virtual and whose waits for timers take no real time."""

    def __init__(self) -> None:
        super().__init__()
        self._virtual_now = 0.0
        selector: Any = self._selector  # type: ignore[attr-defined]
        real_select = selector.select

        def select(timeout: float | None = None) -> list[tuple[selectors.SelectorKey, int]]:
            if timeout is None:  # nothing scheduled: only another thread could wake us
                events: list[tuple[selectors.SelectorKey, int]] = real_select(_DEADLOCK_WAIT_S)
                if not events:
                    raise RuntimeError("virtual-time loop deadlocked: every task waits and no timer is set")
                return events
            events = real_select(0)
            if events:
                return events
            now = self._virtual_now
            if timeout > 0:  # move forward even when `timeout` is below the float resolution of `now`
                self._virtual_now = max(now + timeout, math.nextafter(now, math.inf))
            elif not self._ready:  # type: ignore[attr-defined]
                # Only a due timer is left. Real clocks tick between iterations; without this, code that
                # re-arms a timer for "a rounding error from now" (aiolimiter does) would spin forever.
                self._virtual_now = now + _TICK_S
            return events

        selector.select = select

    def time(self) -> float:
        return self._virtual_now


def run_virtual(coro: Coroutine[Any, Any, T]) -> T:
    """Run `coro` to completion on a fresh virtual-time loop and close it."""
    loop = VirtualTimeLoop()
    try:
        return loop.run_until_complete(coro)
    finally:
        loop.run_until_complete(loop.shutdown_asyncgens())
        loop.close()

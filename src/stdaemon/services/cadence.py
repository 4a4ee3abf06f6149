"""A fixed-rate schedule that ends when `stop` is set: the loop shape every runner uses.

Ticks are planned from the schedule, not from when the last run finished, so a slow run does not drift the
cadence and a long stall does not cause a burst of catch-up runs. The first tick is jittered so several
runners started together do not hit the API in the same instant.
"""

from __future__ import annotations

import asyncio
import contextlib
import random
from collections.abc import AsyncIterator


async def cadence(every_s: float, stop: asyncio.Event, *, jitter: float = 0.1) -> AsyncIterator[None]:
    loop = asyncio.get_running_loop()
    due = loop.time() + random.uniform(0, every_s * jitter)
    while not stop.is_set():
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(stop.wait(), timeout=max(0.0, due - loop.time()))
        if stop.is_set():
            return
        yield
        due = max(due + every_s, loop.time())

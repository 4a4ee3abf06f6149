"""The engine's clock: what time it is on the server's scale, and how to wait until a server timestamp.

Every wait of the fleet is "until this moment" (a route's arrival, a cooldown's expiration, the next market
poll), never "sleep N seconds", so one clock decides how waiting works:

- `WallClock`: the real time (UTC). Production.
- `SkipClock`: for tests and the fleet benchmark. Time runs with the wall clock (or stands still with
  `follow_wall=False`) and jumps ahead whenever every engine sharing it is waiting: a 10-minute flight
  takes no real time, yet nothing that runs sees time go backwards or a request bunch up. Hand the same
  object to stsim (`build_app(clock=...)`: it has `now()` and `sleep()`) and to the DataService (`now=`) so
  the server, the engine and the database agree on the time. Engines `join()` it when they start and
  `leave()` when they stop; only a clock whose participants all wait skips.
"""

from __future__ import annotations

import asyncio
import contextlib
from datetime import UTC, datetime, timedelta
from typing import Protocol


class Clock(Protocol):
    def now(self) -> datetime: ...

    async def sleep_until(self, when: datetime, interrupt: asyncio.Event) -> None:
        """Return at `when` or as soon as `interrupt` is set, whichever comes first."""
        ...

    def join(self) -> None: ...

    def leave(self) -> None: ...


def seconds_until(clock: Clock, when: datetime) -> float:
    return max(0.0, (when - clock.now()).total_seconds())


class WallClock:
    """The real time. `join`/`leave` are no-ops: the wall clock never skips."""

    def now(self) -> datetime:
        return datetime.now(UTC)

    async def sleep_until(self, when: datetime, interrupt: asyncio.Event) -> None:
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(interrupt.wait(), timeout=seconds_until(self, when))

    def join(self) -> None:
        return None

    def leave(self) -> None:
        return None


class SkipClock:
    """A clock that skips the time nobody spends working; see the module docstring."""

    def __init__(self, start: datetime | None = None, *, follow_wall: bool = True) -> None:
        self._origin = start or datetime(2026, 1, 1, tzinfo=UTC)
        self._follow_wall = follow_wall
        self._wall_origin = datetime.now(UTC)
        self._offset = timedelta(0)
        self._participants = 0
        self._sleepers: dict[int, tuple[datetime, asyncio.Event]] = {}
        self._ids = 0
        self.skipped = timedelta(0)

    def now(self) -> datetime:
        elapsed = datetime.now(UTC) - self._wall_origin if self._follow_wall else timedelta(0)
        return self._origin + elapsed + self._offset

    def advance(self, seconds: float) -> None:
        """Move time forward by hand (tests)."""
        self._offset += timedelta(seconds=seconds)

    async def sleep(self, seconds: float) -> None:
        """stsim's Clock interface (used for its 'slow' fault): waits by skipping."""
        self.advance(seconds)
        await asyncio.sleep(0)

    def join(self) -> None:
        self._participants += 1

    def leave(self) -> None:
        self._participants = max(0, self._participants - 1)
        self._maybe_skip()

    async def sleep_until(self, when: datetime, interrupt: asyncio.Event) -> None:
        self._ids += 1
        ident = self._ids
        woken = asyncio.Event()
        self._sleepers[ident] = (when, woken)
        try:
            self._maybe_skip()
            while not interrupt.is_set() and self.now() < when:
                waits = [asyncio.ensure_future(interrupt.wait()), asyncio.ensure_future(woken.wait())]
                timeout = seconds_until(self, when) if self._follow_wall else None
                try:
                    await asyncio.wait(waits, timeout=timeout, return_when=asyncio.FIRST_COMPLETED)
                finally:
                    for w in waits:
                        w.cancel()
                woken.clear()
        finally:
            del self._sleepers[ident]

    def _maybe_skip(self) -> None:
        """When every participant waits, jump to the earliest moment one of them waits for."""
        if not self._sleepers or len(self._sleepers) < self._participants:
            return
        earliest = min(when for when, _ in self._sleepers.values())
        gap = earliest - self.now()
        if gap > timedelta(0):
            self._offset += gap
            self.skipped += gap
        for when, woken in self._sleepers.values():
            if when <= self.now():
                woken.set()

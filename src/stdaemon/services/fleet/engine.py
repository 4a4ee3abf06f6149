"""The engine: many actors (one per ship, plus a few periodic chores) waiting concurrently in one event loop.

Each actor has one wake time. When it is due, its `step()` runs as a task and returns the next wake time;
an actor never has two steps in flight, while different actors' steps run concurrently (their API calls
queue in the gateway's rate budget, ship actions first). Between steps nothing runs: the engine sleeps on
the `Clock` until the earliest wake (a route's arrival, a cooldown's end, the next poll), so a fleet of a
hundred ships in transit costs no CPU and no requests.

A step that raises stops the engine: actors handle the game's errors themselves (`ShipActor`), so what
escapes is fatal by design (a server reset) and propagates after the other running steps are cancelled.
On `stop` no new step starts; the running ones finish (the lifecycle's grace period bounds them).
"""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import Iterator
from datetime import datetime, timedelta
from typing import Protocol

from stdaemon.services.fleet.clock import Clock, seconds_until

IDLE_HORIZON = timedelta(hours=1)  # with nothing scheduled, look again after this long (or when woken)


class Actor(Protocol):
    @property
    def key(self) -> str: ...

    async def step(self) -> datetime:
        """Do one unit of work; return when to be called again."""
        ...


class Engine:
    """Schedules actors on their wake times; see the module docstring."""

    def __init__(self, clock: Clock, *, name: str = "engine") -> None:
        self.clock = clock
        self.name = name
        self._actors: dict[str, Actor] = {}
        self._due: dict[str, datetime] = {}
        self._running: dict[str, asyncio.Task[datetime]] = {}
        self._wakeup = asyncio.Event()
        self.steps = 0

    def __contains__(self, key: str) -> bool:
        return key in self._actors

    def __iter__(self) -> Iterator[Actor]:
        return iter(list(self._actors.values()))

    def add(self, actor: Actor, at: datetime | None = None) -> None:
        """Schedule `actor` (replacing one with the same key) at `at` (default: now)."""
        self._actors[actor.key] = actor
        if actor.key not in self._running:
            self._due[actor.key] = at or self.clock.now()
        self._wakeup.set()

    def remove(self, key: str) -> None:
        """Forget an actor; a step of it already running finishes, and is not scheduled again."""
        self._actors.pop(key, None)
        self._due.pop(key, None)

    def wake(self, key: str) -> None:
        """Run `key` as soon as possible (e.g. a ship that was bought or reassigned)."""
        if key in self._actors and key not in self._running:
            self._due[key] = self.clock.now()
            self._wakeup.set()

    def wake_at(self, key: str) -> datetime | None:
        return self._due.get(key)

    async def run(self, stop: asyncio.Event) -> None:
        self.clock.join()
        watcher = asyncio.create_task(self._watch(stop), name=f"{self.name}-stop")
        try:
            while not stop.is_set():
                self._start_due()
                nearest = min(self._due.values(), default=self.clock.now() + IDLE_HORIZON)
                self._wakeup.clear()
                if self._running:
                    waiter = asyncio.ensure_future(self._wakeup.wait())
                    try:
                        await asyncio.wait(
                            [*self._running.values(), waiter],
                            timeout=seconds_until(self.clock, nearest),
                            return_when=asyncio.FIRST_COMPLETED,
                        )
                    finally:
                        waiter.cancel()
                else:
                    await self.clock.sleep_until(nearest, self._wakeup)
                self._collect()
        finally:
            watcher.cancel()
            try:
                await self._finish_running()
            finally:
                self.clock.leave()

    async def _watch(self, stop: asyncio.Event) -> None:
        await stop.wait()
        self._wakeup.set()

    def _start_due(self) -> None:
        now = self.clock.now()
        for key, at in sorted(self._due.items(), key=lambda kv: kv[1]):
            if at <= now and key not in self._running:
                del self._due[key]
                self._running[key] = asyncio.create_task(self._actors[key].step(), name=f"{self.name}:{key}")

    def _collect(self) -> None:
        """Schedule the actors whose steps finished; the first fatal error stops the engine."""
        for key, task in list(self._running.items()):
            if not task.done():
                continue
            del self._running[key]
            self.steps += 1
            if task.cancelled():
                continue
            error = task.exception()
            if error is not None:
                for other in self._running.values():
                    other.cancel()
                raise error
            if key in self._actors:
                self._due[key] = task.result()

    async def _finish_running(self) -> None:
        """Let the steps in flight finish (on stop), or cancel them (on an error or a cancellation)."""
        if not self._running:
            return
        tasks = list(self._running.values())
        try:
            await asyncio.wait(tasks)
        except asyncio.CancelledError:
            for task in tasks:
                task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await asyncio.wait(tasks)
            raise
        self._collect()

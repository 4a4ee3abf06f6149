"""Who sends next: a priority queue in front of the two-pool budget, with ageing so nothing starves.

Every request calls `await scheduler.acquire(priority)` and gets a `Grant`; when its answer arrives (or the
attempt fails) it calls `settle(grant)`. Whenever the budget has a point and requests wait, the point goes
to the waiter with the best *rank*: its priority minus one level per `aging_s` seconds waited. Ageing stops
half a level below ACTION, so a request that waited long enough overtakes fresh fleet reads but never a
ship action: a flood of low-priority requests delays an ACTION by at most the one slot already handed out.

Time is the event loop's clock; tests and the benchmark run on a virtual one (tests/support/virtual_time.py).
"""

from __future__ import annotations

import asyncio
import itertools
from dataclasses import dataclass, field
from typing import Protocol

from stdaemon.api.limiter import Grant, TwoPoolBudget
from stdaemon.api.meter import BudgetMeter
from stdaemon.api.priority import Priority

_AGE_FLOOR = Priority.ACTION + 0.5


def rank(priority: int, waited_s: float, aging_s: float) -> float:
    """A waiter's rank (lower is served first): its priority, less one level per `aging_s` waited, never
    reaching ACTION (the shared budget compares waiters of several processes with it too)."""
    if priority > Priority.ACTION and aging_s > 0:
        return max(_AGE_FLOOR, priority - waited_s / aging_s)
    return float(priority)


class Limiter(Protocol):
    """What the gateway needs from a limiter (the scheduler, or a baseline in the benchmark)."""

    meter: BudgetMeter

    async def acquire(self, priority: Priority) -> Grant: ...

    def settle(self, grant: Grant, at: float | None = None) -> None: ...

    def block_until(self, until: float) -> None: ...


@dataclass(eq=False)
class _Waiter:
    priority: int
    seq: int
    enqueued_at: float = field(compare=False)
    future: asyncio.Future[Grant] = field(compare=False)


class Scheduler:
    """Hands out the budget's points in priority order; see the module docstring."""

    def __init__(
        self, budget: TwoPoolBudget | None = None, *, aging_s: float = 30.0, meter: BudgetMeter | None = None
    ) -> None:
        self.budget = budget if budget is not None else TwoPoolBudget()
        self.meter = meter if meter is not None else BudgetMeter()
        self._aging_s = aging_s
        self._waiters: list[_Waiter] = []
        self._seq = itertools.count()
        self._timer: asyncio.TimerHandle | None = None
        self._timer_at: float | None = None

    def __repr__(self) -> str:
        return f"Scheduler(waiting={len(self._waiters)}, budget={self.budget!r})"

    @staticmethod
    def now() -> float:
        return asyncio.get_running_loop().time()

    @property
    def waiting(self) -> int:
        return len(self._waiters)

    async def acquire(self, priority: Priority) -> Grant:
        """Wait for a point of the budget; the best-ranked waiter is served first."""
        now = self.now()
        if not self._waiters:
            grant = self.budget.take(now)
            if grant is not None:
                self.meter.granted(priority, 0.0)
                return grant
        future: asyncio.Future[Grant] = asyncio.get_running_loop().create_future()
        waiter = _Waiter(int(priority), next(self._seq), now, future)
        self._waiters.append(waiter)
        self._dispatch()
        try:
            return await future
        except asyncio.CancelledError:
            if future.done() and not future.cancelled():
                self.settle(future.result())  # granted but never sent: close its window
            else:
                self._forget(waiter)
            raise

    def settle(self, grant: Grant, at: float | None = None) -> None:
        """The request of `grant` got its answer (or failed) at `at` (default now)."""
        self.budget.settle(grant, self.now() if at is None else at)
        self._dispatch()

    def block_until(self, until: float) -> None:
        """The server told us to pause (429 Retry-After, 502): nothing is sent before `until`."""
        self.budget.block_until(until)
        self._dispatch()

    def _rank(self, waiter: _Waiter, now: float) -> tuple[float, int]:
        return rank(waiter.priority, now - waiter.enqueued_at, self._aging_s), waiter.seq

    def _forget(self, waiter: _Waiter) -> None:
        if waiter in self._waiters:
            self._waiters.remove(waiter)

    def _dispatch(self, due: float | None = None) -> None:
        # A timer may fire a clock-resolution early; never treat its moment as before it was due.
        now = self.now() if due is None else max(self.now(), due)
        self._waiters = [w for w in self._waiters if not w.future.done()]
        while self._waiters:
            grant = self.budget.take(now)
            if grant is None:
                break
            best = min(self._waiters, key=lambda w: self._rank(w, now))
            self._waiters.remove(best)
            self.meter.granted(Priority(best.priority), now - best.enqueued_at)
            best.future.set_result(grant)
        self._arm_timer(now)

    def _arm_timer(self, now: float) -> None:
        wake = self.budget.next_free(now) if self._waiters else None
        if wake == self._timer_at:
            return
        if self._timer is not None:
            self._timer.cancel()
        self._timer, self._timer_at = None, wake
        if wake is not None:
            self._timer = asyncio.get_running_loop().call_at(wake, self._on_timer)

    def _on_timer(self) -> None:
        due = self._timer_at
        self._timer, self._timer_at = None, None
        self._dispatch(due)

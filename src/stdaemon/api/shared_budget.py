"""One rate budget for every process of an account (and IP): the two pools kept in one shared row.

The server counts requests per account and per IP, whichever process sends them. `SharedScheduler` is a
drop-in `Limiter` whose `TwoPoolBudget` state lives in a `BudgetStore` (a database row per budget key, taken
with `SELECT … FOR UPDATE`): every grant, every window anchor and every server-imposed pause is a short
transaction on that row, so any number of processes together spend at most 2/s + 30 per 60 s. Times in the
row are the store's clock (the database's), shared by every host; each process converts to and from its
event loop's clock with an offset learnt from each transaction's round trip (its error is added to every
anchor, so a window never ends early).

Priorities across processes: each process publishes in the row the priority and waiting time of its best
waiter (`demand`, refreshed on every transaction and dropped after `demand_ttl_s` without one). A process
whose best waiter ranks clearly below another process's (same ranking and ageing as `Scheduler`) leaves a
free point to it for up to `defer_s`; after that it takes the point, so a crashed or slow process wastes at
most that. A crawl in one process therefore does not starve a fleet action in another. Within a process, the
points it gets go to its best-ranked waiters, exactly as in `Scheduler`.

If the store cannot be reached, the waiters wait (the failure is logged once, retried every second): sending
without the shared count could exceed the budget.
"""

from __future__ import annotations

import asyncio
import contextlib
import dataclasses
import itertools
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, Protocol, TypeVar

from stdaemon.api.limiter import Grant, TwoPoolBudget
from stdaemon.api.meter import BudgetMeter
from stdaemon.api.priority import Priority
from stdaemon.api.scheduler import rank
from stdaemon.logging import get_logger

log = get_logger(__name__)

T = TypeVar("T")
State = dict[str, Any]
_RETRY_S = 1.0
_CLEARLY_BETTER = 0.5  # rank levels: ageing moves ranks continuously, this keeps near-equals from deferring


class BudgetStore(Protocol):
    """Where the shared state lives (the database, injected by bootstrap: `api` never imports `db`)."""

    async def transact(self, key: str, step: Callable[[State | None, float], tuple[State, T]]) -> T:
        """Run `step(state, now)` with the row of `key` locked, `now` being the store's clock in seconds;
        store the state it returns and give back its result, all in one transaction."""
        ...


@dataclass
class _Waiter:
    priority: int
    seq: int
    enqueued_at: float  # loop time
    future: asyncio.Future[Grant] = field(compare=False)


@dataclass(frozen=True)
class _Outcome:
    grants: list[Grant]
    next_free: float | None  # store time
    now: float  # store time
    deferred: bool
    pending: bool  # a window waits for its opener's answer, maybe in another process: look again soon


class SharedScheduler:
    """A `Limiter` whose two-pool budget is shared through a `BudgetStore`; see the module docstring."""

    def __init__(
        self,
        store: BudgetStore,
        key: str,
        make_budget: Callable[[], TwoPoolBudget],
        *,
        process: str,
        aging_s: float = 30.0,
        meter: BudgetMeter | None = None,
        poll_s: float = 0.02,
        defer_s: float = 0.5,
        demand_ttl_s: float = 3.0,
    ) -> None:
        self.meter = meter if meter is not None else BudgetMeter()
        self._store, self._key, self._make_budget = store, key, make_budget
        self._process = process
        self._aging_s, self._poll_s, self._defer_s, self._demand_ttl_s = (
            aging_s,
            poll_s,
            defer_s,
            demand_ttl_s,
        )
        self._waiters: list[_Waiter] = []
        self._seq = itertools.count()
        self._wake = asyncio.Event()
        self._worker: asyncio.Task[None] | None = None
        self._tasks: set[asyncio.Task[None]] = set()
        self._turn = asyncio.Lock()  # one transaction at a time from this process, in call order
        self._offset = 0.0  # store clock − loop clock
        self._offset_err = 0.0
        self._clock_known = False
        self._openers: set[int] = set()  # grants whose window anchor the store still waits for
        self._published = False  # whether the row holds a demand of ours
        self._deferring_since: float | None = None
        self._blocked_until = 0.0  # loop time
        self._failing = False

    def __repr__(self) -> str:
        return f"SharedScheduler(key={self._key!r}, process={self._process!r}, waiting={len(self._waiters)})"

    @property
    def waiting(self) -> int:
        return len(self._waiters)

    @staticmethod
    def _now() -> float:
        return asyncio.get_running_loop().time()

    # --- the Limiter protocol ------------------------------------------------------------------------

    async def acquire(self, priority: Priority) -> Grant:
        """Wait for a point of the shared budget; this process's best-ranked waiter is served first."""
        future: asyncio.Future[Grant] = asyncio.get_running_loop().create_future()
        waiter = _Waiter(int(priority), next(self._seq), self._now(), future)
        self._waiters.append(waiter)
        self._kick()
        try:
            grant = await future
        except asyncio.CancelledError:
            if future.done() and not future.cancelled():
                self.settle(future.result())  # granted but never sent: close its window
            elif waiter in self._waiters:
                self._waiters.remove(waiter)
            raise
        self.meter.granted(priority, self._now() - waiter.enqueued_at)
        # `send_by` is the store's clock, like `at`: the loop's is earlier by the offset, less its error.
        return dataclasses.replace(grant, send_by=grant.send_by - self._offset - self._offset_err)

    def settle(self, grant: Grant, at: float | None = None) -> None:
        """The request of `grant` was answered at `at` (loop time, default now): anchor its window."""
        if grant.ident not in self._openers:
            return  # it opened no window: nothing to record
        self._openers.discard(grant.ident)
        answered = self._now() if at is None else at
        self._spawn(
            self._transact(self._recording(lambda budget, moment: budget.settle(grant, moment), answered))
        )

    def block_until(self, until: float) -> None:
        """The server said pause until `until` (loop time): nothing is sent by any process before then."""
        self._blocked_until = max(self._blocked_until, until)
        self._spawn(self._transact(self._recording(lambda budget, moment: budget.block_until(moment), until)))

    def _recording(
        self, apply: Callable[[TwoPoolBudget, float], None], at: float
    ) -> Callable[[State | None, float], tuple[State, None]]:
        """A step applying a moment of ours (loop time `at`, made store time, never early) to the budget."""

        def step(state: State | None, now: float) -> tuple[State, None]:
            budget = self._budget(state)
            apply(budget, at + self._offset + self._offset_err)
            return {**(state or {}), **budget.state()}, None

        return step

    async def aclose(self) -> None:
        """Finish the pending store writes (anchors, pauses) and stop the worker."""
        if self._tasks:
            await asyncio.gather(*self._tasks, return_exceptions=True)
        if self._worker is not None:
            self._worker.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._worker

    # --- the worker ----------------------------------------------------------------------------------

    def _spawn(self, coro: Any) -> None:
        task = asyncio.get_running_loop().create_task(coro)
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)
        task.add_done_callback(lambda _: self._kick())

    def _kick(self) -> None:
        self._wake.set()
        if self._worker is None or self._worker.done():
            self._worker = asyncio.get_running_loop().create_task(self._work(), name="shared-budget")

    async def _transact(self, step: Callable[[State | None, float], tuple[State, T]]) -> T:
        async with self._turn:
            if not self._clock_known:  # every step converts times with the offset: learn it first
                await self._timed(lambda state, now: (state or {}, None))
            return await self._timed(step)

    async def _timed(self, step: Callable[[State | None, float], tuple[State, T]]) -> T:
        seen: list[float] = []

        def timed(state: State | None, now: float) -> tuple[State, T]:
            seen.append(now)
            return step(state, now)

        sent = self._now()
        result = await self._store.transact(self._key, timed)
        if seen:
            self._learn_clock(sent, self._now(), seen[-1])
        return result

    def _learn_clock(self, sent: float, received: float, store_now: float) -> None:
        """The store read its clock between `sent` and `received`: keep the tightest estimate."""
        err = (received - sent) / 2
        offset = store_now - (sent + err)
        if not self._clock_known or err <= self._offset_err * 2 or err < 0.01:  # slow trips say less
            self._offset, self._offset_err = offset, max(err, 0.0005)
            self._clock_known = True

    async def _work(self) -> None:
        while True:
            self._waiters = [w for w in self._waiters if not w.future.done()]
            if not self._waiters and not self._published:
                return
            self._wake.clear()
            pause = self._blocked_until - self._now()
            if pause > 0 and self._waiters:
                await self._sleep(pause)
                continue
            try:
                outcome = await self._transact(self._step_for(self._ranked()))
            except Exception as exc:  # the store is unreachable: wait, never send uncounted
                if not self._failing:
                    log.warning(
                        "shared_budget_unavailable", error=str(exc)[:200], error_type=type(exc).__name__
                    )
                self._failing = True
                await self._sleep(_RETRY_S)
                continue
            if self._failing:
                log.info("shared_budget_recovered")
                self._failing = False
            self._hand_out(outcome.grants)
            if outcome.grants or not self._waiters:
                continue
            delay = (
                self._poll_s
                if outcome.deferred or outcome.next_free is None
                else (outcome.next_free - self._offset - self._now())
            )
            if outcome.pending:  # another process's settle does not wake us: poll for it
                delay = min(delay, self._poll_s)
            await self._sleep(max(0.0, delay))

    async def _sleep(self, seconds: float) -> None:
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(self._wake.wait(), timeout=seconds)

    def _ranked(self) -> list[_Waiter]:
        now = self._now()
        return sorted(
            self._waiters, key=lambda w: (rank(w.priority, now - w.enqueued_at, self._aging_s), w.seq)
        )

    def _hand_out(self, grants: list[Grant]) -> None:
        for grant in grants:
            waiters = self._ranked()
            if not waiters:  # every waiter went away meanwhile: the point is spent, close its window
                self.settle(grant)
                continue
            best = waiters[0]
            self._waiters.remove(best)
            best.future.set_result(grant)

    def _budget(self, state: State | None) -> TwoPoolBudget:
        budget = self._make_budget()
        if state:
            budget.restore(state)
        return budget

    def _step_for(self, ranked: list[_Waiter]) -> Callable[[State | None, float], tuple[State, _Outcome]]:
        """The transaction's work: publish our demand, defer to a clearly better process, else take points."""

        def step(state: State | None, now: float) -> tuple[State, _Outcome]:
            budget = self._budget(state)
            demand: dict[str, dict[str, float]] = {
                p: d
                for p, d in (state or {}).get("demand", {}).items()
                if p != self._process and now - d["seen"] <= self._demand_ttl_s
            }
            ours = [(w.priority, w.enqueued_at + self._offset) for w in ranked]
            free_now = budget.next_free(now) == now
            deferred = bool(ours) and free_now and self._defers(ours[0], demand, now)
            grants: list[Grant] = []
            while not deferred and len(grants) < len(ours):
                grant = budget.take(now)
                if grant is None:
                    break
                if budget.opens(grant):
                    self._openers.add(grant.ident)
                grants.append(grant)
            if grants or not free_now:
                self._deferring_since = None
            left = ours[len(grants) :]
            if left:
                demand[self._process] = {"priority": left[0][0], "since": left[0][1], "seen": now}
            self._published = bool(left)
            new_state = {**budget.state(), "demand": demand}
            return new_state, _Outcome(grants, budget.next_free(now), now, deferred, budget.pending(now))

        return step

    def _defers(self, best: tuple[int, float], demand: dict[str, dict[str, float]], now: float) -> bool:
        """Whether to leave the free point to another process whose best waiter ranks clearly better."""
        if not demand:
            return False
        mine = rank(best[0], now - best[1], self._aging_s)
        theirs = min(rank(int(d["priority"]), now - d["since"], self._aging_s) for d in demand.values())
        if theirs > mine - _CLEARLY_BETTER:
            return False
        if self._deferring_since is None:
            self._deferring_since = now
        return now - self._deferring_since < self._defer_s

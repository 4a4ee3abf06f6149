"""One epoch's crawl: workers take the best-ranked task, fetch one page of it, store the page together with
the task's new progress, and tell the plan what the page revealed (systems, a system's items, a gate's
connections).

Several workers run at once so that requests are always waiting at the gateway's limiter, which then spends
the whole budget; pages of one listing go one after another (its progress is "the next page"). Errors are
sorted by the wiring into three kinds (`CrawlErrors`): fatal ones (a server reset, a bad token) propagate;
transient ones (the server or the database could not do it now) are retried, then the task is set aside and
retried later in the run; an item the server refuses (a 4xx: no market there after all) is recorded as done
with nothing, logged, and not asked again.
"""

from __future__ import annotations

import asyncio
import contextlib
import math
from dataclasses import dataclass
from datetime import date
from typing import Any

from stdaemon.domain import models as m
from stdaemon.domain.base import DomainModel
from stdaemon.domain.crawl import PAGE_LIMIT, Page, SystemSummary, TaskState, WaypointSummary
from stdaemon.logging import get_logger
from stdaemon.services.crawl.plan import CrawlPlan
from stdaemon.services.crawl.progress import RateMeter
from stdaemon.services.crawl.protocols import CrawlStore, UniverseSource
from stdaemon.services.crawl.tasks import Rank, Task

log = get_logger(__name__)

ATTEMPTS = 3
RETRY_BASE_S = 2.0

Errors = tuple[type[BaseException], ...]


@dataclass(frozen=True)
class CrawlErrors:
    fatal: Errors = ()  # propagate: the crawl cannot go on (a server reset, a bad token)
    transient: Errors = ()  # try again later: the server or the database could not do it now
    refused: Errors = ()  # the server refuses this item for good: record it done, with nothing


def advance(state: TaskState, page: Page[Any]) -> TaskState:
    """The task's progress after `page` (its `next_page`) was stored."""
    n = state.next_page
    pages = math.ceil(page.total / PAGE_LIMIT) if page.total is not None else None
    if not page.items:
        done = True
        if pages is not None and n <= pages:
            log.warning("crawl_listing_short", task=state.task, page=n, pages=pages, total=page.total)
    elif pages is not None:
        done = n >= pages
    else:
        done = len(page.items) < PAGE_LIMIT
    total = pages if pages is not None else (n if done else None)
    return TaskState(task=state.task, next_page=n + 1, total=total, completed=done)


def summary_of(system: m.System) -> SystemSummary:
    gates = tuple(w.symbol for w in system.waypoints if w.type == "JUMP_GATE")
    return SystemSummary(system.symbol, system.x, system.y, len(system.waypoints), gates)


class EpochCrawl:
    def __init__(
        self,
        *,
        reset_date: date,
        plan: CrawlPlan,
        source: UniverseSource,
        store: CrawlStore,
        errors: CrawlErrors,
        meter: RateMeter,
        waypoints: int = 0,
        retry_base_s: float = RETRY_BASE_S,
    ) -> None:
        self.reset_date = reset_date
        self.plan = plan
        self.waypoints = waypoints  # waypoint rows stored in this epoch
        self.failed: dict[Task, Rank] = {}
        self._source, self._store, self._errors, self._meter = source, store, errors, meter
        self._retry_base_s = retry_base_s
        self._busy = 0
        self._cond = asyncio.Condition()

    @property
    def finished(self) -> bool:
        """Nothing waits, nothing runs, nothing failed: this epoch's crawl is complete."""
        return not self.failed and self._busy == 0 and len(self.plan.frontier) == 0

    async def run(self, stop: asyncio.Event, workers: int) -> None:
        """Work until nothing is left to do, or `stop` is set (tasks under way finish their page)."""
        waker = asyncio.create_task(self._wake_on(stop), name="crawl-stop")
        try:
            async with asyncio.TaskGroup() as group:
                for i in range(workers):
                    group.create_task(self._worker(stop), name=f"crawl-worker-{i}")
        finally:
            waker.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await waker

    def requeue_failed(self) -> None:
        for task, rank in self.failed.items():
            self.plan.frontier.push(task, rank)
        self.failed.clear()

    async def _wake_on(self, stop: asyncio.Event) -> None:
        await stop.wait()
        async with self._cond:
            self._cond.notify_all()

    async def _worker(self, stop: asyncio.Event) -> None:
        while True:
            async with self._cond:
                while True:
                    if stop.is_set():
                        return
                    taken = self.plan.frontier.pop()
                    if taken is not None:
                        break
                    if self._busy == 0:
                        self._cond.notify_all()
                        return
                    await self._cond.wait()
                self._busy += 1
            try:
                await self._attempt(*taken)
            finally:
                self.plan.frontier.release(taken[0])
                async with self._cond:
                    self._busy -= 1
                    self._cond.notify_all()

    async def _attempt(self, task: Task, rank: Rank) -> None:
        for attempt in range(1, ATTEMPTS + 1):
            try:
                stored = await self._step(task)
            except self._errors.fatal:
                raise
            except self._errors.transient as exc:
                if attempt == ATTEMPTS:
                    # the reason is in the line; a traceback would only repeat the gateway's retries
                    log.error("crawl_task_failed", task=task.name, attempts=attempt, **_why(exc))  # noqa: TRY400
                    self.failed[task] = rank
                    return
                wait = self._retry_base_s * 2 ** (attempt - 1)
                log.warning("crawl_task_retry", task=task.name, attempt=attempt, wait_s=wait, **_why(exc))
                await asyncio.sleep(wait)
            except self._errors.refused as exc:
                log.warning("crawl_item_refused", task=task.name, **_why(exc))
                state = self.plan.state(task)
                await self._save([], TaskState(task=task.name, next_page=state.next_page + 1, completed=True))
                return
            else:
                # Stored: from here on nothing fetches this page again, whatever fails.
                await self._learn(task, *stored)
                if not stored[1].completed:
                    self.plan.frontier.release(task)
                    self.plan.frontier.push(task, rank)  # its next page
                return

    async def _step(self, task: Task) -> tuple[tuple[Any, ...], TaskState]:
        """Fetch the task's next page (or its item) and store it with the task's new progress."""
        state = self.plan.state(task)
        self._meter.tick()
        if task.paged:
            page = await self._page(task, state.next_page)
            new = advance(state, page)
            await self._save(page.items, new)
            return page.items, new
        item = await self._item(task)
        new = TaskState(task=task.name, next_page=2, total=1, completed=True)
        await self._save([item], new)
        return (item,), new

    async def _page(self, task: Task, n: int) -> Page[Any]:
        if task.kind == "systems":
            return await self._source.systems_page(n)
        if task.kind == "factions":
            return await self._source.factions_page(n)
        return await self._source.waypoints_page(task.target, n)

    async def _item(self, task: Task) -> DomainModel:
        source = self._source
        match task.kind:
            case "supply-chain":
                return await source.supply_chain()
            case "jump-gate":
                return await source.jump_gate(task.target)
            case "construction":
                return await source.construction(task.target)
            case "market":
                return await source.market(task.target)
            case "shipyard":
                return await source.shipyard(task.target)
        raise AssertionError(f"not an item task: {task.name}")

    async def _learn(self, task: Task, items: tuple[Any, ...], new: TaskState) -> None:
        """Tell the plan what a stored page revealed."""
        if task.kind == "systems":
            self.plan.systems_seen(summary_of(s) for s in items)
            if new.completed:
                self.plan.place_the_rest()
        elif task.kind == "waypoints":
            self.waypoints += len(items)
            if new.completed:
                self.plan.items_known(task.target, await self._system_items(task.target))
        elif task.kind == "jump-gate":
            gate = items[0]
            self.plan.gate_stored(gate.symbol, gate.connections)

    async def _system_items(self, system: str) -> tuple[WaypointSummary, ...]:
        """The stored system's items; a database hiccup is retried (the pages must not be fetched again)."""
        for attempt in range(1, ATTEMPTS + 1):
            try:
                return await self._store.system_items(self.reset_date, system)
            except self._errors.transient as exc:
                if attempt == ATTEMPTS:
                    raise
                log.warning("crawl_read_retry", system=system, attempt=attempt, **_why(exc))
                await asyncio.sleep(self._retry_base_s * 2 ** (attempt - 1))
        raise AssertionError("unreachable")

    async def _save(self, models: tuple[DomainModel, ...] | list[DomainModel], state: TaskState) -> None:
        await self._store.save(self.reset_date, [*models, state])
        self.plan.stored(state)


def _why(exc: BaseException) -> dict[str, str]:
    return {"error_type": type(exc).__name__, "error": str(exc)}

"""The universe crawl, a runner service: reference data for the whole universe, resumable, at the lowest
priority (DESIGN.md "Runners"; the order is in `tasks`, the work in `worker`).

For the current epoch it reads what is stored already (`CrawlStore.load`), seeds the systems from a saved
`systems.json` dump if one was given and the systems are not stored yet, and works until every task is done.
Tasks that kept failing are retried after `retry_pause_s`. Once complete it checks every `recheck_s` whether
the server was reset, and crawls the new epoch (the old epoch's rows stay). One `crawl_progress` line a
minute says how far it is; a listener (the progress bar) gets a snapshot every second.
"""

from __future__ import annotations

import asyncio
import contextlib
import time
from collections.abc import Callable, Sequence
from datetime import date

from stdaemon.domain.base import DomainModel
from stdaemon.domain.crawl import TaskState
from stdaemon.domain.ids import system_of
from stdaemon.logging import get_logger
from stdaemon.services.cadence import cadence
from stdaemon.services.crawl.dump import dump_states, dump_systems
from stdaemon.services.crawl.plan import CrawlPlan
from stdaemon.services.crawl.progress import CrawlSnapshot, ProgressListener, RateMeter, snapshot
from stdaemon.services.crawl.protocols import CrawlStore, Epochs, UniverseSource
from stdaemon.services.crawl.tasks import SUMMARY, SYSTEMS
from stdaemon.services.crawl.worker import RETRY_BASE_S, CrawlErrors, EpochCrawl

log = get_logger(__name__)

CRAWL_WORKERS = 6  # requests in flight or waiting at the limiter: enough to keep the whole budget busy
RETRY_PAUSE_S = 300.0
RECHECK_S = 600.0  # a `GET /` every ten minutes once complete: a reset is noticed soon, for nothing


class UniverseCrawl:
    name = "crawl"

    def __init__(
        self,
        *,
        source: UniverseSource,
        store: CrawlStore,
        epochs: Epochs,
        errors: CrawlErrors | None = None,
        dump: Sequence[DomainModel] = (),
        workers: int = CRAWL_WORKERS,
        progress_every_s: float = 60.0,
        retry_base_s: float = RETRY_BASE_S,
        retry_pause_s: float = RETRY_PAUSE_S,
        recheck_s: float = RECHECK_S,
        listener: ProgressListener | None = None,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self._source, self._store, self._epochs = source, store, epochs
        self._errors = errors if errors is not None else CrawlErrors()
        self._dump = dump
        self._workers = workers
        self._every_s = progress_every_s
        self._retry_base_s = retry_base_s
        self._retry_pause_s = retry_pause_s
        self._recheck_s = recheck_s
        self._listener = listener
        self._clock = clock
        self.last: CrawlSnapshot | None = None
        self.completed: list[date] = []  # epochs crawled to the end by this process

    async def run(self, stop: asyncio.Event) -> None:
        while not stop.is_set():
            if not await self.crawl_epoch(stop):
                return
            if not await self._await_new_epoch(stop):
                return

    async def crawl_epoch(self, stop: asyncio.Event) -> bool:
        """Crawl the current epoch until complete (True) or stopped (False)."""
        reset_date = self._epochs.reset_date or (await self._epochs.start()).reset_date
        agent = await self._epochs.agent()
        home = system_of(agent.headquarters) if agent.headquarters else None
        stored = await self._store.load(reset_date)
        if self._dump and await self._seed(reset_date, home, stored.tasks.get(SYSTEMS)):
            stored = await self._store.load(reset_date)
        plan = CrawlPlan(home, stored)
        plan.start()
        meter = RateMeter(clock=self._clock)
        crawl = EpochCrawl(
            reset_date=reset_date,
            plan=plan,
            source=self._source,
            store=self._store,
            errors=self._errors,
            meter=meter,
            waypoints=stored.waypoint_rows,
            retry_base_s=self._retry_base_s,
        )
        started = self._clock()
        first = plan.estimate()
        log.info(
            "crawl_started",
            reset_date=reset_date.isoformat(),
            home=home,
            pages_done=first.pages_done,
            resumed=first.pages_done > 0,
        )
        reporting = asyncio.Event()
        reporter = asyncio.create_task(self._report(crawl, meter, started, reporting), name="crawl-progress")
        try:
            await self._work(crawl, stop)
        finally:
            reporting.set()
            await reporter
        final = self._snapshot(crawl, meter, started)
        complete = crawl.finished
        await self._store.save(reset_date, [_summary(final, complete=complete)])
        if complete:
            self.completed.append(reset_date)
        log.info("crawl_completed" if complete else "crawl_stopped", **final.fields())
        return complete

    async def _work(self, crawl: EpochCrawl, stop: asyncio.Event) -> None:
        while True:
            await crawl.run(stop, self._workers)
            if stop.is_set() or not crawl.failed:
                return
            log.warning("crawl_retrying_failed", tasks=len(crawl.failed), in_s=self._retry_pause_s)
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(stop.wait(), timeout=self._retry_pause_s)
            if stop.is_set():
                return
            crawl.requeue_failed()

    async def _seed(self, reset_date: date, home: str | None, systems: TaskState | None) -> bool:
        """Store the dump's systems (and full waypoints) unless this epoch's systems are stored already, or
        the dump is from another reset (it does not list the home system: every reset renames them)."""
        if systems is not None and systems.completed:
            log.info("crawl_dump_skipped", reason="this epoch's systems are stored already")
            return False
        if home is not None and home not in dump_systems(self._dump):
            log.warning(
                "crawl_dump_skipped", reason=f"it does not list the home system {home}: another reset"
            )
            return False
        states = dump_states(self._dump)
        await self._store.save(reset_date, [*self._dump, *states])
        log.info("crawl_dump_loaded", systems=len(dump_systems(self._dump)), listings_done=len(states))
        return True

    async def _await_new_epoch(self, stop: asyncio.Event) -> bool:
        async for _ in cadence(self._recheck_s, stop, jitter=0.0):
            if await self._epochs.check_epoch():
                return True
        return False

    async def _report(self, crawl: EpochCrawl, meter: RateMeter, started: float, done: asyncio.Event) -> None:
        tick = min(1.0, self._every_s) if self._listener is not None else self._every_s
        logged = self._clock()
        while not done.is_set():
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(done.wait(), timeout=tick)
            snap = self._snapshot(crawl, meter, started)
            if self._listener is not None:
                self._listener(snap)
            if not done.is_set() and self._clock() - logged >= self._every_s:
                logged = self._clock()
                log.info("crawl_progress", **snap.fields())
                await self._store.save(crawl.reset_date, [_summary(snap, complete=False)])

    def _snapshot(self, crawl: EpochCrawl, meter: RateMeter, started: float) -> CrawlSnapshot:
        self.last = snapshot(
            crawl.reset_date,
            crawl.plan.estimate(),
            waypoints=crawl.waypoints,
            rate=meter.rate(),
            failed=len(crawl.failed),
            elapsed_s=self._clock() - started,
        )
        return self.last


def _summary(snap: CrawlSnapshot, *, complete: bool) -> TaskState:
    """The whole crawl's done/total, as the `crawl` row of `reference.crawl_progress`."""
    return TaskState(task=SUMMARY, next_page=snap.pages_done + 1, total=snap.pages_total, completed=complete)

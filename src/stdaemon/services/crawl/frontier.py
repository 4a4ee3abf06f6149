"""The crawl's to-do list: tasks by rank, each at most once, the best rank winning.

A task can be found twice (a system is first known from the systems listing, ranked by distance, and later
reached through a gate, ranked by hops): `push` keeps the better rank. Entries are never removed from the
heap; a stale one (the task was re-ranked, taken or finished) is skipped when it comes up. A task taken by
a worker is not queued again until the worker `release`s it, so a re-ranking never fetches it twice.
"""

from __future__ import annotations

import heapq
import itertools

from stdaemon.services.crawl.tasks import Rank, Task


class Frontier:
    def __init__(self) -> None:
        self._heap: list[tuple[Rank, int, Task]] = []
        self._best: dict[Task, Rank] = {}
        self._taken: set[Task] = set()
        self._seq = itertools.count()

    def __len__(self) -> int:
        """Tasks waiting (each counted once)."""
        return len(self._best)

    def __contains__(self, task: Task) -> bool:
        return task in self._best

    def push(self, task: Task, rank: Rank) -> bool:
        """Queue `task` at `rank`, or move it up if it waits at a worse one; True if it changed anything."""
        known = self._best.get(task)
        if task in self._taken or (known is not None and known <= rank):
            return False
        self._best[task] = rank
        heapq.heappush(self._heap, (rank, next(self._seq), task))
        return True

    def pop(self) -> tuple[Task, Rank] | None:
        """The best-ranked waiting task, taken off the list (until `release`); None when nothing waits."""
        while self._heap:
            rank, _, task = heapq.heappop(self._heap)
            if self._best.get(task) == rank:
                del self._best[task]
                self._taken.add(task)
                return task, rank
        return None

    def release(self, task: Task) -> None:
        """A worker is done with `task` (for now): it may be queued again."""
        self._taken.discard(task)

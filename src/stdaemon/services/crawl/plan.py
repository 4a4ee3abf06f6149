"""The crawl plan: which tasks exist, which are done, and in what order the rest run (see `tasks`).

Pure bookkeeping, no I/O: the crawler tells it what was stored (`page_stored`, `items_known`, …) and takes
the next task from `frontier`. On a restart it is rebuilt from what the database holds (`StoredCrawl`), so
a done task is never queued again and the graph walk picks up where it was.
"""

from __future__ import annotations

import math
from collections import deque
from collections.abc import Iterable
from dataclasses import dataclass

from stdaemon.domain.crawl import PAGE_LIMIT, StoredCrawl, SystemSummary, TaskState, WaypointSummary
from stdaemon.domain.ids import system_of
from stdaemon.services.crawl.frontier import Frontier
from stdaemon.services.crawl.tasks import (
    FACTIONS,
    SUMMARY,
    SUPPLY_CHAIN,
    SYSTEMS,
    Stage,
    Task,
    items_of,
    rank,
    waypoints_task,
)


@dataclass(frozen=True, slots=True)
class Estimate:
    """Pages done and (an estimate of) pages in all; `exact` once every system's waypoints are known."""

    pages_done: int
    pages_total: int
    systems_done: int
    systems_total: int
    exact: bool


class CrawlPlan:
    def __init__(self, home: str | None, stored: StoredCrawl) -> None:
        self.home = home
        self.states: dict[str, TaskState] = {k: v for k, v in stored.tasks.items() if k != SUMMARY}
        self.systems: dict[str, SystemSummary] = {s.symbol: s for s in stored.systems}
        self.gates: dict[str, tuple[str, ...]] = dict(stored.gates)
        self.frontier = Frontier()
        self._items: dict[str, tuple[WaypointSummary, ...]] = {}
        self._stored_items = dict(stored.waypoints)
        self._item_count: dict[str, int] = {}
        self._placed: dict[str, tuple[int, float]] = {}
        self._pending: deque[tuple[str, int, float]] = deque()

    # --- questions -----------------------------------------------------------------------------------

    def done(self, task: Task) -> bool:
        state = self.states.get(task.name)
        return state is not None and state.completed

    def state(self, task: Task) -> TaskState:
        return self.states.get(task.name) or TaskState(task=task.name)

    def waypoints_known(self, system: str) -> bool:
        return system in self._items

    # --- building the plan ---------------------------------------------------------------------------

    def start(self) -> None:
        """Queue the home system, the map listings, and whatever a restart finds still to do."""
        if self.home is not None:
            self.place(self.home, Stage.HOME, 0.0)
        for name in (SYSTEMS, FACTIONS, SUPPLY_CHAIN):
            task = Task.parse(name)
            if not self.done(task):
                self.frontier.push(task, rank(Stage.MAP, 0.0, task))
        if self.done(Task.parse(SYSTEMS)):
            self.place_the_rest()

    def place(self, system: str, stage: Stage, order: float) -> None:
        """Rank a system's work at (stage, order) unless it already has a better place."""
        self._pending.append((system, int(stage), order))
        self._drain()

    def place_the_rest(self) -> None:
        """Every known system not reached through gates, nearest to home first."""
        home = self.systems.get(self.home) if self.home is not None else None
        hx, hy = (home.x, home.y) if home else (0, 0)
        for symbol, system in self.systems.items():
            self._pending.append((symbol, int(Stage.REST), math.hypot(system.x - hx, system.y - hy)))
        self._drain()

    def items_known(self, system: str, waypoints: Iterable[WaypointSummary]) -> None:
        """A system's waypoints are all stored: queue its gate, construction site, markets and shipyards."""
        self._items_known(system, tuple(waypoints))
        self._drain()

    def gate_stored(self, gate: str, connections: Iterable[str]) -> None:
        """A gate's connections are stored: systems one hop further are reachable (if this one is)."""
        self.gates[gate] = tuple(connections)
        self._gate_known(gate)
        self._drain()

    def _drain(self) -> None:
        """Place what is pending, first in first out: a breadth-first walk, so hops come out minimal."""
        while self._pending:
            system, stage, order = self._pending.popleft()
            known = self._placed.get(system)
            if known is not None and known <= (stage, order):
                continue
            self._placed[system] = (stage, order)
            task = waypoints_task(system)
            if not self.done(task):
                self.frontier.push(task, rank(Stage(stage), order, task))
                continue
            stored = self._items.get(system)
            self._items_known(system, stored if stored is not None else self._stored_items.pop(system, ()))

    def _items_known(self, system: str, waypoints: tuple[WaypointSummary, ...]) -> None:
        self._items[system] = waypoints
        tasks = [t for w in waypoints for t in items_of(w)]
        self._item_count[system] = len(tasks)
        stage, order = self._placed.get(system, (int(Stage.REST), math.inf))
        for task in tasks:
            if not self.done(task):
                self.frontier.push(task, rank(Stage(stage), order, task))
            elif task.kind == "jump-gate":
                self._gate_known(task.target)

    def _gate_known(self, gate: str) -> None:
        stage, order = self._placed.get(system_of(gate), (int(Stage.REST), math.inf))
        if stage > Stage.GATES:
            return  # not (yet) reached from home; placing it through a gate later re-runs this
        hops = 0.0 if stage == Stage.HOME else order
        for other in self.gates.get(gate, ()):
            self._pending.append((system_of(other), int(Stage.GATES), hops + 1))

    # --- what the crawler reports back ---------------------------------------------------------------

    def stored(self, state: TaskState) -> None:
        self.states[state.task] = state

    def systems_seen(self, systems: Iterable[SystemSummary]) -> None:
        for system in systems:
            self.systems[system.symbol] = system

    # --- progress ------------------------------------------------------------------------------------

    def estimate(self) -> Estimate:
        """Pages done and in all. Items of systems whose waypoints are not stored yet are estimated from
        the average of those that are; listings of unknown length count as the pages seen so far plus one."""
        total = 0
        for name in (SYSTEMS, FACTIONS, SUPPLY_CHAIN):
            state = self.states.get(name)
            total += _pages(state, 1)
        known = set(self.systems) | set(self._placed)
        waiting = 0
        for symbol in known:
            listed = self.systems.get(symbol)
            guess = max(1, math.ceil(listed.waypoints / PAGE_LIMIT)) if listed else 1
            total += _pages(self.states.get(waypoints_task(symbol).name), guess)
            waiting += symbol not in self._item_count
        items = sum(self._item_count.values())
        average = items / len(self._item_count) if self._item_count else 0.0
        total += items + round(average * waiting)
        done = sum(s.pages_done for s in self.states.values())
        systems_done = sum(1 for s in known if self.done(waypoints_task(s)))
        exact = self.done(Task.parse(SYSTEMS)) and waiting == 0
        return Estimate(done, max(total, done), systems_done, len(known), exact)


def _pages(state: TaskState | None, guess: int) -> int:
    if state is None:
        return guess
    if state.completed:
        return state.pages_done
    return max(state.total or 0, state.next_page, guess if state.total is None else 0)

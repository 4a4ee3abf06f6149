"""A saved `systems.json` (the server's `GET /systems.json`: every system with its waypoints) as crawl
progress: which listings it makes unnecessary.

Its systems are the whole systems listing, so that listing is done. Its waypoints are usually the short form
a system lists (symbol, type, position, orbits; no traits), which does not replace a system's waypoint pages;
where the dump carries full waypoints (with traits) for every waypoint of a system, that system's waypoint
listing is done too. The crawl then fetches only what the dump lacks.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Sequence

from stdaemon.domain import models as m
from stdaemon.domain.base import DomainModel
from stdaemon.domain.crawl import PAGE_LIMIT, TaskState
from stdaemon.services.crawl.tasks import SYSTEMS, waypoints_task


def _pages(items: int) -> int:
    return max(1, math.ceil(items / PAGE_LIMIT))


def dump_states(models: Sequence[DomainModel]) -> list[TaskState]:
    """The listings a dump completes; the systems listing first."""
    systems = [x for x in models if isinstance(x, m.System)]
    full = Counter(x.system_symbol for x in models if isinstance(x, m.Waypoint))
    pages = _pages(len(systems))
    states = [TaskState(task=SYSTEMS, next_page=pages + 1, total=pages, completed=True)]
    for system in systems:
        listed = len(system.waypoints)
        if listed and full[system.symbol] >= listed:
            n = _pages(listed)
            task = waypoints_task(system.symbol).name
            states.append(TaskState(task=task, next_page=n + 1, total=n, completed=True))
    return states


def dump_systems(models: Sequence[DomainModel]) -> set[str]:
    """The symbols of the systems a dump holds (to check it belongs to the current reset)."""
    return {x.symbol for x in models if isinstance(x, m.System)}

"""What the universe crawl works with: a page of a listing, a task's progress, and short summaries of the
systems and waypoints it has stored (enough to plan the next requests without loading every payload).

A *task* is one resumable unit of the crawl, named by what it fetches: a paginated listing (`systems`,
`factions`, `waypoints:X1-AB12`) or one item (`market:X1-AB12-C3`, `jump-gate:…`, `supply-chain`). Its
progress is one row of `reference.crawl_progress` per epoch, written in the same transaction as the data of
each page, so a page is either stored and counted or neither.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Generic, TypeVar

from stdaemon.domain.base import DomainModel

T = TypeVar("T")

PAGE_LIMIT = 20  # the most items the server gives per page (SPACETRADERS.md §3)
SUMMARY_TASK = "crawl"  # the row holding the whole crawl's done/total, for `stdaemon status`
GATE_TYPE = "JUMP_GATE"
ITEM_TRAITS = ("MARKETPLACE", "SHIPYARD")  # a waypoint with one of these has a listing of its own


@dataclass(frozen=True, slots=True)
class Page(Generic[T]):
    """One page of a listing: its items and the listing's `meta.total` (None when the server left it out)."""

    items: tuple[T, ...]
    total: int | None


class TaskState(DomainModel):
    """Where a task stands: the next page to fetch, how many pages it has (once known), whether it is done.

    A row of `reference.crawl_progress`; written together with the data of the page that moved it.
    """

    task: str
    next_page: int = 1
    total: int | None = None
    completed: bool = False

    @property
    def pages_done(self) -> int:
        return self.next_page - 1


@dataclass(frozen=True, slots=True)
class SystemSummary:
    """A stored system: where it is, how many waypoints it lists, and its jump-gate waypoints."""

    symbol: str
    x: int
    y: int
    waypoints: int
    gates: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class WaypointSummary:
    """A stored waypoint: what the crawl needs to know which single items it has (market, gate, …)."""

    symbol: str
    type: str
    traits: tuple[str, ...] = ()
    under_construction: bool = False


@dataclass(frozen=True, slots=True)
class StoredCrawl:
    """What an epoch's crawl has stored so far: read once when the crawl (re)starts."""

    tasks: dict[str, TaskState]
    systems: tuple[SystemSummary, ...] = ()
    # per system, the waypoints that are an item of their own (gates, sites, marketplaces, shipyards)
    waypoints: dict[str, tuple[WaypointSummary, ...]] = field(default_factory=dict)
    gates: dict[str, tuple[str, ...]] = field(default_factory=dict)  # stored gates and their connections
    waypoint_rows: int = 0

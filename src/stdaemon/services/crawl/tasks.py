"""The crawl's tasks, their names (the keys of `reference.crawl_progress`) and the order they run in.

Order (DESIGN.md "Runners"): the home system first; then the listings that make the map known (systems,
factions, the supply chain: a fraction of a percent of the requests, and they give every system's position
and size, so the remaining work and the distances are known early); then the systems reachable through the
jump-gate graph by hop count; then every other system by distance from home. Within a system its waypoint
pages come first, then its jump gate (which extends the graph), construction site, markets and shipyards.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import IntEnum
from typing import Literal

from stdaemon.domain.crawl import GATE_TYPE, ITEM_TRAITS, SUMMARY_TASK, WaypointSummary

Kind = Literal[
    "systems", "factions", "supply-chain", "waypoints", "jump-gate", "construction", "market", "shipyard"
]
LISTINGS: frozenset[Kind] = frozenset({"systems", "factions", "waypoints"})
ITEM_KINDS: tuple[Kind, ...] = ("jump-gate", "construction", "market", "shipyard")

SYSTEMS = "systems"
FACTIONS = "factions"
SUPPLY_CHAIN = "supply-chain"
SUMMARY = SUMMARY_TASK


class Stage(IntEnum):
    HOME = 0
    MAP = 1
    GATES = 2  # ordered by hop count from home
    REST = 3  # ordered by distance from home


Rank = tuple[int, float, int]  # (stage, hops or distance, position within a system)


@dataclass(frozen=True, slots=True)
class Task:
    """One resumable unit: a listing (paged) or one item, named `kind` or `kind:target`."""

    kind: Kind
    target: str = ""

    @property
    def name(self) -> str:
        return f"{self.kind}:{self.target}" if self.target else self.kind

    @property
    def paged(self) -> bool:
        return self.kind in LISTINGS

    @staticmethod
    def parse(name: str) -> Task:
        kind, _, target = name.partition(":")
        if kind not in {*LISTINGS, SUPPLY_CHAIN, *ITEM_KINDS}:
            raise ValueError(f"not a crawl task: {name!r}")
        return Task(kind, target)  # type: ignore[arg-type]  # checked just above


def waypoints_task(system: str) -> Task:
    return Task("waypoints", system)


def items_of(waypoint: WaypointSummary) -> list[Task]:
    """The single items a waypoint has: its gate, its construction site, its market, its shipyard."""
    found: list[Task] = []
    if waypoint.type == GATE_TYPE:
        found.append(Task("jump-gate", waypoint.symbol))
    if waypoint.under_construction:
        found.append(Task("construction", waypoint.symbol))
    market, shipyard = ITEM_TRAITS
    if market in waypoint.traits:
        found.append(Task("market", waypoint.symbol))
    if shipyard in waypoint.traits:
        found.append(Task("shipyard", waypoint.symbol))
    return found


_POSITION: dict[Kind, int] = {
    "systems": 0,
    "factions": 1,
    "supply-chain": 2,
    "waypoints": 0,
    "jump-gate": 1,
    "construction": 2,
    "market": 3,
    "shipyard": 4,
}


def rank(stage: Stage, order: float, task: Task) -> Rank:
    return (int(stage), order, _POSITION[task.kind])

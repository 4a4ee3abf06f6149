"""Where the probes watch (pure): each probe gets its stations, one market to stay at or several to cycle.

Markets come in order along a nearest-neighbour tour from the headquarters (home system first, as eseidel's
system watcher). With at least as many probes as markets, each market gets one probe and stays watched all
the time; extra probes get nothing (they idle until there is more to watch). With fewer probes, the tour is
cut into one contiguous run per probe, and each probe cycles its run. Probes go to the closest market (or
run) first, so one already stationed keeps its station when the plan is made again.
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping, Sequence

from stdaemon.services.fleet.navigation import Point, distance


def fingerprint(probes: Sequence[str], markets: Sequence[str]) -> str:
    """Changes when the set of probes or markets changes: assignments made under another are re-planned."""
    text = ",".join(sorted(probes)) + "|" + ",".join(sorted(markets))
    return hashlib.sha1(text.encode()).hexdigest()[:12]


def tour(markets: Sequence[Point], start: Point | None) -> list[Point]:
    """A nearest-neighbour tour through the markets from `start` (or the first market)."""
    left = list(markets)
    if not left:
        return []
    here = start or left[0]
    order: list[Point] = []
    while left:
        nearest = min(left, key=lambda p: (distance(here, p), p.symbol))
        left.remove(nearest)
        order.append(nearest)
        here = nearest
    return order


def plan_stations(
    probes: Mapping[str, Point | None], markets: Sequence[Point], home: Point | None
) -> dict[str, list[str]]:
    """Each probe's stations (module docstring); `probes` maps a probe to where it is (None: elsewhere)."""
    ordered = tour(markets, home)
    names = sorted(probes)
    if not names or not ordered:
        return {p: [] for p in names}

    def far(probe: str, group: Sequence[Point]) -> float:
        at = probes[probe]
        return min(distance(at, m) for m in group) if at is not None else float("inf")

    if len(names) >= len(ordered):
        groups = [[market] for market in ordered]
    else:
        size, extra = divmod(len(ordered), len(names))
        groups, i = [], 0
        for k in range(len(names)):
            n = size + (1 if k < extra else 0)
            groups.append(ordered[i : i + n])
            i += n
    # the closest (probe, group) pairs first, so a probe already at a market keeps it
    pairs = sorted((far(p, g), p, k) for p in names for k, g in enumerate(groups))
    plan: dict[str, list[str]] = {p: [] for p in names}
    taken: set[int] = set()
    for _, probe, k in pairs:
        if not plan[probe] and k not in taken:
            plan[probe] = [m.symbol for m in groups[k]]
            taken.add(k)
    return plan

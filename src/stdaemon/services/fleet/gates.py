"""Travel between systems through jump gates, as pure functions.

A jump (SPACETRADERS.md §6.3) takes a ship in orbit at a JUMP_GATE waypoint to a *connected* gate, at once,
for one ANTIMATTER bought at the gate's market; then the reactor cools down for `round(15 + 0.3·d)` seconds
(d = distance between the two systems). Another jump must wait for that cooldown; navigating need not.

`jump_path` is Dijkstra over the gate graph (`reference.jump_gates`, through the DataService) with the
cooldown as the cost of a jump; gates under construction are skipped (the server refuses them, 4256/4262).
"""

from __future__ import annotations

import heapq
import math
from collections.abc import Callable, Collection, Mapping

from stdaemon.domain.ids import system_of
from stdaemon.services.fleet.navigation import js_round


def jump_cooldown_s(d: float) -> int:
    """Reactor cooldown after a jump between systems `d` apart (eseidel/space_traders, 2025)."""
    return js_round(15 + 0.3 * d)


class NoJumpPath(Exception):
    """The destination system is not reachable through usable gates."""


def jump_path(
    links: Mapping[str, Collection[str]],
    positions: Mapping[str, tuple[int, int]],
    start_gate: str,
    goal_system: str,
    *,
    usable: Callable[[str], bool] = lambda _gate: True,
) -> list[str]:
    """The gates to jump to, in order, from `start_gate` until a gate of `goal_system`.

    `links` maps each known gate to the gates it connects to; `positions` gives each system's (x, y).
    Empty when `start_gate` already is in `goal_system`.
    """
    if system_of(start_gate) == goal_system:
        return []

    def cost(a: str, b: str) -> float:
        pa, pb = positions.get(system_of(a)), positions.get(system_of(b))
        d = math.hypot(pa[0] - pb[0], pa[1] - pb[1]) if pa is not None and pb is not None else 0.0
        return jump_cooldown_s(d)

    best: dict[str, float] = {start_gate: 0.0}
    path: dict[str, list[str]] = {start_gate: []}
    queue: list[tuple[float, str]] = [(0.0, start_gate)]
    while queue:
        total, gate = heapq.heappop(queue)
        if system_of(gate) == goal_system:
            return path[gate]
        if total > best.get(gate, math.inf):
            continue
        if not usable(gate):  # under construction: nothing leaves it (nor arrives, below)
            continue
        for nxt in sorted(links.get(gate, ())):
            if not usable(nxt):
                continue
            candidate = total + cost(gate, nxt)
            if candidate < best.get(nxt, math.inf):
                best[nxt] = candidate
                path[nxt] = [*path[gate], nxt]
                heapq.heappush(queue, (candidate, nxt))
    raise NoJumpPath(f"no usable jump-gate path from {start_gate} to {goal_system}")

"""The jump-gate graph: each system's gate links to its parent's (a tree, so everything is reachable) and
sometimes to a near neighbour; some gates away from faction headquarters are still under construction."""

from __future__ import annotations

import random

from stsim.model import Construction, System, Universe, distance


def connect_gates(rng: random.Random, u: Universe, parents: dict[str, str], protected: set[str]) -> None:
    """Gates form a graph: each system links to its parent (a tree, so connected) plus a near neighbour."""
    gate_of = {
        s.symbol: next(w for w in s.waypoints if u.waypoints[w].type == "JUMP_GATE")
        for s in u.systems.values()
    }

    def link(a: str, b: str) -> None:
        ga, gb = gate_of[a], gate_of[b]
        if ga != gb and gb not in u.gates[ga]:
            u.gates[ga].append(gb)
            u.gates[gb].append(ga)

    for child, parent in parents.items():
        link(child, parent)
    grid: dict[tuple[int, int], list[System]] = {}
    for system in u.systems.values():
        grid.setdefault((system.x // 60, system.y // 60), []).append(system)
    for system in u.systems.values():
        cx, cy = system.x // 60, system.y // 60
        near = [s for dx in (-1, 0, 1) for dy in (-1, 0, 1) for s in grid.get((cx + dx, cy + dy), [])]
        others = sorted(
            (s for s in near if s is not system), key=lambda s: distance(system.x, system.y, s.x, s.y)
        )
        if others and rng.random() < 0.5:
            link(system.symbol, others[min(1, len(others) - 1)].symbol)
    system_of = {g: s for s, g in gate_of.items()}
    near_hq = set(protected) | {system_of[u.gates[gate_of[p]][0]] for p in protected if u.gates[gate_of[p]]}
    for system_symbol, gate in gate_of.items():
        building = system_symbol not in near_hq and rng.random() < 0.25
        u.waypoints[gate].under_construction = building
        materials = {
            "FAB_MATS": [1600, 0 if building else 1600],
            "ADVANCED_CIRCUITRY": [400, 0 if building else 400],
            "QUANTUM_STABILIZERS": [1, 0 if building else 1],
        }
        u.constructions[gate] = Construction(gate, materials)

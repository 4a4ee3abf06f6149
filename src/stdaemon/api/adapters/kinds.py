"""`decode_kind`: decode a saved payload of one of the ingest KINDs (DESIGN.md, `stdaemon ingest --kind`).

Accepted shapes, for every kind:
- the response envelope `{"data": …}` (with or without `meta`): paths in errors then start at `$.data`;
- the bare object;
- a list of objects, decoded one by one (`$[3]…` in errors). A singular kind given a list decodes each element
  too, so a saved page of waypoints can be ingested with `--kind waypoint` as well as `--kind waypoints`.
The result is always a list of models. One element that cannot be decoded fails the whole payload: a file
is ingested completely or not at all.
"""

from __future__ import annotations

from typing import Any, Protocol

from stdaemon.api.adapters.agents import agent
from stdaemon.api.adapters.contracts import contract
from stdaemon.api.adapters.dto import show
from stdaemon.api.adapters.errors import DecodeError
from stdaemon.api.adapters.fleet import ship
from stdaemon.api.adapters.market import market, shipyard
from stdaemon.api.adapters.universe import construction, faction, jump_gate, supply_chain, system, waypoint
from stdaemon.domain.base import Entity


class _EntityAdapter(Protocol):
    def __call__(self, payload: Any, *, kind: str, path: str) -> Entity: ...


_ADAPTERS: dict[str, _EntityAdapter] = {
    "agent": agent,
    "ship": ship,
    "ships": ship,
    "system": system,
    "systems": system,
    "waypoint": waypoint,
    "waypoints": waypoint,
    "market": market,
    "shipyard": shipyard,
    "jump-gate": jump_gate,
    "construction": construction,
    "contract": contract,
    "contracts": contract,
    "faction": faction,
    "factions": faction,
    "supply-chain": supply_chain,
}

SYSTEMS_DUMP = "systems-dump"
KINDS: tuple[str, ...] = (*_ADAPTERS, SYSTEMS_DUMP)
"""Every kind `decode_kind` and `stdaemon ingest --kind` accept, in DESIGN.md's order."""

_ENTITY_KEYS = ("symbol", "id", "exportToImportMap")


def _unwrap(payload: Any) -> tuple[Any, str]:
    """Strip a `{"data": …}` envelope; an object that has its own key field is not an envelope."""
    if isinstance(payload, dict) and "data" in payload and not any(k in payload for k in _ENTITY_KEYS):
        return payload["data"], "$.data"
    return payload, "$"


def decode_kind(kind: str, payload: Any) -> list[Entity]:
    """Decode `payload` as `kind` into domain models; raise `DecodeError` naming the kind and JSON path.

    An unknown kind is a caller's mistake and raises `ValueError`.
    """
    if kind == SYSTEMS_DUMP:
        return systems_dump(*_unwrap(payload))
    adapter = _ADAPTERS.get(kind)
    if adapter is None:
        raise ValueError(f"unknown kind {kind!r}; expected one of: {', '.join(KINDS)}")
    body, path = _unwrap(payload)
    if isinstance(body, list):
        return [adapter(item, kind=kind, path=f"{path}[{i}]") for i, item in enumerate(body)]
    if isinstance(body, dict):
        return [adapter(body, kind=kind, path=path)]
    raise DecodeError(kind, path, f"expected an object or a list of objects, got {show(body)}")


def systems_dump(body: Any, path: str = "$") -> list[Entity]:
    """`GET /systems.json`: the array of every system with its waypoints. Returns the systems, then every
    waypoint the dump gives in full (with `traits`; the usual dump lists only symbol, type and position)."""
    if not isinstance(body, list):
        raise DecodeError(
            SYSTEMS_DUMP, path, f"expected the array of systems of /systems.json, got {show(body)}"
        )
    systems: list[Entity] = []
    waypoints: list[Entity] = []
    for i, item in enumerate(body):
        here = f"{path}[{i}]"
        systems.append(system(item, kind=SYSTEMS_DUMP, path=here))
        listed = item.get("waypoints") if isinstance(item, dict) else None
        for j, w in enumerate(listed if isinstance(listed, list) else []):
            if isinstance(w, dict) and "traits" in w:
                waypoints.append(waypoint(w, kind=SYSTEMS_DUMP, path=f"{here}.waypoints[{j}]"))
    return systems + waypoints

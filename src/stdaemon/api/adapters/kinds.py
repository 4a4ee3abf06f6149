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

from collections.abc import Callable
from typing import Any

from stdaemon.api.adapters.agents import read_agent
from stdaemon.api.adapters.contracts import read_contract
from stdaemon.api.adapters.errors import DecodeError
from stdaemon.api.adapters.fleet import read_ship
from stdaemon.api.adapters.market import read_market, read_shipyard
from stdaemon.api.adapters.reader import Obj, show
from stdaemon.api.adapters.universe import (
    read_construction,
    read_faction,
    read_jump_gate,
    read_supply_chain,
    read_system,
    read_waypoint,
)
from stdaemon.domain.base import Entity

Reader = Callable[[Obj], Entity]

_READERS: dict[str, Reader] = {
    "agent": read_agent,
    "ship": read_ship,
    "ships": read_ship,
    "system": read_system,
    "systems": read_system,
    "waypoint": read_waypoint,
    "waypoints": read_waypoint,
    "market": read_market,
    "shipyard": read_shipyard,
    "jump-gate": read_jump_gate,
    "construction": read_construction,
    "contract": read_contract,
    "contracts": read_contract,
    "faction": read_faction,
    "factions": read_faction,
    "supply-chain": read_supply_chain,
}

KINDS: tuple[str, ...] = tuple(_READERS)
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
    reader = _READERS.get(kind)
    if reader is None:
        raise ValueError(f"unknown kind {kind!r}; expected one of: {', '.join(KINDS)}")
    body, path = _unwrap(payload)
    if isinstance(body, list):
        return [reader(Obj.of(kind, item, f"{path}[{i}]")) for i, item in enumerate(body)]
    if isinstance(body, dict):
        return [reader(Obj(kind, path, body))]
    raise DecodeError(kind, path, f"expected an object or a list of objects, got {show(body)}")

"""Adapters: API payloads (JSON as decoded by `json.loads`) to frozen domain models, through the DTOs.

The generated models are the DTOs: each adapter decodes its payload with the generated model (`dto.load`:
a check derived from the model's own type hints, then its `from_dict`; `dto_build.load` does both in one
pass and leaves anything unusual to `dto.load`) and maps the DTO to the domain model, keeping each JSON
object as received in `raw`. Real payloads drift from the spec (SPACETRADERS.md §8); the spec transform
(`scripts/spec_transform.py`) keeps the generated models tolerant of what real payloads do: enums are open
strings, the fields they omit are optional, optional fields may be `null`, new fields are kept. A payload
that cannot be understood (a wrong type, a required field missing, an empty key symbol) raises one
`DecodeError` naming the kind and the JSON path.
Each adapter takes the bare object (the `data` of a response); `decode_kind` also accepts the envelope.
"""

from __future__ import annotations

from stdaemon.api.adapters.agents import agent
from stdaemon.api.adapters.contracts import contract
from stdaemon.api.adapters.errors import DecodeError
from stdaemon.api.adapters.fleet import cargo, cooldown, fuel, modules, mounts, nav, ship
from stdaemon.api.adapters.kinds import KINDS, decode_kind
from stdaemon.api.adapters.market import market, market_transaction, shipyard
from stdaemon.api.adapters.mining import survey
from stdaemon.api.adapters.results import (
    cargo_result,
    chart_result,
    construction_supply_result,
    contract_result,
    extract_result,
    jump_result,
    modification_result,
    nav_result,
    refine_result,
    refuel_result,
    register_result,
    ship_purchase_result,
    shipyard_service_result,
    survey_result,
    trade_result,
)
from stdaemon.api.adapters.universe import (
    construction,
    faction,
    jump_gate,
    server_status,
    supply_chain,
    system,
    waypoint,
)

__all__ = [
    "KINDS",
    "DecodeError",
    "agent",
    "cargo",
    "cargo_result",
    "chart_result",
    "construction",
    "construction_supply_result",
    "contract",
    "contract_result",
    "cooldown",
    "decode_kind",
    "extract_result",
    "faction",
    "fuel",
    "jump_gate",
    "jump_result",
    "market",
    "market_transaction",
    "modification_result",
    "modules",
    "mounts",
    "nav",
    "nav_result",
    "refine_result",
    "refuel_result",
    "register_result",
    "server_status",
    "ship",
    "ship_purchase_result",
    "shipyard",
    "shipyard_service_result",
    "supply_chain",
    "survey",
    "survey_result",
    "system",
    "trade_result",
    "waypoint",
]

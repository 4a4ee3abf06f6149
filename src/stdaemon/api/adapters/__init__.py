"""Adapters: pure functions from API payloads (JSON as decoded by `json.loads`) to frozen domain models.

Real payloads drift from the spec (SPACETRADERS.md §8): fields the spec requires go missing (`quality`,
`shipSymbol` on shipyard transactions), optional fields arrive as `null`, enum values appear that the spec
does not list, new fields appear. None of that raises: enum-like fields are plain strings, missing optional
data is `None`, and every model keeps its JSON object in `raw`. A payload that cannot be understood (a wrong
type, a missing key symbol) raises one `DecodeError` naming the kind and the JSON path.

The adapters read the JSON directly, not through the generated attrs models, which reject that drift.
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

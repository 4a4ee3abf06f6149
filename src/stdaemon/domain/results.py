"""What each action (POST/PATCH) returns: the new state of everything it touched.

The daemon writes these through to the cache and the database instead of reading the state again. Each result
keeps the whole `data` object in `raw`; the parts keep their own objects.
"""

from __future__ import annotations

from pydantic import AwareDatetime, SecretStr

from stdaemon.domain.agents import Agent
from stdaemon.domain.base import Entity
from stdaemon.domain.contracts import Contract
from stdaemon.domain.fleet import (
    Cooldown,
    Ship,
    ShipCargo,
    ShipConditionEvent,
    ShipFuel,
    ShipModule,
    ShipMount,
    ShipNav,
)
from stdaemon.domain.ids import ShipSymbol, TradeSymbol, WaypointSymbol
from stdaemon.domain.market import MarketTransaction, ShipyardTransaction
from stdaemon.domain.mining import Extraction, Survey
from stdaemon.domain.universe import Chart, Construction, Faction, Waypoint


class NavResult(Entity):
    """navigate / warp / PATCH nav (nav, fuel, events) and orbit / dock (nav only: `fuel` None, no events)."""

    nav: ShipNav
    fuel: ShipFuel | None = None
    events: tuple[ShipConditionEvent, ...] = ()


class JumpResult(Entity):
    """jump: the new nav, the reactor cooldown, and the antimatter bought for it."""

    nav: ShipNav
    cooldown: Cooldown | None = None
    transaction: MarketTransaction | None = None
    agent: Agent | None = None


class TradeResult(Entity):
    """purchase / sell cargo."""

    agent: Agent
    cargo: ShipCargo
    transaction: MarketTransaction


class RefuelResult(Entity):
    """refuel; `cargo` is present when the fuel came from the hold."""

    agent: Agent
    fuel: ShipFuel
    transaction: MarketTransaction
    cargo: ShipCargo | None = None


class ExtractResult(Entity):
    """extract, extract with a survey, and siphon (`extraction.siphon` is True for a siphon)."""

    extraction: Extraction
    cooldown: Cooldown
    cargo: ShipCargo
    modifiers: tuple[str, ...] = ()
    events: tuple[ShipConditionEvent, ...] = ()


class SurveyResult(Entity):
    """survey: the new surveys and the cooldown they cost."""

    cooldown: Cooldown
    surveys: tuple[Survey, ...] = ()


class ContractResult(Entity):
    """accept / fulfill (agent, contract), deliver (contract, cargo), negotiate (contract only)."""

    contract: Contract
    agent: Agent | None = None
    cargo: ShipCargo | None = None


class ShipPurchaseResult(Entity):
    """purchase-ship: the new ship, the agent after paying, and the shipyard transaction."""

    agent: Agent
    ship: Ship
    transaction: ShipyardTransaction


class ChartTransaction(Entity):
    """The one-time reward for charting a waypoint."""

    waypoint_symbol: WaypointSymbol
    ship_symbol: ShipSymbol | None = None
    total_price: int | None = None
    timestamp: AwareDatetime | None = None


class ChartResult(Entity):
    """chart: the chart, the now-charted waypoint, and (live spec) the reward and agent."""

    chart: Chart | None = None
    waypoint: Waypoint | None = None
    transaction: ChartTransaction | None = None
    agent: Agent | None = None


class CargoResult(Entity):
    """jettison (cargo) and transfer (cargo and the receiving ship's `target_cargo`)."""

    cargo: ShipCargo
    target_cargo: ShipCargo | None = None


class ConstructionSupplyResult(Entity):
    """supply-construction: the site's progress and the hold after unloading."""

    construction: Construction
    cargo: ShipCargo


class RefineYield(Entity):
    """Units of one good a refinery consumed or produced."""

    trade_symbol: TradeSymbol
    units: int


class RefineResult(Entity):
    """refine."""

    cargo: ShipCargo
    cooldown: Cooldown
    produced: tuple[RefineYield, ...] = ()
    consumed: tuple[RefineYield, ...] = ()


class ShipyardServiceTransaction(Entity):
    """What a shipyard charged: repair, scrap (a payout), or installing/removing a mount or module."""

    waypoint_symbol: WaypointSymbol
    ship_symbol: ShipSymbol
    trade_symbol: TradeSymbol | None = None
    total_price: int
    timestamp: AwareDatetime


class ModificationResult(Entity):
    """install/remove a mount (`mounts` set) or a module (`modules` set)."""

    agent: Agent
    cargo: ShipCargo
    transaction: ShipyardServiceTransaction
    mounts: tuple[ShipMount, ...] | None = None
    modules: tuple[ShipModule, ...] | None = None


class ShipyardServiceResult(Entity):
    """repair (agent, ship, transaction), scrap (agent, transaction), their GET quotes (transaction)."""

    transaction: ShipyardServiceTransaction
    agent: Agent | None = None
    ship: Ship | None = None


class RegisterResult(Entity):
    """register. The agent token is a secret: it is a `SecretStr` and is removed from `raw`."""

    token: SecretStr
    agent: Agent
    faction: Faction | None = None
    contract: Contract | None = None
    ships: tuple[Ship, ...] = ()

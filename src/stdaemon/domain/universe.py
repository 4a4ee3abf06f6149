"""Reference data: systems, waypoints, factions, jump gates, construction sites, supply chain, status.

This changes rarely within a reset (charting, construction progress), so it is crawled once and upserted.
Enum-like fields (`type`, trait symbols) are plain `str`: the server adds values before the spec lists them.
"""

from __future__ import annotations

from datetime import date

from pydantic import AwareDatetime

from stdaemon.domain.base import Entity
from stdaemon.domain.ids import FactionSymbol, SystemSymbol, TradeSymbol, WaypointSymbol


class SystemWaypoint(Entity):
    """A waypoint as listed inside its system (position and orbit tree only; no traits)."""

    symbol: WaypointSymbol
    type: str
    x: int
    y: int
    orbitals: tuple[WaypointSymbol, ...] = ()
    orbits: WaypointSymbol | None = None


class System(Entity):
    """A star system in the sector map."""

    symbol: SystemSymbol
    sector_symbol: str | None = None
    type: str
    x: int
    y: int
    name: str | None = None
    constellation: str | None = None
    waypoints: tuple[SystemWaypoint, ...] = ()
    factions: tuple[FactionSymbol, ...] = ()


class Chart(Entity):
    """Who charted a waypoint and when; absent on uncharted waypoints."""

    waypoint_symbol: WaypointSymbol | None = None
    submitted_by: str | None = None
    submitted_on: AwareDatetime | None = None


class Waypoint(Entity):
    """A waypoint with its traits; `traits` and `chart` change once, when it is charted."""

    symbol: WaypointSymbol
    system_symbol: SystemSymbol
    type: str
    x: int
    y: int
    orbitals: tuple[WaypointSymbol, ...] = ()
    orbits: WaypointSymbol | None = None
    faction_symbol: FactionSymbol | None = None
    traits: tuple[str, ...] = ()
    modifiers: tuple[str, ...] = ()
    chart: Chart | None = None
    is_under_construction: bool = False


class Faction(Entity):
    """A faction; independent factions have no headquarters (`None`, never `""`)."""

    symbol: FactionSymbol
    name: str
    description: str | None = None
    headquarters: WaypointSymbol | None = None
    traits: tuple[str, ...] = ()
    is_recruiting: bool | None = None


class JumpGate(Entity):
    """A jump gate and the gate waypoints it connects to."""

    symbol: WaypointSymbol
    connections: tuple[WaypointSymbol, ...] = ()


class ConstructionMaterial(Entity):
    """One material a construction site needs, and how much of it has been delivered."""

    trade_symbol: TradeSymbol
    required: int
    fulfilled: int


class Construction(Entity):
    """A construction site (usually a jump gate being built)."""

    symbol: WaypointSymbol
    materials: tuple[ConstructionMaterial, ...] = ()
    is_complete: bool


class SupplyChain(Entity):
    """Which imports each export is made from (`IRON: (IRON_ORE,)`)."""

    export_to_import_map: dict[str, tuple[str, ...]]


class ServerStatus(Entity):
    """`GET /`: the reset date keys every row we store, so it is required; the rest is informational."""

    status: str
    version: str | None = None
    reset_date: date
    description: str | None = None
    next_reset: AwareDatetime | None = None
    reset_frequency: str | None = None

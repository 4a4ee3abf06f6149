"""Symbol types: plain strings at run time, distinct names for the type checker.

SpaceTraders identifies almost everything by an upper-case symbol (`X1-AB12-C3D`, `AGENT-1`). Keeping them
as `NewType`s costs nothing at run time and stops a ship symbol from being passed where a waypoint belongs.
Every symbol is unique only within one server reset.
"""

from __future__ import annotations

from typing import NewType

AgentSymbol = NewType("AgentSymbol", str)
ShipSymbol = NewType("ShipSymbol", str)
SystemSymbol = NewType("SystemSymbol", str)
WaypointSymbol = NewType("WaypointSymbol", str)
FactionSymbol = NewType("FactionSymbol", str)
TradeSymbol = NewType("TradeSymbol", str)
ContractId = NewType("ContractId", str)
SurveySignature = NewType("SurveySignature", str)


def system_of(waypoint: str) -> SystemSymbol:
    """The system a waypoint belongs to: `X1-AB12-C3D` → `X1-AB12` (sector, system, waypoint parts)."""
    parts = waypoint.split("-")
    return SystemSymbol("-".join(parts[:2]) if len(parts) >= 3 else waypoint)

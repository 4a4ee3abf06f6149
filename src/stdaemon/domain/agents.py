"""The agent: the player's account in this reset."""

from __future__ import annotations

from stdaemon.domain.base import Entity
from stdaemon.domain.ids import AgentSymbol, FactionSymbol, WaypointSymbol


class Agent(Entity):
    """An agent (ours from `/my/agent`, or a public one from `/agents`, which has no `account_id`)."""

    symbol: AgentSymbol
    account_id: str | None = None
    headquarters: WaypointSymbol | None = None
    credits: int
    starting_faction: FactionSymbol | None = None
    ship_count: int | None = None

"""Contracts: a faction's offer to pay for deliveries; `terms` and `payment` are flattened onto it."""

from __future__ import annotations

from pydantic import AwareDatetime

from stdaemon.domain.base import Entity
from stdaemon.domain.ids import ContractId, FactionSymbol, TradeSymbol, WaypointSymbol


class ContractDeliverGood(Entity):
    """One delivery a contract asks for, and how much of it is done."""

    trade_symbol: TradeSymbol
    destination_symbol: WaypointSymbol
    units_required: int
    units_fulfilled: int


class Contract(Entity):
    """A contract; `deadline` is `terms.deadline`, `on_accepted`/`on_fulfilled` are `terms.payment.*`."""

    id: ContractId
    faction_symbol: FactionSymbol
    type: str
    accepted: bool
    fulfilled: bool
    deadline_to_accept: AwareDatetime | None = None
    expiration: AwareDatetime | None = None
    deadline: AwareDatetime | None = None
    on_accepted: int | None = None
    on_fulfilled: int | None = None
    deliver: tuple[ContractDeliverGood, ...] = ()

"""What the DataService holds in memory: one TTL cache per kind of data, and the ledgers of newest states.

Two different questions, two different objects:
- a `TtlStore` answers "may I answer from memory, or must I ask again?" (it forgets after its TTL);
- a `Ledger` answers "is this observation newer than what we hold?" for the things actions change (the
  agent, each ship, each contract). It keeps the newest state past any TTL, so an action's result (nav,
  fuel, cargo, cooldown) is folded into the last known ship and written even when the ship's short-lived
  cache entry has expired, and a read answered after a newer action result is neither cached nor written.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, fields
from typing import Any

from stdaemon.cache import TtlStore
from stdaemon.domain import models as m
from stdaemon.services.ledger import Ledger
from stdaemon.settings import Settings

ME = "me"
ALL = "*"


@dataclass(frozen=True, slots=True)
class Caches:
    agent: TtlStore[str, m.Agent]
    ships: TtlStore[str, m.Ship]
    fleet: TtlStore[str, tuple[m.Ship, ...]]
    contracts: TtlStore[str, m.Contract]
    contract_list: TtlStore[str, tuple[m.Contract, ...]]
    systems: TtlStore[str, m.System]
    waypoints: TtlStore[str, m.Waypoint]
    system_waypoints: TtlStore[str, tuple[m.Waypoint, ...]]
    gates: TtlStore[str, m.JumpGate]
    sites: TtlStore[str, m.Construction]
    markets: TtlStore[str, m.Market]
    shipyards: TtlStore[str, m.Shipyard]
    # The newest agent (key ME), ship (by symbol) and contract (by id) and when each was learnt.
    agent_versions: Ledger[str, m.Agent]
    ship_versions: Ledger[str, m.Ship]
    contract_versions: Ledger[str, m.Contract]

    @classmethod
    def from_settings(cls, s: Settings, clock: Callable[[], float]) -> Caches:
        size = s.cache_maxsize

        def store(ttl_s: float, maxsize: int = size) -> TtlStore[str, Any]:
            return TtlStore(maxsize=maxsize, ttl_s=ttl_s, clock=clock)

        return cls(
            agent=store(s.ttl_agent_s, 4),
            ships=store(s.ttl_ships_s),
            fleet=store(s.ttl_ships_s, 4),
            contracts=store(s.ttl_contracts_s),
            contract_list=store(s.ttl_contracts_s, 4),
            systems=store(s.ttl_reference_s),
            waypoints=store(s.ttl_reference_s),
            system_waypoints=store(s.ttl_reference_s),
            gates=store(s.ttl_reference_s),
            sites=store(s.ttl_market_s),
            markets=store(s.ttl_market_s),
            shipyards=store(s.ttl_market_s),
            agent_versions=Ledger(maxsize=4),
            ship_versions=Ledger(maxsize=size),
            contract_versions=Ledger(maxsize=size),
        )

    def stats(self) -> dict[str, dict[str, int]]:
        """Hits and misses of each TTL cache, by kind (for metrics and the `stats` line)."""
        stores = {f.name: getattr(self, f.name) for f in fields(self)}
        return {k: {"hits": s.hits, "misses": s.misses} for k, s in stores.items() if isinstance(s, TtlStore)}

    def clear(self) -> None:
        """Forget everything (a server reset), including what loads in flight are about to return."""
        for f in fields(self):
            getattr(self, f.name).clear()

    # --- ships: the TTL entry and the ledger move together --------------------------------------------

    def take_ship(self, ship: m.Ship, asked: int | None = None) -> bool:
        """Cache `ship` unless it is a read asked at `asked` and the ship changed since; True if taken."""
        if asked is not None and not self.ship_versions.newer(ship.symbol, asked):
            return False
        self.ship_versions.record(ship.symbol, ship, asked)
        self.ships.set(ship.symbol, ship)
        return True

    def known_ship(self, symbol: str) -> m.Ship | None:
        """The newest state of a ship this process has seen, even if its cache entry has expired."""
        return self.ship_versions.latest(symbol)

    def forget_ship(self, symbol: str) -> None:
        """The ship's state is unknown now (an action changed it and did not say how): read it again."""
        self.ships.pop(symbol)
        self.fleet.pop(ALL)
        self.ship_versions.forget(symbol)

    # --- the agent and contracts ---------------------------------------------------------------------

    def take_agent(self, agent: m.Agent, asked: int | None = None) -> bool:
        if asked is not None and not self.agent_versions.newer(ME, asked):
            return False
        self.agent_versions.record(ME, agent, asked)
        self.agent.set(ME, agent)
        return True

    def take_contract(self, contract: m.Contract, asked: int | None = None) -> bool:
        if asked is not None and not self.contract_versions.newer(contract.id, asked):
            return False
        self.contract_versions.record(contract.id, contract, asked)
        self.contracts.set(contract.id, contract)
        return True

"""World state for one server reset: the universe plus everything agents own, and time scaled by --speed."""

from __future__ import annotations

import math
import random
from datetime import date, datetime, timedelta

from stsim.clock import Clock, ceil_seconds, iso
from stsim.errors import game, not_found
from stsim.model import Agent, Contract, Ship, Survey, System, Universe, Waypoint
from stsim.universe import generate


class World:
    """Everything that changes during one reset. A reset builds a new World."""

    def __init__(self, *, seed: int, systems: int, speed: float, clock: Clock, reset_date: date) -> None:
        if not 0 < speed < math.inf:  # nan or inf would make every duration nan or 0
            raise ValueError("speed must be a finite positive number")
        self.seed = seed
        self.n_systems = systems
        self.speed = speed
        self.clock = clock
        self.reset_date = reset_date
        self.started = clock.now()
        self.universe: Universe = generate(seed, systems, self.started)
        self.rng = random.Random(seed * 7919 + 17)
        self.agents: dict[str, Agent] = {}
        self.ships: dict[str, Ship] = {}
        self.contracts: dict[str, Contract] = {}
        self.surveys: dict[str, Survey] = {}
        self.extractions: dict[str, list[datetime]] = {}  # waypoint -> recent extraction times
        self.accounts = 0

    # --- time ---
    def now(self) -> datetime:
        return self.clock.now()

    def scaled(self, game_seconds: float) -> float:
        """Real seconds a game duration takes under --speed."""
        return game_seconds / self.speed

    def later(self, game_seconds: float) -> datetime:
        return self.now() + timedelta(seconds=self.scaled(game_seconds))

    # --- lookups ---
    def system(self, symbol: str) -> System:
        found = self.universe.systems.get(symbol)
        if found is None:
            raise not_found("System", symbol)
        return found

    def waypoint(self, symbol: str, system: str | None = None) -> Waypoint:
        found = self.universe.waypoints.get(symbol)
        if found is None or (system is not None and found.system != system):
            raise not_found("Waypoint", symbol)
        return found

    def agent(self, symbol: str) -> Agent:
        found = self.agents.get(symbol)
        if found is None:
            raise not_found("Agent", symbol)
        return found

    def ship(self, agent: Agent, symbol: str) -> Ship:
        found = self.ships.get(symbol)
        if found is None or found.owner != agent.symbol:
            raise not_found("Ship", symbol)
        self.settle(found)
        return found

    def fleet(self, agent: Agent) -> list[Ship]:
        ships = [s for s in self.ships.values() if s.owner == agent.symbol]
        for ship in ships:
            self.settle(ship)
        return ships

    def contract(self, agent: Agent, contract_id: str) -> Contract:
        found = self.contracts.get(contract_id)
        if found is None or found.agent != agent.symbol:
            raise not_found("Contract", contract_id)
        return found

    def settle(self, ship: Ship) -> None:
        """Arrival is lazy: a ship in transit is in orbit at its destination once `arrival` has passed."""
        if ship.status == "IN_TRANSIT" and self.now() >= ship.arrival:
            ship.status = "IN_ORBIT"

    def present(self, agent: Agent | None, waypoint: str) -> bool:
        """Whether one of the agent's ships is at the waypoint (not merely passing through)."""
        if agent is None:
            return False
        return any(s.waypoint == waypoint and s.status != "IN_TRANSIT" for s in self.fleet(agent))

    # --- common preconditions ---
    def require_not_transit(self, ship: Ship) -> None:
        if ship.status == "IN_TRANSIT":
            remaining = ceil_seconds(ship.arrival - self.now())  # rounded up: waiting it out arrives
            raise game(
                4214,
                f"Ship {ship.symbol} is currently in-transit and cannot act until it arrives.",
                arrival=iso(ship.arrival),
                departureTime=iso(ship.departed),
                departureSymbol=ship.origin,
                destinationSymbol=ship.waypoint,
                secondsToArrival=remaining,
                shipSymbol=ship.symbol,
            )

    def require_orbit(self, ship: Ship) -> None:
        self.require_not_transit(ship)
        if ship.status != "IN_ORBIT":
            raise game(
                4236, f"Ship {ship.symbol} must be in orbit to perform this action.", shipSymbol=ship.symbol
            )

    def require_docked(self, ship: Ship) -> None:
        self.require_not_transit(ship)
        if ship.status != "DOCKED":
            raise game(
                4244, f"Ship {ship.symbol} must be docked to perform this action.", shipSymbol=ship.symbol
            )

    def require_no_cooldown(self, ship: Ship) -> None:
        from stsim.render import cooldown_json

        if ship.cooldown_until is not None and ship.cooldown_until > self.now():
            raise game(
                4000,
                f"Ship action is still on cooldown for {cooldown_json(self, ship)['remainingSeconds']}"
                " second(s).",
                cooldown=cooldown_json(self, ship),
            )

    def set_cooldown(self, ship: Ship, game_seconds: float) -> None:
        ship.cooldown_total = max(1, round(self.scaled(game_seconds)))
        ship.cooldown_until = self.later(game_seconds)

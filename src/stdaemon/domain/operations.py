"""Our own records of running the fleet (not API objects): who holds a ship and doing what, and the ledger.

- `ShipAssignment`: a ship's claim by one runner (`fleet` or `markets`) and its behaviour's saved state, so a
  restart resumes the ship where it was and two runners never steer the same ship.
- `LedgerEntry`: one credit change the fleet caused (a trade, a refuel, a contract payment, a ship bought),
  with the behaviour that caused it, so credits per hour can be told by behaviour. The ledger of an agent
  opens with one `OPENING_BALANCE` entry (its credits when first observed, less what the ledger already
  held), so the sum of its entries is the agent's credits; a `RECONCILIATION` entry books a difference the
  daemon found between the two (an action whose answer was lost, an entry lost to a SIGKILL).
- `MarketListing`, `MarketQuote`: what the database knows of markets (listings, latest prices), read back for
  route and source choices.
"""

from __future__ import annotations

from typing import Any

from pydantic import AwareDatetime, Field

from stdaemon.domain.base import DomainModel


class ShipAssignment(DomainModel):
    """What a runner saved for one of its ships; `behaviour` None = claimed, nothing assigned yet."""

    ship_symbol: str
    runner: str
    behaviour: str | None = None
    state: dict[str, Any] = Field(default_factory=dict)
    wake_at: AwareDatetime | None = None
    note: str | None = None


class LedgerEntry(DomainModel):
    """A credit change; `amount` is signed (negative = spent). `entry_id` is unique (several trades can share
    a timestamp); `ref` names the good, contract or ship type."""

    entry_id: str
    occurred_at: AwareDatetime
    agent_symbol: str
    ship_symbol: str
    behaviour: str
    # PURCHASE, SELL, REFUEL, CONTRACT_ACCEPTED, CONTRACT_FULFILLED, SHIP_PURCHASE, JUMP, and the ledger's
    # own OPENING_BALANCE and RECONCILIATION
    kind: str
    ref: str  # the good, contract id or ship type; the reason of a reconciliation
    amount: int
    credits_after: int | None = None
    units: int | None = None
    price_per_unit: int | None = None
    waypoint_symbol: str | None = None


OPENING_BALANCE = "OPENING_BALANCE"  # kind of the first entry of an agent's ledger in an epoch
RECONCILIATION = "RECONCILIATION"  # kind of an entry that books a difference between credits and ledger


class LedgerBalance(DomainModel):
    """An agent's ledger in one epoch: the sum of its entries, and whether it has been opened."""

    total: int
    opened: bool


class MarketListing(DomainModel):
    """What a market trades (no prices): from its listing, which needs no ship present."""

    waypoint_symbol: str
    exports: tuple[str, ...] = ()
    imports: tuple[str, ...] = ()
    exchange: tuple[str, ...] = ()

    @property
    def goods(self) -> frozenset[str]:
        return frozenset((*self.exports, *self.imports, *self.exchange))

    def sells(self, good: str) -> bool:
        """Whether a ship can buy `good` here (it is exported or exchanged)."""
        return good in self.exports or good in self.exchange

    def buys(self, good: str) -> bool:
        return good in self.goods


class MarketQuote(DomainModel):
    """The latest price of one good at one market we observed (`telemetry.market_trade_goods`)."""

    waypoint_symbol: str
    trade_symbol: str
    type: str
    trade_volume: int
    supply: str
    purchase_price: int
    sell_price: int
    observed_at: AwareDatetime

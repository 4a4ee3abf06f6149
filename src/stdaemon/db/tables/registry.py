"""What the writer and `status` need to know about each table: its key columns and its kind.

- `latest`: one row per key; the writer upserts (`INSERT … ON CONFLICT (key) DO UPDATE`).
- `history`: append-only, the key includes the observation or event time; the writer inserts with
  `ON CONFLICT (key) DO NOTHING`, so a replayed batch is a no-op.
- `log`: append-only with a surrogate id (dead letters); plain INSERT.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from sqlalchemy import Table

from stdaemon.db.tables import fleet, markets, ops, reference, telemetry
from stdaemon.db.tables.base import Base, metadata

TableKind = Literal["latest", "history", "log"]

# Columns the database fills or the writer sets itself; never part of an update's SET from the row.
SERVER_COLUMNS = frozenset({"written_at"})


@dataclass(frozen=True, slots=True)
class TableSpec:
    """One table as the writer sees it: `name` is the qualified `schema.table`."""

    name: str
    table: Table
    model: type[Base]
    key: tuple[str, ...]
    kind: TableKind
    # Columns an upsert never overwrites (e.g. `first_seen_at` of a reset).
    insert_only: frozenset[str] = field(default_factory=frozenset)

    @property
    def columns(self) -> tuple[str, ...]:
        """Every column a row dict may carry (the server-filled ones excluded)."""
        return tuple(
            c.name
            for c in self.table.columns
            if c.name not in SERVER_COLUMNS and not (self.kind == "log" and c.name == "id")
        )

    @property
    def update_columns(self) -> tuple[str, ...]:
        """What `ON CONFLICT DO UPDATE SET` assigns from `excluded` (plus `written_at = now()`)."""
        return tuple(c for c in self.columns if c not in self.key and c not in self.insert_only)

    @property
    def compare_columns(self) -> tuple[str, ...]:
        """What decides whether a row really changed (the `IS DISTINCT FROM` guard); not `observed_at`."""
        return tuple(c for c in self.update_columns if c != "observed_at")


def _spec(model: type[Base], kind: TableKind, insert_only: frozenset[str] = frozenset()) -> TableSpec:
    table = model.__table__  # type: ignore[attr-defined]  # SQLModel sets it on table classes
    assert isinstance(table, Table)
    key = tuple(c.name for c in table.primary_key.columns)
    return TableSpec(f"{table.schema}.{table.name}", table, model, key, kind, insert_only)


_SPECS = (
    _spec(reference.Reset, "latest", frozenset({"first_seen_at"})),
    _spec(reference.System, "latest"),
    _spec(reference.Waypoint, "latest"),
    _spec(reference.Faction, "latest"),
    _spec(reference.JumpGate, "latest"),
    _spec(reference.ConstructionSite, "latest"),
    _spec(reference.SupplyChain, "latest"),
    _spec(reference.CrawlProgress, "latest"),
    _spec(telemetry.Agent, "latest"),
    _spec(telemetry.AgentSnapshot, "history"),
    _spec(telemetry.Ship, "latest"),
    _spec(telemetry.Contract, "latest"),
    _spec(markets.Market, "latest"),
    _spec(markets.MarketTradeGood, "latest"),
    _spec(markets.MarketSnapshot, "history"),
    _spec(markets.MarketTransaction, "history"),
    _spec(markets.Shipyard, "latest"),
    _spec(markets.ShipyardShip, "latest"),
    _spec(markets.ShipyardTransaction, "history"),
    _spec(telemetry.Survey, "latest"),
    _spec(telemetry.Extraction, "history"),
    _spec(telemetry.DeadLetter, "log"),
    _spec(ops.RunnerHeartbeat, "latest"),
    _spec(fleet.ShipBehaviour, "latest"),
    _spec(fleet.CreditLedgerEntry, "history"),
)

TABLES: dict[str, TableSpec] = {spec.name: spec for spec in _SPECS}
ALL_TABLES: tuple[Table, ...] = tuple(spec.table for spec in _SPECS)

assert set(metadata.tables) == set(TABLES), "every table must be registered"

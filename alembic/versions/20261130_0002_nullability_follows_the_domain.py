"""column nullability follows the domain models (issue 8)

Columns fed by a field the domain declares optional become nullable, so a payload without it is stored
instead of dead-lettered (an agent without `headquarters`, `startingFaction` or `shipCount`; a ship without
its frame; a shipyard listing without a price). Two fields that were stored as made-up values when missing
are stored as NULL from now on (`factions.is_recruiting` was false, contract payments were 0); rows already
stored keep their values. `system_symbol`, derived from the symbol and always written, becomes NOT NULL
where it was nullable (filled from the symbol first, should a row lack it).

No row is lost either way. Downgrade fills the NULLs it cannot keep with the values the code before 0002
stored for a missing field where it had one (false, 0) and with '' or 0 otherwise; `raw` keeps the truth.

Revision ID: 0002
Revises: 0007
Create Date: 2026-11-30 12:00:00
"""

from __future__ import annotations

from collections.abc import Sequence

from alembic import op

revision: str = "0002"
down_revision: str | None = "0007"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# (table, column, what downgrade writes where the value is NULL)
NOW_NULLABLE = (
    ("telemetry.agents", "headquarters", "''"),
    ("telemetry.agents", "starting_faction", "''"),
    ("telemetry.agents", "ship_count", "0"),
    ("telemetry.agent_snapshots", "ship_count", "0"),
    ("telemetry.ships", "role", "''"),
    ("telemetry.ships", "faction_symbol", "''"),
    ("telemetry.ships", "frame_symbol", "''"),
    ("telemetry.ships", "engine_symbol", "''"),
    ("telemetry.ships", "reactor_symbol", "''"),
    ("telemetry.contracts", "payment_on_accepted", "0"),
    ("telemetry.contracts", "payment_on_fulfilled", "0"),
    ("telemetry.shipyard_ships", "supply", "''"),
    ("telemetry.shipyard_ships", "purchase_price", "0"),
    ("reference.factions", "is_recruiting", "false"),
)
NOW_NOT_NULL = (
    "reference.jump_gates",
    "reference.construction_sites",
    "telemetry.markets",
    "telemetry.shipyards",
)
# `stdaemon.domain.ids.system_of` in SQL: X1-AB12-C3 -> X1-AB12 (a symbol with fewer parts is its own system)
_SYSTEM_OF = (
    "CASE WHEN array_length(string_to_array(symbol, '-'), 1) >= 3 "
    "THEN split_part(symbol, '-', 1) || '-' || split_part(symbol, '-', 2) ELSE symbol END"
)


def upgrade() -> None:
    for table, column, _ in NOW_NULLABLE:
        op.execute(f"ALTER TABLE {table} ALTER COLUMN {column} DROP NOT NULL")
    for table in NOW_NOT_NULL:
        op.execute(f"UPDATE {table} SET system_symbol = {_SYSTEM_OF} WHERE system_symbol IS NULL")
        op.execute(f"ALTER TABLE {table} ALTER COLUMN system_symbol SET NOT NULL")


def downgrade() -> None:
    for table in NOW_NOT_NULL:
        op.execute(f"ALTER TABLE {table} ALTER COLUMN system_symbol DROP NOT NULL")
    for table, column, filler in NOW_NULLABLE:
        op.execute(f"UPDATE {table} SET {column} = {filler} WHERE {column} IS NULL")
        op.execute(f"ALTER TABLE {table} ALTER COLUMN {column} SET NOT NULL")

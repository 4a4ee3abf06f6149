"""fleet: ship claims with behaviour state, and the credit ledger

`telemetry.ship_behaviours` holds which runner (fleet or markets) holds each ship until when, and its
behaviour's saved state, so a restart resumes every ship where it was. `telemetry.credit_ledger` records every
credit change with the behaviour that caused it. Both are new tables: no existing row is touched.

Revision ID: 0004
Revises: 0008
Create Date: 2026-11-30 15:09:30.862138
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision: str = "0004"
down_revision: str | None = "0008"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "credit_ledger",
        sa.Column("reset_date", sa.Date(), autoincrement=False, nullable=False),
        sa.Column("observed_at", sa.TIMESTAMP(timezone=True), nullable=False),
        sa.Column("entry_id", sa.Text(), nullable=False),
        sa.Column("agent_symbol", sa.Text(), nullable=False),
        sa.Column("ship_symbol", sa.Text(), nullable=False),
        sa.Column("behaviour", sa.Text(), nullable=False),
        sa.Column("kind", sa.Text(), nullable=False),
        sa.Column("ref", sa.Text(), nullable=False),
        sa.Column("amount", sa.BigInteger(), nullable=False),
        sa.Column("credits_after", sa.BigInteger(), nullable=True),
        sa.Column("units", sa.Integer(), nullable=True),
        sa.Column("price_per_unit", sa.Integer(), nullable=True),
        sa.Column("waypoint_symbol", sa.Text(), nullable=True),
        sa.Column("written_at", sa.TIMESTAMP(timezone=True), server_default=sa.text("now()"), nullable=False),
        sa.PrimaryKeyConstraint("reset_date", "observed_at", "entry_id", name=op.f("pk_credit_ledger")),
        schema="telemetry",
    )
    op.create_index(
        op.f("ix_credit_ledger_observed_at"),
        "credit_ledger",
        ["observed_at"],
        unique=False,
        schema="telemetry",
    )
    op.create_index(
        op.f("ix_credit_ledger_reset_date_behaviour_observed_at"),
        "credit_ledger",
        ["reset_date", "behaviour", "observed_at"],
        unique=False,
        schema="telemetry",
    )
    op.create_table(
        "ship_behaviours",
        sa.Column("reset_date", sa.Date(), autoincrement=False, nullable=False),
        sa.Column("ship_symbol", sa.Text(), nullable=False),
        sa.Column("runner", sa.Text(), nullable=False),
        sa.Column("lease_until", sa.TIMESTAMP(timezone=True), nullable=False),
        sa.Column("behaviour", sa.Text(), nullable=True),
        sa.Column(
            "state",
            postgresql.JSONB(none_as_null=True, astext_type=sa.Text()),
            server_default=sa.text("'{}'::jsonb"),
            nullable=False,
        ),
        sa.Column("wake_at", sa.TIMESTAMP(timezone=True), nullable=True),
        sa.Column("note", sa.Text(), nullable=True),
        sa.Column("claimed_at", sa.TIMESTAMP(timezone=True), nullable=False),
        sa.Column("written_at", sa.TIMESTAMP(timezone=True), server_default=sa.text("now()"), nullable=False),
        sa.PrimaryKeyConstraint("reset_date", "ship_symbol", name=op.f("pk_ship_behaviours")),
        schema="telemetry",
    )
    op.create_index(
        op.f("ix_ship_behaviours_reset_date_runner"),
        "ship_behaviours",
        ["reset_date", "runner"],
        unique=False,
        schema="telemetry",
    )


def downgrade() -> None:
    # Dropping a table drops its indexes; these two hold only the fleet's own records.
    op.drop_table("ship_behaviours", schema="telemetry")
    op.drop_table("credit_ledger", schema="telemetry")

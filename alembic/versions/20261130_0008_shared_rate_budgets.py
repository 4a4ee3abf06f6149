"""public.stdaemon_rate_budgets: one row per shared rate budget, for processes of one account and IP

A new table only: no existing row is touched. It sits in `public` beside alembic_version (coordination state
of the daemons, not data of a reset epoch). Downgrading drops it; the processes sharing a budget then fall
back to nothing (they need it), so stop them first.

Revision ID: 0008
Revises: 0006
Create Date: 2026-11-30 16:20:00
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision: str = "0008"
down_revision: str | None = "0006"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "stdaemon_rate_budgets",
        sa.Column("key", sa.Text(), nullable=False),
        sa.Column(
            "state",
            postgresql.JSONB(astext_type=sa.Text()),
            server_default=sa.text("'{}'::jsonb"),
            nullable=False,
        ),
        sa.Column("updated_at", sa.TIMESTAMP(timezone=True), server_default=sa.text("now()"), nullable=False),
        sa.PrimaryKeyConstraint("key", name="pk_stdaemon_rate_budgets"),
        schema="public",
    )


def downgrade() -> None:
    op.drop_table("stdaemon_rate_budgets", schema="public")

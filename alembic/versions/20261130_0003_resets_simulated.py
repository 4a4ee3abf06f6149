"""reference.resets.simulated: whether an epoch was played against a simulator (stsim), not the real server

The sandbox refuses to write into a database that holds a real agent's epoch; this column is how it knows.
Existing rows are marked from what the server said about itself in `GET /` (stsim's description starts with
"stsim"). Adding a column loses nothing; the downgrade drops only this column.

Revision ID: 0003
Revises: 0001
Create Date: 2026-11-30 15:20:00
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0003"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.add_column(
        "resets",
        sa.Column("simulated", sa.Boolean(), server_default=sa.text("false"), nullable=False),
        schema="reference",
    )
    op.execute(
        sa.text("UPDATE reference.resets SET simulated = true WHERE raw ->> 'description' LIKE 'stsim %'")
    )


def downgrade() -> None:
    op.drop_column("resets", "simulated", schema="reference")

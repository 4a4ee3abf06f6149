"""telemetry.runner_heartbeats: one row per runner (epoch, agent, host, role) for `stdaemon status`

A new table only: no existing row is touched, so upgrade and downgrade lose nothing but the heartbeats
themselves (which the runners write again within ST_HEARTBEAT_INTERVAL_S).

Revision ID: 0006
Revises: 0002
Create Date: 2026-11-30 15:30:00
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision: str = "0006"
down_revision: str | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "runner_heartbeats",
        sa.Column("reset_date", sa.Date(), autoincrement=False, nullable=False),
        sa.Column("agent_symbol", sa.Text(), nullable=False),
        sa.Column("host", sa.Text(), nullable=False),
        sa.Column("role", sa.Text(), nullable=False),
        sa.Column("pid", sa.Integer(), nullable=False),
        sa.Column("started_at", sa.TIMESTAMP(timezone=True), nullable=False),
        sa.Column("beat_at", sa.TIMESTAMP(timezone=True), nullable=False),
        sa.Column("stopped_at", sa.TIMESTAMP(timezone=True), nullable=True),
        sa.Column("activity", sa.Text(), nullable=False),
        sa.Column("budget_used_1m", sa.Integer(), nullable=False),
        sa.Column("requests_sent", sa.BigInteger(), nullable=False),
        sa.Column("throttled_429", sa.BigInteger(), nullable=False),
        sa.Column("dead_letters", sa.BigInteger(), nullable=False),
        sa.Column("writer_queue_rows", sa.Integer(), nullable=False),
        sa.Column("figures", postgresql.JSONB(astext_type=sa.Text()), nullable=False),
        sa.Column("written_at", sa.TIMESTAMP(timezone=True), server_default=sa.text("now()"), nullable=False),
        sa.CheckConstraint(
            "budget_used_1m >= 0 AND writer_queue_rows >= 0", name=op.f("ck_runner_heartbeats_counts")
        ),
        sa.PrimaryKeyConstraint(
            "reset_date", "agent_symbol", "host", "role", name=op.f("pk_runner_heartbeats")
        ),
        schema="telemetry",
    )


def downgrade() -> None:
    op.drop_table("runner_heartbeats", schema="telemetry")

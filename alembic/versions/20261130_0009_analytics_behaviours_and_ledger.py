"""analytics: what each ship is doing (its behaviour) in analytics.fleet; the credit ledger by behaviour

`analytics.fleet` keeps every column of 0007 and gains, from `telemetry.ship_behaviours`, the behaviour, what
it is doing now (`doing`, the behaviour's note), which runner holds the ship (`claimed` while its lease runs)
and until when it waits (`wake_at`). `analytics.ledger` is the current epoch's `telemetry.credit_ledger`;
`analytics.ledger_by_behaviour` sums it per behaviour. Views only: no row is touched.

Revision ID: 0009
Revises: 0004
Create Date: 2026-11-30 16:20:00
"""

from __future__ import annotations

import importlib.util
from collections.abc import Sequence
from pathlib import Path
from types import ModuleType

import sqlalchemy as sa
from alembic import op

revision: str = "0009"
down_revision: str | None = "0004"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

EPOCH = "(SELECT reset_date FROM analytics.current_epoch)"
FLEET_HEAD = "CREATE VIEW analytics.fleet AS"


def _analytics_0007() -> ModuleType:
    """Migration 0007 (the file never changes once released): its fleet view is the base of this one."""
    path = Path(__file__).with_name("20261130_0007_analytics_views.py")
    spec = importlib.util.spec_from_file_location("stdaemon_migration_0007", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _fleet_0007() -> str:
    [fleet] = [s for s in _analytics_0007().VIEWS if s.strip().startswith(FLEET_HEAD)]
    return str(fleet)


def _fleet_with_behaviours() -> str:
    select_0007 = _fleet_0007().strip().removeprefix(FLEET_HEAD)
    return f"""
    {FLEET_HEAD}
    SELECT f.*, b.behaviour, b.note AS doing, b.runner, coalesce(b.lease_until > now(), false) AS claimed,
           b.wake_at
      FROM ({select_0007}) f
      LEFT JOIN telemetry.ship_behaviours b ON b.reset_date = f.reset_date AND b.ship_symbol = f.ship_symbol
    """


LEDGER = [
    f"""
    CREATE VIEW analytics.ledger AS
    SELECT reset_date, observed_at, agent_symbol, ship_symbol, behaviour, kind, amount, credits_after, units,
           price_per_unit, waypoint_symbol, ref
      FROM telemetry.credit_ledger
     WHERE reset_date = {EPOCH}
    """,
    "COMMENT ON VIEW analytics.ledger IS "
    "'Every credit change of the current epoch with the ship and behaviour that caused it (amount signed)'",
    """
    CREATE VIEW analytics.ledger_by_behaviour AS
    SELECT behaviour, count(*) AS entries, count(DISTINCT ship_symbol) AS ships,
           coalesce(sum(amount) FILTER (WHERE amount > 0), 0) AS earned,
           coalesce(-sum(amount) FILTER (WHERE amount < 0), 0) AS spent,
           sum(amount) AS net,
           coalesce(sum(amount) FILTER (WHERE observed_at > now() - interval '1 hour'), 0) AS net_last_hour,
           min(observed_at) AS first_at, max(observed_at) AS last_at,
           round(sum(amount) * 3600.0 / nullif(extract(epoch FROM max(observed_at) - min(observed_at)), 0))
               AS net_per_hour
      FROM analytics.ledger
     GROUP BY behaviour
     ORDER BY net DESC, behaviour
    """,
    "COMMENT ON VIEW analytics.ledger_by_behaviour IS "
    "'Credits earned, spent and net per behaviour (net_per_hour between its first and last entry)'",
]
FLEET_COMMENT = "COMMENT ON VIEW analytics.fleet IS '{}'"
WHAT_0007 = "Every ship: where it is (or flies to, and when it arrives), what it carries, fuel, cooldown"
WHAT = f"{WHAT_0007}, and what it is doing (its behaviour)"


def upgrade() -> None:
    op.execute(sa.text("DROP VIEW analytics.fleet"))
    for statement in [_fleet_with_behaviours(), FLEET_COMMENT.format(WHAT), *LEDGER]:
        op.execute(sa.text(statement))


def downgrade() -> None:
    op.execute(sa.text("DROP VIEW analytics.ledger_by_behaviour"))
    op.execute(sa.text("DROP VIEW analytics.ledger"))
    op.execute(sa.text("DROP VIEW analytics.fleet"))
    op.execute(sa.text(_fleet_0007()))
    op.execute(sa.text(FLEET_COMMENT.format(WHAT_0007)))

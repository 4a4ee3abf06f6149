"""history tables partitioned by reset_date: one partition per epoch, dropped or archived instantly

Each history table (the price history, transactions, agent snapshots, extractions and the credit ledger)
becomes `PARTITION BY LIST (reset_date)`, with one partition per epoch in schema
`partitions` (`partitions.market_snapshots_2026_11_15`) and a DEFAULT partition that catches a row of an
epoch nobody made a partition for yet, so no row can ever be refused for that. `telemetry.ensure_epoch(d)`
makes the partitions of epoch `d` for every partitioned table (moving any of its rows out of the DEFAULT
partition); the DbWriter calls it the first time it meets an epoch. The btree on `observed_at` /
`timestamp` becomes a BRIN (rows arrive in time order; a fraction of the cost per insert), and the price
history's (reset_date, trade_symbol, observed_at) btree goes: the queries people run are served by the
primary key (see README "Years of price history").

The rows are moved, not recreated: each table is renamed aside, the partitioned table is created LIKE it
(same columns, defaults, NOT NULLs and CHECKs), the rows are copied and counted, the keys and indexes are
built after the load, the views that read the table are re-pointed with CREATE OR REPLACE VIEW (keeping
their grants and comments), and only then is the old table dropped. `downgrade` does the same backwards.

Revision ID: 0005
Revises: 0009
Create Date: 2026-11-30 16:00:00
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import sqlalchemy as sa
from alembic import op

revision: str = "0005"
down_revision: str | None = "0009"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

PARTITIONS = "partitions"
Index = tuple[str, str, str]  # name, method, columns

_GOOD_PRICES: Index = (
    "ix_market_snapshots_reset_date_trade_symbol_observed_at",
    "btree",
    "reset_date, trade_symbol, observed_at",
)
_LEDGER: Index = (
    "ix_credit_ledger_reset_date_behaviour_observed_at",
    "btree",
    "reset_date, behaviour, observed_at",
)
_GOOD_TRADES: Index = (
    "ix_market_transactions_reset_date_trade_symbol_timestamp",
    "btree",
    "reset_date, trade_symbol, timestamp",
)
# The history tables and their secondary indexes, partitioned (upgrade) and as revision 0001 made them.
HISTORY: dict[str, tuple[list[Index], list[Index]]] = {
    "agent_snapshots": (
        [("ix_agent_snapshots_observed_at", "brin", "observed_at")],
        [("ix_agent_snapshots_observed_at", "btree", "observed_at")],
    ),
    "extractions": (
        [
            ("ix_extractions_observed_at", "brin", "observed_at"),
            ("ix_extractions_reset_date_waypoint_symbol", "btree", "reset_date, waypoint_symbol"),
        ],
        [
            ("ix_extractions_observed_at", "btree", "observed_at"),
            ("ix_extractions_reset_date_waypoint_symbol", "btree", "reset_date, waypoint_symbol"),
        ],
    ),
    "market_snapshots": (
        [("ix_market_snapshots_observed_at", "brin", "observed_at")],
        [
            ("ix_market_snapshots_observed_at", "btree", "observed_at"),
            _GOOD_PRICES,
        ],
    ),
    "market_transactions": (
        [
            _GOOD_TRADES,
            ("ix_market_transactions_timestamp", "brin", "timestamp"),
        ],
        [
            _GOOD_TRADES,
            ("ix_market_transactions_timestamp", "btree", "timestamp"),
        ],
    ),
    "credit_ledger": (
        [
            ("ix_credit_ledger_observed_at", "brin", "observed_at"),
            _LEDGER,
        ],
        [
            ("ix_credit_ledger_observed_at", "btree", "observed_at"),
            _LEDGER,
        ],
    ),
    "shipyard_transactions": (
        [("ix_shipyard_transactions_timestamp", "brin", "timestamp")],
        [("ix_shipyard_transactions_timestamp", "btree", "timestamp")],
    ),
}  # fmt: skip

ENSURE_EPOCH = f"""
CREATE FUNCTION telemetry.ensure_epoch(epoch date) RETURNS integer
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $fn$
-- Make the partition of `epoch` for every table partitioned by reset_date in schemas reference and
-- telemetry that lacks one; rows of that epoch already in the DEFAULT partition move into it. Returns how
-- many partitions it made. Safe to call at any time, from any number of sessions.
DECLARE
    parent record;
    part text;
    fallback regclass;
    made integer := 0;
BEGIN
    PERFORM pg_advisory_xact_lock(hashtext('stdaemon.ensure_epoch'));
    FOR parent IN
        SELECT c.oid, n.nspname, c.relname
          FROM pg_partitioned_table p
          JOIN pg_class c ON c.oid = p.partrelid
          JOIN pg_namespace n ON n.oid = c.relnamespace
         WHERE n.nspname IN ('reference', 'telemetry') AND p.partstrat = 'l'
    LOOP
        CONTINUE WHEN EXISTS (
            SELECT 1 FROM pg_inherits i JOIN pg_class k ON k.oid = i.inhrelid
             WHERE i.inhparent = parent.oid
               AND pg_get_expr(k.relpartbound, k.oid) = format('FOR VALUES IN (%L)', epoch));
        part := parent.relname || '_' || to_char(epoch, 'YYYY_MM_DD');
        EXECUTE format('CREATE TABLE {PARTITIONS}.%I (LIKE %I.%I INCLUDING DEFAULTS INCLUDING CONSTRAINTS)',
                       part, parent.nspname, parent.relname);
        SELECT i.inhrelid::regclass INTO fallback
          FROM pg_inherits i JOIN pg_class k ON k.oid = i.inhrelid
         WHERE i.inhparent = parent.oid AND pg_get_expr(k.relpartbound, k.oid) = 'DEFAULT';
        IF fallback IS NOT NULL THEN
            EXECUTE format('WITH moved AS (DELETE FROM %s WHERE reset_date = $1 RETURNING *) '
                           'INSERT INTO {PARTITIONS}.%I SELECT * FROM moved', fallback, part) USING epoch;
        END IF;
        EXECUTE format('ALTER TABLE %I.%I ATTACH PARTITION {PARTITIONS}.%I FOR VALUES IN (%L)',
                       parent.nspname, parent.relname, part, epoch);
        made := made + 1;
    END LOOP;
    RETURN made;
END
$fn$
"""

_DEPENDENT_VIEWS = """
SELECT DISTINCT quote_ident(n.nspname) || '.' || quote_ident(v.relname) AS name, v.relkind::text AS relkind,
       pg_get_viewdef(v.oid) AS body, coalesce(array_to_string(v.reloptions, ', '), '') AS options, v.oid
  FROM pg_depend d
  JOIN pg_rewrite r ON r.oid = d.objid
  JOIN pg_class v ON v.oid = r.ev_class
  JOIN pg_namespace n ON n.oid = v.relnamespace
 WHERE d.classid = 'pg_rewrite'::regclass AND d.refclassid = 'pg_class'::regclass
   AND d.refobjid = ANY(CAST(:tables AS regclass[])) AND v.oid <> d.refobjid
 ORDER BY v.oid
"""


def _views(tables: list[str]) -> list[Any]:
    """The views that read these tables, as their definitions (taken before anything is renamed)."""
    rows = list(op.get_bind().execute(sa.text(_DEPENDENT_VIEWS), {"tables": tables}))
    stuck = [r.name for r in rows if r.relkind != "v"]
    if stuck:
        raise RuntimeError(
            f"materialized views read the history tables: {', '.join(stuck)}; drop them, migrate, and create "
            "them again (this migration re-points plain views only)"
        )
    return rows


def _repoint(views: list[Any]) -> None:
    """Point the views at the new tables of the same name (same columns): grants and comments stay."""
    for v in views:
        options = f" WITH ({v.options})" if v.options else ""
        op.get_bind().exec_driver_sql(f"CREATE OR REPLACE VIEW {v.name}{options} AS {v.body}")


def _count(table: str) -> int:
    return int(op.get_bind().execute(sa.text(f"SELECT count(*) FROM {table}")).scalar_one())


def _primary_key(table: str) -> tuple[str, str]:
    """(name, definition) of the table's primary key, as it stands."""
    row = op.get_bind().execute(
        sa.text(
            "SELECT conname, pg_get_constraintdef(oid) FROM pg_constraint"
            " WHERE conrelid = CAST(:t AS regclass) AND contype = 'p'"
        ),
        {"t": table},
    )
    name, definition = row.one()
    return str(name), str(definition)


def _swap(name: str, indexes: list[Index], *, partitioned: bool) -> tuple[str, int]:
    """Replace telemetry.<name> by a new table LIKE it (partitioned or not) holding the same rows.

    Returns the old table (renamed aside, to drop once the views are re-pointed) and its row count.
    """
    table = f"telemetry.{name}"
    old = f"{name}__old"
    pk_name, pk_def = _primary_key(table)
    before = _count(table)
    op.execute(f"ALTER TABLE {table} DROP CONSTRAINT {pk_name}")  # frees the names for the new table
    for (index,) in (
        op.get_bind()
        .execute(
            sa.text("SELECT indexrelid::regclass::text FROM pg_index WHERE indrelid = CAST(:t AS regclass)"),
            {"t": table},
        )
        .all()
    ):
        op.execute(f"DROP INDEX {index}")
    op.execute(f"ALTER TABLE {table} RENAME TO {old}")
    like = f"(LIKE telemetry.{old} INCLUDING DEFAULTS INCLUDING CONSTRAINTS INCLUDING COMMENTS)"
    op.execute(f"CREATE TABLE {table} {like}" + (" PARTITION BY LIST (reset_date)" if partitioned else ""))
    if partitioned:
        op.execute(f"CREATE TABLE {PARTITIONS}.{name}_default PARTITION OF {table} DEFAULT")
        epochs = op.get_bind().execute(sa.text(f"SELECT DISTINCT reset_date FROM telemetry.{old}"))
        for (epoch,) in epochs.all():
            op.get_bind().execute(sa.text("SELECT telemetry.ensure_epoch(:d)"), {"d": epoch})
    op.execute(f"INSERT INTO {table} SELECT * FROM telemetry.{old}")
    after = _count(table)
    if after != before:
        raise RuntimeError(f"{table}: {after} rows after the move, {before} before; nothing was changed")
    op.execute(f"ALTER TABLE {table} ADD CONSTRAINT {pk_name} {pk_def}")
    for index, method, columns in indexes:
        op.execute(f"CREATE INDEX {index} ON {table} USING {method} ({columns})")
    return f"telemetry.{old}", before


def upgrade() -> None:
    op.execute(f"CREATE SCHEMA {PARTITIONS}")
    op.get_bind().exec_driver_sql(ENSURE_EPOCH)
    views = _views([f"telemetry.{name}" for name in HISTORY])
    old = [_swap(name, HISTORY[name][0], partitioned=True) for name in HISTORY]
    _repoint(views)
    for table, _ in old:
        op.execute(f"DROP TABLE {table}")


def downgrade() -> None:
    views = _views([f"telemetry.{name}" for name in HISTORY])
    old = [_swap(name, HISTORY[name][1], partitioned=False) for name in HISTORY]
    _repoint(views)
    for table, _ in old:
        op.execute(f"DROP TABLE {table}")  # with its partitions
    op.execute("DROP FUNCTION telemetry.ensure_epoch(date)")
    left = op.get_bind().execute(
        sa.text("SELECT string_agg(tablename, ', ') FROM pg_tables WHERE schemaname = :s"), {"s": PARTITIONS}
    )
    detached = left.scalar_one()
    if detached:
        raise RuntimeError(
            f"schema {PARTITIONS} still holds detached epochs ({detached}): move or drop them, then downgrade"
        )
    op.execute(f"DROP SCHEMA {PARTITIONS}")

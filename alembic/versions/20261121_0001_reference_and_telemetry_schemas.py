"""reference and telemetry schemas: every table of DESIGN.md plus a few extras

Latest-state tables are keyed by (reset_date, natural key); history tables add the observation or event
time to the key, so a replayed batch is a no-op. `raw` keeps each object as the API sent it.

Revision ID: 0001
Revises:
Create Date: 2026-11-21 22:26:45.757722
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision: str = "0001"
down_revision: str | None = None
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

SCHEMAS = ("reference", "telemetry")


def upgrade() -> None:
    for schema in SCHEMAS:
        op.execute(sa.text(f"CREATE SCHEMA {schema}"))

    # --- reference: rarely changing within a reset; all latest-state ------------------------------------
    op.create_table(
        "construction_sites",
        sa.Column("reset_date", sa.Date(), autoincrement=False, nullable=False),
        sa.Column("symbol", sa.Text(), nullable=False),
        sa.Column("system_symbol", sa.Text(), nullable=True),
        sa.Column("is_complete", sa.Boolean(), nullable=False),
        sa.Column("raw", postgresql.JSONB(astext_type=sa.Text()), nullable=False),
        sa.Column("observed_at", sa.TIMESTAMP(timezone=True), nullable=False),
        sa.Column("written_at", sa.TIMESTAMP(timezone=True), server_default=sa.text("now()"), nullable=False),
        sa.PrimaryKeyConstraint("reset_date", "symbol", name=op.f("pk_construction_sites")),
        schema="reference",
    )
    op.create_table(
        "crawl_progress",
        sa.Column("reset_date", sa.Date(), autoincrement=False, nullable=False),
        sa.Column("task", sa.Text(), nullable=False),
        sa.Column("next_page", sa.Integer(), nullable=False),
        sa.Column("total", sa.Integer(), nullable=True),
        sa.Column("completed_at", sa.TIMESTAMP(timezone=True), nullable=True),
        sa.Column("observed_at", sa.TIMESTAMP(timezone=True), nullable=False),
        sa.Column("written_at", sa.TIMESTAMP(timezone=True), server_default=sa.text("now()"), nullable=False),
        sa.CheckConstraint("next_page >= 1", name=op.f("ck_crawl_progress_next_page")),
        sa.CheckConstraint("total IS NULL OR total >= 0", name=op.f("ck_crawl_progress_total")),
        sa.PrimaryKeyConstraint("reset_date", "task", name=op.f("pk_crawl_progress")),
        schema="reference",
    )
    op.create_table(
        "factions",
        sa.Column("reset_date", sa.Date(), autoincrement=False, nullable=False),
        sa.Column("symbol", sa.Text(), nullable=False),
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("description", sa.Text(), nullable=True),
        sa.Column("headquarters", sa.Text(), nullable=True),
        sa.Column("is_recruiting", sa.Boolean(), nullable=False),
        sa.Column(
            "traits", postgresql.ARRAY(sa.Text()), server_default=sa.text("'{}'::text[]"), nullable=False
        ),
        sa.Column("raw", postgresql.JSONB(astext_type=sa.Text()), nullable=False),
        sa.Column("observed_at", sa.TIMESTAMP(timezone=True), nullable=False),
        sa.Column("written_at", sa.TIMESTAMP(timezone=True), server_default=sa.text("now()"), nullable=False),
        sa.PrimaryKeyConstraint("reset_date", "symbol", name=op.f("pk_factions")),
        schema="reference",
    )
    op.create_table(
        "jump_gates",
        sa.Column("reset_date", sa.Date(), autoincrement=False, nullable=False),
        sa.Column("symbol", sa.Text(), nullable=False),
        sa.Column("system_symbol", sa.Text(), nullable=True),
        sa.Column(
            "connections", postgresql.ARRAY(sa.Text()), server_default=sa.text("'{}'::text[]"), nullable=False
        ),
        sa.Column("raw", postgresql.JSONB(astext_type=sa.Text()), nullable=False),
        sa.Column("observed_at", sa.TIMESTAMP(timezone=True), nullable=False),
        sa.Column("written_at", sa.TIMESTAMP(timezone=True), server_default=sa.text("now()"), nullable=False),
        sa.PrimaryKeyConstraint("reset_date", "symbol", name=op.f("pk_jump_gates")),
        schema="reference",
    )
    op.create_index(
        "ix_jump_gates_connections",
        "jump_gates",
        ["connections"],
        unique=False,
        schema="reference",
        postgresql_using="gin",
    )
    op.create_index(
        op.f("ix_jump_gates_reset_date_system_symbol"),
        "jump_gates",
        ["reset_date", "system_symbol"],
        unique=False,
        schema="reference",
    )
    op.create_table(
        "resets",
        sa.Column("reset_date", sa.Date(), autoincrement=False, nullable=False),
        sa.Column("first_seen_at", sa.TIMESTAMP(timezone=True), nullable=False),
        sa.Column("last_seen_at", sa.TIMESTAMP(timezone=True), nullable=False),
        sa.Column("raw", postgresql.JSONB(astext_type=sa.Text()), nullable=False),
        sa.Column("written_at", sa.TIMESTAMP(timezone=True), server_default=sa.text("now()"), nullable=False),
        sa.PrimaryKeyConstraint("reset_date", name=op.f("pk_resets")),
        schema="reference",
    )
    op.create_table(
        "supply_chain",
        sa.Column("reset_date", sa.Date(), autoincrement=False, nullable=False),
        sa.Column("export_symbol", sa.Text(), nullable=False),
        sa.Column(
            "import_symbols",
            postgresql.ARRAY(sa.Text()),
            server_default=sa.text("'{}'::text[]"),
            nullable=False,
        ),
        sa.Column("raw", postgresql.JSONB(astext_type=sa.Text()), nullable=False),
        sa.Column("observed_at", sa.TIMESTAMP(timezone=True), nullable=False),
        sa.Column("written_at", sa.TIMESTAMP(timezone=True), server_default=sa.text("now()"), nullable=False),
        sa.PrimaryKeyConstraint("reset_date", "export_symbol", name=op.f("pk_supply_chain")),
        schema="reference",
    )
    op.create_index(
        "ix_supply_chain_import_symbols",
        "supply_chain",
        ["import_symbols"],
        unique=False,
        schema="reference",
        postgresql_using="gin",
    )
    op.create_table(
        "systems",
        sa.Column("reset_date", sa.Date(), autoincrement=False, nullable=False),
        sa.Column("symbol", sa.Text(), nullable=False),
        sa.Column("sector_symbol", sa.Text(), nullable=False),
        sa.Column("type", sa.Text(), nullable=False),
        sa.Column("x", sa.Integer(), nullable=False),
        sa.Column("y", sa.Integer(), nullable=False),
        sa.Column("constellation", sa.Text(), nullable=True),
        sa.Column("name", sa.Text(), nullable=True),
        sa.Column("raw", postgresql.JSONB(astext_type=sa.Text()), nullable=False),
        sa.Column("observed_at", sa.TIMESTAMP(timezone=True), nullable=False),
        sa.Column("written_at", sa.TIMESTAMP(timezone=True), server_default=sa.text("now()"), nullable=False),
        sa.PrimaryKeyConstraint("reset_date", "symbol", name=op.f("pk_systems")),
        schema="reference",
    )
    op.create_index(
        op.f("ix_systems_reset_date_sector_symbol"),
        "systems",
        ["reset_date", "sector_symbol"],
        unique=False,
        schema="reference",
    )
    op.create_index(
        op.f("ix_systems_reset_date_type"),
        "systems",
        ["reset_date", "type"],
        unique=False,
        schema="reference",
    )
    op.create_table(
        "waypoints",
        sa.Column("reset_date", sa.Date(), autoincrement=False, nullable=False),
        sa.Column("symbol", sa.Text(), nullable=False),
        sa.Column("system_symbol", sa.Text(), nullable=False),
        sa.Column("type", sa.Text(), nullable=False),
        sa.Column("x", sa.Integer(), nullable=False),
        sa.Column("y", sa.Integer(), nullable=False),
        sa.Column("orbits", sa.Text(), nullable=True),
        sa.Column("faction_symbol", sa.Text(), nullable=True),
        sa.Column(
            "traits", postgresql.ARRAY(sa.Text()), server_default=sa.text("'{}'::text[]"), nullable=False
        ),
        sa.Column(
            "modifiers", postgresql.ARRAY(sa.Text()), server_default=sa.text("'{}'::text[]"), nullable=False
        ),
        sa.Column("is_under_construction", sa.Boolean(), nullable=False),
        sa.Column("chart_submitted_by", sa.Text(), nullable=True),
        sa.Column("chart_submitted_on", sa.TIMESTAMP(timezone=True), nullable=True),
        sa.Column("raw", postgresql.JSONB(astext_type=sa.Text()), nullable=False),
        sa.Column("observed_at", sa.TIMESTAMP(timezone=True), nullable=False),
        sa.Column("written_at", sa.TIMESTAMP(timezone=True), server_default=sa.text("now()"), nullable=False),
        sa.PrimaryKeyConstraint("reset_date", "symbol", name=op.f("pk_waypoints")),
        schema="reference",
    )
    op.create_index(
        op.f("ix_waypoints_reset_date_system_symbol_type"),
        "waypoints",
        ["reset_date", "system_symbol", "type"],
        unique=False,
        schema="reference",
    )
    op.create_index(
        "ix_waypoints_traits",
        "waypoints",
        ["traits"],
        unique=False,
        schema="reference",
        postgresql_using="gin",
    )
    # --- telemetry: latest state (agents, ships, markets, …) and history (snapshots, transactions) -------
    op.create_table(
        "agent_snapshots",
        sa.Column("reset_date", sa.Date(), autoincrement=False, nullable=False),
        sa.Column("symbol", sa.Text(), nullable=False),
        sa.Column("observed_at", sa.TIMESTAMP(timezone=True), nullable=False),
        sa.Column("credits", sa.BigInteger(), nullable=False),
        sa.Column("ship_count", sa.Integer(), nullable=False),
        sa.Column("raw", postgresql.JSONB(astext_type=sa.Text()), nullable=False),
        sa.Column("written_at", sa.TIMESTAMP(timezone=True), server_default=sa.text("now()"), nullable=False),
        sa.CheckConstraint("ship_count >= 0", name=op.f("ck_agent_snapshots_ship_count")),
        sa.PrimaryKeyConstraint("reset_date", "symbol", "observed_at", name=op.f("pk_agent_snapshots")),
        schema="telemetry",
    )
    op.create_index(
        op.f("ix_agent_snapshots_observed_at"),
        "agent_snapshots",
        ["observed_at"],
        unique=False,
        schema="telemetry",
    )
    op.create_table(
        "agents",
        sa.Column("reset_date", sa.Date(), autoincrement=False, nullable=False),
        sa.Column("symbol", sa.Text(), nullable=False),
        sa.Column("account_id", sa.Text(), nullable=True),
        sa.Column("headquarters", sa.Text(), nullable=False),
        sa.Column("credits", sa.BigInteger(), nullable=False),
        sa.Column("starting_faction", sa.Text(), nullable=False),
        sa.Column("ship_count", sa.Integer(), nullable=False),
        sa.Column("raw", postgresql.JSONB(astext_type=sa.Text()), nullable=False),
        sa.Column("observed_at", sa.TIMESTAMP(timezone=True), nullable=False),
        sa.Column("written_at", sa.TIMESTAMP(timezone=True), server_default=sa.text("now()"), nullable=False),
        sa.CheckConstraint("ship_count >= 0", name=op.f("ck_agents_ship_count")),
        sa.PrimaryKeyConstraint("reset_date", "symbol", name=op.f("pk_agents")),
        schema="telemetry",
    )
    op.create_table(
        "contracts",
        sa.Column("reset_date", sa.Date(), autoincrement=False, nullable=False),
        sa.Column("id", sa.Text(), nullable=False),
        sa.Column("faction_symbol", sa.Text(), nullable=False),
        sa.Column("type", sa.Text(), nullable=False),
        sa.Column("accepted", sa.Boolean(), nullable=False),
        sa.Column("fulfilled", sa.Boolean(), nullable=False),
        sa.Column("deadline_to_accept", sa.TIMESTAMP(timezone=True), nullable=True),
        sa.Column("deadline", sa.TIMESTAMP(timezone=True), nullable=True),
        sa.Column("payment_on_accepted", sa.BigInteger(), nullable=False),
        sa.Column("payment_on_fulfilled", sa.BigInteger(), nullable=False),
        sa.Column("raw", postgresql.JSONB(astext_type=sa.Text()), nullable=False),
        sa.Column("observed_at", sa.TIMESTAMP(timezone=True), nullable=False),
        sa.Column("written_at", sa.TIMESTAMP(timezone=True), server_default=sa.text("now()"), nullable=False),
        sa.CheckConstraint(
            "payment_on_accepted >= 0 AND payment_on_fulfilled >= 0", name=op.f("ck_contracts_payment")
        ),
        sa.PrimaryKeyConstraint("reset_date", "id", name=op.f("pk_contracts")),
        schema="telemetry",
    )
    op.create_table(
        "dead_letters",
        sa.Column("id", sa.BigInteger(), nullable=False),
        sa.Column("reset_date", sa.Date(), nullable=True),
        sa.Column("table_name", sa.Text(), nullable=False),
        sa.Column("row", postgresql.JSONB(astext_type=sa.Text()), nullable=False),
        sa.Column("error", sa.Text(), nullable=False),
        sa.Column("failed_at", sa.TIMESTAMP(timezone=True), server_default=sa.text("now()"), nullable=False),
        sa.Column("written_at", sa.TIMESTAMP(timezone=True), server_default=sa.text("now()"), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_dead_letters")),
        schema="telemetry",
    )
    op.create_index(
        op.f("ix_dead_letters_failed_at"), "dead_letters", ["failed_at"], unique=False, schema="telemetry"
    )
    op.create_table(
        "extractions",
        sa.Column("reset_date", sa.Date(), autoincrement=False, nullable=False),
        sa.Column("ship_symbol", sa.Text(), nullable=False),
        sa.Column("observed_at", sa.TIMESTAMP(timezone=True), nullable=False),
        sa.Column("yield_symbol", sa.Text(), nullable=False),
        sa.Column("yield_units", sa.Integer(), nullable=False),
        sa.Column("waypoint_symbol", sa.Text(), nullable=True),
        sa.Column("survey_signature", sa.Text(), nullable=True),
        sa.Column("raw", postgresql.JSONB(astext_type=sa.Text()), nullable=False),
        sa.Column("written_at", sa.TIMESTAMP(timezone=True), server_default=sa.text("now()"), nullable=False),
        sa.CheckConstraint("yield_units >= 0", name=op.f("ck_extractions_yield_units")),
        sa.PrimaryKeyConstraint("reset_date", "ship_symbol", "observed_at", name=op.f("pk_extractions")),
        schema="telemetry",
    )
    op.create_index(
        op.f("ix_extractions_observed_at"), "extractions", ["observed_at"], unique=False, schema="telemetry"
    )
    op.create_index(
        op.f("ix_extractions_reset_date_waypoint_symbol"),
        "extractions",
        ["reset_date", "waypoint_symbol"],
        unique=False,
        schema="telemetry",
    )
    op.create_table(
        "market_snapshots",
        sa.Column("reset_date", sa.Date(), autoincrement=False, nullable=False),
        sa.Column("waypoint_symbol", sa.Text(), nullable=False),
        sa.Column("trade_symbol", sa.Text(), nullable=False),
        sa.Column("observed_at", sa.TIMESTAMP(timezone=True), nullable=False),
        sa.Column("type", sa.Text(), nullable=False),
        sa.Column("trade_volume", sa.Integer(), nullable=False),
        sa.Column("supply", sa.Text(), nullable=False),
        sa.Column("activity", sa.Text(), nullable=True),
        sa.Column("purchase_price", sa.Integer(), nullable=False),
        sa.Column("sell_price", sa.Integer(), nullable=False),
        sa.Column("raw", postgresql.JSONB(astext_type=sa.Text()), nullable=False),
        sa.Column("written_at", sa.TIMESTAMP(timezone=True), server_default=sa.text("now()"), nullable=False),
        sa.CheckConstraint(
            "purchase_price >= 0 AND sell_price >= 0", name=op.f("ck_market_snapshots_prices")
        ),
        sa.CheckConstraint("trade_volume >= 0", name=op.f("ck_market_snapshots_trade_volume")),
        sa.PrimaryKeyConstraint(
            "reset_date", "waypoint_symbol", "trade_symbol", "observed_at", name=op.f("pk_market_snapshots")
        ),
        schema="telemetry",
    )
    op.create_index(
        op.f("ix_market_snapshots_observed_at"),
        "market_snapshots",
        ["observed_at"],
        unique=False,
        schema="telemetry",
    )
    op.create_index(
        op.f("ix_market_snapshots_reset_date_trade_symbol_observed_at"),
        "market_snapshots",
        ["reset_date", "trade_symbol", "observed_at"],
        unique=False,
        schema="telemetry",
    )
    op.create_table(
        "market_trade_goods",
        sa.Column("reset_date", sa.Date(), autoincrement=False, nullable=False),
        sa.Column("waypoint_symbol", sa.Text(), nullable=False),
        sa.Column("trade_symbol", sa.Text(), nullable=False),
        sa.Column("type", sa.Text(), nullable=False),
        sa.Column("trade_volume", sa.Integer(), nullable=False),
        sa.Column("supply", sa.Text(), nullable=False),
        sa.Column("activity", sa.Text(), nullable=True),
        sa.Column("purchase_price", sa.Integer(), nullable=False),
        sa.Column("sell_price", sa.Integer(), nullable=False),
        sa.Column("raw", postgresql.JSONB(astext_type=sa.Text()), nullable=False),
        sa.Column("observed_at", sa.TIMESTAMP(timezone=True), nullable=False),
        sa.Column("written_at", sa.TIMESTAMP(timezone=True), server_default=sa.text("now()"), nullable=False),
        sa.CheckConstraint(
            "purchase_price >= 0 AND sell_price >= 0", name=op.f("ck_market_trade_goods_prices")
        ),
        sa.CheckConstraint("trade_volume >= 0", name=op.f("ck_market_trade_goods_trade_volume")),
        sa.PrimaryKeyConstraint(
            "reset_date", "waypoint_symbol", "trade_symbol", name=op.f("pk_market_trade_goods")
        ),
        schema="telemetry",
    )
    op.create_index(
        op.f("ix_market_trade_goods_reset_date_trade_symbol"),
        "market_trade_goods",
        ["reset_date", "trade_symbol"],
        unique=False,
        schema="telemetry",
    )
    op.create_table(
        "market_transactions",
        sa.Column("reset_date", sa.Date(), autoincrement=False, nullable=False),
        sa.Column("waypoint_symbol", sa.Text(), nullable=False),
        sa.Column("ship_symbol", sa.Text(), nullable=False),
        sa.Column("trade_symbol", sa.Text(), nullable=False),
        sa.Column("type", sa.Text(), nullable=False),
        sa.Column("timestamp", sa.TIMESTAMP(timezone=True), nullable=False),
        sa.Column("units", sa.Integer(), nullable=False),
        sa.Column("price_per_unit", sa.Integer(), nullable=False),
        sa.Column("total_price", sa.BigInteger(), nullable=False),
        sa.Column("raw", postgresql.JSONB(astext_type=sa.Text()), nullable=False),
        sa.Column("observed_at", sa.TIMESTAMP(timezone=True), nullable=False),
        sa.Column("written_at", sa.TIMESTAMP(timezone=True), server_default=sa.text("now()"), nullable=False),
        sa.CheckConstraint(
            "units >= 0 AND price_per_unit >= 0 AND total_price >= 0",
            name=op.f("ck_market_transactions_amounts"),
        ),
        sa.PrimaryKeyConstraint(
            "reset_date",
            "waypoint_symbol",
            "ship_symbol",
            "trade_symbol",
            "type",
            "timestamp",
            name=op.f("pk_market_transactions"),
        ),
        schema="telemetry",
    )
    op.create_index(
        op.f("ix_market_transactions_reset_date_trade_symbol_timestamp"),
        "market_transactions",
        ["reset_date", "trade_symbol", "timestamp"],
        unique=False,
        schema="telemetry",
    )
    op.create_index(
        op.f("ix_market_transactions_timestamp"),
        "market_transactions",
        ["timestamp"],
        unique=False,
        schema="telemetry",
    )
    op.create_table(
        "markets",
        sa.Column("reset_date", sa.Date(), autoincrement=False, nullable=False),
        sa.Column("symbol", sa.Text(), nullable=False),
        sa.Column("system_symbol", sa.Text(), nullable=True),
        sa.Column(
            "exports", postgresql.ARRAY(sa.Text()), server_default=sa.text("'{}'::text[]"), nullable=False
        ),
        sa.Column(
            "imports", postgresql.ARRAY(sa.Text()), server_default=sa.text("'{}'::text[]"), nullable=False
        ),
        sa.Column(
            "exchange", postgresql.ARRAY(sa.Text()), server_default=sa.text("'{}'::text[]"), nullable=False
        ),
        sa.Column("raw", postgresql.JSONB(astext_type=sa.Text()), nullable=False),
        sa.Column("observed_at", sa.TIMESTAMP(timezone=True), nullable=False),
        sa.Column("written_at", sa.TIMESTAMP(timezone=True), server_default=sa.text("now()"), nullable=False),
        sa.PrimaryKeyConstraint("reset_date", "symbol", name=op.f("pk_markets")),
        schema="telemetry",
    )
    op.create_index(
        "ix_markets_exchange",
        "markets",
        ["exchange"],
        unique=False,
        schema="telemetry",
        postgresql_using="gin",
    )
    op.create_index(
        "ix_markets_exports", "markets", ["exports"], unique=False, schema="telemetry", postgresql_using="gin"
    )
    op.create_index(
        "ix_markets_imports", "markets", ["imports"], unique=False, schema="telemetry", postgresql_using="gin"
    )
    op.create_index(
        op.f("ix_markets_reset_date_system_symbol"),
        "markets",
        ["reset_date", "system_symbol"],
        unique=False,
        schema="telemetry",
    )
    op.create_table(
        "ships",
        sa.Column("reset_date", sa.Date(), autoincrement=False, nullable=False),
        sa.Column("symbol", sa.Text(), nullable=False),
        sa.Column("role", sa.Text(), nullable=False),
        sa.Column("faction_symbol", sa.Text(), nullable=False),
        sa.Column("frame_symbol", sa.Text(), nullable=False),
        sa.Column("engine_symbol", sa.Text(), nullable=False),
        sa.Column("reactor_symbol", sa.Text(), nullable=False),
        sa.Column("system_symbol", sa.Text(), nullable=False),
        sa.Column("waypoint_symbol", sa.Text(), nullable=False),
        sa.Column("nav_status", sa.Text(), nullable=False),
        sa.Column("flight_mode", sa.Text(), nullable=False),
        sa.Column("route_origin_symbol", sa.Text(), nullable=True),
        sa.Column("route_destination_symbol", sa.Text(), nullable=True),
        sa.Column("route_departure_time", sa.TIMESTAMP(timezone=True), nullable=True),
        sa.Column("route_arrival", sa.TIMESTAMP(timezone=True), nullable=True),
        sa.Column("fuel_current", sa.Integer(), nullable=False),
        sa.Column("fuel_capacity", sa.Integer(), nullable=False),
        sa.Column("cargo_units", sa.Integer(), nullable=False),
        sa.Column("cargo_capacity", sa.Integer(), nullable=False),
        sa.Column("cooldown_expiration", sa.TIMESTAMP(timezone=True), nullable=True),
        sa.Column("raw", postgresql.JSONB(astext_type=sa.Text()), nullable=False),
        sa.Column("observed_at", sa.TIMESTAMP(timezone=True), nullable=False),
        sa.Column("written_at", sa.TIMESTAMP(timezone=True), server_default=sa.text("now()"), nullable=False),
        sa.CheckConstraint("cargo_units >= 0 AND cargo_capacity >= 0", name=op.f("ck_ships_cargo")),
        sa.CheckConstraint("fuel_current >= 0 AND fuel_capacity >= 0", name=op.f("ck_ships_fuel")),
        sa.PrimaryKeyConstraint("reset_date", "symbol", name=op.f("pk_ships")),
        schema="telemetry",
    )
    op.create_index(
        op.f("ix_ships_reset_date_system_symbol"),
        "ships",
        ["reset_date", "system_symbol"],
        unique=False,
        schema="telemetry",
    )
    op.create_index(
        op.f("ix_ships_reset_date_waypoint_symbol"),
        "ships",
        ["reset_date", "waypoint_symbol"],
        unique=False,
        schema="telemetry",
    )
    op.create_table(
        "shipyard_ships",
        sa.Column("reset_date", sa.Date(), autoincrement=False, nullable=False),
        sa.Column("waypoint_symbol", sa.Text(), nullable=False),
        sa.Column("ship_type", sa.Text(), nullable=False),
        sa.Column("name", sa.Text(), nullable=True),
        sa.Column("supply", sa.Text(), nullable=False),
        sa.Column("activity", sa.Text(), nullable=True),
        sa.Column("purchase_price", sa.Integer(), nullable=False),
        sa.Column("raw", postgresql.JSONB(astext_type=sa.Text()), nullable=False),
        sa.Column("observed_at", sa.TIMESTAMP(timezone=True), nullable=False),
        sa.Column("written_at", sa.TIMESTAMP(timezone=True), server_default=sa.text("now()"), nullable=False),
        sa.CheckConstraint("purchase_price >= 0", name=op.f("ck_shipyard_ships_purchase_price")),
        sa.PrimaryKeyConstraint("reset_date", "waypoint_symbol", "ship_type", name=op.f("pk_shipyard_ships")),
        schema="telemetry",
    )
    op.create_index(
        op.f("ix_shipyard_ships_reset_date_ship_type"),
        "shipyard_ships",
        ["reset_date", "ship_type"],
        unique=False,
        schema="telemetry",
    )
    op.create_table(
        "shipyard_transactions",
        sa.Column("reset_date", sa.Date(), autoincrement=False, nullable=False),
        sa.Column("waypoint_symbol", sa.Text(), nullable=False),
        sa.Column("ship_type", sa.Text(), nullable=False),
        sa.Column("agent_symbol", sa.Text(), nullable=False),
        sa.Column("timestamp", sa.TIMESTAMP(timezone=True), nullable=False),
        sa.Column("ship_symbol", sa.Text(), nullable=True),
        sa.Column("price", sa.Integer(), nullable=False),
        sa.Column("raw", postgresql.JSONB(astext_type=sa.Text()), nullable=False),
        sa.Column("observed_at", sa.TIMESTAMP(timezone=True), nullable=False),
        sa.Column("written_at", sa.TIMESTAMP(timezone=True), server_default=sa.text("now()"), nullable=False),
        sa.CheckConstraint("price >= 0", name=op.f("ck_shipyard_transactions_price")),
        sa.PrimaryKeyConstraint(
            "reset_date",
            "waypoint_symbol",
            "ship_type",
            "agent_symbol",
            "timestamp",
            name=op.f("pk_shipyard_transactions"),
        ),
        schema="telemetry",
    )
    op.create_index(
        op.f("ix_shipyard_transactions_timestamp"),
        "shipyard_transactions",
        ["timestamp"],
        unique=False,
        schema="telemetry",
    )
    op.create_table(
        "shipyards",
        sa.Column("reset_date", sa.Date(), autoincrement=False, nullable=False),
        sa.Column("symbol", sa.Text(), nullable=False),
        sa.Column("system_symbol", sa.Text(), nullable=True),
        sa.Column(
            "ship_types", postgresql.ARRAY(sa.Text()), server_default=sa.text("'{}'::text[]"), nullable=False
        ),
        sa.Column("modifications_fee", sa.Integer(), nullable=True),
        sa.Column("raw", postgresql.JSONB(astext_type=sa.Text()), nullable=False),
        sa.Column("observed_at", sa.TIMESTAMP(timezone=True), nullable=False),
        sa.Column("written_at", sa.TIMESTAMP(timezone=True), server_default=sa.text("now()"), nullable=False),
        sa.CheckConstraint(
            "modifications_fee IS NULL OR modifications_fee >= 0", name=op.f("ck_shipyards_modifications_fee")
        ),
        sa.PrimaryKeyConstraint("reset_date", "symbol", name=op.f("pk_shipyards")),
        schema="telemetry",
    )
    op.create_index(
        op.f("ix_shipyards_reset_date_system_symbol"),
        "shipyards",
        ["reset_date", "system_symbol"],
        unique=False,
        schema="telemetry",
    )
    op.create_index(
        "ix_shipyards_ship_types",
        "shipyards",
        ["ship_types"],
        unique=False,
        schema="telemetry",
        postgresql_using="gin",
    )
    op.create_table(
        "surveys",
        sa.Column("reset_date", sa.Date(), autoincrement=False, nullable=False),
        sa.Column("signature", sa.Text(), nullable=False),
        sa.Column("waypoint_symbol", sa.Text(), nullable=False),
        sa.Column(
            "deposits", postgresql.ARRAY(sa.Text()), server_default=sa.text("'{}'::text[]"), nullable=False
        ),
        sa.Column("expiration", sa.TIMESTAMP(timezone=True), nullable=False),
        sa.Column("size", sa.Text(), nullable=False),
        sa.Column("raw", postgresql.JSONB(astext_type=sa.Text()), nullable=False),
        sa.Column("observed_at", sa.TIMESTAMP(timezone=True), nullable=False),
        sa.Column("written_at", sa.TIMESTAMP(timezone=True), server_default=sa.text("now()"), nullable=False),
        sa.PrimaryKeyConstraint("reset_date", "signature", name=op.f("pk_surveys")),
        schema="telemetry",
    )
    op.create_index(
        op.f("ix_surveys_reset_date_waypoint_symbol"),
        "surveys",
        ["reset_date", "waypoint_symbol"],
        unique=False,
        schema="telemetry",
    )


def downgrade() -> None:
    # Dropping a table drops its indexes, constraints and owned sequences (dead_letters.id).
    op.drop_table("surveys", schema="telemetry")
    op.drop_table("shipyards", schema="telemetry")
    op.drop_table("shipyard_transactions", schema="telemetry")
    op.drop_table("shipyard_ships", schema="telemetry")
    op.drop_table("ships", schema="telemetry")
    op.drop_table("markets", schema="telemetry")
    op.drop_table("market_transactions", schema="telemetry")
    op.drop_table("market_trade_goods", schema="telemetry")
    op.drop_table("market_snapshots", schema="telemetry")
    op.drop_table("extractions", schema="telemetry")
    op.drop_table("dead_letters", schema="telemetry")
    op.drop_table("contracts", schema="telemetry")
    op.drop_table("agents", schema="telemetry")
    op.drop_table("agent_snapshots", schema="telemetry")
    op.drop_table("waypoints", schema="reference")
    op.drop_table("systems", schema="reference")
    op.drop_table("supply_chain", schema="reference")
    op.drop_table("resets", schema="reference")
    op.drop_table("jump_gates", schema="reference")
    op.drop_table("factions", schema="reference")
    op.drop_table("crawl_progress", schema="reference")
    op.drop_table("construction_sites", schema="reference")
    # No CASCADE: if someone put their own objects in our schemas, fail rather than destroy them.
    for schema in reversed(SCHEMAS):
        op.execute(sa.text(f"DROP SCHEMA {schema}"))

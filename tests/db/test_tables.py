"""Table semantics on a real PostgreSQL: upsert for latest-state tables, replay no-op for history tables,
reset epochs side by side, CHECK constraints, and the registry's promises to the writer."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from typing import Any

import pytest
from sqlalchemy import BigInteger, Boolean, Date, Integer, Text, func, select, text
from sqlalchemy.dialects.postgresql import ARRAY, JSONB, insert
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncEngine
from sqlalchemy.types import TIMESTAMP

from stdaemon.db.tables import TABLES, TableSpec

# --- valid sample rows for any registered table, built from the column types -------------------------

RESET = date(2026, 11, 15)
T0 = datetime(2026, 11, 21, 12, 0, tzinfo=UTC)


def value_for(column_type: Any, name: str) -> Any:  # noqa: PLR0911
    if isinstance(column_type, Date):
        return RESET
    if isinstance(column_type, TIMESTAMP):
        return T0
    if isinstance(column_type, Boolean):
        return False
    if isinstance(column_type, BigInteger | Integer):
        return 1 if name != "next_page" else 2
    if isinstance(column_type, ARRAY):
        return ["MARKETPLACE"]
    if isinstance(column_type, JSONB):
        return {"symbol": "X1-TEST-A1", "name": name}
    if isinstance(column_type, Text):
        return f"X1-TEST-{name.upper()}"
    raise AssertionError(f"no sample value for {name}: {column_type!r}")


def sample_row(spec: TableSpec, **overrides: Any) -> dict[str, Any]:
    """Every column a writer would send (server-filled ones excluded), valid for the constraints."""
    row = {c: value_for(spec.table.columns[c].type, c) for c in spec.columns}
    row.update(overrides)
    return row


def changeable_column(spec: TableSpec) -> str:
    """A non-key column whose change an upsert must apply (an int or text column, else `raw`)."""
    for name in spec.compare_columns:
        if isinstance(spec.table.columns[name].type, Integer | BigInteger | Text):
            return name
    assert "raw" in spec.compare_columns, spec.name
    return "raw"


def changed(value: Any) -> Any:
    if isinstance(value, dict):
        return {**value, "changed": True}
    return value + 41 if isinstance(value, int) else f"{value}-CHANGED"


LATEST = [s for s in TABLES.values() if s.kind == "latest"]
# Tables the daemon keeps for itself, with no API object behind them (so no `raw`/`observed_at` contract).
BOOKKEEPING = {
    "reference.crawl_progress",
    "telemetry.runner_heartbeats",
    "telemetry.ship_behaviours",
    "telemetry.credit_ledger",
}
HISTORY = [s for s in TABLES.values() if s.kind == "history"]
KEYED = [s for s in TABLES.values() if s.kind != "log"]


def _upsert(spec: TableSpec, rows: list[dict[str, Any]]) -> Any:
    """The statement shape the writer uses for latest-state tables."""
    stmt = insert(spec.table).values(rows)
    return stmt.on_conflict_do_update(
        index_elements=list(spec.key),
        set_={**{c: stmt.excluded[c] for c in spec.update_columns}, "written_at": func.now()},
    )


def _append(spec: TableSpec, rows: list[dict[str, Any]]) -> Any:
    """The statement shape the writer uses for history tables."""
    return insert(spec.table).values(rows).on_conflict_do_nothing(index_elements=list(spec.key))


async def _rows(engine: AsyncEngine, spec: TableSpec) -> list[dict[str, Any]]:
    async with engine.connect() as conn:
        return [dict(r._mapping) for r in await conn.execute(select(spec.table))]


def test_registry_keys_start_with_the_reset_date_and_tables_carry_the_contract_columns() -> None:
    for spec in KEYED:
        assert spec.key[0] == "reset_date", spec.name
        cols = set(spec.table.columns.keys())
        assert "written_at" in cols
        if spec.name == "reference.resets":  # the contract: first_seen_at / last_seen_at instead
            assert {"raw", "first_seen_at", "last_seen_at"} <= cols
        elif spec.name not in BOOKKEEPING:  # not an API entity
            assert {"raw", "observed_at"} <= cols, spec.name
            assert not spec.table.columns["raw"].nullable
    for spec in HISTORY:
        assert {"observed_at", "timestamp"} & set(spec.key), f"{spec.name}: history key needs a time"
    dead = TABLES["telemetry.dead_letters"]
    assert dead.kind == "log" and {"table_name", "row", "error", "failed_at"} <= set(
        dead.table.columns.keys()
    )


@pytest.mark.parametrize("spec", LATEST, ids=lambda s: s.name)
async def test_latest_state_upsert_updates_in_place(clean_db: AsyncEngine, spec: TableSpec) -> None:
    col = changeable_column(spec)
    first = sample_row(spec)
    async with clean_db.begin() as conn:
        await conn.execute(_upsert(spec, [first]))
    [before] = await _rows(clean_db, spec)

    second = {**first, col: changed(first[col])}
    async with clean_db.begin() as conn:
        await conn.execute(_upsert(spec, [second]))
    rows = await _rows(clean_db, spec)

    assert len(rows) == 1
    assert rows[0][col] == second[col]
    assert rows[0]["written_at"] > before["written_at"]


@pytest.mark.parametrize("spec", HISTORY, ids=lambda s: s.name)
async def test_history_replay_is_a_no_op_and_a_new_time_appends(
    clean_db: AsyncEngine, spec: TableSpec
) -> None:
    time_col = "timestamp" if "timestamp" in spec.key else "observed_at"
    batch = [sample_row(spec, **{time_col: T0 + timedelta(seconds=i)}) for i in range(3)]
    for _ in range(2):  # the second pass is the replay
        async with clean_db.begin() as conn:
            await conn.execute(_append(spec, batch))
    assert len(await _rows(clean_db, spec)) == 3

    async with clean_db.begin() as conn:
        await conn.execute(_append(spec, [sample_row(spec, **{time_col: T0 + timedelta(minutes=5)})]))
    assert len(await _rows(clean_db, spec)) == 4


@pytest.mark.parametrize("spec", KEYED, ids=lambda s: s.name)
async def test_a_new_reset_keeps_the_old_epoch(clean_db: AsyncEngine, spec: TableSpec) -> None:
    old = sample_row(spec)
    new = sample_row(spec, reset_date=RESET + timedelta(days=14))
    async with clean_db.begin() as conn:
        await conn.execute(_upsert(spec, [old]) if spec.kind == "latest" else _append(spec, [old]))
        await conn.execute(_upsert(spec, [new]) if spec.kind == "latest" else _append(spec, [new]))
    assert sorted(r["reset_date"] for r in await _rows(clean_db, spec)) == [RESET, date(2026, 11, 29)]


async def test_reset_upsert_keeps_first_seen_at(clean_db: AsyncEngine) -> None:
    spec = TABLES["reference.resets"]
    async with clean_db.begin() as conn:
        await conn.execute(_upsert(spec, [sample_row(spec)]))
        later = T0 + timedelta(hours=3)
        await conn.execute(_upsert(spec, [sample_row(spec, first_seen_at=later, last_seen_at=later)]))
    [row] = await _rows(clean_db, spec)
    assert row["first_seen_at"] == T0 and row["last_seen_at"] == later


async def test_dead_letters_get_ids_and_timestamps(clean_db: AsyncEngine) -> None:
    spec = TABLES["telemetry.dead_letters"]
    async with clean_db.begin() as conn:
        await conn.execute(
            insert(spec.table).values(
                [{"table_name": "telemetry.ships", "row": {"a": 1}, "error": "boom"}] * 2
            )
        )
    rows = await _rows(clean_db, spec)
    assert sorted(r["id"] for r in rows) == [1, 2]
    assert all(r["failed_at"] is not None and r["reset_date"] is None for r in rows)


BAD_ROWS = [
    ("telemetry.market_trade_goods", {"purchase_price": -1}),
    ("telemetry.market_trade_goods", {"sell_price": -5}),
    ("telemetry.market_trade_goods", {"trade_volume": -1}),
    ("telemetry.market_snapshots", {"purchase_price": -1}),
    ("telemetry.market_snapshots", {"trade_volume": -3}),
    ("telemetry.market_transactions", {"units": -1}),
    ("telemetry.market_transactions", {"price_per_unit": -1}),
    ("telemetry.market_transactions", {"total_price": -1}),
    ("telemetry.shipyard_ships", {"purchase_price": -1}),
    ("telemetry.shipyard_transactions", {"price": -1}),
    ("telemetry.shipyards", {"modifications_fee": -1}),
    ("telemetry.ships", {"fuel_current": -1}),
    ("telemetry.ships", {"cargo_capacity": -1}),
    ("telemetry.agents", {"ship_count": -1}),
    ("telemetry.contracts", {"payment_on_fulfilled": -1}),
    ("telemetry.extractions", {"yield_units": -1}),
    ("reference.crawl_progress", {"next_page": 0}),
    ("telemetry.market_trade_goods", {"raw": None}),
    ("reference.waypoints", {"system_symbol": None}),
]


@pytest.mark.parametrize(("name", "bad"), BAD_ROWS, ids=str)
async def test_constraints_reject_bad_rows(clean_db: AsyncEngine, name: str, bad: dict[str, Any]) -> None:
    spec = TABLES[name]
    with pytest.raises(IntegrityError):
        async with clean_db.begin() as conn:
            await conn.execute(insert(spec.table).values(sample_row(spec, **bad)))
    assert await _rows(clean_db, spec) == []


async def test_negative_credits_are_allowed(clean_db: AsyncEngine) -> None:
    """The spec: credits go negative when overdrawn; rejecting them would lose a real observation."""
    spec = TABLES["telemetry.agents"]
    async with clean_db.begin() as conn:
        await conn.execute(insert(spec.table).values(sample_row(spec, credits=-2500)))
    assert [r["credits"] for r in await _rows(clean_db, spec)] == [-2500]


async def test_traits_query_uses_array_containment(clean_db: AsyncEngine) -> None:
    spec = TABLES["reference.waypoints"]
    rows = [
        sample_row(spec, symbol="X1-A-1", traits=["MARKETPLACE", "SHIPYARD"]),
        sample_row(spec, symbol="X1-A-2", traits=["MARKETPLACE"]),
        sample_row(spec, symbol="X1-A-3", traits=[]),
    ]
    async with clean_db.begin() as conn:
        await conn.execute(insert(spec.table).values(rows))
        found = await conn.execute(
            text("SELECT symbol FROM reference.waypoints WHERE traits @> ARRAY['SHIPYARD'] ORDER BY 1")
        )
        assert [r[0] for r in found] == ["X1-A-1"]

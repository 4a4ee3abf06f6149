"""db.rows on every saved payload: each kind and action result lands in its tables with no dead letter."""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import UTC, date, datetime
from typing import Any

import pytest
from sqlalchemy.ext.asyncio import AsyncEngine

from stdaemon.api import adapters
from stdaemon.db.rows import rows_for_all
from stdaemon.db.sink import WriterSink
from stdaemon.db.tables import TABLES
from stdaemon.db.writer import DbWriter
from stdaemon.domain.base import Entity
from tests.services.fakes import body, data
from tests.writer.writer_support import count, fetch, running

RESET = date(2026, 11, 15)


def canonical(value: Any) -> str:
    return json.dumps(value, sort_keys=True)


NOW = datetime(2026, 11, 21, 12, 0, tzinfo=UTC)

KIND_TABLES = {
    "agent": {"telemetry.agents", "telemetry.agent_snapshots"},
    "ship": {"telemetry.ships"},
    "ships": {"telemetry.ships"},
    "system": {"reference.systems"},
    "systems": {"reference.systems"},
    "waypoint": {"reference.waypoints"},
    "waypoints": {"reference.waypoints"},
    "market": {
        "telemetry.markets",
        "telemetry.market_trade_goods",
        "telemetry.market_snapshots",
        "telemetry.market_transactions",
    },
    "shipyard": {"telemetry.shipyards", "telemetry.shipyard_ships", "telemetry.shipyard_transactions"},
    "jump-gate": {"reference.jump_gates"},
    "construction": {"reference.construction_sites"},
    "contract": {"telemetry.contracts"},
    "contracts": {"telemetry.contracts"},
    "faction": {"reference.factions"},
    "factions": {"reference.factions"},
    "supply-chain": {"reference.supply_chain"},
}

Decode = Callable[[Any], Entity]
RESULTS: dict[str, tuple[Decode, set[str]]] = {
    "refuel": (adapters.refuel_result, {"telemetry.agents", "telemetry.market_transactions"}),
    "purchase": (adapters.trade_result, {"telemetry.agents", "telemetry.market_transactions"}),
    "extract": (adapters.extract_result, {"telemetry.extractions"}),
    "survey": (adapters.survey_result, {"telemetry.surveys"}),
    "accept-contract": (adapters.contract_result, {"telemetry.contracts", "telemetry.agents"}),
    "deliver-contract": (adapters.contract_result, {"telemetry.contracts"}),
    "purchase-ship": (
        adapters.ship_purchase_result,
        {"telemetry.agents", "telemetry.ships", "telemetry.shipyard_transactions"},
    ),
}


@pytest.mark.parametrize("kind", sorted(KIND_TABLES))
async def test_every_ingest_kind_lands_without_dead_letters(clean_db: AsyncEngine, kind: str) -> None:
    models = adapters.decode_kind(kind, body(kind))
    rows = rows_for_all(models, reset_date=RESET, observed_at=NOW)
    assert KIND_TABLES[kind] <= set(rows), f"{kind} maps to {sorted(rows)}"
    writer = DbWriter(clean_db, linger_s=0.01)
    async with running(writer):
        changed = await writer.write_atomic(list(rows.items()))
    assert await count(clean_db, "telemetry.dead_letters") == 0
    for table in KIND_TABLES[kind]:
        assert await count(clean_db, table) == len(
            {tuple(r[k] for k in TABLES[table].key) for r in rows[table]}
        )
        assert changed[table] > 0
    for table in rows:  # raw round-trips exactly (jsonb keeps values, not key order)
        stored = await fetch(clean_db, f"SELECT raw FROM {table}")
        assert sorted(canonical(r["raw"]) for r in stored) == sorted(
            {canonical(r["raw"]) for r in rows[table]}
        )


@pytest.mark.parametrize("name", sorted(RESULTS))
async def test_action_results_land_in_their_tables(clean_db: AsyncEngine, name: str) -> None:
    decode, tables = RESULTS[name]
    result = decode(data(name))
    writer = DbWriter(clean_db, linger_s=0.01)
    async with running(writer):
        await WriterSink(writer).write([result], reset_date=RESET, observed_at=NOW)
        await writer.flush()
    assert await count(clean_db, "telemetry.dead_letters") == 0
    for table in tables:
        assert await count(clean_db, table) >= 1, table

"""Real-shaped history rows (the saved payloads, through the adapters and `db.rows`) for the partition and
migration tests: market snapshots and transactions, agent snapshots, shipyard transactions, extractions, and
the credit ledger entries of the market's transactions."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from typing import Any

from sqlalchemy import insert
from sqlalchemy.ext.asyncio import AsyncEngine

from stdaemon.api import adapters
from stdaemon.db.credit_ledger import ledger_row
from stdaemon.db.rows import merge, rows_for
from stdaemon.db.tables import TABLES
from stdaemon.domain.operations import LedgerEntry
from tests.services.fakes import data

HISTORY = tuple(name for name, spec in TABLES.items() if spec.kind == "history")
EPOCHS = (date(2025, 4, 13), date(2025, 4, 27))
T0 = datetime(2025, 4, 20, 10, 0, tzinfo=UTC)


def history_rows(epoch: date, observations: int) -> dict[str, list[dict[str, Any]]]:
    """`observations` polls of the saved market, agent, shipyard and extraction answers in `epoch`.

    Transactions carry their own timestamps, so their rows repeat across polls: shifted per poll here, as
    new trades would be.
    """
    market, agent = adapters.market(data("market")), adapters.agent(data("agent"))
    shipyard, extract = adapters.shipyard(data("shipyard")), adapters.extract_result(data("extract"))
    parts = []
    for k in range(observations):
        at = T0 + timedelta(minutes=5 * k)
        part = merge(
            *(rows_for(m, reset_date=epoch, observed_at=at) for m in (market, agent, shipyard, extract))
        )
        for table in ("telemetry.market_transactions", "telemetry.shipyard_transactions"):
            for row in part[table]:
                row["timestamp"] += timedelta(minutes=5 * k)
        part["telemetry.credit_ledger"] = [ledger_row(_spent(t, k), epoch) for t in market.transactions]
        parts.append({t: rows for t, rows in part.items() if t in HISTORY})
    return merge(*parts)


def _spent(t: Any, k: int) -> LedgerEntry:
    """The credit change of one of the market's transactions, as the fleet records it."""
    sign = -1 if t.type == "PURCHASE" else 1
    return LedgerEntry(
        entry_id=f"{t.ship_symbol}-{t.timestamp.isoformat()}-{k}",
        occurred_at=t.timestamp + timedelta(minutes=5 * k),
        agent_symbol=t.ship_symbol.rsplit("-", 1)[0],
        ship_symbol=t.ship_symbol,
        behaviour="trader",
        kind=t.type,
        ref=t.trade_symbol,
        amount=sign * t.total_price,
        units=t.units,
        price_per_unit=t.price_per_unit,
        waypoint_symbol=t.waypoint_symbol,
    )


async def insert_rows(engine: AsyncEngine, rows: dict[str, list[dict[str, Any]]]) -> None:
    """Plain INSERTs (no writer): the rows of any revision's tables, as a user's database holds them."""
    async with engine.begin() as conn:
        for table, batch in rows.items():
            await conn.execute(insert(TABLES[table].table), batch)

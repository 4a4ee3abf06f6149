"""The shared rate budget's row: `public.stdaemon_rate_budgets`, one row per budget key (migration 0008).

`DbBudgetStore.transact(key, step)` locks the key's row (`SELECT … FOR UPDATE`, so the processes sharing it
take turns), reads the database's clock, runs `step(state, now)` (the two-pool bookkeeping of
`api.shared_budget`, pure and quick) and writes the state back, in one short transaction.

The table sits in `public` beside `alembic_version`, not in `reference`/`telemetry`: it is the daemons'
coordination state, not data of a server-reset epoch (the budget goes on across a reset).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

from sqlalchemy import TIMESTAMP, Column, MetaData, Table, Text, func, select, text, update
from sqlalchemy.dialects.postgresql import JSONB, insert
from sqlalchemy.ext.asyncio import AsyncEngine

T = TypeVar("T")
State = dict[str, Any]

budget_metadata = MetaData()
BUDGETS = Table(
    "stdaemon_rate_budgets",
    budget_metadata,
    Column("key", Text, primary_key=True),
    Column("state", JSONB, nullable=False, server_default=text("'{}'::jsonb")),
    Column("updated_at", TIMESTAMP(timezone=True), nullable=False, server_default=text("now()")),
    schema="public",
)


class DbBudgetStore:
    """The `BudgetStore` of `api.shared_budget` on PostgreSQL."""

    def __init__(self, engine: AsyncEngine) -> None:
        self._engine = engine
        self._known: set[str] = set()

    def __repr__(self) -> str:
        return f"DbBudgetStore(keys={sorted(self._known)})"

    async def transact(self, key: str, step: Callable[[State | None, float], tuple[State, T]]) -> T:
        async with self._engine.begin() as conn:
            if key not in self._known:
                await conn.execute(insert(BUDGETS).values(key=key).on_conflict_do_nothing())
                self._known.add(key)
            now = func.extract("epoch", func.clock_timestamp())
            row = (
                await conn.execute(select(BUDGETS.c.state, now).where(BUDGETS.c.key == key).with_for_update())
            ).one()
            state, result = step(row[0] or None, float(row[1]))
            await conn.execute(
                update(BUDGETS).where(BUDGETS.c.key == key).values(state=state, updated_at=func.now())
            )
        return result

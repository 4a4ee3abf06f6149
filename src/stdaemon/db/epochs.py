"""Which epochs a database holds, and whether the sandbox may write into it.

The sandbox (no ST_TOKEN) plays an in-process simulator. Its rows must never land beside a real agent's: a
blank or forgotten token would otherwise fill the user's real database with invented systems and ships.
"""

from __future__ import annotations

from datetime import date

from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncEngine

from stdaemon.exits import ConfigError


async def real_epochs(engine: AsyncEngine) -> list[date]:
    """The reset dates recorded from a real server (not a simulator), oldest first."""
    async with engine.connect() as conn:
        rows = await conn.execute(
            text("SELECT reset_date FROM reference.resets WHERE NOT simulated ORDER BY 1")
        )
        return [r.reset_date for r in rows]


async def next_sandbox_epoch(engine: AsyncEngine) -> date:
    """The reset date for a new sandbox game: today (UTC), or the day after the last simulated epoch if that
    is today or later. The in-process simulator starts a new world at every start; were its date today's
    again, the new game's rows would land in the last one's epoch, where its contracts, ship behaviours and
    ledger belong to a world that is gone."""
    async with engine.connect() as conn:
        value = await conn.scalar(
            text(
                "SELECT greatest((now() AT TIME ZONE 'utc')::date, max(reset_date) + 1)"
                " FROM reference.resets WHERE simulated"
            )
        )
    assert isinstance(value, date)
    return value


async def ensure_sandbox_may_write(engine: AsyncEngine, where: str) -> None:
    """Refuse (78) to run the sandbox against a database that holds a real agent's epoch."""
    real = await real_epochs(engine)
    if real:
        dates = ", ".join(d.isoformat() for d in real[-3:])
        raise ConfigError(
            f"ST_TOKEN is not set, so stdaemon would play the local sandbox, but {where} holds a real "
            f"agent's data (reset {dates}): set ST_TOKEN to play that agent, or give the sandbox another "
            "database (ST_DATABASE_URL, or ST_STATE_DIR for the embedded one)"
        )

"""Ship claims and behaviour state in `telemetry.ship_behaviours` (the fleet's `AssignmentStore`).

Claims work across processes (`stdaemon run fleet` and `run markets` may be two): a row names the runner that
holds a ship and until when (`lease_until`, on the database's clock); a runner renews its leases every
minute, and takes a ship only if nobody holds it, it already holds it, or the holder's lease ran out. Taken
from another runner, a ship starts with no behaviour (the state was the other runner's). One process per
runner role: `hold_role` takes a session advisory lock on a connection held for the process's life, so a
killed process frees its role at once (the server drops the lock with the connection).

These statements run directly, not through the DbWriter: a claim must be atomic and seen at once, and a
behaviour's state must be stored before the next step acts on it.
"""

from __future__ import annotations

import json
import zlib
from collections.abc import AsyncIterator, Sequence
from contextlib import asynccontextmanager
from datetime import date, timedelta
from typing import Any

from sqlalchemy import Row, bindparam, text
from sqlalchemy.dialects.postgresql import ARRAY, JSONB
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine
from sqlalchemy.types import Text

from stdaemon.db.committer import one_line
from stdaemon.db.retry import classify
from stdaemon.domain.operations import ShipAssignment
from stdaemon.logging import get_logger

log = get_logger(__name__)

LEASE = timedelta(minutes=5)
_ROLE_LOCK_BASE = 0x57D0_0000  # advisory lock keys of stdaemon's runner roles: base + crc of the role name

_COLUMNS = "ship_symbol, runner, behaviour, state, wake_at, note"

_CLAIM = text(
    f"""
    INSERT INTO telemetry.ship_behaviours AS b
           (reset_date, ship_symbol, runner, lease_until, state, claimed_at)
    SELECT :reset_date, s, :runner, now() + :lease, '{{}}'::jsonb, now() FROM unnest(:ships) AS s
    ON CONFLICT (reset_date, ship_symbol) DO UPDATE
       SET lease_until = excluded.lease_until,
           runner = excluded.runner,
           claimed_at = CASE WHEN b.runner = excluded.runner THEN b.claimed_at ELSE now() END,
           behaviour = CASE WHEN b.runner = excluded.runner THEN b.behaviour END,
           state = CASE WHEN b.runner = excluded.runner THEN b.state ELSE '{{}}'::jsonb END,
           wake_at = CASE WHEN b.runner = excluded.runner THEN b.wake_at END,
           written_at = now()
     WHERE b.runner = excluded.runner OR b.lease_until < now()
    RETURNING {_COLUMNS}
    """
).bindparams(bindparam("ships", type_=ARRAY(Text)))

_SAVE = text(
    """
    UPDATE telemetry.ship_behaviours
       SET behaviour = :behaviour, state = :state, wake_at = :wake_at, note = :note, written_at = now()
     WHERE reset_date = :reset_date AND ship_symbol = :ship AND runner = :runner
    """
).bindparams(bindparam("state", type_=JSONB))

_RELEASE = text(
    """
    UPDATE telemetry.ship_behaviours SET lease_until = now(), written_at = now()
     WHERE reset_date = :reset_date AND runner = :runner AND ship_symbol = ANY(:ships)
    """
).bindparams(bindparam("ships", type_=ARRAY(Text)))

_ALL = text(f"SELECT {_COLUMNS} FROM telemetry.ship_behaviours WHERE reset_date = :reset_date ORDER BY 1")


def role_lock_key(runner: str) -> int:
    return _ROLE_LOCK_BASE + zlib.crc32(runner.encode())


def _assignment(row: Row[Any]) -> ShipAssignment:
    state = json.loads(row.state) if isinstance(row.state, str) else row.state
    return ShipAssignment(
        ship_symbol=row.ship_symbol,
        runner=row.runner,
        behaviour=row.behaviour,
        state=state or {},
        wake_at=row.wake_at,
        note=row.note,
    )


async def _unlock(conn: AsyncConnection, runner: str, key: int) -> None:
    """Release the role's lock; when its connection died (the server restarted), the lock died with it."""
    try:
        await conn.execute(text("SELECT pg_advisory_unlock(:k)"), {"k": key})
        await conn.commit()
    except Exception as exc:
        if classify(exc) != "transient":
            raise
        log.warning("runner_role_lock_lost", runner=runner, error=one_line(exc))


class DbAssignmentStore:
    """See the module docstring."""

    def __init__(self, engine: AsyncEngine, *, lease: timedelta = LEASE) -> None:
        self._engine = engine
        self._lease = lease

    @asynccontextmanager
    async def hold_role(self, runner: str) -> AsyncIterator[bool]:
        key = role_lock_key(runner)
        async with self._engine.connect() as conn:
            held = bool((await conn.execute(text("SELECT pg_try_advisory_lock(:k)"), {"k": key})).scalar())
            await conn.commit()
            try:
                yield held
            finally:
                if held:
                    await _unlock(conn, runner, key)

    async def claim(self, reset_date: date, runner: str, ships: Sequence[str]) -> list[ShipAssignment]:
        if not ships:
            return []
        params = {"reset_date": reset_date, "runner": runner, "lease": self._lease, "ships": list(ships)}
        async with self._engine.begin() as conn:
            rows = (await conn.execute(_CLAIM, params)).all()
        return sorted((_assignment(r) for r in rows), key=lambda a: a.ship_symbol)

    async def save(self, reset_date: date, assignment: ShipAssignment) -> None:
        params = {
            "reset_date": reset_date,
            "ship": assignment.ship_symbol,
            "runner": assignment.runner,
            "behaviour": assignment.behaviour,
            "state": assignment.state,
            "wake_at": assignment.wake_at,
            "note": assignment.note,
        }
        async with self._engine.begin() as conn:
            await conn.execute(_SAVE, params)

    async def release(self, reset_date: date, runner: str, ships: Sequence[str]) -> None:
        async with self._engine.begin() as conn:
            await conn.execute(_RELEASE, {"reset_date": reset_date, "runner": runner, "ships": list(ships)})

    async def assignments(self, reset_date: date) -> list[ShipAssignment]:
        async with self._engine.connect() as conn:
            return [_assignment(r) for r in (await conn.execute(_ALL, {"reset_date": reset_date})).all()]

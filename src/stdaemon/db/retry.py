"""Which database errors are worth retrying (the wait between tries is `stdaemon.backoff`).

Three outcomes, because each needs a different answer from the writer:
- `transient` — the server or the connection is the problem (lost connection, restart, too many clients,
  serialization failure, deadlock, timeout): retry the whole batch later; never drop a row.
- `row` — the data is the problem (a constraint or a value PostgreSQL or asyncpg rejects): split the batch
  to find the rows, write the rest, dead-letter the culprits.
- `fatal` — our code is the problem (undefined column, syntax): retrying or dead-lettering every row would
  hide a bug, so the writer fails and takes the process down (systemd restarts it after the fix).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Literal

import asyncpg
from sqlalchemy import exc as sa_exc

Verdict = Literal["transient", "row", "fatal"]

# SQLSTATE classes and codes: 08 connection exception, 53 insufficient resources, 57 operator intervention
# (admin shutdown, crash shutdown, cannot connect now, query canceled), 58 system error, 40001 serialization
# failure, 40P01 deadlock, 55P03 lock not available, 55006 object in use, 25P03 idle-in-transaction timeout.
_TRANSIENT_CLASSES = frozenset({"08", "53", "57", "58"})
_TRANSIENT_CODES = frozenset({"40001", "40P01", "55P03", "55006", "25P03"})
_ROW_CLASSES = frozenset({"22", "23"})


def exception_chain(exc: BaseException) -> Iterator[BaseException]:
    """`exc`, then breadth first what it wraps: `orig` (SQLAlchemy), `__cause__`, `__context__`; each once."""
    seen: set[int] = set()
    todo: list[BaseException] = [exc]
    while todo:
        e = todo.pop(0)
        if id(e) in seen:
            continue
        seen.add(id(e))
        yield e
        orig = getattr(e, "orig", None)
        for nxt in (orig, e.__cause__, e.__context__):
            if isinstance(nxt, BaseException):
                todo.append(nxt)


def _sqlstate(e: BaseException) -> str | None:
    state = getattr(e, "sqlstate", None) or getattr(e, "pgcode", None)
    return state if isinstance(state, str) and len(state) == 5 else None


def classify(exc: BaseException) -> Verdict:  # noqa: PLR0911 - one answer per kind of error
    """Decide what a failed batch attempt means (see the module docstring)."""
    for e in exception_chain(exc):
        state = _sqlstate(e)
        if state is not None:
            if state[:2] in _TRANSIENT_CLASSES or state in _TRANSIENT_CODES:
                return "transient"
            if state[:2] in _ROW_CLASSES:
                return "row"
            return "fatal"
        if isinstance(e, asyncpg.InterfaceError) and isinstance(e, ValueError):
            return "row"  # asyncpg's client-side DataError: a value it cannot encode for its column
        if isinstance(e, asyncpg.exceptions.OutdatedSchemaCacheError):
            return "transient"  # a migration changed a type under a prepared statement; asyncpg re-prepares
        if isinstance(e, asyncpg.InterfaceError | OSError | TimeoutError | sa_exc.DisconnectionError):
            return "transient"
        if isinstance(e, sa_exc.DBAPIError) and e.connection_invalidated:
            return "transient"
        if isinstance(e, sa_exc.OperationalError | sa_exc.InterfaceError):
            return "transient"
        if isinstance(e, sa_exc.IntegrityError | sa_exc.DataError):
            return "row"
        if isinstance(e, TypeError | ValueError | OverflowError | UnicodeError):
            return "row"  # a value our encoders (json) or asyncpg's refuse
    return "fatal"

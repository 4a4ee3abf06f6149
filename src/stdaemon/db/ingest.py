"""Writing decoded payload files (`stdaemon ingest`): each file whole or not at all, replays change nothing.

- One file = one `DbWriter.write_atomic` call = ONE transaction with every row of the file: a row the
  database refuses rolls the whole file back and the file is reported failed with the reason; the other
  files are still written. (Not the writer's dead-letter path: a half-written file would be worse than a
  refused one, and the user still has the file to fix and re-ingest.)
- The reset epoch: `--reset-date` when given (e.g. to ingest a file saved in an earlier reset), otherwise the
  latest reset recorded in `reference.resets` (the daemon records it from `GET /`). Neither → a clear error,
  nothing written: guessing an epoch would file the rows under the wrong universe.
- `observed_at` is the file's modification time — when the payload was saved — not the time of ingest, so
  ingesting the same file again writes nothing new (history keys match, upserts see no change) and an old
  file never overwrites newer observations of the same entity.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path

from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncEngine

from stdaemon.db.rows import rows_for_all
from stdaemon.db.writer import DbWriter, WriteRejected
from stdaemon.domain.base import DomainModel
from stdaemon.exits import StdaemonError


@dataclass(frozen=True, slots=True)
class FileWrite:
    """One file's outcome: rows it maps to, rows that really changed, or why nothing was written."""

    path: Path
    rows: int
    changed: int
    error: str | None = None


async def latest_reset(engine: AsyncEngine) -> date | None:
    async with engine.connect() as conn:
        value = (await conn.execute(text("SELECT max(reset_date) FROM reference.resets"))).scalar_one()
    return value if isinstance(value, date) else None


async def resolve_reset_date(engine: AsyncEngine, given: date | None) -> date:
    if given is not None:
        return given
    latest = await latest_reset(engine)
    if latest is None:
        raise StdaemonError(
            "no reset date known: the database has no reference.resets row yet (the daemon records it "
            "from GET /); pass --reset-date YYYY-MM-DD (the server's resetDate when the files were saved)"
        )
    return latest


def observed_at(path: Path) -> datetime:
    """When the payload was saved: the file's modification time."""
    return datetime.fromtimestamp(path.stat().st_mtime, tz=UTC)


async def write_files(
    writer: DbWriter, files: Sequence[tuple[Path, Sequence[DomainModel]]], *, reset_date: date
) -> list[FileWrite]:
    """Write each file's models in its own transaction through `writer` (running: see bootstrap.run_batch)."""
    outcomes: list[FileWrite] = []
    for path, models in files:
        rows = rows_for_all(models, reset_date=reset_date, observed_at=observed_at(path))
        total = sum(len(r) for r in rows.values())
        try:
            changed = await writer.write_atomic(list(rows.items()))
        except WriteRejected as exc:
            outcomes.append(FileWrite(path, total, 0, f"nothing written: {exc}"))
        else:
            outcomes.append(FileWrite(path, total, sum(changed.values())))
    return outcomes

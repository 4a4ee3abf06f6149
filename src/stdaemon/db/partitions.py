"""The partitions of a reset epoch, made before the writer's first row of that epoch reaches a history table.

History tables are partitioned by `reset_date` (migration 0005). `telemetry.ensure_epoch(d)` makes epoch `d`'s
partitions; until it runs, that epoch's rows land in the DEFAULT partition (stored, never refused, and moved
into the epoch's own partition when it is made). The writer calls it once per epoch and process, in a short
transaction of its own before the batch: a new epoch starts every week or two, so this costs nothing in
steady state. If it fails for a reason retrying cannot fix (say, a role that may not create tables), the
failure is logged once and the rows go to the DEFAULT partition: slower queries, no lost row.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Iterable, Mapping
from datetime import date
from typing import Any

from stdaemon.db.tables import TableSpec
from stdaemon.logging import get_logger

log = get_logger(__name__)

Run = Callable[..., Awaitable[Any]]  # Committer.run(work, what=…)


class EpochPartitions:
    """Epochs whose partitions this process has made sure of."""

    def __init__(self) -> None:
        self._known: set[date] = set()

    def missing(self, spec: TableSpec, rows: Iterable[Mapping[str, Any]]) -> list[date]:
        """The epochs of these rows still to make sure of (history tables only)."""
        if spec.kind != "history":
            return []
        epochs = {r.get("reset_date") for r in rows}
        return sorted(e for e in epochs if isinstance(e, date) and e not in self._known)

    async def ensure(self, run: Run, epochs: list[date]) -> None:
        """Make each epoch's partitions (retried like any write); a lasting failure is logged, not raised."""
        from stdaemon.db.committer import DeadlineExceeded

        for epoch in epochs:

            async def work(conn: Any, epoch: date = epoch) -> int:
                return int(await conn.fetchval("SELECT telemetry.ensure_epoch($1)", epoch))

            try:
                made = await run(work, what="telemetry.ensure_epoch")
            except DeadlineExceeded:
                raise
            except Exception as exc:
                log.error(  # noqa: TRY400 - one line; the cause is in `error`
                    "db_epoch_partitions_failed",
                    reset_date=epoch.isoformat(),
                    error=f"{type(exc).__name__}: {exc}"[:300],
                    hint="rows of this epoch go to the DEFAULT partitions until `SELECT "
                    "telemetry.ensure_epoch(...)` succeeds (see README, Years of price history)",
                )
            else:
                if made:
                    log.info("db_epoch_partitions_made", reset_date=epoch.isoformat(), partitions=made)
            self._known.add(epoch)

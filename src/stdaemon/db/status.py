"""What `stdaemon status` reports: reachability, migration revision vs head, reset epoch, rows, last write
and last observation per table, the crawl's progress, and (`ops_status`) every runner's heartbeat and the
runners' other progress: market freshness, credits, dead letters.

Every table of the registry is listed, also when it does not exist yet (a database behind head): then its
`rows` and `last_write` are None and `exists` is False, so a reader sees what is missing instead of nothing.
`last_write` moves only when a row really changed (the writer skips unchanged upserts); `last_observed` is
when the newest row was observed (its `observed_at`), so a healthy daemon whose data did not change does not
look stalled.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from datetime import date, datetime
from typing import Any

from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine

from stdaemon.db import migrations
from stdaemon.db.crawl_status import CrawlStatus, crawl_status
from stdaemon.db.fleet_status import FleetStatus, collect_fleet
from stdaemon.db.ops_status import PROGRESS_TABLES, Beat, Progress, read_beats, read_progress, runners_json
from stdaemon.db.tables import TABLES

# A runner whose last heartbeat is older than this many of its intervals is reported `stale`.
STALE_BEATS = 3


@dataclass(frozen=True)
class TableStatus:
    name: str
    kind: str
    exists: bool
    rows: int | None
    last_write: datetime | None
    last_observed: datetime | None = None


@dataclass(frozen=True)
class StatusReport:
    where: str
    embedded: bool
    reachable: bool
    server_version: str | None
    revision: str | None
    head: str
    reset_date: date | None
    tables: list[TableStatus] = field(default_factory=list)
    crawl: CrawlStatus | None = None
    runners: list[Beat] = field(default_factory=list)
    progress: Progress | None = None
    stale_after_s: float = 45.0
    fleet: FleetStatus | None = None

    @property
    def at_head(self) -> bool:
        return self.revision == self.head

    def as_json(self) -> dict[str, Any]:
        """A JSON-ready dict (dates as ISO strings)."""
        return {
            "database": {
                "where": self.where,
                "embedded": self.embedded,
                "reachable": self.reachable,
                "server_version": self.server_version,
            },
            "migration": {"revision": self.revision, "head": self.head, "at_head": self.at_head},
            "reset_date": self.reset_date.isoformat() if self.reset_date else None,
            "tables": [
                {**asdict(t), "last_write": _iso(t.last_write), "last_observed": _iso(t.last_observed)}
                for t in self.tables
            ],
            "crawl": self.crawl.as_json() if self.crawl else None,
            "runners": runners_json(self.runners, self.stale_after_s),
            "progress": self.progress.as_json() if self.progress is not None else None,
            "fleet": self.fleet.as_json() if self.fleet is not None else None,
        }


def _iso(moment: datetime | None) -> str | None:
    return moment.isoformat() if moment else None


# When a row was observed, per table: `observed_at`, else the column that plays its part.
_OBSERVED = {
    "reference.resets": "last_seen_at",
    "telemetry.dead_letters": "failed_at",
    "telemetry.runner_heartbeats": "beat_at",
    "telemetry.ship_behaviours": "written_at",  # a claim or a saved state: when it was written is when
}


def _observed_column(name: str) -> str:
    return _OBSERVED.get(name, "observed_at")


async def _existing(conn: AsyncConnection) -> set[str]:
    rows = await conn.execute(
        text(
            "SELECT schemaname || '.' || tablename FROM pg_tables "
            "WHERE schemaname IN ('reference', 'telemetry')"
        )
    )
    return {r[0] for r in rows}


async def _counts(
    conn: AsyncConnection, names: list[str]
) -> dict[str, tuple[int, datetime | None, datetime | None]]:
    """Row count, max(written_at) and the newest observation of each table, in one round trip."""
    if not names:
        return {}
    # Names come from our own registry (never user input) and are quoted per part.
    parts = [
        f"SELECT '{name}' AS name, count(*) AS n, max(written_at) AS w, max({_observed_column(name)}) AS o "
        "FROM " + ".".join(f'"{p}"' for p in name.split("."))
        for name in names
    ]
    rows = await conn.execute(text(" UNION ALL ".join(parts)))
    return {r.name: (int(r.n), r.w, r.o) for r in rows}


async def collect(
    engine: AsyncEngine, *, where: str, embedded: bool, heartbeat_interval_s: float = 15.0
) -> StatusReport:
    """Gather the report; connection errors propagate (the caller maps them to one line)."""
    head = migrations.head_revision()
    revision = await migrations.current_revision(engine)
    async with engine.connect() as conn:
        version = (await conn.execute(text("SHOW server_version"))).scalar()
        existing = await _existing(conn)
        counts = await _counts(conn, [n for n in TABLES if n in existing])
        reset: date | None = None
        if "reference.resets" in existing:
            reset = (
                await conn.execute(text("SELECT max(reset_date) FROM reference.resets"))
            ).scalar_one_or_none()
        crawl = await crawl_status(conn) if "reference.crawl_progress" in existing else None
        beats = await read_beats(conn) if "telemetry.runner_heartbeats" in existing else []
        progress = await read_progress(conn) if existing >= PROGRESS_TABLES else None
        fleet = None
        if reset is not None and {"telemetry.credit_ledger", "telemetry.ship_behaviours"} <= existing:
            fleet = await collect_fleet(conn, reset)
    tables = [
        TableStatus(
            name=name,
            kind=spec.kind,
            exists=name in existing,
            rows=counts[name][0] if name in counts else None,
            last_write=counts[name][1] if name in counts else None,
            last_observed=counts[name][2] if name in counts else None,
        )
        for name, spec in TABLES.items()
    ]
    return StatusReport(
        where=where,
        embedded=embedded,
        reachable=True,
        server_version=str(version) if version is not None else None,
        revision=revision,
        head=head,
        reset_date=reset,
        tables=tables,
        crawl=crawl,
        runners=beats,
        progress=progress,
        stale_after_s=STALE_BEATS * heartbeat_interval_s,
        fleet=fleet,
    )


async def ready_fields(engine: AsyncEngine, *, where: str, embedded: bool) -> dict[str, Any]:
    """What the start-up line says: where, which server, which revision, which epoch. No row counts: a
    `count(*)` of years of history would make every start wait (`stdaemon status` counts them)."""
    revision = await migrations.current_revision(engine)
    async with engine.connect() as conn:
        version = (await conn.execute(text("SHOW server_version"))).scalar()
        reset = (await conn.execute(text("SELECT max(reset_date) FROM reference.resets"))).scalar()
    return {
        "where": where,
        "embedded": embedded,
        "server_version": str(version) if version is not None else None,
        "revision": revision,
        "at_head": revision == migrations.head_revision(),
        "reset_date": reset.isoformat() if reset is not None else None,
    }


def unreachable(*, where: str, embedded: bool) -> StatusReport:
    """The report when the database could not be reached at all."""
    tables = [TableStatus(n, s.kind, False, None, None) for n, s in TABLES.items()]
    return StatusReport(where, embedded, False, None, None, migrations.head_revision(), None, tables)

"""Operations figures kept in and read from the database, so any process (`stdaemon status`) can see them.

- `record_beat` upserts a runner's heartbeat row (`telemetry.runner_heartbeats`); `read_beats` lists the
  runners of the latest epoch that reported.
- `read_progress` reads what the runners have achieved, from the tables they write: the freshest and the
  stalest market price (latest `observed_at` per market in `telemetry.market_trade_goods`), each agent's
  credits, and the dead letters, for the latest epoch in `reference.resets`. (The crawl's progress is
  `crawl_status`.)
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import func, text
from sqlalchemy.dialects.postgresql import insert
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine

from stdaemon.db.tables import RunnerHeartbeat

# What `read_progress` reads: `status` asks only when they all exist (a database behind head may lack some).
PROGRESS_TABLES = frozenset(
    {"reference.resets", "telemetry.market_trade_goods", "telemetry.agents", "telemetry.dead_letters"}
)
_HEARTBEATS = RunnerHeartbeat.__table__  # type: ignore[attr-defined]


@dataclass(frozen=True, slots=True)
class Beat:
    """One runner's heartbeat: who (epoch, agent, host, role, pid), when, what it does, its figures.

    `beat_at` and `stopped_at` are written with the database's clock (hosts' clocks may differ), and `age_s`
    (seconds since `beat_at`, by the same clock) is filled in when read.
    """

    reset_date: date
    agent_symbol: str
    host: str
    role: str
    pid: int
    started_at: datetime
    beat_at: datetime
    stopped_at: datetime | None
    activity: str
    budget_used_1m: int
    requests_sent: int
    throttled_429: int
    dead_letters: int
    writer_queue_rows: int
    figures: dict[str, Any]
    age_s: float | None = None


async def record_beat(engine: AsyncEngine, beat: Beat) -> None:
    """Upsert the runner's row (one statement, its own transaction)."""
    row: dict[str, Any] = asdict(beat)
    del row["age_s"]
    row["beat_at"] = func.now()
    if beat.stopped_at is not None:
        row["stopped_at"] = func.now()
    stmt = insert(_HEARTBEATS).values(row)
    key = ("reset_date", "agent_symbol", "host", "role")
    update = {c: stmt.excluded[c] for c in row if c not in key} | {"written_at": func.now()}
    async with engine.begin() as conn:
        await conn.execute(stmt.on_conflict_do_update(index_elements=list(key), set_=update))


async def read_beats(conn: AsyncConnection) -> list[Beat]:
    """Every runner that reported in the latest epoch any runner reported in, by role, agent and host."""
    rows = await conn.execute(
        text(
            "SELECT *, extract(epoch FROM now() - beat_at)::float8 AS age_s "
            "FROM telemetry.runner_heartbeats WHERE reset_date = "
            "(SELECT max(reset_date) FROM telemetry.runner_heartbeats) ORDER BY role, agent_symbol, host"
        )
    )
    fields = Beat.__dataclass_fields__
    return [Beat(**{k: v for k, v in r._mapping.items() if k in fields}) for r in rows]


@dataclass(frozen=True, slots=True)
class Progress:
    """What the runners achieved in the epoch `reset_date`, from the tables they write."""

    reset_date: date | None
    markets_priced: int
    freshest_market: str | None
    freshest_market_at: datetime | None
    stalest_market: str | None
    stalest_market_at: datetime | None
    credits: dict[str, int]
    dead_letters: int

    def as_json(self) -> dict[str, Any]:
        out = asdict(self)
        return {k: v.isoformat() if isinstance(v, date | datetime) else v for k, v in out.items()}


_MARKETS = """
SELECT waypoint_symbol, max(observed_at) AS seen FROM telemetry.market_trade_goods
 WHERE reset_date = :r GROUP BY waypoint_symbol ORDER BY seen DESC, waypoint_symbol
"""


async def read_progress(conn: AsyncConnection) -> Progress:
    """The figures of the latest epoch (all empty before the first `GET /` was recorded)."""
    reset: date | None = (
        await conn.execute(text("SELECT max(reset_date) FROM reference.resets"))
    ).scalar_one_or_none()
    dead = int((await conn.execute(text("SELECT count(*) FROM telemetry.dead_letters"))).scalar_one())
    if reset is None:
        return Progress(None, 0, None, None, None, None, {}, dead)
    markets = (await conn.execute(text(_MARKETS), {"r": reset})).all()
    credits = await conn.execute(
        text("SELECT symbol, credits FROM telemetry.agents WHERE reset_date = :r ORDER BY symbol"),
        {"r": reset},
    )
    return Progress(
        reset_date=reset,
        markets_priced=len(markets),
        freshest_market=markets[0].waypoint_symbol if markets else None,
        freshest_market_at=markets[0].seen if markets else None,
        stalest_market=markets[-1].waypoint_symbol if markets else None,
        stalest_market_at=markets[-1].seen if markets else None,
        credits={r.symbol: int(r.credits) for r in credits},
        dead_letters=dead,
    )


def runner_state(beat: Beat, stale_after_s: float) -> str:
    """`stopped` (a clean stop), `stale` (no heartbeat for `stale_after_s`: dead or wedged), or `running`."""
    if beat.stopped_at is not None:
        return "stopped"
    return "stale" if beat.age_s is None or beat.age_s > stale_after_s else "running"


def runners_json(beats: list[Beat], stale_after_s: float) -> dict[str, dict[str, Any]]:
    """The runners keyed by role; a role several agents or hosts run is keyed `role/AGENT` (`@host` too)."""

    def key(beat: Beat) -> str:
        same_role = [b for b in beats if b.role == beat.role]
        if len(same_role) == 1:
            return beat.role
        same_agent = [b for b in same_role if b.agent_symbol == beat.agent_symbol]
        return f"{beat.role}/{beat.agent_symbol}" + (f"@{beat.host}" if len(same_agent) > 1 else "")

    out: dict[str, dict[str, Any]] = {}
    for beat in beats:
        api = beat.figures.get("api", {})
        out[key(beat)] = {
            "role": beat.role,
            "agent": beat.agent_symbol,
            "host": beat.host,
            "pid": beat.pid,
            "state": runner_state(beat, stale_after_s),
            "last_heartbeat": beat.beat_at.isoformat(),
            "heartbeat_age_s": round(beat.age_s, 1) if beat.age_s is not None else None,
            "started_at": beat.started_at.isoformat(),
            "stopped_at": beat.stopped_at.isoformat() if beat.stopped_at else None,
            "doing": beat.activity,
            "budget_used_last_minute": beat.budget_used_1m,
            "budget_allowance_per_minute": api.get("allowance_per_minute"),
            "requests_sent": beat.requests_sent,
            "throttled_429": beat.throttled_429,
            "dead_letters": beat.dead_letters,
            "writer_queue_rows": beat.writer_queue_rows,
        }
    return out

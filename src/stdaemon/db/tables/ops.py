"""Schema `telemetry`, operations side: one heartbeat row per runner process, for `stdaemon status`.

A runner (role) of an agent on a host upserts its row every `ST_HEARTBEAT_INTERVAL_S`: what it is doing, its
rate-budget use in the last minute, its writer's queue and dead letters, and every figure of its `stats` line
(`figures`). `stopped_at` is set on a clean stop, so a stale `beat_at` without it means the process died.
The key holds the reset epoch (agent symbols are reused after a server reset), the agent and the host: several
agents on several hosts report into one database.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any, ClassVar

from sqlalchemy import CheckConstraint

from stdaemon.db.tables.base import (
    TELEMETRY,
    Base,
    bigint_col,
    int_col,
    raw_col,
    reset_date_key,
    text_col,
    text_key,
    ts_col,
    written_at_col,
)


class RunnerHeartbeat(Base, table=True):
    __tablename__: ClassVar[str] = "runner_heartbeats"
    __table_args__ = (
        CheckConstraint("budget_used_1m >= 0 AND writer_queue_rows >= 0", name="counts"),
        {"schema": TELEMETRY},
    )

    reset_date: date = reset_date_key()
    agent_symbol: str = text_key()
    host: str = text_key()
    role: str = text_key()
    pid: int = int_col()
    started_at: datetime = ts_col()
    beat_at: datetime = ts_col()
    stopped_at: datetime | None = ts_col(nullable=True)
    activity: str = text_col()
    budget_used_1m: int = int_col()
    requests_sent: int = bigint_col()
    throttled_429: int = bigint_col()
    dead_letters: int = bigint_col()
    writer_queue_rows: int = int_col()
    figures: dict[str, Any] = raw_col()
    written_at: datetime = written_at_col()


__all__ = ["RunnerHeartbeat"]

"""Two services that report a runner's figures: the heartbeat (database, STATUS=) and the `stats` line.

- `Heartbeat` upserts the runner's row in `telemetry.runner_heartbeats` every ST_HEARTBEAT_INTERVAL_S (what
  it is doing, its budget use in the last minute, its figures), so `stdaemon status` in any process sees it,
  and tells systemd the same in one STATUS= line. On a clean stop it records `stopped_at`. A failed write is
  logged on the transition only; the runner goes on.
- `StatsLog` logs one `stats` line every ST_STATS_INTERVAL_S with every figure, for people who only tail the
  journal.
"""

from __future__ import annotations

import asyncio
import os
import socket
from collections.abc import Awaitable, Callable
from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy.ext.asyncio import AsyncEngine

from stdaemon.db.ops_status import Beat, record_beat
from stdaemon.logging import get_logger
from stdaemon.ops.figures import ProcessFigures, summary
from stdaemon.services.cadence import cadence
from stdaemon.systemd import Notifier

log = get_logger(__name__)


def utc_now() -> datetime:
    return datetime.now(UTC)


class Heartbeat:
    """Records the runner's heartbeat in the database and its STATUS= line; see the module docstring."""

    name = "heartbeat"

    def __init__(
        self,
        figures: ProcessFigures,
        engine: AsyncEngine,
        *,
        reset_date: Callable[[], date | None],
        agent_symbol: Callable[[], Awaitable[str]],
        every_s: float,
        notifier: Notifier | None = None,
        now: Callable[[], datetime] = utc_now,
    ) -> None:
        self._figures = figures
        self._engine = engine
        self._reset_date = reset_date
        self._agent_symbol = agent_symbol
        self._every_s = every_s
        self._notifier = notifier if notifier is not None else Notifier()
        self._now = now
        self._started_at = now()
        self._agent: str | None = None
        self.failing = False
        self.beats = 0

    async def beat(self, *, stopped: bool = False) -> bool:
        """One heartbeat now; False when it could not be recorded (logged on the transition)."""
        figures = self._figures.snapshot()
        activity = self._figures.activity()
        if not stopped:
            self._notifier.status(f"{activity} | {summary(figures)}")
        try:
            if self._agent is None:
                self._agent = await self._agent_symbol()
            reset = self._reset_date()
            if reset is None:  # not before the first `GET /` (the runners start after it)
                return False
            await record_beat(self._engine, self._row(reset, self._agent, activity, figures, stopped))
        except Exception as exc:  # the database or the API is down: the runner itself goes on
            if not self.failing:
                log.warning("heartbeat_failed", error=str(exc)[:200], error_type=type(exc).__name__)
            self.failing = True
            return False
        if self.failing:
            log.info("heartbeat_recovered")
        self.failing = False
        self.beats += 1
        return True

    def _row(self, reset: date, agent: str, activity: str, figures: dict[str, Any], stopped: bool) -> Beat:
        api, writer = figures["api"], figures["writer"]
        now = self._now()
        return Beat(
            reset_date=reset,
            agent_symbol=agent,
            host=socket.gethostname(),
            role=self._figures.role,
            pid=os.getpid(),
            started_at=self._started_at,
            beat_at=now,
            stopped_at=now if stopped else None,
            activity=activity,
            budget_used_1m=api["sent_last_minute"],
            requests_sent=api["requests_sent"],
            throttled_429=api["throttled_429"],
            dead_letters=sum(writer["dead_letters"].values()),
            writer_queue_rows=writer["queue_depth"],
            figures=figures,
        )

    async def run(self, stop: asyncio.Event) -> None:
        async for _ in cadence(self._every_s, stop, jitter=0.0):
            await self.beat()
        await self.beat(stopped=True)


class StatsLog:
    """Logs the `stats` line every `every_s`; see the module docstring."""

    name = "stats"

    def __init__(self, figures: ProcessFigures, *, every_s: float) -> None:
        self._figures = figures
        self._every_s = every_s

    async def log_once(self) -> dict[str, Any]:
        await self._figures.refresh_progress()
        figures = self._figures.snapshot()
        log.info("stats", activity=self._figures.activity(), **figures)
        return figures

    async def run(self, stop: asyncio.Event) -> None:
        started = False
        async for _ in cadence(self._every_s, stop, jitter=0.0):
            if started:  # a cadence's first tick is at once, when nothing has happened yet
                await self.log_once()
            started = True
        await self.log_once()

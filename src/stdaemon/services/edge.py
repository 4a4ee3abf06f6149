"""The DataService's edges: the server reset it is in, every API call it makes, every write-through.

A server reset (one of `reset_errors` raised by the API edge, or `GET /` reporting another reset date)
starts a new epoch: `on_new_epoch` clears every cache, the epoch is recorded in `reference.resets`, and rows
are always written under the epoch they were observed in.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable, Sequence
from datetime import UTC, date, datetime
from typing import TypeVar

from stdaemon.domain import models as m
from stdaemon.domain.base import Entity
from stdaemon.logging import get_logger
from stdaemon.services.protocols import Api, Decoder, ModelSink

log = get_logger(__name__)

T = TypeVar("T")


def utc_now() -> datetime:
    return datetime.now(UTC)


class Edge:
    """The epoch, `call` (reset detection around one API call) and `observe` (write-through)."""

    def __init__(
        self,
        *,
        api: Api,
        decode: Decoder,
        sink: ModelSink,
        on_new_epoch: Callable[[], None],
        reset_errors: tuple[type[BaseException], ...] = (),
        now: Callable[[], datetime] = utc_now,
    ) -> None:
        self._api, self._decode, self._sink = api, decode, sink
        self._on_new_epoch = on_new_epoch
        self._reset_errors = reset_errors
        self._now = now
        self._epoch: date | None = None
        self._lock = asyncio.Lock()
        self.epochs_started = 0

    @property
    def reset_date(self) -> date | None:
        """The current epoch (None until the first `GET /`)."""
        return self._epoch

    async def start(self) -> m.ServerStatus:
        """Learn the reset date from `GET /` (recorded in reference.resets); a change starts a new epoch."""
        async with self._lock:
            status = self._decode.server_status(await self._api.get_status())
            if status.reset_date != self._epoch:
                self._begin(status.reset_date)
            await self._sink.write_reset(status, self._now())
            return status

    async def check(self) -> bool:
        """Ask `GET /` again; True when the server has been reset since (caches cleared, new epoch)."""
        before = self._epoch
        status = await self.start()
        return before is not None and status.reset_date != before

    def _begin(self, reset_date: date) -> None:
        previous = self._epoch
        if previous is not None:  # the first epoch learnt: nothing cached belongs to another one
            self._on_new_epoch()
        self._epoch = reset_date
        self.epochs_started += 1
        if previous is not None:
            log.warning("server_reset_new_epoch", previous=str(previous), reset_date=str(reset_date))

    async def current(self) -> date:
        """The current epoch, learnt from `GET /` first if need be."""
        if self._epoch is None:
            await self.start()
        assert self._epoch is not None
        return self._epoch

    async def call(self, fn: Callable[[], Awaitable[T]]) -> T:
        """One API call; a reset signalled by the API edge starts the new epoch, then propagates."""
        try:
            return await fn()
        except self._reset_errors:
            log.warning("server_reset_signalled")
            await self.start()
            raise

    async def observe(
        self, models: Sequence[Entity], *, waypoint: str | None = None, survey: str | None = None
    ) -> None:
        """Write-through: every model observed goes to the sink under the current epoch.

        `waypoint` and `survey` say where an extraction happened and with which survey (the API does not).
        """
        if not models:
            return
        reset = await self.current()
        await self._sink.write(
            models, reset_date=reset, observed_at=self._now(), waypoint=waypoint, survey=survey
        )

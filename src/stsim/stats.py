"""Request counters measured at the server, so a benchmark or test need not trust the client's own count.

`GET /v2/_admin/stats` answers them; `POST /v2/_admin/stats/reset` starts them again. Requests to `/v2/_admin`
are not counted. "Accepted" means let through by the rate limiter (it spent a point), whatever the answer.
"""

from __future__ import annotations

import math
from collections import Counter, deque
from datetime import UTC, datetime
from typing import Any

from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from stsim.clock import Clock, iso
from stsim.errors import ApiError, invalid

ADMIN = "/v2/_admin"
RING = 100_000  # timestamps kept per kind: 11 hours at the full 2.5 requests per second


class RequestStats:
    """Totals since `since`, and the latest `ring` timestamps of accepted and of rate-limited requests."""

    def __init__(self, clock: Clock, ring: int = RING) -> None:
        self.clock, self.ring = clock, ring
        self.reset()

    def reset(self) -> None:
        self.since = self.clock.now()
        self.received = 0
        self.faults = 0
        self.by_status: Counter[int] = Counter()
        self.accepted_at: deque[float] = deque(maxlen=self.ring)
        self.limited_at: deque[float] = deque(maxlen=self.ring)
        self.accepted = self.limited = 0
        self.forgotten_until = -math.inf  # timestamps at or before this have left a ring

    def accept(self) -> None:
        self.accepted += 1
        self._remember(self.accepted_at)

    def limit(self) -> None:
        self.limited += 1
        self._remember(self.limited_at)

    def _remember(self, ring: deque[float]) -> None:
        if len(ring) == ring.maxlen:
            self.forgotten_until = max(self.forgotten_until, ring[0])
        ring.append(self.clock.now().timestamp())

    def answer(self, start: datetime, end: datetime) -> dict[str, Any]:
        """The totals, and what happened in [start, end]: counts, the accepted timestamps, a per-second
        histogram (seconds with no request are left out)."""
        t0, t1 = start.timestamp(), end.timestamp()
        accepted = [t for t in self.accepted_at if t0 <= t <= t1]
        limited = [t for t in self.limited_at if t0 <= t <= t1]
        seconds: dict[int, list[int]] = {}
        for t in accepted:
            seconds.setdefault(math.floor(t), [0, 0])[0] += 1
        for t in limited:
            seconds.setdefault(math.floor(t), [0, 0])[1] += 1
        return {
            "since": iso(self.since),
            "now": iso(self.clock.now()),
            "received": self.received,
            "accepted": self.accepted,
            "rateLimited": self.limited,
            "faults": self.faults,
            "byStatus": {str(status): n for status, n in sorted(self.by_status.items())},
            "window": {
                "from": iso(start),
                "to": iso(end),
                "accepted": len(accepted),
                "rateLimited": len(limited),
                "complete": t0 > self.forgotten_until,
                "acceptedAt": [iso(_moment(t)) for t in accepted],
                "perSecond": [
                    {"second": iso(_moment(s)), "accepted": a, "rateLimited": r}
                    for s, (a, r) in sorted(seconds.items())
                ],
            },
        }


def _moment(timestamp: float) -> datetime:
    return datetime.fromtimestamp(timestamp, UTC)


class CountResponses:
    """ASGI middleware: counts every request outside /v2/_admin and the status it was answered with."""

    def __init__(self, app: ASGIApp, stats: RequestStats) -> None:
        self.app, self.stats = app, stats

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or str(scope["path"]).startswith(ADMIN):
            await self.app(scope, receive, send)
            return
        self.stats.received += 1

        async def counted(message: Message) -> None:
            if message["type"] == "http.response.start":
                self.stats.by_status[int(message["status"])] += 1
            await send(message)

        await self.app(scope, receive, counted)


def stats_routes(stats: RequestStats) -> list[Route]:
    async def read(request: Request) -> Response:
        try:
            start = _moment_param(request, "from") or stats.since
            end = _moment_param(request, "to") or stats.clock.now()
        except ApiError as err:
            return JSONResponse(err.body(), status_code=err.status)
        return JSONResponse({"data": stats.answer(start, end)})

    async def restart(request: Request) -> Response:
        stats.reset()
        return JSONResponse({"data": {"since": iso(stats.since)}})

    return [
        Route(ADMIN + "/stats", read, methods=["GET"]),
        Route(ADMIN + "/stats/reset", restart, methods=["POST"]),
    ]


def _moment_param(request: Request, name: str) -> datetime | None:
    """An ISO-8601 time (a time without a zone is UTC); anything else is a 422 in the envelope."""
    value = request.query_params.get(name)
    if value is None:
        return None
    try:
        moment = datetime.fromisoformat(value)
    except ValueError:
        try:  # the "+" of "+00:00", left unescaped in a query string, arrives as a space
            moment = datetime.fromisoformat(value.replace(" ", "+"))
        except ValueError:
            raise invalid(name, f"{name} must be an ISO-8601 time, e.g. 2026-01-01T00:00:00Z.") from None
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=UTC)

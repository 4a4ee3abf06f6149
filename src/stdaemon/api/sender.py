"""Sending one request: a slot from the limiter, the HTTP exchange, error mapping and the retries.

This is the only retry layer. Every attempt acquires its own slot and settles it when the answer (or the
failure) arrives, so the limiter anchors windows at response time and retries pay the budget. The policy
is in `retry.py`.
"""

from __future__ import annotations

import asyncio
import json
from collections.abc import Awaitable, Callable
from datetime import UTC, datetime
from typing import Any

import httpx

from stdaemon.api.client import ApiClient
from stdaemon.api.errors import (
    ActionOutcomeUnknown,
    MalformedResponse,
    RateLimited,
    ServerUnavailable,
    error_from_response,
    snippet,
)
from stdaemon.api.meter import BudgetMeter
from stdaemon.api.priority import Priority
from stdaemon.api.retry import NEVER_SENT, RetryPolicy, retry_after_s
from stdaemon.api.scheduler import Limiter
from stdaemon.logging import get_logger
from stdaemon.redact import redact_text

log = get_logger(__name__)

Sleep = Callable[[float], Awaitable[None]]


def wall_now() -> datetime:
    return datetime.now(UTC)


class Sender:
    def __init__(
        self,
        client: ApiClient,
        limiter: Limiter,
        *,
        policy: RetryPolicy | None = None,
        sleep: Sleep = asyncio.sleep,
        wall_clock: Callable[[], datetime] = wall_now,
    ) -> None:
        self._client = client
        self._limiter = limiter
        self._policy = policy if policy is not None else RetryPolicy()
        self._sleep = sleep
        self._wall_clock = wall_clock

    @property
    def meter(self) -> BudgetMeter:
        return self._limiter.meter

    def __repr__(self) -> str:
        return f"Sender(client={self._client!r}, limiter={self._limiter!r})"

    async def call(
        self,
        kwargs: dict[str, Any],
        *,
        priority: Priority,
        auth: httpx.Auth | None = None,
        attempts: int | None = None,
    ) -> Any:
        """Send the request built by a generated `_get_kwargs`; return the decoded body (None if empty)."""
        method = str(kwargs.get("method", "get")).upper()
        what = f"{method} {kwargs.get('url', '?')}"
        idempotent = method == "GET"
        limit = attempts if attempts is not None else self._policy.attempts
        failures = 0
        while True:
            grant = await self._limiter.acquire(priority)
            try:
                self.meter.requests_sent += 1
                response = await self._client.http.request(**kwargs, auth=auth or httpx.USE_CLIENT_DEFAULT)
            except httpx.TransportError as exc:
                self._limiter.settle(grant)
                self.meter.transport_errors += 1
                failures += 1
                reason = redact_text(f"{type(exc).__name__}: {exc}", self._client.secrets())
                if not (idempotent or isinstance(exc, NEVER_SENT)):
                    raise ActionOutcomeUnknown(
                        f"{what}: {reason}; the server may have acted — re-read the state before retrying",
                        code=None,
                        status=None,
                    ) from None
                if failures >= limit:
                    raise ServerUnavailable(
                        f"{what}: {reason} (gave up after {failures} attempts)", code=None, status=None
                    ) from None
                await self._backoff(what, failures, reason)
                continue
            except BaseException:
                self._limiter.settle(grant)
                raise
            self._limiter.settle(grant)
            status = response.status_code
            if 200 <= status < 300:
                return _decode(response, what)
            error = error_from_response(status, response.content, secrets=self._client.secrets(), what=what)
            failures += 1
            if status in (429, 502):  # refused in front of the game server: any method may retry
                wait = self._server_wait(response, failures)
                if isinstance(error, RateLimited):
                    error.retry_after_s = wait
                if failures >= limit:
                    raise error
                self._limiter.block_until(asyncio.get_running_loop().time() + wait)
                self._note_retry(what, failures, error.message, wait)
                continue
            if status >= 500:
                self.meter.server_errors += 1
                if not idempotent:
                    raise ActionOutcomeUnknown(
                        f"{error.message}; the server may have acted — re-read the state before retrying",
                        code=error.code,
                        status=status,
                        data=error.data,
                    )
                if failures >= limit:
                    raise error
                await self._backoff(what, failures, error.message)
                continue
            raise error

    def _server_wait(self, response: httpx.Response, failures: int) -> float:
        """The server's Retry-After / x-ratelimit-reset if it sent one, else backoff with jitter."""
        if response.status_code == 429:
            self.meter.throttled_429 += 1
        else:
            self.meter.server_errors += 1
        try:
            body = json.loads(response.content) if response.content else None
        except ValueError:
            body = None
        wait = retry_after_s(response.headers, body, self._wall_clock())
        return wait if wait is not None else self._policy.backoff(failures)

    async def _backoff(self, what: str, failures: int, reason: str) -> None:
        wait = self._policy.backoff(failures)
        self._note_retry(what, failures, reason, wait)
        await self._sleep(wait)

    def _note_retry(self, what: str, failures: int, reason: str, wait: float) -> None:
        self.meter.retries += 1
        self.meter.backoff_s += wait
        log.warning("api_retry", request=what, attempt=failures, reason=reason, wait_s=round(wait, 3))


def _decode(response: httpx.Response, what: str) -> Any:
    content = response.content
    if response.status_code == 204 or not content.strip():
        return None
    try:
        return json.loads(content)
    except ValueError:
        raise MalformedResponse(
            f"{what}: HTTP {response.status_code} body is not valid JSON: {snippet(content)!r}",
            code=None,
            status=response.status_code,
        ) from None

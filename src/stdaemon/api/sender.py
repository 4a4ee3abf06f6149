"""Sending one request: a slot from the limiter, the generated operation, error mapping and the retries.

This is the only retry layer. Every attempt acquires its own slot and settles it when the answer (or the
failure) arrives, so the limiter anchors windows at response time and retries pay the budget. The policy
is in `retry.py`.

The gateway hands `call` a `Send`: a call of a generated operation's `asyncio_detailed` with the generated
client (`lambda c: get_market.asyncio_detailed(system, waypoint, client=c)`). The sender runs it inside an
`Exchange` (client.py), which picks the token and records the request and the response. The answer is
returned as JSON, exactly as received: decoding into models is the adapters' job. When the generated code
cannot build its own `Response` from an answer (its models reject the body, a 204 has no JSON, a status
such as 520 is outside `HTTPStatus`), the answer httpx received is mapped instead, the same way.
"""

from __future__ import annotations

import asyncio
import json
from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any, Protocol

import httpx
from pydantic import SecretStr

from space_traders_api_client import AuthenticatedClient
from space_traders_api_client.types import Response
from stdaemon.api.client import ApiClient, Exchange, exchange
from stdaemon.api.errors import (
    ActionOutcomeUnknown,
    ApiError,
    MalformedResponse,
    RateLimited,
    ServerUnavailable,
    decode_json,
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
_MAY_HAVE_ACTED = "the server may have acted — re-read the state before retrying"
Send = Callable[[AuthenticatedClient], Awaitable[Response[Any]]]
"""One call of a generated operation with the client it is given."""


class Answer(Protocol):
    """What the sender reads of an answer: a generated `Response` or the `httpx.Response` itself."""

    @property
    def status_code(self) -> int: ...
    @property
    def content(self) -> bytes: ...
    @property
    def headers(self) -> Mapping[str, str]: ...


@dataclass(frozen=True)
class Reply:
    """A successful answer: its JSON body (None when empty) and the request it answers (`GET /my/agent`)."""

    body: Any
    what: str


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
        send: Send,
        *,
        priority: Priority,
        account: bool = False,
        attempts: int | None = None,
    ) -> Reply:
        """Run `send` (with the account token if `account`) until it answers 2xx or fails for good."""
        token = self._client.token(account=account)
        limit = attempts if attempts is not None else self._policy.attempts
        failures = 0
        while True:
            current, answer = await self._attempt(send, token, priority)
            what = self._client.describe(current.request)
            if isinstance(answer, httpx.TransportError):
                failures += 1
                await self._transport_failed(current, answer, what, failures, limit)
                continue
            status = answer.status_code
            error: ApiError
            if 200 <= status < 300:
                try:
                    return Reply(_decode(answer, what), what)
                except MalformedResponse as garbled:  # a body cut short: handled as a 5xx (GET: asked again)
                    error = garbled
            else:
                error = error_from_response(status, answer.content, secrets=self._client.secrets(), what=what)
            failures += 1
            if status in (429, 502):  # refused in front of the game server: any method may retry
                wait = self._server_wait(answer, failures)
                if isinstance(error, RateLimited):
                    error.retry_after_s = wait
                if failures >= limit:
                    raise error
                self._limiter.block_until(asyncio.get_running_loop().time() + wait)
                self._note_retry(what, failures, error.message, wait)
                continue
            if status >= 500 or isinstance(error, MalformedResponse):
                self.meter.server_errors += 1
                if not _idempotent(current):
                    raise ActionOutcomeUnknown(
                        f"{error.message}; {_MAY_HAVE_ACTED}", code=error.code, status=status, data=error.data
                    )
                if failures >= limit:
                    raise error
                await self._backoff(what, failures, error.message)
                continue
            raise error

    async def _transport_failed(
        self, current: Exchange, failure: httpx.TransportError, what: str, failures: int, limit: int
    ) -> None:
        """Back off before the next attempt, or raise: an action that may have reached the server, or the
        last attempt."""
        reason = redact_text(f"{type(failure).__name__}: {failure}", self._client.secrets())
        if not (_idempotent(current) or isinstance(failure, NEVER_SENT)):
            raise ActionOutcomeUnknown(f"{what}: {reason}; {_MAY_HAVE_ACTED}", code=None, status=None)
        if failures >= limit:
            raise ServerUnavailable(
                f"{what}: {reason} (gave up after {failures} attempts)", code=None, status=None
            )
        await self._backoff(what, failures, reason)

    async def _attempt(
        self, send: Send, token: SecretStr | None, priority: Priority
    ) -> tuple[Exchange, Answer | httpx.TransportError]:
        """One attempt in its own limiter slot, settled as soon as the answer (or the failure) arrives."""
        grant = await self._limiter.acquire(priority)
        while asyncio.get_running_loop().time() >= grant.send_by:
            self.meter.expired_grants += 1  # it would land uncounted in the server's next window
            self._limiter.settle(grant)
            grant = await self._limiter.acquire(priority)
        try:
            with exchange(token) as current:
                self.meter.sent(asyncio.get_running_loop().time())
                try:
                    answer = await self._send(send, current)
                except httpx.TransportError as exc:
                    self.meter.answered(priority, "transport")
                    return current, exc
                self.meter.answered(priority, _outcome(answer.status_code))
                return current, answer
        finally:
            self._limiter.settle(grant)

    async def _send(self, send: Send, current: Exchange) -> Answer:
        """The generated operation's `Response`; or, when it could not build one from the answer it got,
        the `httpx.Response` itself. httpx's own errors (transport, decoding) propagate unchanged."""
        try:
            return await send(self._client.generated)
        except httpx.HTTPError:
            raise
        except Exception:
            received = current.response
            if received is None or not _read(received):
                raise
            return received

    def _server_wait(self, response: Answer, failures: int) -> float:
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


def _outcome(status: int) -> str:
    """The outcome label of an answered attempt, for the meter."""
    if status == 429:
        return "429"
    return "ok" if status < 400 else f"{status // 100}xx"


def _idempotent(current: Exchange) -> bool:
    return current.request is not None and current.request.method == "GET"


def _read(response: httpx.Response) -> bool:
    """Whether the whole body of `response` arrived (it has, whenever the generated code got to parse it)."""
    try:
        response.content  # noqa: B018 - the property raises when the body was not read
    except httpx.ResponseNotRead:
        return False
    return True


def _decode(response: Answer, what: str) -> Any:
    content = response.content
    if response.status_code == 204 or not content.strip():
        return None
    try:
        return decode_json(content)
    except ValueError:
        raise MalformedResponse(
            f"{what}: HTTP {response.status_code} body is not valid JSON: {snippet(content)!r}",
            code=None,
            status=response.status_code,
        ) from None

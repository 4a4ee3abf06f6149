"""The token is sent, and appears nowhere else: no repr, no exception, no log line at debug."""

from __future__ import annotations

import asyncio
import logging
import traceback
from typing import Any

import httpx
import pytest
from structlog.testing import capture_logs

from stdaemon.api.client import USER_AGENT, ExchangeAuth, exchange
from stdaemon.api.errors import ApiError, Unauthorized
from tests.api.gateway_helpers import ACCOUNT_TOKEN, TOKEN, Build, err, ok
from tests.support.virtual_time import run_virtual

SECRETS = (TOKEN, ACCOUNT_TOKEN)


def _clean(text: str) -> None:
    for secret in SECRETS:
        assert secret not in text


def test_the_token_is_sent_as_a_bearer_header_with_our_user_agent(build: Build) -> None:
    gateway, served = build(lambda _r: ok({"symbol": "A"}))
    run_virtual(gateway.get_my_agent())
    request = served.requests[0]
    assert request.headers["Authorization"] == f"Bearer {TOKEN}"
    assert request.headers["User-Agent"] == USER_AGENT
    assert USER_AGENT.startswith("stdaemon/0.")
    assert str(request.url) == "https://api.test/v2/my/agent"


def test_register_uses_the_account_token(build: Build) -> None:
    gateway, served = build(lambda _r: ok({"token": "new"}, status=201))
    run_virtual(gateway.register("NEWAGENT", "COSMIC"))
    assert served.requests[0].headers["Authorization"] == f"Bearer {ACCOUNT_TOKEN}"


def test_reprs_never_show_the_token(build: Build) -> None:
    gateway, _ = build(lambda _r: ok({}))
    client = gateway._client
    texts = [repr(gateway), str(gateway), repr(client), repr(client.generated), repr(client.http)]
    texts += [repr(client.token()), repr(client.token(account=True)), repr(gateway.limiter)]
    texts += [repr(client.http.headers), repr(client.http.auth), repr(ExchangeAuth())]
    with exchange(client.token(account=True)) as current:
        texts.append(repr(current))
    for text in texts:
        _clean(text)
    assert "set" in repr(client)
    assert "token=set" in texts[-1]


def _everything_about(exc: BaseException) -> str:
    return "\n".join([str(exc), repr(exc), "".join(traceback.format_exception(exc)), repr(vars(exc))])


def test_errors_that_echo_the_token_are_redacted(build: Build) -> None:
    gateway, _ = build(lambda _r: err(401, 4104, f"Invalid token {TOKEN} for Bearer {TOKEN}"))
    with pytest.raises(Unauthorized) as caught:
        run_virtual(gateway.get_my_agent())
    _clean(_everything_about(caught.value))
    assert "Invalid token" in caught.value.message


def test_non_json_error_and_transport_error_messages_are_redacted(build: Build) -> None:
    def handle(request: httpx.Request) -> httpx.Response:
        if request.method == "POST":
            raise httpx.ReadError(f"connection reset while sending Authorization: Bearer {TOKEN}")
        return httpx.Response(400, text=f"<html>bad header {TOKEN}</html>")

    gateway, _ = build(handle)
    for coro in (gateway.get_my_agent(), gateway.orbit("SHIP-1")):
        with pytest.raises(ApiError) as caught:
            run_virtual(coro)
        _clean(_everything_about(caught.value))


def test_debug_logs_of_a_run_with_retries_never_contain_the_token(
    build: Build, caplog: pytest.LogCaptureFixture
) -> None:
    answers: list[Any] = [
        err(429, 429, "slow down", headers={"Retry-After": "1"}),
        httpx.ConnectError("refused"),
    ]

    def handle(_request: httpx.Request) -> httpx.Response:
        if answers:
            answer = answers.pop(0)
            if isinstance(answer, Exception):
                raise answer
            return answer  # type: ignore[no-any-return]
        return ok({"symbol": "A"})

    gateway, served = build(handle)
    # httpx's own logger too: a CLI test run before this one may have left it at WARNING (configure_logging)
    caplog.set_level(logging.DEBUG, logger="httpx")
    with caplog.at_level(logging.DEBUG), capture_logs() as events:
        assert run_virtual(gateway.get_my_agent()) == {"symbol": "A"}
    assert len(served.requests) == 3
    assert [e["event"] for e in events].count("api_retry") == 2
    _clean(repr(events))
    assert any("HTTP Request" in r.getMessage() for r in caplog.records)  # httpx's own lines were captured
    _clean(caplog.text)
    _clean(repr([(r.getMessage(), r.args, vars(r)) for r in caplog.records]))


def test_overlapping_requests_each_carry_their_own_token(build: Build) -> None:
    """The token is chosen per request: a register (account token) and agent reads in flight together."""
    arrived: list[httpx.Request] = []
    all_in = asyncio.Event()

    async def handle(request: httpx.Request) -> httpx.Response:
        arrived.append(request)
        if len(arrived) == 3:
            all_in.set()
        await all_in.wait()  # nobody answers before all three are in flight
        return ok({"symbol": "A", "token": "new"}, status=201 if request.method == "POST" else 200)

    gateway, served = build(handle)

    async def main() -> None:
        await asyncio.gather(
            gateway.get_my_agent(), gateway.register("NEWAGENT", "COSMIC"), gateway.get_my_ship("S")
        )

    run_virtual(main())
    sent = {(r.method, r.url.path): r.headers["Authorization"] for r in served.requests}
    assert sent == {
        ("GET", "/v2/my/agent"): f"Bearer {TOKEN}",
        ("POST", "/v2/register"): f"Bearer {ACCOUNT_TOKEN}",
        ("GET", "/v2/my/ships/S"): f"Bearer {TOKEN}",
    }


def test_without_a_token_public_reads_carry_no_authorization(build: Build) -> None:
    gateway, served = build(lambda _r: ok({"symbol": "X1-A"}), token=None)
    assert run_virtual(gateway.get_system("X1-A")) == {"symbol": "X1-A"}
    assert "Authorization" not in served.requests[0].headers

"""Retries and error mapping, against httpx.MockTransport on a virtual clock."""

from __future__ import annotations

import asyncio
from datetime import date, timedelta
from typing import Any

import httpx
import pytest

from stdaemon.api.errors import (
    ActionOutcomeUnknown,
    ApiError,
    CooldownConflict,
    MalformedResponse,
    NotFound,
    RateLimited,
    ResetDetected,
    ServerUnavailable,
    ShipInTransit,
    Unauthorized,
)
from stdaemon.api.gateway import Gateway
from tests.api.gateway_helpers import WALL, Build, err, ok
from tests.support.virtual_time import run_virtual

NAV = {"nav": {"status": "IN_TRANSIT"}, "fuel": {"current": 10}}
HTML_429 = "<html><head><title>429 Too Many Requests</title></head><body>Too Many Requests</body></html>"


def sequence(*responses: httpx.Response | Exception) -> Any:
    """A handler answering with `responses` in order (the last one repeats)."""
    queue = list(responses)

    def handle(_request: httpx.Request) -> httpx.Response:
        item = queue.pop(0) if len(queue) > 1 else queue[0]
        if isinstance(item, Exception):
            raise item
        return item

    return handle


def call(gateway: Gateway, coro: Any) -> Any:
    async def main() -> Any:
        async with gateway._client:
            return await coro

    return run_virtual(main())


def test_429_with_retry_after_waits_exactly_that_and_retries_a_post(build: Build) -> None:
    limited = err(429, 429, "Rate limit exceeded", {"retryAfter": 2.5}, {"Retry-After": "3"})
    gateway, served = build(sequence(limited, ok(NAV)))
    assert call(gateway, gateway.navigate("SHIP-1", "X1-A-B")) == NAV
    assert len(served.requests) == 2
    assert served.requests[1].method == "POST"
    assert 3.0 <= served.times[1] - served.times[0] < 3.1
    meter = gateway.snapshot()
    assert (meter.throttled_429, meter.retries, meter.requests_sent) == (1, 1, 2)


def test_429_honours_x_ratelimit_reset_as_a_time(build: Build) -> None:
    reset = (WALL + timedelta(seconds=7)).isoformat().replace("+00:00", "Z")
    limited = err(429, 429, "Rate limit exceeded", headers={"x-ratelimit-reset": reset})
    gateway, served = build(sequence(limited, ok({"symbol": "A"})))
    assert call(gateway, gateway.get_my_agent()) == {"symbol": "A"}
    assert 7.0 <= served.times[1] - served.times[0] < 7.1


def test_html_429_without_headers_backs_off_with_jitter_even_for_a_post(build: Build) -> None:
    html = httpx.Response(429, text=HTML_429, headers={"content-type": "text/html"})
    gateway, served = build(sequence(html, html, ok(NAV)))
    assert call(gateway, gateway.orbit("SHIP-1")) == NAV
    first, second = served.times[1] - served.times[0], served.times[2] - served.times[1]
    assert 0.5 <= first <= 1.0  # attempt 1: base 1 s, jitter in [½, 1]
    assert 1.0 <= second <= 2.0  # attempt 2: doubled
    assert gateway.snapshot().throttled_429 == 2


def test_html_429_that_never_ends_surfaces_as_rate_limited(build: Build) -> None:
    html = httpx.Response(429, text=HTML_429)
    gateway, served = build(sequence(html), attempts=3)
    with pytest.raises(RateLimited) as caught:
        call(gateway, gateway.get_my_agent())
    assert len(served.requests) == 3
    assert "non-JSON" in caught.value.message
    assert caught.value.retry_after_s is not None


def test_502_is_retried_for_a_post(build: Build) -> None:
    gateway, served = build(sequence(httpx.Response(502, text="Bad Gateway"), ok(NAV)))
    assert call(gateway, gateway.dock("SHIP-1")) == NAV
    assert len(served.requests) == 2


def test_500_code_3000_is_retried_for_a_get(build: Build) -> None:
    gateway, served = build(sequence(err(500, 3000, "The server did not return a valid response"), ok([1])))
    assert call(gateway, gateway.get_market("X1-A", "X1-A-B")) == [1]
    assert len(served.requests) == 2
    assert gateway.snapshot().server_errors == 1


def test_500_on_a_post_is_not_retried_and_says_the_outcome_is_unknown(build: Build) -> None:
    gateway, served = build(sequence(err(500, 3000, "The server did not return a valid response"), ok(NAV)))
    with pytest.raises(ActionOutcomeUnknown) as caught:
        call(gateway, gateway.sell_cargo("SHIP-1", "IRON_ORE", 10))
    assert len(served.requests) == 1
    assert caught.value.code == 3000
    assert "re-read" in caught.value.message


def test_a_get_gives_up_after_its_attempts_and_every_attempt_pays_the_budget(build: Build) -> None:
    gateway, served = build(sequence(httpx.Response(503, text="unavailable")), attempts=4)
    with pytest.raises(ServerUnavailable):
        call(gateway, gateway.get_system("X1-A"))
    meter = gateway.snapshot()
    assert len(served.requests) == 4
    assert meter.requests_sent == 4
    assert sum(meter.sent_by_priority.values()) == 4  # each attempt took its own slot
    assert meter.retries == 3


def test_a_status_outside_http_status_is_mapped_like_any_5xx(build: Build) -> None:
    """Cloudflare's 520-527 are no `HTTPStatus`: the generated code cannot build its Response from them."""
    gateway, served = build(
        sequence(httpx.Response(520, text="<html>Web server is returning an unknown error"), ok(NAV))
    )
    assert call(gateway, gateway.get_ship_nav("SHIP-1")) == NAV
    assert len(served.requests) == 2 and gateway.snapshot().server_errors == 1
    gateway, served = build(sequence(httpx.Response(522, text="Connection timed out"), ok(NAV)))
    with pytest.raises(ActionOutcomeUnknown) as caught:
        call(gateway, gateway.orbit("SHIP-1"))
    assert (caught.value.status, len(served.requests)) == (522, 1)
    assert caught.value.message.startswith("POST /my/ships/SHIP-1/orbit: HTTP 522")


def test_a_2xx_body_the_generated_models_reject_is_returned_as_received(build: Build) -> None:
    """Decoding is the adapters' job (they name the path); the gateway hands over the JSON as it came."""
    odd = {"nav": "not an object", "fuel": None, "extra": [1]}
    gateway, served = build(sequence(ok(odd)))
    assert call(gateway, gateway.navigate("SHIP-1", "X1-A-B")) == odd
    assert len(served.requests) == 1 and gateway.snapshot().retries == 0


def test_read_timeout_is_retried_for_a_get(build: Build) -> None:
    gateway, served = build(sequence(httpx.ReadTimeout("read timed out"), ok({"symbol": "A"})))
    assert call(gateway, gateway.get_my_agent()) == {"symbol": "A"}
    assert len(served.requests) == 2
    assert gateway.snapshot().transport_errors == 1


def test_read_timeout_on_a_post_surfaces_without_retry(build: Build) -> None:
    gateway, served = build(sequence(httpx.ReadTimeout("read timed out"), ok(NAV)))
    with pytest.raises(ActionOutcomeUnknown) as caught:
        call(gateway, gateway.extract("SHIP-1"))
    assert len(served.requests) == 1
    assert "ReadTimeout" in caught.value.message


def test_connection_refused_on_a_post_is_retried(build: Build) -> None:
    gateway, served = build(sequence(httpx.ConnectError("connection refused"), ok(NAV)))
    assert call(gateway, gateway.navigate("SHIP-1", "X1-A-B")) == NAV
    assert len(served.requests) == 2


def test_transport_errors_that_persist_become_server_unavailable(build: Build) -> None:
    gateway, served = build(sequence(httpx.ConnectError("connection refused")), attempts=3)
    with pytest.raises(ServerUnavailable) as caught:
        call(gateway, gateway.get_my_agent())
    assert len(served.requests) == 3
    assert "gave up after 3 attempts" in caught.value.message


def test_malformed_json_is_a_clear_error_not_a_crash(build: Build) -> None:
    gateway, served = build(sequence(httpx.Response(200, text='{"data": {"symbol": "A"')), attempts=3)
    with pytest.raises(MalformedResponse) as caught:
        call(gateway, gateway.get_my_agent())
    assert "not valid JSON" in caught.value.message
    assert len(served.requests) == 3  # a GET asked again, then gave up with the clear error


def test_a_get_answered_with_garbled_json_once_asks_again(build: Build) -> None:
    """A body cut short (a proxy, a dropped connection) is a transient failure of an idempotent GET: at
    start-up (`GET /`) it made the daemon exit 1."""
    garbled = httpx.Response(200, text='{"data": {"symbol": "A"')
    gateway, served = build(sequence(garbled, ok({"symbol": "A"})))
    assert call(gateway, gateway.get_my_agent()) == {"symbol": "A"}
    assert len(served.requests) == 2
    assert gateway.snapshot().retries == 1


def test_a_post_answered_with_garbled_json_is_an_unknown_outcome_not_sent_again(build: Build) -> None:
    gateway, served = build(sequence(httpx.Response(200, text='{"data": {"nav"'), ok(NAV)))
    with pytest.raises(ActionOutcomeUnknown, match="not valid JSON"):
        call(gateway, gateway.orbit("SHIP-1"))  # the server acted; its answer cannot be read: re-read state
    assert len(served.requests) == 1


def test_a_body_without_data_is_malformed(build: Build) -> None:
    gateway, _ = build(sequence(httpx.Response(200, json={"unexpected": True})))
    with pytest.raises(MalformedResponse, match="no `data`"):
        call(gateway, gateway.get_my_agent())


def test_non_json_error_body_keeps_status_and_an_excerpt(build: Build) -> None:
    gateway, _ = build(sequence(httpx.Response(418, text="<h1>I am a teapot</h1>")))
    with pytest.raises(ApiError) as caught:
        call(gateway, gateway.get_my_agent())
    assert caught.value.status == 418
    assert caught.value.code is None
    assert "I am a teapot" in caught.value.message


def test_framework_404_body_is_not_found(build: Build) -> None:
    body = {"message": "Cannot GET /v2/nowhere", "error": "Not Found", "statusCode": 404}
    gateway, _ = build(sequence(httpx.Response(404, json=body)))
    with pytest.raises(NotFound) as caught:
        call(gateway, gateway.get_waypoint("X1-A", "X1-A-Z"))
    assert "Cannot GET" in caught.value.message


def test_401_with_expected_and_actual_dates_is_a_reset(build: Build) -> None:
    data = {"expected": "2026-01-04", "actual": "2025-12-21"}
    message = "Failed to parse token. Token reset_date does not match the server."
    gateway, served = build(sequence(err(401, 401, message, data)))
    with pytest.raises(ResetDetected) as caught:
        call(gateway, gateway.get_my_agent())
    assert caught.value.expected == date(2026, 1, 4)
    assert caught.value.actual == date(2025, 12, 21)
    assert len(served.requests) == 1


def test_401_without_dates_is_unauthorized(build: Build) -> None:
    gateway, _ = build(sequence(err(401, 4104, "Invalid token")))
    with pytest.raises(Unauthorized) as caught:
        call(gateway, gateway.get_my_agent())
    assert not isinstance(caught.value, ResetDetected)
    assert caught.value.code == 4104
    assert caught.value.exit_code == 78  # a refused token: systemd must not restart-loop
    assert "check ST_TOKEN" in str(caught.value)  # the one line says what to fix


@pytest.mark.parametrize("status", [409, 400])
def test_errors_follow_the_code_not_the_status(build: Build, status: int) -> None:
    cooldown = {"cooldown": {"shipSymbol": "SHIP-1", "remainingSeconds": 42, "totalSeconds": 70}}
    gateway, _ = build(sequence(err(status, 4000, "Ship action is still on cooldown", cooldown)))
    with pytest.raises(CooldownConflict) as caught:
        call(gateway, gateway.extract("SHIP-1"))
    assert caught.value.remaining_s == 42.0
    assert caught.value.status == status


def test_in_transit_error_carries_its_data(build: Build) -> None:
    data = {"arrival": "2026-01-05T12:03:00Z", "secondsToArrival": 180}
    gateway, _ = build(sequence(err(400, 4214, "Ship is currently in-transit", data)))
    with pytest.raises(ShipInTransit) as caught:
        call(gateway, gateway.dock("SHIP-1"))
    assert caught.value.data == data


def test_cooldown_204_is_none(build: Build) -> None:
    gateway, _ = build(sequence(httpx.Response(204)))
    assert call(gateway, gateway.get_cooldown("SHIP-1")) is None


def test_a_429_pauses_every_request_not_only_the_one_that_got_it(build: Build) -> None:
    answers = [err(429, 429, "Rate limit exceeded", headers={"Retry-After": "5"})]

    def handle(_request: httpx.Request) -> httpx.Response:
        return answers.pop(0) if answers else ok({"symbol": "A"})

    gateway, served = build(handle)

    async def main() -> None:
        async def later() -> None:
            await asyncio.sleep(0.5)
            await gateway.get_my_ship("SHIP-2")

        await asyncio.gather(gateway.get_my_agent(), later())

    run_virtual(main())
    assert len(served.requests) == 3
    assert served.times[0] == 0.0
    assert all(t >= 5.0 for t in served.times[1:])  # the other request waited out the pause too

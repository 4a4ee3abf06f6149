"""Logging: JSON lines off a TTY, the stdlib bridge, and redaction of every secret wherever it appears."""

from __future__ import annotations

import io
import json
import logging
from collections.abc import Iterator
from typing import Any

import pytest

from stdaemon.logging import configure_logging, get_logger, use_json

TOKEN = "eyJhbGciOiJIUzI1NiJ9.eyJpZGVudGlmaWVyIjoiU1RBR0VOVCJ9.c2lnbmF0dXJlLW9mLXRva2Vu"
PLAIN_TOKEN = "plain-token-value-1234"


@pytest.fixture
def stream() -> Iterator[io.StringIO]:
    buf = io.StringIO()
    configure_logging(level="debug", log_format="json", secrets=[PLAIN_TOKEN, "dbpassw0rd"], stream=buf)
    yield buf
    configure_logging(level="warning", log_format="json", stream=io.StringIO())


def lines(buf: io.StringIO) -> list[dict[str, Any]]:
    return [json.loads(line) for line in buf.getvalue().splitlines() if line.strip()]


def test_structlog_events_are_json_lines(stream: io.StringIO) -> None:
    get_logger("stdaemon.test").info("market_polled", waypoint="X1-A-B", goods=12)
    [event] = lines(stream)
    assert event["event"] == "market_polled"
    assert event["waypoint"] == "X1-A-B"
    assert event["goods"] == 12
    assert event["level"] == "info"
    assert event["logger"] == "stdaemon.test"
    assert event["timestamp"].endswith("Z")


def test_stdlib_loggers_are_bridged_into_the_same_format(stream: io.StringIO) -> None:
    for name in ("sqlalchemy.engine", "httpx", "alembic", "asyncio"):
        logging.getLogger(name).warning("from %s", name)
    events = lines(stream)
    assert [e["logger"] for e in events] == ["sqlalchemy.engine", "httpx", "alembic", "asyncio"]
    assert all(e["level"] == "warning" for e in events)
    assert events[0]["event"] == "from sqlalchemy.engine"


@pytest.mark.parametrize(
    ("text", "secret"),
    [
        (f"token is {PLAIN_TOKEN}", PLAIN_TOKEN),
        ("connecting to postgresql+asyncpg://st:dbpassw0rd@db:5432/st", "dbpassw0rd"),
        ("connecting to postgresql://other:unknownpw@db/st", "unknownpw"),  # a DSN we were never told about
        (f"Authorization: Bearer {PLAIN_TOKEN}", PLAIN_TOKEN),
        (f"header Bearer {TOKEN}", TOKEN),
        (f"a bare jwt {TOKEN} in text", TOKEN),
    ],
)
def test_secrets_are_masked_in_messages_fields_and_stdlib_records(
    stream: io.StringIO, text: str, secret: str
) -> None:
    log = get_logger("stdaemon.test")
    log.info(text)
    log.debug("nested", request={"headers": {"authorization": text}}, parts=[text])
    logging.getLogger("httpx").warning(text)
    logging.getLogger("sqlalchemy.engine").warning("args %s", text)
    output = stream.getvalue()
    assert secret not in output
    assert output.count("***") >= 4


def test_exceptions_are_rendered_without_locals_or_secrets(stream: io.StringIO) -> None:
    dsn = "postgresql://u:dbpassw0rd@h/db"
    try:
        raise ConnectionError(f"could not reach {dsn}")
    except ConnectionError:
        get_logger("stdaemon.test").exception("db_unreachable")
    [event] = lines(stream)
    assert "dbpassw0rd" not in json.dumps(event)
    assert event["exception"][0]["exc_type"] == "ConnectionError"
    assert "locals" not in event["exception"][0]["frames"][0]


def test_level_filters_debug(stream: io.StringIO) -> None:
    configure_logging(level="info", log_format="json", stream=stream)
    get_logger("x").debug("hidden")
    get_logger("x").info("shown")
    assert [e["event"] for e in lines(stream)] == ["shown"]


def test_format_follows_the_terminal_unless_overridden() -> None:
    class Tty(io.StringIO):
        def isatty(self) -> bool:
            return True

    assert use_json(None, io.StringIO())
    assert not use_json(None, Tty())
    assert use_json("json", Tty())
    assert not use_json("console", io.StringIO())


def test_console_rendering_also_redacts() -> None:
    buf = io.StringIO()
    configure_logging(level="info", log_format="console", secrets=[PLAIN_TOKEN], stream=buf)
    get_logger("x").info("token", value=PLAIN_TOKEN)
    assert PLAIN_TOKEN not in buf.getvalue()
    assert "token" in buf.getvalue()


def test_default_output_follows_stdout_when_it_is_replaced(monkeypatch: pytest.MonkeyPatch) -> None:
    first, second = io.StringIO(), io.StringIO()
    monkeypatch.setattr("sys.stdout", first)
    configure_logging(level="info", log_format="json")
    first.close()  # the stdout of configuration time is gone (a test capture, a redirect that ended)
    monkeypatch.setattr("sys.stdout", second)
    get_logger("x").info("after_the_swap")
    assert [e["event"] for e in lines(second)] == ["after_the_swap"]
    configure_logging(level="warning", log_format="json", stream=io.StringIO())

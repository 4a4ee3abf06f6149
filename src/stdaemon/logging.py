"""Structured logging: JSON lines for journald, console rendering on a TTY, secrets never printed.

`configure_logging(settings)` is called once by an entry point. It sets up structlog and routes the standard
library's loggers (sqlalchemy, httpx, alembic, asyncio, uvicorn) through the same processors, so one process
writes one format. The last processor before rendering masks the token, the account token, DSN passwords,
bearer headers and anything that looks like a JWT, wherever they appear in the event.
"""

from __future__ import annotations

import logging
import sys
from collections.abc import Iterable, Mapping
from typing import Any, TextIO

import structlog
from structlog.tracebacks import ExceptionDictTransformer
from structlog.typing import EventDict, Processor, WrappedLogger

from stdaemon.redact import redact_text

_LEVELS = {"debug": logging.DEBUG, "info": logging.INFO, "warning": logging.WARNING, "error": logging.ERROR}
_CHATTY = (
    "sqlalchemy.engine",
    "httpx",
    "httpcore",
    "asyncio",
    "alembic.runtime.migration",
    "alembic.runtime.plugins",
    "uvicorn.access",
    "pgserver",  # logs every subprocess it runs at INFO
)


class Redactor:
    """A structlog processor that masks secrets in every string of the event, nested values included."""

    def __init__(self, secrets: Iterable[str] = ()) -> None:
        self._secrets = tuple(s for s in secrets if s)

    def __call__(self, _logger: WrappedLogger, _name: str, event_dict: EventDict) -> EventDict:
        return {key: self._clean(value) for key, value in event_dict.items()}

    def _clean(self, value: Any) -> Any:
        if isinstance(value, str):
            return redact_text(value, self._secrets)
        if isinstance(value, Mapping):
            return {k: self._clean(v) for k, v in value.items()}
        if isinstance(value, list | tuple):
            return [self._clean(v) for v in value]
        if isinstance(value, int | float | bool) or value is None:
            return value
        return redact_text(repr(value) if isinstance(value, BaseException) else str(value), self._secrets)


def _drop_color_message(_l: WrappedLogger, _n: str, event_dict: EventDict) -> EventDict:
    event_dict.pop("color_message", None)  # uvicorn duplicates its message with ANSI colours
    return event_dict


def use_json(log_format: str | None, stream: TextIO) -> bool:
    """JSON unless told otherwise or writing to a terminal."""
    if log_format is not None:
        return log_format == "json"
    return not (hasattr(stream, "isatty") and stream.isatty())


class _StdoutHandler(logging.StreamHandler[TextIO]):
    """Writes to whatever `sys.stdout` is at emit time, not the one current at configuration.

    A stream captured once goes stale when its owner closes it (a test runner's capture, a redirected stdout),
    and every later line then fails with "I/O operation on closed file".
    """

    def emit(self, record: logging.LogRecord) -> None:
        self.stream = sys.stdout
        super().emit(record)


def configure_logging(
    *,
    level: str = "info",
    log_format: str | None = None,
    secrets: Iterable[str] = (),
    stream: TextIO | None = None,
) -> None:
    """Configure structlog and the stdlib bridge. Safe to call again (tests, re-configuration)."""
    out = stream if stream is not None else sys.stdout
    as_json = use_json(log_format, out)
    numeric = _LEVELS.get(level, logging.INFO)
    redactor = Redactor(secrets)

    shared: list[Processor] = [
        structlog.contextvars.merge_contextvars,
        structlog.stdlib.add_log_level,
        structlog.stdlib.add_logger_name,
        structlog.processors.TimeStamper(fmt="iso", utc=True),
        structlog.stdlib.ExtraAdder(),
        _drop_color_message,
    ]
    renderer: Processor
    if as_json:
        final: list[Processor] = [
            # Locals could hold secrets and are noise in a journal: frames only.
            structlog.processors.ExceptionRenderer(ExceptionDictTransformer(show_locals=False)),
            redactor,
        ]
        renderer = structlog.processors.JSONRenderer(sort_keys=False)
    else:
        final = [structlog.processors.format_exc_info, redactor]
        renderer = structlog.dev.ConsoleRenderer(colors=out.isatty() if hasattr(out, "isatty") else False)

    structlog.configure(
        processors=[*shared, structlog.stdlib.ProcessorFormatter.wrap_for_formatter],
        logger_factory=structlog.stdlib.LoggerFactory(),
        wrapper_class=structlog.stdlib.BoundLogger,
        cache_logger_on_first_use=False,
    )
    formatter = structlog.stdlib.ProcessorFormatter(
        foreign_pre_chain=shared,
        processors=[structlog.stdlib.ProcessorFormatter.remove_processors_meta, *final, renderer],
    )
    handler = logging.StreamHandler(stream) if stream is not None else _StdoutHandler(sys.stdout)
    handler.setFormatter(formatter)
    root = logging.getLogger()
    for old in list(root.handlers):
        root.removeHandler(old)
    root.addHandler(handler)
    root.setLevel(numeric)
    # Libraries speak at WARNING unless we debug; at debug we want their detail too (still redacted).
    for name in _CHATTY:
        logging.getLogger(name).setLevel(numeric if numeric == logging.DEBUG else logging.WARNING)
    for name in ("uvicorn", "uvicorn.error", "alembic"):
        lib = logging.getLogger(name)
        lib.handlers.clear()
        lib.propagate = True


def get_logger(name: str | None = None, **initial: Any) -> structlog.stdlib.BoundLogger:
    """A bound logger; module-level use is fine because configuration happens at call time."""
    logger: structlog.stdlib.BoundLogger = structlog.stdlib.get_logger(name, **initial)
    return logger

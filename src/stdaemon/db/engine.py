"""Open the configured database: the embedded one or `ST_DATABASE_URL`, with one-line errors.

`open_database(settings)` is how the composition root (`stdaemon.bootstrap`) gets an engine for every
command: it starts the embedded server when needed, checks the connection once with a short timeout, maps
every failure to a ConfigError (78, an option asyncpg refuses) or ServiceUnavailable (69, the server cannot
be used) naming host:port and never the password, and stops what it started on exit. The URL itself was
checked once, when the settings were loaded (`settings.parse_database_url`).
"""

from __future__ import annotations

import asyncio
import contextlib
import os
import socket
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass, field

import asyncpg
from sqlalchemy import text
from sqlalchemy.engine import URL, make_url
from sqlalchemy.ext.asyncio import AsyncEngine, create_async_engine

from stdaemon.db import embedded
from stdaemon.db.retry import exception_chain
from stdaemon.exits import ConfigError, ServiceUnavailable
from stdaemon.settings import Settings

CONNECT_TIMEOUT_S = 5.0


@dataclass(frozen=True)
class Database:
    """An open database: `url` carries the password (never log it); `where` is safe to print."""

    url: str = field(repr=False)
    engine: AsyncEngine
    where: str
    embedded: bool


def describe(url: URL) -> str:
    """`host:port/db` (or the socket directory); never the password."""
    host = url.host or str(url.query.get("host") or "localhost")
    return f"{host}:{url.port or 5432}/{url.database}"


def make_engine(url: str | URL, **kwargs: object) -> AsyncEngine:
    """An AsyncEngine with our connect timeout; asyncpg binds jsonb/text[] natively."""
    connect_args = {"timeout": CONNECT_TIMEOUT_S, "command_timeout": 300}
    return create_async_engine(url, connect_args=connect_args, pool_pre_ping=True, **kwargs)


def _short(exc: BaseException, url: URL) -> str:
    """The first line of an error message, capped, with the URL's password masked just in case."""
    from stdaemon.redact import redact_text

    first = (str(exc).strip().splitlines() or [type(exc).__name__])[0][:160]
    return redact_text(first, [url.password] if isinstance(url.password, str) else [])


def unavailable(exc: BaseException, url: URL) -> ServiceUnavailable:  # noqa: PLR0911  one return per cause
    """Map a connection failure to one line: what happened at host:port and how to fix it."""
    where = describe(url)
    user = url.username or "postgres"
    for cause in exception_chain(exc):
        if isinstance(cause, asyncpg.InvalidCatalogNameError):
            return ServiceUnavailable(
                f"database {url.database!r} does not exist on {where}: create it "
                f"(createdb {url.database}) or fix ST_DATABASE_URL"
            )
        if isinstance(cause, asyncpg.InvalidPasswordError | asyncpg.InvalidAuthorizationSpecificationError):
            return ServiceUnavailable(
                f"PostgreSQL at {where} rejected user {user!r} ({type(cause).__name__}): "
                "fix the user or password in ST_DATABASE_URL"
            )
        if isinstance(cause, socket.gaierror):
            return ServiceUnavailable(f"cannot resolve the database host in {where}: fix ST_DATABASE_URL")
        if isinstance(cause, TimeoutError | asyncio.TimeoutError):
            return ServiceUnavailable(
                f"PostgreSQL at {where} did not answer within {CONNECT_TIMEOUT_S:g} s: "
                "check that it runs and is reachable, or fix ST_DATABASE_URL"
            )
        if isinstance(cause, OSError):
            reason = os.strerror(cause.errno) if cause.errno else _short(cause, url)
            return ServiceUnavailable(
                f"cannot connect to PostgreSQL at {where} ({reason}): start it, or fix ST_DATABASE_URL"
            )
        if isinstance(cause, asyncpg.PostgresError):
            return ServiceUnavailable(
                f"PostgreSQL at {where} refused the connection ({type(cause).__name__}): fix ST_DATABASE_URL"
            )
    return ServiceUnavailable(f"cannot use PostgreSQL at {where} ({type(exc).__name__}): fix ST_DATABASE_URL")


async def check_connection(engine: AsyncEngine) -> None:
    """One round trip, or ServiceUnavailable."""
    try:
        async with asyncio.timeout(CONNECT_TIMEOUT_S * 2), engine.connect() as conn:
            await conn.execute(text("SELECT 1"))
    except TypeError as exc:  # asyncpg.connect() got a keyword it does not know: a URL query option
        raise ConfigError(
            f"ST_DATABASE_URL has a query option asyncpg does not accept ({exc}): remove it "
            "(TLS is ?ssl=require)"
        ) from exc
    except Exception as exc:
        raise unavailable(exc, engine.url) from exc


async def start_embedded(settings: Settings) -> embedded.EmbeddedServer:
    """Start the embedded server in a thread. Cancelled meanwhile (a stop signal during start-up), it waits
    for the start to finish and stops the server again, so none is left running with no owner."""
    starting = asyncio.ensure_future(asyncio.to_thread(embedded.start, settings.state_dir))
    try:
        return await asyncio.shield(starting)
    except asyncio.CancelledError:
        with contextlib.suppress(Exception):  # it failed to start: nothing to stop
            server = await starting
            await asyncio.to_thread(server.stop)
        raise


@asynccontextmanager
async def open_database(settings: Settings, *, check: bool = True) -> AsyncIterator[Database]:
    """The database for `settings`: ST_DATABASE_URL, or the embedded server under ST_STATE_DIR."""
    server: embedded.EmbeddedServer | None = None
    if settings.database_url is None:
        server = await start_embedded(settings)
        url = server.url("postgres")
    else:
        url = settings.database_url.get_secret_value()
    try:
        parsed = make_url(url)  # ST_DATABASE_URL was checked and normalised by Settings
        engine = make_engine(parsed)
        try:
            if check:
                await check_connection(engine)
            yield Database(
                url=parsed.render_as_string(hide_password=False),
                engine=engine,
                where=f"embedded PostgreSQL in {server.pgdata}" if server else describe(parsed),
                embedded=server is not None,
            )
        finally:
            await engine.dispose()
    finally:
        if server is not None:
            await asyncio.to_thread(server.stop)

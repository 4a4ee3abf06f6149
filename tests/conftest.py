"""Database fixtures for the whole suite: a real PostgreSQL, never a mock.

The server is `ST_TEST_DATABASE_URL` when set (e.g. postgresql+asyncpg://postgres@127.0.0.1:5432/test;
the user must be allowed to CREATE DATABASE), otherwise an embedded pgserver cluster in a temporary
directory. On that server every test session creates its OWN database with a unique name (parallel runs
and helpers never collide), migrates it with alembic (tables come only from migrations), and drops it at
the end.

Isolation is by truncation after each test (`clean_db`), not by a rolled-back transaction: the code under
test (the DbWriter, the CLI) opens its own connections and commits its own transactions, which an outer
transaction held by the test could neither see nor roll back.
"""

from __future__ import annotations

import os
import secrets
from collections.abc import AsyncIterator, Callable, Iterator
from contextlib import AbstractAsyncContextManager, asynccontextmanager
from pathlib import Path

import pytest
from sqlalchemy import text
from sqlalchemy.engine import make_url
from sqlalchemy.ext.asyncio import AsyncEngine, create_async_engine
from sqlalchemy.pool import NullPool

from stdaemon.db.tables import metadata

TEST_URL_ENV = "ST_TEST_DATABASE_URL"


@pytest.fixture(scope="session")
def database_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A URL to some database on the test server, used only to CREATE/DROP the per-session databases."""
    configured = os.environ.get(TEST_URL_ENV, "").strip()
    if configured:
        yield str(make_url(configured).set(drivername="postgresql+asyncpg").render_as_string(False))
        return
    from stdaemon.db import embedded

    server = embedded.start(tmp_path_factory.mktemp("embedded-pg"))
    try:
        yield server.url("postgres")
    finally:
        server.stop()


@asynccontextmanager
async def fresh_database(server_url: str, prefix: str = "stdaemon_test") -> AsyncIterator[str]:
    """Create an empty database with a unique name on the server of `server_url`; drop it afterwards."""
    name = f"{prefix}_{os.getpid()}_{secrets.token_hex(4)}"
    admin = create_async_engine(server_url, poolclass=NullPool, isolation_level="AUTOCOMMIT")
    try:
        async with admin.connect() as conn:
            await conn.execute(text(f'CREATE DATABASE "{name}"'))
        try:
            yield make_url(server_url).set(database=name).render_as_string(hide_password=False)
        finally:
            async with admin.connect() as conn:
                await conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    finally:
        await admin.dispose()


@pytest.fixture(scope="session")
async def database_url(database_server: str) -> AsyncIterator[str]:
    """A fresh database for this session, migrated to head with alembic."""
    from stdaemon.db.migrations import upgrade_head

    async with fresh_database(database_server) as url:
        await upgrade_head(url)
        yield url


@pytest.fixture(scope="session")
async def engine(database_url: str) -> AsyncIterator[AsyncEngine]:
    from stdaemon.db.engine import make_engine

    eng = make_engine(database_url)
    try:
        yield eng
    finally:
        await eng.dispose()


async def truncate_all(eng: AsyncEngine) -> None:
    tables = ", ".join(f"{t.schema}.{t.name}" for t in metadata.sorted_tables)
    async with eng.begin() as conn:
        await conn.execute(text(f"TRUNCATE {tables} RESTART IDENTITY"))


@pytest.fixture
async def clean_db(engine: AsyncEngine) -> AsyncIterator[AsyncEngine]:
    """The session engine; every table of both schemas is emptied after the test (see module docstring)."""
    try:
        yield engine
    finally:
        await truncate_all(engine)


@pytest.fixture
def empty_database(database_server: str) -> Callable[[], AbstractAsyncContextManager[str]]:
    """A factory of brand-new EMPTY databases (no migrations): `async with empty_database() as url: …`."""
    return lambda: fresh_database(database_server, prefix="stdaemon_empty")


@pytest.fixture(scope="session")
def repo_root() -> Path:
    return Path(__file__).resolve().parents[1]

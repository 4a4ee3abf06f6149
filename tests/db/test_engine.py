"""open_database: the right engine for the settings, and one-line errors that hide passwords."""

from __future__ import annotations

import pytest
from sqlalchemy import text
from sqlalchemy.engine import make_url
from sqlalchemy.ext.asyncio import create_async_engine

from stdaemon.db.engine import Database, describe, open_database
from stdaemon.exits import ConfigError, ServiceUnavailable
from stdaemon.settings import Settings


def _settings(url: str) -> Settings:
    return Settings(_env_file=None, database_url=url)


async def test_open_database_on_a_configured_url(database_url: str) -> None:
    async with open_database(_settings(database_url)) as db:
        assert db.embedded is False
        assert db.where == describe(make_url(database_url))
        assert "@" not in db.where
        async with db.engine.connect() as conn:
            assert (await conn.execute(text("SELECT 1"))).scalar_one() == 1


async def test_unknown_user_is_unavailable_and_names_the_server(database_url: str) -> None:
    url = make_url(database_url).set(username="no_such_role", password="hunter2hunter2")
    with pytest.raises(ServiceUnavailable) as err:
        async with open_database(_settings(url.render_as_string(hide_password=False))):
            pass
    message = str(err.value)
    assert "no_such_role" in message and "hunter2hunter2" not in message and "\n" not in message


def test_describe_unix_socket_urls() -> None:
    assert describe(make_url("postgresql+asyncpg://postgres@/db?host=/run/pg")) == "/run/pg:5432/db"
    assert describe(make_url("postgresql+asyncpg://u:pw@db.example:6543/st")) == "db.example:6543/st"


async def test_an_option_asyncpg_does_not_know_is_a_config_error(database_url: str) -> None:
    url = make_url(database_url).update_query_dict({"no_such_option": "1"}).render_as_string(False)
    with pytest.raises(ConfigError, match="no_such_option"):
        async with open_database(_settings(url)):
            pass


async def test_the_database_repr_hides_the_password() -> None:
    # `Database.url` carries the password (for alembic); the object, and the App holding it, may be printed.
    dsn = "postgresql+asyncpg://app:s3cr3t-pw-42@db.example:5432/st"
    engine = create_async_engine(dsn)  # never connects
    try:
        db = Database(url=dsn, engine=engine, where=describe(make_url(dsn)), embedded=False)
        assert "s3cr3t-pw-42" not in repr(db)
        assert db.url == dsn
    finally:
        await engine.dispose()

"""Migration 0006 (runner heartbeats) on a database that already holds real-shaped rows: up and down lose
nothing, and the heartbeats written at 0006 are the only rows that go with the table."""

from __future__ import annotations

from collections.abc import Callable
from contextlib import AbstractAsyncContextManager

from alembic.script import ScriptDirectory
from sqlalchemy.pool import NullPool

from stdaemon.db import migrations
from stdaemon.db.engine import make_engine
from stdaemon.db.ops_status import record_beat
from tests.db.test_migration_0002 import counts, real_rows, snapshot, store
from tests.ops.test_progress_status import beat

EmptyDb = Callable[[], AbstractAsyncContextManager[str]]


def before_0006() -> str:
    down = ScriptDirectory.from_config(migrations.alembic_config()).get_revision("0006").down_revision
    assert isinstance(down, str)
    return down


async def test_0006_keeps_every_row_up_and_down(empty_database: EmptyDb) -> None:
    async with empty_database() as url:
        engine = make_engine(url, poolclass=NullPool)
        try:
            await migrations.upgrade(engine, before_0006())
            await store(engine, real_rows())
            before = await snapshot(engine)
            assert sum(1 for n in counts(before).values() if n) >= 20, "rows in the entity tables"

            await migrations.upgrade(engine, "0006")
            up = await snapshot(engine)
            assert up.pop("telemetry.runner_heartbeats") == []
            assert up == before
            await record_beat(engine, beat())
            await record_beat(engine, beat(role="crawl"))

            await migrations.downgrade(engine, before_0006())
            assert await snapshot(engine) == before
            await migrations.upgrade_head(engine)
            assert counts(await snapshot(engine))["telemetry.runner_heartbeats"] == 0
        finally:
            await engine.dispose()

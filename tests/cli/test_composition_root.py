"""One composition root: every command gets its database, writer, gateway and DataService from bootstrap.

The AST check finds every call that builds one of those resources in our package; the batch runner that
`stdaemon ingest` uses is run on the real database with settings that change what the writer does.
"""

from __future__ import annotations

import ast
from collections.abc import Callable
from contextlib import AbstractAsyncContextManager
from pathlib import Path

import pytest
from sqlalchemy.ext.asyncio import AsyncEngine

from stdaemon.bootstrap import open_db, run_batch
from stdaemon.db.writer import DbWriter
from stdaemon.exits import ServiceUnavailable
from stdaemon.settings import Settings
from tests.writer.writer_support import count, waypoint_row

EmptyDb = Callable[[], AbstractAsyncContextManager[str]]
SRC = Path(__file__).resolve().parents[2] / "src" / "stdaemon"
# What builds a resource a process must own once: only the composition root calls these.
BUILDERS = {
    "open_database",
    "DbWriter",
    "DbWriter.from_settings",
    "build_gateway",
    "make_client",
    "DataService",
}


def _calls(path: Path) -> set[str]:
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Call):
            name = ast.unparse(node.func)
            if name in BUILDERS:
                found.add(name)
    return found


def test_only_the_composition_root_builds_resources() -> None:
    builders = {
        str(p.relative_to(SRC)): calls
        for p in sorted(SRC.rglob("*.py"))
        if (calls := _calls(p)) and p.name != "bootstrap.py"
    }
    # the gateway module's own factory builds its client; nothing else builds anything
    assert builders == {"api/gateway.py": {"make_client"}}


def _settings(database_url: str, **writer: object) -> Settings:
    return Settings(_env_file=None, database_url=database_url, **writer)  # type: ignore[arg-type]


async def _put_thirty(writer: DbWriter) -> int:
    await writer.put("reference.waypoints", [waypoint_row(i) for i in range(30)])
    await writer.flush()
    return writer.metrics.batches


async def test_a_batch_job_gets_a_writer_built_from_st_writer_settings(
    clean_db: AsyncEngine, database_url: str
) -> None:
    batches = {}
    for rows in (10, 5000):
        settings = _settings(database_url, writer_batch_rows=rows, writer_linger_s=0.01)
        async with open_db(settings, schema="at_head") as db:
            batches[rows] = await run_batch(settings, db, _put_thirty, name="test", signals=False)
    assert batches == {10: 3, 5000: 1}, "ST_WRITER_BATCH_ROWS reached the writer"
    assert await count(clean_db, "reference.waypoints") == 30


async def test_a_failing_batch_job_still_drains_what_it_put(clean_db: AsyncEngine, database_url: str) -> None:
    settings = _settings(database_url, writer_linger_s=5.0)  # nothing flushes before the stop

    async def fail(writer: DbWriter) -> None:
        await writer.put("reference.waypoints", [waypoint_row(i) for i in range(7)])
        raise RuntimeError("the job broke")

    async with open_db(settings) as db:
        with pytest.raises(RuntimeError, match="the job broke"):
            await run_batch(settings, db, fail, name="test", signals=False)
    assert await count(clean_db, "reference.waypoints") == 7


async def test_open_db_refuses_a_database_behind_head(empty_database: EmptyDb) -> None:
    async with empty_database() as url:
        settings = _settings(url)
        with pytest.raises(ServiceUnavailable, match="stdaemon migrate"):
            async with open_db(settings, schema="at_head"):
                pass
        async with open_db(settings) as db:  # as it is: `status` and `migrate` look at it themselves
            assert db.embedded is False

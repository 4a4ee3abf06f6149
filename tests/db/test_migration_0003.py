"""Migration 0003 (reference.resets.simulated) on a database that already holds real-shaped rows: every
row survives the upgrade and the downgrade, stsim's epochs are marked simulated, the real server's not."""

from __future__ import annotations

import json
from collections.abc import Callable
from contextlib import AbstractAsyncContextManager

from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncEngine
from sqlalchemy.pool import NullPool

from stdaemon.db import migrations
from stdaemon.db.engine import make_engine
from tests.services.fakes import body

EmptyDb = Callable[[], AbstractAsyncContextManager[str]]
TABLES = ("reference.resets", "reference.systems", "reference.crawl_progress")


async def test_0003_keeps_every_row_and_marks_the_simulator_epochs(empty_database: EmptyDb) -> None:
    real = body("status")  # a real `GET /` body
    assert not real["description"].startswith("stsim")
    async with empty_database() as url:
        engine = make_engine(url, poolclass=NullPool)
        try:
            await migrations.upgrade(engine, "0001")
            async with engine.begin() as conn:
                await conn.execute(
                    text(
                        "INSERT INTO reference.resets (reset_date, first_seen_at, last_seen_at, raw) VALUES"
                        " ('2025-04-13', now(), now(), CAST(:real AS jsonb)),"
                        " ('2026-11-30', now(), now(), CAST(:sim AS jsonb))"
                    ),
                    {
                        "real": json.dumps(real),
                        "sim": '{"description": "stsim 0.1.0: a local SpaceTraders simulator"}',
                    },
                )
                for i in range(50):
                    await conn.execute(
                        text(
                            "INSERT INTO reference.systems"
                            " (reset_date, symbol, sector_symbol, type, x, y, raw, observed_at)"
                            " VALUES ('2025-04-13', :s, 'X1', 'RED_STAR', :i, 0, '{}', now())"
                        ),
                        {"s": f"X1-S{i}", "i": i},
                    )
                await conn.execute(
                    text(
                        "INSERT INTO reference.crawl_progress (reset_date, task, next_page, observed_at)"
                        " VALUES ('2025-04-13', 'systems', 3, now())"
                    )
                )
            before = await _counts(engine)
            await migrations.upgrade(engine, "0003")
            assert await _counts(engine) == before
            async with engine.connect() as conn:
                found = await conn.execute(text("SELECT reset_date::text, simulated FROM reference.resets"))
                marks = {r[0]: r[1] for r in found}
            assert marks == {"2025-04-13": False, "2026-11-30": True}
            await migrations.downgrade(engine, "0001")
            assert await _counts(engine) == before
            async with engine.connect() as conn:
                columns = await conn.execute(
                    text(
                        "SELECT column_name FROM information_schema.columns"
                        " WHERE table_schema = 'reference' AND table_name = 'resets'"
                    )
                )
                assert "simulated" not in {r[0] for r in columns}
        finally:
            await engine.dispose()


async def _counts(engine: AsyncEngine) -> dict[str, int]:
    async with engine.connect() as conn:
        return {t: int((await conn.execute(text(f"SELECT count(*) FROM {t}"))).scalar_one()) for t in TABLES}

"""The crawl as users run it: `stdaemon run crawl` processes against `stsim serve` over HTTP, on PostgreSQL,
with every request counted by a proxy between them.

Stopped half-way by SIGTERM, or killed by SIGKILL, and started again, the crawl finishes without fetching a
page it had stored; the database then holds exactly stsim's universe.
"""

from __future__ import annotations

import asyncio
import json
import signal
import sys
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy.ext.asyncio import AsyncEngine

from stsim.app import build_app
from tests.cli.test_run import env_for
from tests.crawl.crawl_support import (
    crawl_requests,
    progress_rows,
    stored_requests,
    stored_universe,
    stsim_universe,
)
from tests.crawl.recording_proxy import Recording, recording_proxy
from tests.stsim.serve import STSIM, free_port, register, serving
from tests.writer.writer_support import fetch

SEED, SYSTEMS = 11, 8
pytestmark = pytest.mark.slow


@pytest.fixture
async def proxied() -> AsyncIterator[Recording]:
    port = free_port()
    command = [*STSIM, *f"serve --port {port} --seed {SEED} --systems {SYSTEMS} --no-rate-limit".split()]
    async with serving(command, port) as url, recording_proxy(url) as recording:
        yield recording


async def start(url: str, database_url: str, tmp_path: Path, **extra: str) -> asyncio.subprocess.Process:
    # a quick client budget (stsim serves without its limit here): the budget itself is measured elsewhere
    env = env_for(database_url, tmp_path, ST_API_URL=url, ST_RATE_PER_SECOND="8", ST_RATE_BURST="0", **extra)
    return await asyncio.create_subprocess_exec(
        sys.executable, "-m", "stdaemon", "run", "crawl", env=env,
        stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.PIPE,
    )  # fmt: skip


async def events_until(proc: asyncio.subprocess.Process, event: str) -> list[dict[str, Any]]:
    assert proc.stdout is not None
    seen: list[dict[str, Any]] = []
    while line := await proc.stdout.readline():
        seen.append(json.loads(line))
        if seen[-1]["event"] == event:
            return seen
    raise AssertionError(f"the daemon ended before {event!r}: {[e['event'] for e in seen]}")


@pytest.mark.parametrize("sig", [signal.SIGTERM, signal.SIGKILL])
async def test_a_crawl_stopped_half_way_resumes_without_fetching_a_stored_page(
    proxied: Recording, clean_db: AsyncEngine, database_url: str, tmp_path: Path, sig: signal.Signals
) -> None:
    token = await register(proxied.url, "CRAWL_E2E")
    first = await start(proxied.url, database_url, tmp_path, ST_TOKEN=token)
    try:
        async with asyncio.timeout(60):
            while len(crawl_requests(proxied.requests)) < 20:  # noqa: ASYNC110  polling the effect
                await asyncio.sleep(0.02)
        first.send_signal(sig)
        _, err = await asyncio.wait_for(first.communicate(), timeout=60)
    finally:
        if first.returncode is None:
            first.kill()
            await first.wait()
    assert first.returncode == (0 if sig == signal.SIGTERM else -signal.SIGKILL), err.decode()
    stored = stored_requests(await progress_rows(clean_db))
    before = len(proxied.requests)
    assert stored, "nothing was stored before the stop"
    summary = await fetch(clean_db, "SELECT completed_at FROM reference.crawl_progress WHERE task = 'crawl'")
    assert summary in ([], [{"completed_at": None}]), "the crawl was not stopped half-way"

    second = await start(proxied.url, database_url, tmp_path, ST_TOKEN=token)
    try:
        completed = await asyncio.wait_for(events_until(second, "crawl_completed"), timeout=120)
    finally:
        second.send_signal(signal.SIGTERM)
        _, err = await asyncio.wait_for(second.communicate(), timeout=60)
    assert second.returncode == 0, err.decode()
    again = crawl_requests(proxied.requests[before:])
    assert again & stored == set(), "a stored page was fetched again"
    if sig == signal.SIGTERM:  # a graceful stop stores every page it fetched: nothing was asked twice
        asked = crawl_requests(proxied.requests)
        assert {k: n for k, n in proxied.counts.items() if k in asked and n > 1} == {}
    started = next(e for e in completed if e["event"] == "crawl_started")
    assert started["resumed"] is True
    assert await stored_universe(clean_db) == stsim_universe(
        build_app(seed=SEED, systems=SYSTEMS).state.server
    )

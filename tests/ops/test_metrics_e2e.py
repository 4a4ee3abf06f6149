"""A real runner with the metrics endpoint on: `/metrics` shows the figures, the `stats` line carries them,
and `stdaemon status` in another process shows the runner (its heartbeat, what it does, its budget use),
then, after SIGTERM, shows it stopped."""

from __future__ import annotations

import asyncio
import json
import signal
import socket
from collections.abc import AsyncIterator, Callable
from contextlib import AbstractAsyncContextManager
from pathlib import Path
from typing import Any

import httpx
import pytest
from prometheus_client.parser import text_string_to_metric_families

from stdaemon.api.meter import BudgetMeter
from stdaemon.api.priority import Priority
from tests.cli.cli_support import STDAEMON, stdaemon
from tests.cli.test_run import env_for, read_events


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def samples(text: str) -> dict[tuple[str, tuple[tuple[str, str], ...]], float]:
    found = {}
    for family in text_string_to_metric_families(text):
        for s in family.samples:
            found[s.name, tuple(sorted(s.labels.items()))] = s.value
    return found


@pytest.fixture
async def fresh_url(empty_database: Callable[[], AbstractAsyncContextManager[str]]) -> AsyncIterator[str]:
    async with empty_database() as url:
        yield url


async def test_metrics_stats_and_status_of_a_running_runner(fresh_url: str, tmp_path: Path) -> None:
    port = free_port()
    env = env_for(
        fresh_url,
        tmp_path,
        ST_METRICS_PORT=str(port - 3),  # the fleet runner listens on ST_METRICS_PORT + 3
        ST_STATS_INTERVAL_S="0.5",
        ST_HEARTBEAT_INTERVAL_S="0.5",
    )
    proc = await asyncio.create_subprocess_exec(
        *STDAEMON, "run", "fleet", env=env, stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.PIPE
    )
    assert proc.stdout is not None
    seen: list[dict[str, Any]] = []
    try:
        await asyncio.wait_for(read_events(proc.stdout, "fleet_observed", seen), timeout=60)
        # a stats line once the command ship is claimed (under load the first may come before)
        await asyncio.wait_for(read_events(proc.stdout, "stats", seen, where=claimed), timeout=60)
        async with httpx.AsyncClient() as http:
            scrape = await http.get(f"http://127.0.0.1:{port}/metrics")
            other = await http.get(f"http://127.0.0.1:{port}/")
        running = await asyncio.to_thread(stdaemon, tmp_path, "status", "--json", ST_DATABASE_URL=fresh_url)
    finally:
        proc.send_signal(signal.SIGTERM)
    _, err = await asyncio.wait_for(proc.communicate(), timeout=60)
    assert proc.returncode == 0, err.decode()

    assert scrape.status_code == 200 and other.status_code == 404
    got = samples(scrape.text)
    assert got["stdaemon_api_requests_total", (("outcome", "ok"), ("priority", "FLEET"))] >= 3
    assert got["stdaemon_api_budget_allowance_per_minute", ()] == 150
    assert got["stdaemon_api_budget_used_last_minute", ()] >= 3
    assert got["stdaemon_api_throttled_total", ()] == 0
    # both ships, and a ship again when it acted in a later batch (a ledger entry's commit ends a batch)
    assert got["stdaemon_writer_rows_written_total", (("table", "telemetry.ships"),)] >= 2
    assert got["stdaemon_scheduler_queue_depth", ()] == 0
    assert ("stdaemon_scheduler_wait_seconds_count", (("priority", "FLEET"),)) in got
    assert ("stdaemon_cache_misses_total", (("kind", "ships"),)) in got
    assert got["stdaemon_writer_queue_depth_rows", ()] >= 0
    [credits] = [v for (name, _), v in got.items() if name == "stdaemon_agent_credits"]
    assert credits > 0
    assert got["stdaemon_markets_priced", ()] >= 0  # the fleet prices the markets it trades at

    stats = [e for e in seen if e["event"] == "stats"][-1]
    assert stats["role"] == "fleet" and stats["api"]["allowance_per_minute"] == 150
    assert stats["writer"]["rows_written"]["telemetry.ships"] >= 2
    assert stats["activity"].startswith("fleet: 1 ship: ")  # the command ship, on its behaviour
    assert {"cache", "progress"} <= set(stats)

    assert running.returncode == 0, running.stderr
    fleet = json.loads(running.stdout)["runners"]["fleet"]
    assert fleet["state"] == "running"
    assert fleet["doing"].startswith("fleet: 1 ship: ")
    assert fleet["budget_used_last_minute"] >= 3 and fleet["budget_allowance_per_minute"] == 150
    assert fleet["heartbeat_age_s"] < 30

    stopped = stdaemon(tmp_path, "status", ST_DATABASE_URL=fresh_url)  # the human table, after the stop
    assert stopped.returncode == 0, stopped.stderr
    [line] = [x for x in stopped.stdout.splitlines() if x.startswith("fleet ")]
    assert " stopped " in line
    assert "credits" in stopped.stdout


async def test_a_taken_metrics_port_is_one_line_and_exit_78(fresh_url: str, tmp_path: Path) -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = int(taken.getsockname()[1])
        result = await asyncio.to_thread(
            stdaemon, tmp_path, "run", "all", **env_for(fresh_url, tmp_path, ST_METRICS_PORT=str(port))
        )
    assert result.returncode == 78
    [line] = result.stderr.splitlines()
    assert f"cannot serve metrics on 127.0.0.1:{port}" in line


def test_the_meter_counts_outcomes_by_priority_and_the_last_minute() -> None:
    meter = BudgetMeter()
    for at in (0.0, 10.0, 59.0, 61.0, 62.0):
        meter.sent(at)
    meter.answered(Priority.ACTION, "ok")
    meter.answered(Priority.CRAWL, "429")
    meter.answered(Priority.CRAWL, "transport")
    snap = meter.snapshot(now=65.0)
    assert snap.requests_sent == 5
    assert snap.sent_last_minute == 4  # 0.0 is more than 60 s before 65.0
    assert snap.outcomes_by_priority == {"ACTION": {"ok": 1}, "CRAWL": {"429": 1, "transport": 1}}
    assert snap.transport_errors == 1


def claimed(stats: dict[str, Any]) -> bool:
    return str(stats["activity"]).startswith("fleet: 1 ship: ")

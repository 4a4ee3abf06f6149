"""What runs each shell command of README.md (`COVERAGE`), and how `readme_commands` runs the blocks it owns
and what it expects of them (`PLANS`).

For every command of every ```sh block, one of: `run` (`readme_commands run` runs its block, as written, in a
bash of its own with a fresh state directory and so an embedded PostgreSQL, pausing only where a person would
wait), `test` (a named test runs it), `ci` (`.ci/run` runs it), or `manual` (it needs what CI cannot have: root
and systemd as PID 1, your token, your database), with the reason.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, Literal

How = Literal["run", "test", "ci", "manual"]


@dataclass(frozen=True)
class Cover:
    how: How
    note: str  # run: the block (its first command); test: the pytest node; ci, manual: what and why


def _run(block: str) -> Cover:
    return Cover("run", block)


STSIM = ".venv/bin/stsim serve --port 8765 --seed 1 --speed 100 &"
CRAWL = ".venv/bin/stsim serve --port 8766 --seed 2 &"
METRICS = "ST_METRICS_PORT=9464 make run &"
ROOT_ONLY = "needs root and systemd as PID 1; the units are checked by `scripts/systemd_units.py check`"
YOURS = (
    "your own token, database or archive: the same commands against a simulator run in the blocks marked run"
)

COVERAGE: dict[str, Cover] = {
    "make run": _run("make run"),
    "make test": Cover("ci", ".ci/run runs the tests with it"),
    "export ST_TOKEN=eyJ...": Cover("manual", YOURS),
    "export ST_DATABASE_URL=postgresql+asyncpg://stdaemon:secret@db.example:5432/stdaemon": Cover(
        "manual", YOURS
    ),
    "make migrate": Cover("test", "tests/docs/test_readme_commands.py::test_make_migrate_migrates"),
    CRAWL: _run(CRAWL),
    "curl -s --retry 5 --retry-connrefused -o systems.json localhost:8766/v2/systems.json": _run(CRAWL),
    "TOKEN=$(curl -s -X POST localhost:8766/v2/register -H 'Authorization: Bearer any' -H 'Content-Type: "
    'application/json\' -d \'{"symbol":"CRAWLER","faction":"COSMIC"}\' | python3 -c \'import json, sys; '
    'print(json.load(sys.stdin)["data"]["token"])\')': _run(CRAWL),
    "ST_API_URL=http://127.0.0.1:8766/v2 ST_TOKEN=$TOKEN .venv/bin/stdaemon run crawl --from-dump systems.json &": (
        _run(CRAWL)
    ),
    ".venv/bin/stdaemon status": _run(CRAWL),
    STSIM: _run(STSIM),
    "TOKEN=$(curl -s --retry 5 --retry-connrefused -X POST localhost:8765/v2/register -H 'Authorization: Bearer "
    'any\' -H \'Content-Type: application/json\' -d \'{"symbol":"NEWCOMER","faction":"COSMIC"}\' | python3 -c '
    '\'import json, sys; print(json.load(sys.stdin)["data"]["token"])\')': _run(STSIM),
    "ST_API_URL=http://127.0.0.1:8765/v2 ST_TOKEN=$TOKEN ST_ACCOUNT_TOKEN=any ST_AGENT_SYMBOL=NEWCOMER make run &": (
        _run(STSIM)
    ),
    "curl -s -X POST localhost:8765/v2/_admin/reset": _run(STSIM),
    ".venv/bin/stdaemon ingest --dry-run --kind waypoints tests/fixtures/payloads/waypoints.json": _run(
        ".venv/bin/stdaemon ingest --dry-run --kind waypoints tests/fixtures/payloads/waypoints.json"
    ),
    ".venv/bin/stdaemon report --out report.html && xdg-open report.html": Cover(
        "manual", "opens a browser; the report is drawn by tests/cli/test_report.py"
    ),
    ".venv/bin/python -m tests.analytics.sandbox_game postgresql+asyncpg://postgres@127.0.0.1:5432/scratch "
    "--hours 2": Cover("test", "tests/report/test_browser.py (drives tests.analytics.sandbox_game)"),
    "ST_DATABASE_URL=postgresql+asyncpg://postgres@127.0.0.1:5432/scratch .venv/bin/stdaemon report": Cover(
        "test", "tests/cli/test_report.py"
    ),
    "journalctl -u stdaemon@all -f -o cat | jq .": Cover("manual", ROOT_ONLY),
    METRICS: _run(METRICS),
    "curl -s localhost:9464/metrics | grep ^stdaemon_": _run(METRICS),
    "ST_DATABASE_URL=postgresql+asyncpg://… .venv/bin/python -m benchmarks.shared_budget --seconds 120": Cover(
        "manual",
        "a benchmark (its figure is in Benchmarks); tests/ops/test_shared_budget_db.py tests the budget",
    ),
    "ST_TOKEN=$TOKEN_A ST_STATE_DIR=var/a ST_RATE_BUDGET_KEY=home .venv/bin/stdaemon run all &": Cover(
        "test", "tests/ops/test_two_agents.py"
    ),
    "ST_TOKEN=$TOKEN_B ST_STATE_DIR=var/b ST_RATE_BUDGET_KEY=home .venv/bin/stdaemon run all &": Cover(
        "test", "tests/ops/test_two_agents.py"
    ),
    "sudo useradd --system --home-dir /var/lib/stdaemon --shell /usr/sbin/nologin stdaemon": Cover(
        "manual", ROOT_ONLY
    ),
    "sudo python3 scripts/systemd_units.py render --prefix /opt/stdaemon --out /etc/systemd/system": Cover(
        "test",
        "tests/ops/test_systemd_daemon.py renders the units (to check them); installing them needs root",
    ),
    "sudo systemctl daemon-reload": Cover("manual", ROOT_ONLY),
    "sudo systemctl enable --now stdaemon@all": Cover("manual", ROOT_ONLY),
    "sudo systemctl enable --now stdaemon.target": Cover("manual", ROOT_ONLY),
    "systemctl status 'stdaemon@*'": Cover("manual", ROOT_ONLY),
    ".venv/bin/python scripts/systemd_units.py check": Cover("test", "tests/ops/test_systemd_daemon.py"),
    "make check": Cover("ci", ".ci/run runs lint, typecheck and the tests, the parts of make check"),
    "make bench": Cover("manual", "the benchmarks take tens of minutes; their figures are in Benchmarks"),
    "make soak": Cover("manual", "about 70 minutes; its figures are in Guarantees (make test runs it short)"),
    'make test ARGS="tests/reliability"': Cover(
        "ci", ".ci/run runs every test, the short reliability suite too"
    ),
    'psql "$DB" -c "ALTER TABLE telemetry.market_snapshots DETACH PARTITION partitions.market_snapshots_2026_11_01"': (
        Cover("test", "tests/db/test_partitions.py detaches and drops an epoch's partitions (in SQL)")
    ),
    'pg_dump "$DB" -t partitions.market_snapshots_2026_11_01 -Fc -f market_snapshots_2026_11_01.dump': Cover(
        "manual", YOURS
    ),
    'psql "$DB" -c "DROP TABLE partitions.market_snapshots_2026_11_01"': Cover(
        "test", "tests/db/test_partitions.py detaches and drops an epoch's partitions (in SQL)"
    ),
    "for t in market_snapshots market_transactions shipyard_transactions agent_snapshots extractions; do": Cover(
        "test", "tests/db/test_partitions.py detaches and drops an epoch's partitions (in SQL)"
    ),
    'psql "$DB" -c "DROP TABLE partitions.${t}_2026_11_01"': Cover(
        "test", "tests/db/test_partitions.py detaches and drops an epoch's partitions (in SQL)"
    ),
    "done": Cover("test", "tests/db/test_partitions.py (the end of the loop above)"),
}


# --- reading the README ------------------------------------------------------------------------------


@dataclass
class Plan:
    """How to run one block: wait for a log event before some lines, then for `until`, then stop it all."""

    waits: dict[str, str] = field(default_factory=dict)  # command -> event it waits for
    # a command in the foreground that a person stops with Ctrl-C once these events were logged
    interactive: dict[str, tuple[str, ...]] = field(default_factory=dict)
    skip: dict[str, str] = field(default_factory=dict)  # command -> what runs it instead
    until: tuple[str, ...] = ()  # events to wait for at the end ("event*2": two of them)
    check: Callable[[list[dict[str, Any]], str], list[str]] = lambda events, out: []
    timeout_s: float = 240.0


def events_of(text: str) -> list[dict[str, Any]]:
    found = []
    for line in text.splitlines():
        with_brace = line[line.find("{") :] if "{" in line else ""
        try:
            event = json.loads(with_brace)
        except ValueError:
            continue
        if isinstance(event, dict) and "event" in event:
            found.append(event)
    return found


def _names(events: list[dict[str, Any]]) -> list[str]:
    return [str(e["event"]) for e in events]


def _check_sandbox(events: list[dict[str, Any]], out: str) -> list[str]:
    names = _names(events)
    wanted = ["database_ready", "crawl_completed", "market_polled", "fleet_observed", "db_writer_stopped"]
    problems = [f"no {name} line" for name in wanted if name not in names]
    stopped = next((e for e in events if e["event"] == "db_writer_stopped"), {})
    written = stopped.get("written", {})
    for table in (
        "reference.systems",
        "reference.waypoints",
        "telemetry.markets",
        "telemetry.market_snapshots",
    ):
        if not written.get(table):
            problems.append(f"nothing written to {table}")
    throttled = [e for e in events if e["event"] == "api_retry" and "HTTP 429" in str(e.get("reason"))]
    if throttled:  # the sandbox's budget is the limiter's alone: a 429 means the two disagree
        problems.append(f"{len(throttled)} responses 429, first: {throttled[0].get('request')}")
    return problems


def _check_reset(events: list[dict[str, Any]], out: str) -> list[str]:
    names = _names(events)
    wanted = ["server_reset", "agent_registered", "new_epoch_started", "db_writer_stopped"]
    problems = [f"no {name} line" for name in wanted if name not in names]
    if "new_epoch_started" in names and "crawl_started" not in names[names.index("new_epoch_started") :]:
        problems.append("the crawl did not start again in the new epoch")
    return problems


def _check_crawl(events: list[dict[str, Any]], out: str) -> list[str]:
    names = _names(events)
    problems = [f"no {name} line" for name in ("crawl_dump_loaded", "crawl_completed") if name not in names]
    if not re.search(r"^crawl +\d+/\d+ pages .* complete since", out, flags=re.M):
        problems.append("`stdaemon status` did not show the crawl")
    return problems


def _check_metrics(events: list[dict[str, Any]], out: str) -> list[str]:
    return [] if "stdaemon_api_requests_total" in out else ["no stdaemon_ metrics were served"]


def _check_ingest(events: list[dict[str, Any]], out: str) -> list[str]:
    return [] if "waypoints: 4 decoded" in out else ["the dry run did not decode the waypoints"]


PLANS: dict[str, Plan] = {
    "make run": Plan(
        interactive={"make run": ("crawl_completed", "market_polled")},
        skip={"make test": ".ci/run"},
        check=_check_sandbox,
    ),
    STSIM: Plan(
        waits={"curl -s -X POST localhost:8765/v2/_admin/reset": "crawl_completed"},
        until=("new_epoch_started", "crawl_started*2"),  # the crawl goes on in the new epoch
        check=_check_reset,
    ),
    CRAWL: Plan(waits={".venv/bin/stdaemon status": "crawl_completed"}, check=_check_crawl),
    METRICS: Plan(
        waits={"curl -s localhost:9464/metrics | grep ^stdaemon_": "metrics_serving"}, check=_check_metrics
    ),
    ".venv/bin/stdaemon ingest --dry-run --kind waypoints tests/fixtures/payloads/waypoints.json": Plan(
        check=_check_ingest, timeout_s=60
    ),
}

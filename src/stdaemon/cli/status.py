"""`stdaemon status [--json]`: is the database reachable, at migration head, which reset, what was written,
and each runner's heartbeat (what it does, its budget use), the crawl's progress, market freshness, credits.
It reads all of it from the database, so it works from any process and any host.

Exit 0 when reachable and at head; 69 when unreachable or behind head (after printing the report, so
monitoring gets both the figures and the verdict); 78 for a malformed configuration.
"""

from __future__ import annotations

import asyncio
import json
import logging
import sys
from typing import Annotated, Any

import typer

from stdaemon.cli.app import app
from stdaemon.exits import ServiceUnavailable, StdaemonError
from stdaemon.settings import Settings, load_settings


def setup_cli_logging(settings: Settings) -> None:
    """Logs go to stderr here: stdout carries the command's own output (JSON for --json)."""
    from stdaemon.logging import configure_logging

    configure_logging(
        level=settings.log_level,
        log_format=settings.log_format,
        secrets=settings.secrets(),
        stream=sys.stderr,
    )
    if settings.log_level != "debug":
        logging.getLogger("pgserver").setLevel(logging.CRITICAL)  # it logs every subprocess at INFO
        logging.getLogger("alembic.runtime.plugins").setLevel(logging.WARNING)


def _where(settings: Settings) -> str:
    from sqlalchemy.engine import make_url

    from stdaemon.db.engine import describe

    if settings.database_url is None:
        return f"embedded PostgreSQL in {(settings.state_dir / 'pg').resolve()}"
    return describe(make_url(settings.database_url.get_secret_value()))


def render_text(report: dict[str, object]) -> str:
    """The human table (plain aligned text: fine on a TTY and in a pipe)."""
    db = report["database"]
    mig = report["migration"]
    assert isinstance(db, dict) and isinstance(mig, dict)
    reach = "reachable" if db["reachable"] else "UNREACHABLE"
    version = f", PostgreSQL {db['server_version']}" if db["server_version"] else ""
    verdict = "ok" if mig["at_head"] else "NOT AT HEAD: run `stdaemon migrate`"
    lines = [
        f"database   {db['where']} ({reach}{version})",
        f"migration  {mig['revision'] or 'none'} (head {mig['head']}) {verdict}",
        f"reset      {report['reset_date'] or 'none seen yet'}",
        f"crawl      {_crawl_line(report.get('crawl'))}",
        "",
        f"{'table':<34} {'kind':<8} {'rows':>12}  {'last write':<32}  last observed",
    ]
    tables = report["tables"]
    assert isinstance(tables, list)
    for t in tables:
        rows = "missing" if not t["exists"] else f"{t['rows']:,}"
        written, observed = t["last_write"] or "-", t.get("last_observed") or "-"
        lines.append(f"{t['name']:<34} {t['kind']:<8} {rows:>12}  {written:<32}  {observed}")
    runners, progress = report.get("runners"), report.get("progress")
    assert isinstance(runners, dict)
    lines += ["", *render_runners(runners)]
    if isinstance(progress, dict):
        lines += ["", *render_progress(progress)]
    fleet = report.get("fleet")
    if isinstance(fleet, dict):
        from stdaemon.db.fleet_status import render_fleet

        lines += render_fleet(fleet)
    return "\n".join(lines)


def render_runners(runners: dict[str, dict[str, Any]]) -> list[str]:
    if not runners:
        return ["runners    none has reported a heartbeat yet"]
    lines = [f"{'runner':<16} {'agent':<14} {'host':<16} {'state':<8} {'beat':>7} {'budget/min':>10}  doing"]
    for key, r in runners.items():
        age = f"{r['heartbeat_age_s']:.0f}s" if r["heartbeat_age_s"] is not None else "-"
        budget = f"{r['budget_used_last_minute']}/{r['budget_allowance_per_minute'] or '?'}"
        lines.append(
            f"{key:<16} {r['agent']:<14} {r['host']:<16} {r['state']:<8} {age:>7} {budget:>10}  {r['doing']}"
        )
    return lines


def render_progress(p: dict[str, Any]) -> list[str]:
    markets = (
        f"{p['markets_priced']} priced; freshest {p['freshest_market']} at {p['freshest_market_at']}, "
        f"stalest {p['stalest_market']} at {p['stalest_market_at']}"
        if p["markets_priced"]
        else "no prices yet"
    )
    credits = ", ".join(f"{agent} {n:,}" for agent, n in p["credits"].items()) or "-"
    return [f"markets    {markets}", f"credits    {credits}", f"dead letters {p['dead_letters']:,}"]


def _crawl_line(crawl: object) -> str:
    if not isinstance(crawl, dict):
        return "not started"
    total = crawl["pages_total"]
    share = (
        f"{crawl['pages_done']:,}/{total:,} pages ({crawl['percent']} %)"
        if total
        else (f"{crawl['pages_done']:,} pages")
    )
    state = (
        f"complete since {crawl['completed_at']}" if crawl["complete"] else f"updated {crawl['updated_at']}"
    )
    return f"{share} of reset {crawl['reset_date']}, {state}"


async def _status(settings: Settings, as_json: bool) -> bool:
    from stdaemon.bootstrap import open_db
    from stdaemon.db import status
    from stdaemon.db.engine import unavailable

    embedded = settings.database_url is None
    try:
        async with open_db(settings) as db:
            try:
                report = await status.collect(
                    db.engine,
                    where=db.where,
                    embedded=db.embedded,
                    heartbeat_interval_s=settings.heartbeat_interval_s,
                )
            except StdaemonError:
                raise
            except Exception as exc:
                raise unavailable(exc, db.engine.url) from exc
    except ServiceUnavailable:
        if as_json:
            print(
                json.dumps(status.unreachable(where=_where(settings), embedded=embedded).as_json(), indent=2)
            )
        raise
    data = report.as_json()
    print(json.dumps(data, indent=2) if as_json else render_text(data))
    return report.at_head


@app.command("status")
def status_command(
    as_json: Annotated[bool, typer.Option("--json", help="print the report as JSON")] = False,
) -> None:
    """Database reachable, migration revision vs head, reset epoch, the crawl's progress, and per table its
    rows, last write and last observation."""
    settings = load_settings()
    setup_cli_logging(settings)
    at_head = asyncio.run(_status(settings, as_json))
    if not at_head:
        from stdaemon.db.migrations import head_revision

        raise ServiceUnavailable(
            f"database is not at migration head {head_revision()}: run `stdaemon migrate`"
        )

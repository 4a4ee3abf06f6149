"""Item 5: a server reset in the middle of a run. With an account token the daemon registers a new agent and
its runners go on in the new epoch without a restart; the old epoch's rows are untouched (every row of every
table, compared by checksum before and after, but for `last_seen_at` and the ship leases released); a later
start with the stale token and no account token exits 78 with one line, every time, at once (systemd's
RestartPreventExitStatus=78: no restart loop).
"""

from __future__ import annotations

import time
from datetime import date
from pathlib import Path

import httpx
from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncEngine

from stdaemon.db.tables import metadata
from tests.reliability import figures
from tests.reliability.conftest import Stsim
from tests.reliability.daemon import Daemon, LogBook, run_once
from tests.reliability.scale import Scale
from tests.reliability.world import world


async def epoch_checksums(db: AsyncEngine, reset_date: str) -> dict[str, tuple[int, str]]:
    """Rows and an md5 of every row, per table, of one epoch. Bookkeeping is left out: when the epoch was
    last seen, and the fleet's ship leases (released when its runners move to the new epoch)."""
    out = {}
    async with db.connect() as conn:
        for table in metadata.sorted_tables:
            if "reset_date" not in table.c or table.name in ("runner_heartbeats", "rate_budgets"):
                continue
            name = f"{table.schema}.{table.name}"
            row_sql = "(to_jsonb(t) - 'lease_until' - 'written_at' - 'last_seen_at')::text"
            digest_sql = f"coalesce(md5(string_agg({row_sql}, '|' ORDER BY {row_sql})), '')"
            sql = f"SELECT count(*), {digest_sql} FROM {name} t WHERE reset_date = :r"
            n, digest = (await conn.execute(text(sql), {"r": date.fromisoformat(reset_date)})).one()
            out[name] = (int(n), str(digest))
    return out


async def raw_resets(db: AsyncEngine) -> list[tuple[str, str]]:
    async with db.connect() as conn:
        sql = "SELECT reset_date::text, (to_jsonb(t) - 'written_at')::text FROM reference.resets t ORDER BY 1"
        return [(r[0], r[1]) for r in await conn.execute(text(sql))]


async def test_a_reset_mid_run_goes_on_and_a_stale_token_never_loops(
    book: LogBook, tmp_path: Path, stsim: Stsim, db_url: str, db: AsyncEngine, *, scale: Scale
) -> None:
    row = figures.row("server reset mid-run")
    async with world(stsim, book, rate_limit=False, systems=10, symbol="EPOCHAL") as w:
        env = w.env(db_url, tmp_path, ST_ACCOUNT_TOKEN="account-token", ST_AGENT_SYMBOL="EPOCHAL")
        book.secrets.add("account-token")
        async with Daemon(book, tmp_path / "daemon.log", env) as daemon:
            completed = await daemon.wait_for("crawl_completed", 180)
            first = str(completed["reset_date"])
            await daemon.wait_for("fleet_observed", 60)
            async with httpx.AsyncClient() as client:
                (await client.post(f"{w.stsim_url}/_admin/reset")).raise_for_status()
            began = time.monotonic()
            await daemon.wait_for("new_epoch_started", 120)
            # the old epoch as the daemon left it (answers in flight at the reset still landed in it)
            before = await epoch_checksums(db, first)
            old_resets = await raw_resets(db)
            again = await daemon.wait_for(lambda e: e.get("event") == "crawl_completed"
                                          and str(e.get("reset_date")) != first, 180)  # fmt: skip
            took = time.monotonic() - began
            await daemon.wait_for(lambda e: e.get("event") == "fleet_observed"
                                  and e.get("timestamp", "") > again.get("timestamp", ""), 120)  # fmt: skip
            code, _ = await daemon.stop(deadline_s=60)
            row.peak_rss_mib = max(row.peak_rss_mib, daemon.peak_rss_mib)
        assert code == 0, daemon.lines[-10:]
        after = await epoch_checksums(db, first)
        now_resets = await raw_resets(db)
        assert now_resets[0] == old_resets[0], (old_resets, now_resets)
        assert after == before, {t: (before[t], after[t]) for t in before if before[t] != after[t]}
        assert sum(n for n, _ in before.values()) > 0
        second = str(again["reset_date"])
        assert second != first

        # systemd restarting with the stale token and no account token: 78 every time, never a loop
        stale = {k: v for k, v in env.items() if k != "ST_ACCOUNT_TOKEN"}
        stale |= {"ST_STATE_DIR": str(tmp_path / "fresh-state"), "ST_LOG_LEVEL": "info"}
        codes, durations = [], []
        for attempt in range(3):
            started = time.monotonic()
            code, lines = await run_once(book, tmp_path / f"stale-{attempt}.log", stale, ["run"], within_s=60)
            durations.append(time.monotonic() - started)
            codes.append(code)
            errors = [line for line in lines if not line.startswith("{")]
            assert len(errors) == 1 and "reset" in errors[0], errors
        assert codes == [78, 78, 78]

    row.trials += 1
    row.observed += sum(n for n, _ in before.values())
    row.stored += sum(n for n, _ in after.values())
    row.restarts += 1
    row.notes.append(
        f"epoch {first} → {second}: new agent and a complete crawl {took:.0f} s after the reset, no restart; "
        f"{sum(n for n, _ in before.values())} old-epoch rows unchanged; stale token: exit 78 ×3 "
        f"({max(durations):.1f} s at most)"
    )

"""Item 8: bad input to `stdaemon ingest` (the real entry point, in a subprocess): truncated JSON, the wrong
kind, empty files, huge files. Each bad file gets one line naming it and the reason, the good files still go
in, and a file is never half-written: the database holds exactly the good files' rows."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncEngine

from stdaemon.db.migrations import upgrade_head
from tests.reliability import figures
from tests.reliability.daemon import LogBook, run_once
from tests.reliability.scale import Scale
from tests.services.fakes import FIXTURES

RESET = "2026-11-15"


def waypoints(n: int, system: str) -> list[dict[str, Any]]:
    """`n` real-shaped waypoints (the saved payload's, renamed), each with its own symbol."""
    saved = json.loads((FIXTURES / "waypoints.json").read_text())["data"]
    out = []
    for i in range(n):
        w = copy.deepcopy(saved[i % len(saved)])
        w["symbol"] = f"{system}-W{i}"
        w["systemSymbol"] = system
        w["orbitals"] = []
        w.pop("orbits", None)
        out.append(w)
    return out


def write(path: Path, payload: Any) -> Path:
    path.write_text(json.dumps(payload))
    return path


async def stored(db: AsyncEngine, system: str) -> int:
    async with db.connect() as conn:
        sql = text("SELECT count(*) FROM reference.waypoints WHERE system_symbol = :s")
        return int((await conn.execute(sql, {"s": system})).scalar_one())


async def test_bad_files_are_named_and_nothing_is_half_written(
    book: LogBook, tmp_path: Path, db_url: str, db: AsyncEngine, scale: Scale
) -> None:
    await upgrade_head(db_url)
    huge_n = 20_000 if scale.name == "short" else 100_000
    good = write(tmp_path / "good.json", {"data": waypoints(40, "X1-GOOD"), "meta": {"total": 40}})
    huge = write(tmp_path / "huge.json", {"data": waypoints(huge_n, "X1-HUGE")})
    truncated = tmp_path / "truncated.json"
    truncated.write_bytes(good.read_bytes()[: good.stat().st_size // 2])
    empty = tmp_path / "empty.json"
    empty.write_bytes(b"")
    blank_list = write(tmp_path / "blank-list.json", [])
    market = tmp_path / "a-market.json"
    market.write_bytes((FIXTURES / "market.json").read_bytes())  # a market is no waypoint
    binary = tmp_path / "binary.json"
    binary.write_bytes(b"\xff\xfe\x00garbage")
    # Huge, decodable, and the database refuses its very last row (PostgreSQL's jsonb has no \u0000): one
    # transaction, so not one of its rows may remain.
    refused_rows = waypoints(huge_n, "X1-REFUSED")
    refused_rows[-1]["traits"][0]["description"] = "nul \u0000 inside"
    refused = write(tmp_path / "refused.json", {"data": refused_rows})
    # Huge with a bad value in its last object: refused while decoding, before anything is written.
    undecodable_rows = waypoints(huge_n, "X1-UNDECODABLE")
    undecodable_rows[-1]["x"] = "far away"
    undecodable = write(tmp_path / "undecodable.json", {"data": undecodable_rows})
    missing = tmp_path / "missing.json"

    files = [
        good,
        truncated,
        empty,
        blank_list,
        market,
        binary,
        huge,
        refused,
        undecodable,
        missing,
        tmp_path,
    ]
    env = {"ST_DATABASE_URL": db_url, "ST_LOG_LEVEL": "info", "ST_WRITER_MAX_ROWS": "1000",
           "ST_WRITER_BATCH_ROWS": "500"}  # fmt: skip  # the huge files are far larger than the queue's bound
    args = ["ingest", "--kind", "waypoints", "--reset-date", RESET, *map(str, files)]
    code, lines = await run_once(book, tmp_path / "ingest.log", env, args, within_s=600)

    assert code == 1
    assert not [line for line in lines if "Traceback" in line]
    failed = {
        line.split(": FAILED: ")[0]: line.split(": FAILED: ")[1] for line in lines if ": FAILED: " in line
    }
    assert set(failed) == {str(p) for p in (truncated, empty, market, binary, refused, undecodable, missing,
                                             tmp_path)}, lines  # fmt: skip
    assert failed[str(truncated)].startswith("not JSON")
    assert failed[str(empty)].startswith("not JSON")
    assert failed[str(binary)].startswith("not JSON")
    assert failed[str(missing)].startswith("cannot read")
    assert failed[str(tmp_path)].startswith("cannot read")
    assert failed[str(refused)].startswith("nothing written")
    assert "x" in failed[str(undecodable)]
    assert any(line.startswith(f"{good}: wrote 40 rows") for line in lines), lines
    assert any(line.startswith(f"{huge}: wrote {huge_n} rows") for line in lines), lines
    assert any(line.startswith(f"{blank_list}: waypoints: 0 decoded") for line in lines), lines
    last = lines[-1]
    assert last.startswith("stdaemon: 8 of 11 files could not be decoded or written"), last

    assert await stored(db, "X1-GOOD") == 40
    assert await stored(db, "X1-HUGE") == huge_n
    assert await stored(db, "X1-REFUSED") == 0
    assert await stored(db, "X1-UNDECODABLE") == 0
    async with db.connect() as conn:
        assert (await conn.execute(text("SELECT count(*) FROM telemetry.markets"))).scalar_one() == 0

    row = figures.row("ingest bad input")
    row.trials += 1
    row.observed += 40 + huge_n  # the rows of the files that could be written
    row.stored += 40 + huge_n
    note = f"{len(files)} files (2 huge of {huge_n:,} waypoints refused whole, 1 written whole)"
    row.notes.append(note)


async def test_an_unknown_kind_is_one_line(book: LogBook, tmp_path: Path, db_url: str) -> None:
    path = write(tmp_path / "w.json", {"data": waypoints(2, "X1-K")})
    env = {"ST_DATABASE_URL": db_url, "ST_LOG_LEVEL": "info"}
    code, lines = await run_once(
        book, tmp_path / "ingest.log", env, ["ingest", "--kind", "planets", str(path)]
    )
    assert code == 1
    assert len(lines) == 1 and "--kind 'planets' is not a kind" in lines[0], lines

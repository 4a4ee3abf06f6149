"""`stdaemon ingest --kind KIND [--dry-run] FILE...`: decode saved API payloads with the normal adapters.

Each file is a saved response body (`{"data": …}` with or without `meta`), a bare object or a list. Every file
is decoded completely or reported as failed with one line naming it and the reason (unreadable, not JSON,
or the adapters' `DecodeError` with its JSON path); the other files are still decoded and reported. Any
failure makes the command exit 1 after the report, naming the failed files.

`--dry-run` stops after decoding. Otherwise every decoded file is written through the DbWriter in ONE
transaction of its own (`stdaemon.db.ingest`): a file is written whole or not at all, and ingesting the same
file again changes nothing. The database and the writer (ST_WRITER_*) come from the composition root, and the
writer runs under the daemon's service lifecycle (`bootstrap.run_batch`). Rows are filed under
`--reset-date`, else the latest reset the database has seen.
"""

from __future__ import annotations

import asyncio
import json
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from stdaemon.cli.app import app
from stdaemon.exits import StdaemonError

if TYPE_CHECKING:
    from stdaemon.domain.base import DomainModel, Entity

_SHOWN_SYMBOLS = 3


@dataclass(frozen=True, slots=True)
class FileResult:
    """One file's outcome: its models, or the one-line reason it could not be decoded."""

    path: Path
    models: list[Entity] | None = None
    error: str | None = None

    @property
    def ok(self) -> bool:
        return self.error is None


def load_file(kind: str, path: Path) -> FileResult:
    """Read and decode one file; every expected failure becomes `FileResult.error`, never an exception."""
    from stdaemon.api.adapters import DecodeError, decode_kind

    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        return FileResult(path, error="not JSON: the file is not UTF-8 text")
    except OSError as exc:
        return FileResult(path, error=f"cannot read: {exc.strerror or exc}")
    try:
        payload = json.loads(text)
    except json.JSONDecodeError as exc:
        return FileResult(path, error=f"not JSON: {exc.msg} at line {exc.lineno} column {exc.colno}")
    try:
        return FileResult(path, models=decode_kind(kind, payload))
    except DecodeError as exc:
        return FileResult(path, error=str(exc))


def load_files(kind: str, paths: list[Path]) -> list[FileResult]:
    """Decode every file independently, in the order given."""
    return [load_file(kind, path) for path in paths]


def _label(model: Entity) -> str:
    """What names a model in a summary: its symbol, its id, or (supply chain) its size."""
    for attr in ("symbol", "id"):
        value = getattr(model, attr, None)
        if isinstance(value, str):
            return value
    table = getattr(model, "export_to_import_map", None)
    if isinstance(table, dict):
        return f"{len(table)} exports"
    return type(model).__name__


def summary(kind: str, result: FileResult) -> str:
    """One line per file: `market.json: market: 1 decoded: X1-KD26-A1`."""
    if result.models is None:
        return f"{result.path}: FAILED: {result.error}"
    labels = [_label(m) for m in result.models]
    shown = ", ".join(labels[:_SHOWN_SYMBOLS])
    more = len(labels) - _SHOWN_SYMBOLS
    tail = f", … (+{more} more)" if more > 0 else ""
    return f"{result.path}: {kind}: {len(labels)} decoded" + (f": {shown}{tail}" if labels else "")


def _progress(kind: str, models: list[Entity]) -> list[DomainModel]:
    """A systems dump also completes crawl listings (the crawl then fetches only what it lacks)."""
    if kind != "systems-dump":
        return []
    from stdaemon.services.crawl.dump import dump_states

    return list(dump_states(models))


def _reset_date(value: str | None) -> date | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise StdaemonError(
            f"--reset-date {value!r} is not a date: use YYYY-MM-DD, e.g. 2025-04-13"
        ) from None


async def _write(kind: str, results: list[FileResult], reset_date: date | None) -> list[str]:
    """Write the decoded files; print one line per file; return the paths that failed."""
    from stdaemon.bootstrap import open_db, run_batch
    from stdaemon.cli.status import setup_cli_logging
    from stdaemon.db.ingest import resolve_reset_date, write_files
    from stdaemon.settings import load_settings

    settings = load_settings()
    setup_cli_logging(settings)
    async with open_db(settings, schema="at_head") as db:
        reset = await resolve_reset_date(db.engine, reset_date)
        decoded = [(r.path, [*r.models, *_progress(kind, r.models)]) for r in results if r.models is not None]
        outcomes = await run_batch(
            settings, db, lambda writer: write_files(writer, decoded, reset_date=reset), name="ingest"
        )
    for done in outcomes:
        if done.error is None:
            typer.echo(f"{done.path}: wrote {done.rows} rows for reset {reset} ({done.changed} changed)")
        else:
            typer.echo(f"{done.path}: FAILED: {done.error}", err=True)
    return [str(done.path) for done in outcomes if done.error is not None]


@app.command("ingest")
def ingest(
    files: Annotated[list[Path], typer.Argument(help="Saved API payloads (JSON files).", show_default=False)],
    kind: Annotated[
        str,
        typer.Option("--kind", help="What the files hold: agent, ship(s), system(s), waypoint(s), market, …"),
    ],
    dry_run: Annotated[bool, typer.Option("--dry-run", help="Decode and report; write nothing.")] = False,
    reset_date: Annotated[
        str | None,
        typer.Option(
            "--reset-date", help="File rows under this reset (YYYY-MM-DD); default: the latest seen."
        ),
    ] = None,
) -> None:
    """Decode saved API payloads with the adapters and write them to the database (each file whole)."""
    from stdaemon.api.adapters import KINDS

    if kind not in KINDS:
        raise StdaemonError(f"--kind {kind!r} is not a kind; use one of: {', '.join(KINDS)}")
    epoch = _reset_date(reset_date)
    results = load_files(kind, files)
    for result in results:
        typer.echo(summary(kind, result), err=not result.ok)
    failed = [str(r.path) for r in results if not r.ok]
    if not dry_run and len(failed) < len(results):
        failed += asyncio.run(_write(kind, results, epoch))
    if failed:
        verb = "decoded" if dry_run else "decoded or written"
        raise StdaemonError(
            f"{len(failed)} of {len(results)} files could not be {verb} (see above): {', '.join(failed)}"
        )

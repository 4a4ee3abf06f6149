"""`stdaemon report [--out FILE.html] [--system SYMBOL] [--good SYMBOL]`: one self-contained HTML page.

It reads the `analytics` views of the configured database (never the API, never a write) and writes the
page through a temporary file beside `--out`, so an existing report is replaced whole or not at all.
"""

from __future__ import annotations

import asyncio
import os
import tempfile
from pathlib import Path
from typing import Annotated

import typer

from stdaemon.cli.app import app
from stdaemon.cli.status import setup_cli_logging
from stdaemon.exits import StdaemonError
from stdaemon.settings import Settings, load_settings


async def _load(settings: Settings, system: str | None, good: str | None) -> str:
    from sqlalchemy.exc import DBAPIError

    from stdaemon.bootstrap import open_reader
    from stdaemon.db.analytics import load_report
    from stdaemon.db.engine import unavailable
    from stdaemon.report import render_page

    async with open_reader(settings) as db:
        try:
            data = await load_report(db.engine, system=system, good=good)
        except DBAPIError as exc:
            raise unavailable(exc, db.engine.url) from exc
    return render_page(data)


def write_atomically(out: Path, content: str) -> None:
    """Write `content` to `out` whole or not at all; one-line error naming the file and the reason."""
    target = out.expanduser()
    try:
        fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
    except OSError as exc:
        raise StdaemonError(f"cannot write the report to {out}: {exc.strerror or exc}") from None
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            f.write(content)
        os.chmod(tmp, 0o644)
        os.replace(tmp, target)
    except OSError as exc:
        Path(tmp).unlink(missing_ok=True)
        raise StdaemonError(f"cannot write the report to {out}: {exc.strerror or exc}") from None


@app.command("report")
def report(
    out: Annotated[Path, typer.Option("--out", help="the HTML file to write")] = Path("report.html"),
    system: Annotated[
        str | None, typer.Option("--system", help="the system to show (default: where most of our ships are)")
    ] = None,
    good: Annotated[
        str | None, typer.Option("--good", help="chart this good only (default: the most traded goods)")
    ] = None,
) -> None:
    """Write one HTML page (it opens offline): price charts, the system map, credits, the best routes."""
    settings = load_settings()
    setup_cli_logging(settings)
    page = asyncio.run(_load(settings, system, good))
    write_atomically(out, page)
    print(f"wrote {out} ({len(page.encode()) / 1e6:.1f} MB)")

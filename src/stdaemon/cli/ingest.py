"""`stdaemon ingest`."""

from __future__ import annotations

from stdaemon.cli.app import app
from stdaemon.exits import StdaemonError


@app.command("ingest")
def ingest() -> None:
    """Not built yet."""
    raise StdaemonError("'ingest' is not built yet")

"""`stdaemon run`."""

from __future__ import annotations

from stdaemon.cli.app import app
from stdaemon.exits import StdaemonError


@app.command("run")
def run() -> None:
    """Not built yet."""
    raise StdaemonError("'run' is not built yet")

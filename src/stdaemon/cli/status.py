"""`stdaemon status`."""

from __future__ import annotations

from stdaemon.cli.app import app
from stdaemon.exits import StdaemonError


@app.command("status")
def status() -> None:
    """Not built yet."""
    raise StdaemonError("'status' is not built yet")

"""`stdaemon migrate`."""

from __future__ import annotations

from stdaemon.cli.app import app
from stdaemon.exits import StdaemonError


@app.command("migrate")
def migrate() -> None:
    """Not built yet."""
    raise StdaemonError("'migrate' is not built yet")

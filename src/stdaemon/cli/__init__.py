"""The `stdaemon` command line. `main()` turns every expected failure into one line and an exit code."""

from __future__ import annotations

import os
import sys

from stdaemon import exits
from stdaemon.cli.app import app

# Importing a command module registers its command on `app`.
from stdaemon.cli import ingest, migrate, run, status  # noqa: F401  isort: skip


def main() -> None:
    """Console-script entry point."""
    debug = os.environ.get("ST_LOG_LEVEL", "").strip().lower() == "debug"
    try:
        app(standalone_mode=False)
    except exits.StdaemonError as exc:
        if debug:
            import traceback

            traceback.print_exc()
        print(f"stdaemon: {exc}", file=sys.stderr)
        sys.exit(exc.exit_code)
    except KeyboardInterrupt:
        sys.exit(130)
    except SystemExit:
        raise
    except Exception as exc:  # the last line of defence: still one line unless debugging
        import click

        if isinstance(exc, click.exceptions.Exit):
            sys.exit(exc.exit_code)
        if isinstance(exc, click.ClickException):
            exc.show()
            sys.exit(exc.exit_code)
        if isinstance(exc, click.exceptions.Abort):
            sys.exit(130)
        if debug:
            raise
        hint = "(ST_LOG_LEVEL=debug shows the traceback)"
        print(f"stdaemon: unexpected error: {type(exc).__name__}: {exc} {hint}", file=sys.stderr)
        sys.exit(exits.FAILURE)

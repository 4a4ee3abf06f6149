"""The `stdaemon` command line. `main()` turns every expected failure into one line and an exit code."""

from __future__ import annotations

import os
import sys

from stdaemon import exits
from stdaemon.cli.app import app

# Importing a command module registers its command on `app`.
from stdaemon.cli import ingest, migrate, report, run, status  # noqa: F401  isort: skip


def first_expected(group: BaseExceptionGroup[BaseException]) -> exits.StdaemonError | None:
    """The first StdaemonError inside (possibly nested) exception groups."""
    for exc in group.exceptions:
        if isinstance(exc, exits.StdaemonError):
            return exc
        if isinstance(exc, BaseExceptionGroup) and (found := first_expected(exc)) is not None:
            return found
    return None


def main() -> None:
    """Console-script entry point.

    Typer (in standalone mode) reports usage errors itself, with exit code 2; our expected failures become one
    line on stderr and their exit code; anything unexpected is one line too unless ST_LOG_LEVEL=debug.
    """
    debug = os.environ.get("ST_LOG_LEVEL", "").strip().lower() == "debug"
    try:
        try:
            app()
        except BaseExceptionGroup as group:  # a TaskGroup of services: report the first expected failure
            expected = first_expected(group)
            if expected is None:
                raise
            raise expected from group
    except exits.StdaemonError as exc:
        if debug:
            import traceback

            traceback.print_exc()
        print(f"stdaemon: {exc}", file=sys.stderr)
        sys.exit(exc.exit_code)
    except Exception as exc:  # the last line of defence
        if debug:
            raise
        hint = "(ST_LOG_LEVEL=debug shows the traceback)"
        print(f"stdaemon: unexpected error: {type(exc).__name__}: {exc} {hint}", file=sys.stderr)
        sys.exit(exits.FAILURE)

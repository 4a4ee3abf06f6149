"""The `stdaemon` command line. `main()` turns every expected failure into one line and an exit code."""

from __future__ import annotations

import os
import sys
from collections.abc import Callable

from stdaemon import early_stop, exits, gc_tuning


def first_expected(group: BaseExceptionGroup[BaseException]) -> exits.StdaemonError | None:
    """The first StdaemonError inside (possibly nested) exception groups."""
    for exc in group.exceptions:
        if isinstance(exc, exits.StdaemonError):
            return exc
        if isinstance(exc, BaseExceptionGroup) and (found := first_expected(exc)) is not None:
            return found
    return None


def main() -> None:
    """Console-script entry point (`run` stops quietly on a signal before it has started anything)."""
    if sys.argv[1:2] == ["run"]:
        early_stop.quiet_until_started()
    # Imported here, after the handlers: importing a command module registers its command on `app`.
    from stdaemon.cli.app import app
    from stdaemon.cli import ingest, migrate, report, run, status  # noqa: F401  isort: skip

    invoke(app)


def runner(role: str) -> None:
    """Entry point of a runner script (`runners/*.py`): `stdaemon run ROLE`, with that role's own help."""
    early_stop.quiet_until_started()
    from stdaemon.cli.run import Role, runner_app

    invoke(runner_app(Role(role)))


def invoke(app: Callable[[], object]) -> None:
    """Run a typer app: one line and an exit code for every expected failure.

    Typer (in standalone mode) reports usage errors itself, with exit code 2; our expected failures become one
    line on stderr and their exit code; anything unexpected is one line too unless ST_LOG_LEVEL=debug.
    """
    debug = os.environ.get("ST_LOG_LEVEL", "").strip().lower() == "debug"
    gc_tuning.tune()
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

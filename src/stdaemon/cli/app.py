"""The typer application object; each command lives in its own module and registers itself here."""

from __future__ import annotations

import typer

app = typer.Typer(
    name="stdaemon",
    help="A SpaceTraders daemon that mirrors your universe into PostgreSQL and runs your fleet.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)

"""Process exit codes (sysexits.h) and the errors that carry them to the CLI.

Every failure that reaches the entry point becomes one line on stderr saying what is wrong and how to fix
it, and one of these exit codes. 78 tells systemd not to restart-loop on a configuration mistake.
"""

from __future__ import annotations

from typing import ClassVar

OK = 0
FAILURE = 1
UNAVAILABLE = 69  # EX_UNAVAILABLE: a service we need (database, API) cannot be reached
CONFIG = 78  # EX_CONFIG: the configuration is wrong; restarting will not help


class StdaemonError(Exception):
    """An expected failure with a one-line, actionable message."""

    exit_code: ClassVar[int] = FAILURE


class ConfigError(StdaemonError):
    """The configuration is wrong (bad setting, malformed URL, unwritable state directory)."""

    exit_code = CONFIG


class ServiceUnavailable(StdaemonError):
    """A service we need cannot be reached or is not ready (database down, schema not at head)."""

    exit_code = UNAVAILABLE

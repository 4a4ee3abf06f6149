"""Running the real `stdaemon` entry point in a subprocess with a clean ST_* environment."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

STDAEMON = [sys.executable, "-m", "stdaemon"]


def clean_env(**env: str) -> dict[str, str]:
    """This process's environment without any ST_* variable of the developer's, plus `env`."""
    return {k: v for k, v in os.environ.items() if not k.startswith("ST_")} | env


def stdaemon(cwd: Path, *args: str, **env: str) -> subprocess.CompletedProcess[str]:
    """Run the real entry point (cwd is a temp dir, so no .env is read)."""
    return subprocess.run(
        [*STDAEMON, *args],
        cwd=cwd,
        env=clean_env(**env),
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def one_line(stderr: str) -> str:
    """The only line of stderr, which must carry no traceback."""
    lines = [line for line in stderr.splitlines() if line.strip()]
    assert len(lines) == 1, stderr
    assert "Traceback" not in stderr
    return lines[0]

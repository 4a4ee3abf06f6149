"""What the runner scripts share: start `stdaemon run ROLE` with the checkout's own Python.

Called directly (`./runners/crawl_universe.py`), a script runs under whatever `python3` is first on PATH,
which usually lacks stdaemon's dependencies. Then it starts itself again with the checkout's
`.venv/bin/python` (made by `make install`), or says in one line how to get one (exit 78).
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

CHECKOUT = Path(__file__).resolve().parents[1]
VENV_PYTHON = CHECKOUT / ".venv" / "bin" / "python"


def launch(role: str, script: str) -> None:
    try:
        from stdaemon.cli import runner
    except ImportError:
        if VENV_PYTHON.exists() and Path(sys.prefix).resolve() != (CHECKOUT / ".venv").resolve():
            os.execv(VENV_PYTHON, [str(VENV_PYTHON), script, *sys.argv[1:]])
        print(
            f"{Path(script).name}: stdaemon is not installed for {sys.executable}: run `make install` in "
            f"{CHECKOUT} (it creates .venv), or run this script with the Python stdaemon is installed in",
            file=sys.stderr,
        )
        raise SystemExit(78) from None
    runner(role)

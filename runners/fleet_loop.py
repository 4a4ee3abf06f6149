#!/usr/bin/env python3
"""Runner: the fleet runner, `stdaemon run fleet` in its own process (systemd: `stdaemon@fleet`).

`--help` lists its options; outside the checkout's .venv it starts itself again with that venv's Python.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # the checkout, for runners._launch

from runners._launch import launch

if __name__ == "__main__":
    launch("fleet", __file__)

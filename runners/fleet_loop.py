#!/usr/bin/env python3
"""Runner: `stdaemon run fleet` in its own process; unit: systemd/stdaemon@.service (stdaemon@fleet)."""

from __future__ import annotations

import sys

from stdaemon.cli import main

if __name__ == "__main__":
    sys.argv = [sys.argv[0], "run", "fleet", *sys.argv[1:]]
    main()

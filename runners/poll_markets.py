#!/usr/bin/env python3
"""Runner: `stdaemon run markets` in its own process; unit: systemd/stdaemon@.service (stdaemon@markets)."""

from __future__ import annotations

import sys

from stdaemon.cli import main

if __name__ == "__main__":
    sys.argv = [sys.argv[0], "run", "markets", *sys.argv[1:]]
    main()

"""How long and how often the reliability suite runs: short in the default test run, long under `make soak`.

`make soak` sets ST_SOAK=1; the same tests then run their long version. Each figure here is one knob a test
reads, so the two versions differ only in size, never in what they check.
"""

from __future__ import annotations

import os
from dataclasses import dataclass


@dataclass(frozen=True)
class Scale:
    name: str
    sigterm_trials: int  # daemons stopped with SIGTERM at full rate
    sigkill_trials: int  # daemons killed with SIGKILL in the middle of a batch
    fault_minutes: float  # minutes of `stsim --faults` (and the proxy's own faults)
    outage_s: float  # how long PostgreSQL stays down in the outage test
    fleet_minutes: float  # minutes the fleet plays under faults
    test_timeout_s: float  # pytest-timeout for one reliability test


SHORT = Scale(
    name="short",
    sigterm_trials=3,
    sigkill_trials=2,
    fault_minutes=2.0,
    outage_s=8.0,
    fleet_minutes=1.0,
    test_timeout_s=300.0,
)
SOAK = Scale(
    name="soak",
    sigterm_trials=20,
    sigkill_trials=10,
    fault_minutes=30.0,
    outage_s=60.0,
    fleet_minutes=30.0,
    test_timeout_s=3600.0,
)


def current() -> Scale:
    return SOAK if os.environ.get("ST_SOAK", "").strip() == "1" else SHORT

"""Every stdaemon command runs with the collector's thresholds of `stdaemon.gc_tuning`."""

from __future__ import annotations

import gc

from stdaemon import gc_tuning
from stdaemon.cli import invoke


def test_a_command_runs_with_the_tuned_thresholds() -> None:
    before = gc.get_threshold()
    seen: list[tuple[int, int, int]] = []
    try:
        invoke(lambda: seen.append(gc.get_threshold()))
        assert seen == [gc_tuning.THRESHOLDS]
    finally:
        gc.set_threshold(*before)
        gc.unfreeze()

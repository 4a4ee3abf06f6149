"""The garbage collector's settings for every stdaemon process (`tune()`, called once by the CLI).

CPython collects its youngest generation after every 700 net allocations of container objects and scans
the older ones every 10 of those. The DbWriter holds up to `ST_WRITER_MAX_ROWS` rows in flight, each with
its JSON tree (a waypoint's `raw` is ~40 dicts and lists), and a bulk load (a crawl, `stdaemon ingest`)
allocates them faster than it frees them, so with the defaults the collector walks those live rows again
and again: 0.6–0.8 s of a 100,000-waypoint load, ~5 µs of CPU per row written end to end, an eighth of
the client's share (benchmarks/writer.py). The JSON trees hold no reference cycles (reference counting
frees them), so collecting less often loses nothing: with these thresholds a young collection comes
every 100,000 net allocations (~25 ms each, a few per 100,000 rows) and cyclic garbage (tracebacks,
closed tasks) still goes at the latest after 10 of them. What start-up built (modules, settings) lives
as long as the process, so it is frozen out of every later collection.
"""

from __future__ import annotations

import gc

THRESHOLDS = (100_000, 10, 10)


def tune() -> None:
    """Freeze what exists now out of the collector's walks and set `THRESHOLDS`."""
    gc.freeze()
    gc.set_threshold(*THRESHOLDS)

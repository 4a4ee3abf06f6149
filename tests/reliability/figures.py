"""The figures the reliability suite measures, one row per scenario, printed as a table at the end of the run.

Each test records what it counted (`row(...)`); `conftest.py` prints the table in pytest's terminal summary,
so `make soak` ends with it. "Observed" rows are those the API returned (counted at the transport, by the
recording proxy between the daemon and stsim); "stored" those of them found in the database afterwards.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class Row:
    scenario: str
    trials: int = 0
    observed: int = 0
    stored: int = 0
    lost: int = 0
    rate_limited: int = 0  # 429s the server answered (its limiter's and injected HTML ones)
    restarts: int = 0  # stops, kills, outages or resets the daemon came through
    peak_rss_mib: float = 0.0
    notes: list[str] = field(default_factory=list)


FIGURES: dict[str, Row] = {}

COLUMNS = ("scenario", "trials", "rows observed", "rows stored", "rows lost", "429s", "restarts survived",
           "peak RSS MiB")  # fmt: skip


def row(scenario: str) -> Row:
    """The scenario's row, created on first use; tests add to it."""
    return FIGURES.setdefault(scenario, Row(scenario))


def table() -> list[str]:
    """The table as lines of text (with a totals line), or nothing when no scenario recorded figures."""
    if not FIGURES:
        return []
    cells = [
        (r.scenario, str(r.trials), str(r.observed), str(r.stored), str(r.lost), str(r.rate_limited),
         str(r.restarts), f"{r.peak_rss_mib:.0f}")
        for r in FIGURES.values()
    ]  # fmt: skip
    widths = [max(len(c[i]) for c in [COLUMNS, *cells]) for i in range(len(COLUMNS))]

    def line(values: tuple[str, ...]) -> str:
        return "| " + " | ".join(v.ljust(w) if i == 0 else v.rjust(w) for i, (v, w) in
                                 enumerate(zip(values, widths, strict=True))) + " |"  # fmt: skip

    out = [line(COLUMNS), "|" + "|".join("-" * (w + 2) for w in widths) + "|"]
    out += [line(c) for c in cells]
    notes = [f"- {r.scenario}: {n}" for r in FIGURES.values() for n in r.notes]
    return out + (["", *notes] if notes else [])

"""When did the server receive a request? An estimate from the send time and the recent round trips.

The server opens a rate window when a request *arrives*; we only know when we sent it (`sent`) and when the
answer came back (`sent + rtt`). Anchoring the window at the answer (the conservative mode) is always safe
but loses a round trip per window. The estimate assumes each leg takes half the round trip: the opener
arrived at about `sent + rtt/2`, and the next window's first request will take at least `low/2` to arrive,
`low` being the shortest recent round trip. So the next window may be *sent into* from

    sent + period + (rtt - low) / 2 + margin

on, where `margin` absorbs what the halves get wrong (asymmetric legs, jitter). The margin adapts: any
refusal (429, 502) widens it at once (twice as wide plus `widen_s`), and each `clean_s` without one narrows
it by `narrow`, but not below 1.25 times the margin the last refusal happened at (that memory fades by
`forget` per clean period). The estimate never goes later than the conservative anchor.
"""

from __future__ import annotations

from collections import deque
from dataclasses import dataclass, field


@dataclass
class RoundTrips:
    """Recent round trips (bounded) and the adaptive margin of the receive-time estimate."""

    margin_s: float = 0.03
    min_margin_s: float = 0.0
    max_margin_s: float = 1.0
    widen_s: float = 0.01
    narrow: float = 0.9
    forget: float = 0.995  # how fast the memory of the last refusal fades, per clean period
    clean_s: float = 30.0
    samples: deque[float] = field(default_factory=lambda: deque(maxlen=256))
    refusals: int = 0
    _floor_s: float = 0.0  # just above the margin the last refusal happened at; decays while clean
    _clean_since: float | None = None

    def lead(self, rtt: float, at: float) -> float:
        """Record a round trip answered at `at`; how long after its send its window may be taken as open."""
        self.samples.append(rtt)
        if self._clean_since is None:
            self._clean_since = at
        elif at - self._clean_since >= self.clean_s:
            self._floor_s *= self.forget
            self.margin_s = max(self.min_margin_s, self._floor_s, self.margin_s * self.narrow)
            self._clean_since = at
        return max(0.0, (rtt - min(self.samples)) / 2 + self.margin_s)

    def refused(self, at: float) -> None:
        """The server refused (429 or 502): widen the margin now, remember how narrow was too narrow."""
        self.refusals += 1
        self._floor_s = max(self._floor_s, self.margin_s * 1.25)
        self.margin_s = min(self.max_margin_s, self.margin_s * 2 + self.widen_s)
        self._clean_since = at

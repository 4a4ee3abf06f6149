"""The fleet's surveys, shared by every ship of the process: who surveyed what, which are still good.

A surveyor (or a miner with a surveyor mount) adds what it found; a miner takes the best live survey of its
site. A survey the server calls expired (4221), exhausted (4224) or unknown (4220) is dropped at once, and
one within `EXPIRY_MARGIN` of its expiration is not handed out (the extraction would race it). The pool also
knows which site each miner works, so surveyors go where the miners are. It lives in memory: after a
restart the first survey fills it again (a survey costs one cooldown).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta

from stdaemon.domain import models as m

EXPIRY_MARGIN = timedelta(seconds=30)


class SurveyPool:
    def __init__(self) -> None:
        self._surveys: dict[str, m.Survey] = {}
        self._dead: set[str] = set()
        self.sites: dict[str, str] = {}  # ship -> the site it mines
        self.dropped = 0

    def add(self, surveys: tuple[m.Survey, ...] | list[m.Survey]) -> None:
        for survey in surveys:
            if survey.signature not in self._dead:
                self._surveys[survey.signature] = survey

    def drop(self, signature: str) -> None:
        """The server refused this survey (expired, exhausted, unknown): never hand it out again."""
        if self._surveys.pop(signature, None) is not None:
            self.dropped += 1
        self._dead.add(signature)

    def live(self, site: str, now: datetime, *, margin: timedelta = EXPIRY_MARGIN) -> list[m.Survey]:
        for signature in [s for s, x in self._surveys.items() if x.expiration <= now]:
            del self._surveys[signature]
        return [x for x in self._surveys.values() if x.symbol == site and x.expiration - margin > now]

    def best(
        self,
        site: str,
        now: datetime,
        value: Callable[[m.Survey], float],
        *,
        better_than: float,
        margin: timedelta = EXPIRY_MARGIN,
    ) -> m.Survey | None:
        """The live survey of `site` worth most by `value`, if it beats `better_than` (plain extraction)."""
        ranked = sorted(self.live(site, now, margin=margin), key=lambda x: (-value(x), x.signature))
        return ranked[0] if ranked and value(ranked[0]) > better_than else None

    def busiest_site(self, system: str) -> str | None:
        """The site of `system` most miners work (None if none)."""
        counts: dict[str, int] = {}
        for site in self.sites.values():
            if site.startswith(system + "-"):
                counts[site] = counts.get(site, 0) + 1
        return max(sorted(counts), key=lambda s: counts[s]) if counts else None

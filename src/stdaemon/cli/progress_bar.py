"""The crawl's progress bar on a terminal (stderr), beside the log lines (which tqdm keeps above it)."""

from __future__ import annotations

import contextlib
import sys
from collections.abc import Iterator

from tqdm import tqdm
from tqdm.contrib.logging import logging_redirect_tqdm

from stdaemon.services.crawl.progress import CrawlSnapshot


class CrawlBar:
    """A `ProgressListener`: pages done of pages (estimated until every system's waypoints are known)."""

    def __init__(self) -> None:
        self._bar = tqdm(total=0, unit="page", desc="crawl", file=sys.stderr, dynamic_ncols=True, leave=True)

    def __call__(self, snap: CrawlSnapshot) -> None:
        self._bar.total = snap.pages_total
        self._bar.n = snap.pages_done
        self._bar.set_postfix_str(
            f"systems {snap.systems_done}/{snap.systems_total}, {snap.requests_per_s:.2f} req/s"
            + ("" if snap.exact else ", total estimated"),
            refresh=False,
        )
        self._bar.refresh()

    def close(self) -> None:
        self._bar.close()


@contextlib.contextmanager
def crawl_bar(wanted: bool) -> Iterator[CrawlBar | None]:
    """A bar when `wanted` and stderr is a terminal (never under systemd or in a pipe), else None."""
    if not (wanted and sys.stderr.isatty()):
        yield None
        return
    bar = CrawlBar()
    try:
        with logging_redirect_tqdm():
            yield bar
    finally:
        bar.close()

"""The universe crawl (DESIGN.md "Runners"): every system, waypoint, faction, jump gate, construction site,
the supply chain and the market and shipyard listings, home first, resumable, at the lowest priority."""

from __future__ import annotations

from stdaemon.services.crawl.crawler import UniverseCrawl
from stdaemon.services.crawl.worker import CrawlErrors

__all__ = ["CrawlErrors", "UniverseCrawl"]

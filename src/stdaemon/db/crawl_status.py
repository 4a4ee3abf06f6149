"""The crawl's progress for `stdaemon status`: pages done of the latest epoch it has rows for, out of the
total the crawl last reported (its `crawl` row, rewritten every minute), and whether it is complete."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncConnection

from stdaemon.domain.crawl import SUMMARY_TASK

_QUERY = """
WITH epoch AS (SELECT max(reset_date) AS r FROM reference.crawl_progress)
SELECT epoch.r AS reset_date,
       sum(p.next_page - 1) FILTER (WHERE p.task <> :summary) AS done,
       count(*) FILTER (WHERE p.task <> :summary) AS tasks,
       max(p.total) FILTER (WHERE p.task = :summary) AS total,
       max(p.completed_at) FILTER (WHERE p.task = :summary) AS completed_at,
       max(p.observed_at) AS updated_at
  FROM epoch JOIN reference.crawl_progress p ON p.reset_date = epoch.r
 GROUP BY epoch.r
"""


@dataclass(frozen=True)
class CrawlStatus:
    reset_date: date
    pages_done: int
    pages_total: int | None  # None until the crawl reported its first estimate
    tasks: int
    completed_at: datetime | None
    updated_at: datetime | None

    def as_json(self) -> dict[str, Any]:
        return {
            "reset_date": self.reset_date.isoformat(),
            "pages_done": self.pages_done,
            "pages_total": self.pages_total,
            "percent": round(100 * self.pages_done / self.pages_total, 1) if self.pages_total else None,
            "tasks": self.tasks,
            "complete": self.completed_at is not None,
            "completed_at": self.completed_at.isoformat() if self.completed_at else None,
            "updated_at": self.updated_at.isoformat() if self.updated_at else None,
        }


async def crawl_status(conn: AsyncConnection) -> CrawlStatus | None:
    """The latest epoch's crawl, or None when no crawl has stored anything yet."""
    row = (await conn.execute(text(_QUERY), {"summary": SUMMARY_TASK})).one_or_none()
    if row is None:
        return None
    done = int(row.done or 0)
    total = max(int(row.total), done) if row.total is not None else None
    return CrawlStatus(row.reset_date, done, total, int(row.tasks), row.completed_at, row.updated_at)

"""Paginated listings as async iterators, tolerant of the server's known pagination bugs.

`paginate(fetch, what=…)` asks for pages of `limit` (20, the server's maximum) and yields the items one by
one. What it tolerates (SPACETRADERS.md §3):

- a missing `meta`: it stops at the first short or empty page;
- short pages while `meta.total` says there is more: it goes on to the next page, and stops at the first
  empty page; if fewer items than `meta.total` arrived, it logs `pagination_incomplete` (never silent);
- a page that fails with a server error (`/my/ships` answers 500 / code 3000 for some page/limit pairs):
  the gateway has already retried it once; the same items are then fetched as smaller pages (limit 10,
  then 5, then 1). Only if a single item still fails does it raise `PageUnavailable`, naming the page —
  the caller learns exactly what is missing instead of silently losing it.

It never loops forever: at most `max_pages` pages, then `PageUnavailable`.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Awaitable, Callable
from typing import Any

from stdaemon.api.errors import MalformedResponse, ServerUnavailable, snippet
from stdaemon.domain.crawl import PAGE_LIMIT
from stdaemon.logging import get_logger

log = get_logger(__name__)

MAX_PAGES = 5_000
_SMALLER = (10, 5, 4, 2, 1)

FetchPage = Callable[[int, int], Awaitable[Any]]  # (page, limit) -> the decoded body {data, meta}


class PageUnavailable(ServerUnavailable):
    """A page of a listing could not be fetched even item by item."""


async def paginate(
    fetch: FetchPage, *, what: str, limit: int = PAGE_LIMIT, max_pages: int = MAX_PAGES
) -> AsyncIterator[dict[str, Any]]:
    """Yield every item of a paginated listing; see the module docstring."""
    total: int | None = None
    yielded = 0
    for page in range(1, max_pages + 1):
        items, meta_total = await _page(fetch, page, limit, what)
        for item in items:
            yield item
        yielded += len(items)
        total = meta_total if meta_total is not None else total
        if not items:
            break
        if total is not None and page * limit >= total:
            break
        if total is None and len(items) < limit:
            break
    else:
        raise PageUnavailable(
            f"{what}: still more after {max_pages} pages of {limit}; stopped", code=None, status=None
        )
    if total is not None and yielded < total:
        log.warning("pagination_incomplete", listing=what, received=yielded, total=total)


async def _page(
    fetch: FetchPage, page: int, limit: int, what: str
) -> tuple[list[dict[str, Any]], int | None]:
    try:
        body = await fetch(page, limit)
    except ServerUnavailable as exc:
        smaller = next((n for n in _SMALLER if n < limit and limit % n == 0), None)
        if smaller is None:
            raise PageUnavailable(
                f"{what}: page {page} (limit {limit}) keeps failing: {exc.message}",
                code=exc.code,
                status=exc.status,
                data=exc.data,
            ) from exc
        log.warning("page_split", listing=what, page=page, limit=limit, smaller=smaller, reason=exc.message)
        factor = limit // smaller
        items: list[dict[str, Any]] = []
        total: int | None = None
        for k in range(factor):
            part, part_total = await _page(fetch, (page - 1) * factor + k + 1, smaller, what)
            items.extend(part)
            total = part_total if part_total is not None else total
            if len(part) < smaller:
                break
        return items, total
    return page_items(body, what, page)


def page_items(body: Any, what: str, page: int) -> tuple[list[dict[str, Any]], int | None]:
    """A page's items and `meta.total` (None when missing or not a number); no `data` list is an error."""
    data = body.get("data") if isinstance(body, dict) else None
    if not isinstance(data, list):
        raise MalformedResponse(
            f"{what}: page {page} has no `data` list: {snippet(repr(body).encode())!r}", code=None, status=200
        )
    meta = body.get("meta")
    total = meta.get("total") if isinstance(meta, dict) else None
    return data, total if isinstance(total, int) and not isinstance(total, bool) else None

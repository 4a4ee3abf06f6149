"""Pagination: tolerant of missing meta, short pages and a page that fails with code 3000."""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import Any

import httpx
import pytest
from structlog.testing import capture_logs

from stdaemon.api.errors import MalformedResponse
from stdaemon.api.pagination import PageUnavailable, paginate
from tests.api.gateway_helpers import Build, err
from tests.support.virtual_time import run_virtual


async def _collect(items: AsyncIterator[dict[str, Any]]) -> list[dict[str, Any]]:
    return [item async for item in items]


def _pages(bodies: list[Any]) -> tuple[Any, list[tuple[int, int]]]:
    asked: list[tuple[int, int]] = []

    async def fetch(page: int, limit: int) -> Any:
        asked.append((page, limit))
        return bodies[page - 1] if page <= len(bodies) else {"data": []}

    return fetch, asked


def _items(start: int, count: int) -> list[dict[str, Any]]:
    return [{"symbol": f"S-{i}"} for i in range(start, start + count)]


def test_missing_meta_stops_at_the_first_short_page() -> None:
    fetch, asked = _pages([{"data": _items(0, 20)}, {"data": _items(20, 20)}, {"data": _items(40, 7)}])
    items = run_virtual(_collect(paginate(fetch, what="GET /systems")))
    assert [i["symbol"] for i in items] == [f"S-{i}" for i in range(47)]
    assert asked == [(1, 20), (2, 20), (3, 20)]


def test_missing_meta_and_an_exact_multiple_stops_at_the_empty_page() -> None:
    fetch, asked = _pages([{"data": _items(0, 20)}, {"data": _items(20, 20)}])
    items = run_virtual(_collect(paginate(fetch, what="GET /systems")))
    assert len(items) == 40
    assert asked == [(1, 20), (2, 20), (3, 20)]


def test_short_pages_continue_while_meta_says_there_is_more() -> None:
    meta = {"total": 50, "page": 1, "limit": 20}
    bodies = [{"data": _items(0, 15), "meta": meta}, {"data": _items(15, 20), "meta": meta}]
    bodies.append({"data": _items(35, 15), "meta": meta})
    fetch, asked = _pages(bodies)
    items = run_virtual(_collect(paginate(fetch, what="GET /my/contracts")))
    assert len(items) == 50
    assert asked == [(1, 20), (2, 20), (3, 20)]


def test_fewer_items_than_meta_total_is_logged_not_silent() -> None:
    meta = {"total": 50, "page": 1, "limit": 20}
    fetch, asked = _pages([{"data": _items(0, 20), "meta": meta}, {"data": [], "meta": meta}])
    with capture_logs() as logs:
        items = run_virtual(_collect(paginate(fetch, what="GET /systems")))
    assert len(items) == 20
    assert asked == [(1, 20), (2, 20)]
    [warning] = [e for e in logs if e["event"] == "pagination_incomplete"]
    assert (warning["received"], warning["total"], warning["log_level"]) == (20, 50, "warning")


def test_it_never_loops_forever() -> None:
    async def endless(page: int, limit: int) -> Any:
        return {"data": _items(page * limit, limit), "meta": {"total": 10**9}}

    with pytest.raises(PageUnavailable, match="still more after 5 pages"):
        run_virtual(_collect(paginate(endless, what="GET /systems", max_pages=5)))


def test_a_body_without_a_data_list_is_malformed() -> None:
    fetch, _ = _pages([{"meta": {"total": 3}}])
    with pytest.raises(MalformedResponse, match="no `data` list"):
        run_virtual(_collect(paginate(fetch, what="GET /systems")))


def _ships_server(total: int, bad: set[tuple[int, int]]) -> Any:
    """A /my/ships that answers 500 / code 3000 for the (page, limit) pairs in `bad`."""
    ships = [{"symbol": f"SHIP-{i}"} for i in range(total)]

    def handle(request: httpx.Request) -> httpx.Response:
        page, limit = int(request.url.params["page"]), int(request.url.params["limit"])
        if (page, limit) in bad:
            return err(500, 3000, "The server did not return a valid response")
        chunk = ships[(page - 1) * limit : page * limit]
        return httpx.Response(
            200, json={"data": chunk, "meta": {"total": total, "page": page, "limit": limit}}
        )

    return handle


def _asked(served: Any) -> list[tuple[int, int]]:
    return [(int(r.url.params["page"]), int(r.url.params["limit"])) for r in served.requests]


def test_my_ships_page_failing_with_3000_is_retried_once_then_split(build: Build) -> None:
    gateway, served = build(_ships_server(45, bad={(2, 20)}))
    ships = run_virtual(_collect(gateway.iter_my_ships()))
    assert [s["symbol"] for s in ships] == [f"SHIP-{i}" for i in range(45)]
    assert _asked(served) == [(1, 20), (2, 20), (2, 20), (3, 10), (4, 10), (3, 20)]


def test_a_single_ship_that_keeps_failing_is_reported_by_page(build: Build) -> None:
    bad = {(1, 20), (1, 10), (1, 5), (1, 1)}
    gateway, _ = build(_ships_server(3, bad=bad))
    with pytest.raises(PageUnavailable, match=r"page 1 \(limit 1\) keeps failing") as caught:
        run_virtual(_collect(gateway.iter_my_ships()))
    assert caught.value.code == 3000

"""The opt-in Prometheus endpoint: `GET /metrics` on ST_METRICS_HOST:ST_METRICS_PORT (127.0.0.1 by default).

Served by a small asyncio server on the daemon's own event loop, so a scrape reads the meters on the thread
that updates them (no locks, no torn reads) and a wedged loop shows as a failed scrape. Every metric is read
from `ProcessFigures` at scrape time by a custom collector, so nothing is counted twice; the database figures
(crawl, markets, credits, dead letters) are re-read when older than `PROGRESS_MAX_AGE_S`. Names start with
`stdaemon_`.
"""

from __future__ import annotations

import asyncio
import contextlib
import socket
import time
from collections.abc import Iterator
from datetime import UTC, datetime

from prometheus_client import CONTENT_TYPE_LATEST, CollectorRegistry, generate_latest
from prometheus_client.core import CounterMetricFamily, GaugeMetricFamily, Metric, SummaryMetricFamily
from prometheus_client.registry import Collector

from stdaemon.db.metrics import percentile
from stdaemon.exits import ConfigError
from stdaemon.logging import get_logger
from stdaemon.ops.figures import ProcessFigures

log = get_logger(__name__)

PROGRESS_MAX_AGE_S = 10.0
_READ_TIMEOUT_S = 5.0


class FiguresCollector(Collector):
    def __init__(self, figures: ProcessFigures) -> None:
        self._figures = figures

    def collect(self) -> Iterator[Metric]:
        snap = self._figures.snapshot()
        api, writer = snap["api"], snap["writer"]
        info = GaugeMetricFamily("stdaemon_runner_info", "This runner process", labels=["role", "host"])
        info.add_metric([snap["role"], socket.gethostname()], 1)
        yield info

        requests = CounterMetricFamily(
            "stdaemon_api_requests", "Requests sent, by priority and outcome", labels=["priority", "outcome"]
        )
        for priority, outcomes in api["outcomes_by_priority"].items():
            for outcome, n in outcomes.items():
                requests.add_metric([priority, outcome], n)
        yield requests
        yield CounterMetricFamily("stdaemon_api_throttled", "Responses 429", value=api["throttled_429"])
        yield CounterMetricFamily("stdaemon_api_retries", "Requests retried", value=api["retries"])
        yield GaugeMetricFamily(
            "stdaemon_api_budget_used_last_minute",
            "Requests sent in the last 60 s",
            value=api["sent_last_minute"],
        )
        yield GaugeMetricFamily(
            "stdaemon_api_budget_allowance_per_minute",
            "Requests the server accepts per minute (both pools)",
            value=api["allowance_per_minute"],
        )
        yield GaugeMetricFamily(
            "stdaemon_scheduler_queue_depth", "Requests waiting for the rate budget", value=api["queue_depth"]
        )
        wait = SummaryMetricFamily(
            "stdaemon_scheduler_wait_seconds", "Time waited for the rate budget", labels=["priority"]
        )
        for priority, count in api["granted_by_priority"].items():
            wait.add_metric([priority], count, api["waited_s_by_priority"].get(priority, 0.0))
        yield wait
        longest = GaugeMetricFamily(
            "stdaemon_scheduler_max_wait_seconds", "Longest wait for the rate budget", labels=["priority"]
        )
        for priority, seconds in api["max_wait_s_by_priority"].items():
            longest.add_metric([priority], seconds)
        yield longest

        hits = CounterMetricFamily("stdaemon_cache_hits", "Cache hits, by kind", labels=["kind"])
        misses = CounterMetricFamily("stdaemon_cache_misses", "Cache misses, by kind", labels=["kind"])
        for kind, counts in snap["cache"].items():
            hits.add_metric([kind], counts["hits"])
            misses.add_metric([kind], counts["misses"])
        yield hits
        yield misses

        yield GaugeMetricFamily(
            "stdaemon_writer_queue_depth_rows",
            "Rows accepted, not yet committed",
            value=writer["queue_depth"],
        )
        rows = CounterMetricFamily(
            "stdaemon_writer_rows_written", "Rows committed, by table", labels=["table"]
        )
        for table, n in writer["rows_written"].items():
            rows.add_metric([table], n)
        yield rows
        dead = CounterMetricFamily(
            "stdaemon_writer_dead_letters", "Rows the database rejected, by table", labels=["table"]
        )
        for table, n in writer["dead_letters"].items():
            dead.add_metric([table], n)
        yield dead
        yield CounterMetricFamily("stdaemon_writer_batches", "Batches committed", value=writer["batches"])
        latency = GaugeMetricFamily(
            "stdaemon_writer_batch_latency_seconds",
            "Batch write latency over the recent batches",
            labels=["quantile"],
        )
        for q in (0.5, 0.9, 0.99):
            value = percentile(self._figures.writer.batch_latency_s, q)
            if value is not None:
                latency.add_metric([str(q)], value)
        yield latency
        yield from self._progress()

    def _progress(self) -> Iterator[Metric]:
        crawl, progress = self._figures.crawl, self._figures.progress
        if crawl is not None:
            yield GaugeMetricFamily("stdaemon_crawl_pages_done", "Crawl pages stored", crawl.pages_done)
            if crawl.pages_total is not None:
                yield GaugeMetricFamily("stdaemon_crawl_pages_total", "Crawl pages known", crawl.pages_total)
        if progress is None:
            return
        now = datetime.now(UTC)
        yield GaugeMetricFamily("stdaemon_markets_priced", "Markets with prices", progress.markets_priced)
        if progress.freshest_market_at is not None and progress.stalest_market_at is not None:
            yield GaugeMetricFamily(
                "stdaemon_market_freshest_age_seconds",
                "Age of the most recent market price",
                (now - progress.freshest_market_at).total_seconds(),
            )
            yield GaugeMetricFamily(
                "stdaemon_market_stalest_age_seconds",
                "Age of the oldest latest price among the markets",
                (now - progress.stalest_market_at).total_seconds(),
            )
        credits = GaugeMetricFamily("stdaemon_agent_credits", "Credits, by agent", labels=["agent"])
        for agent, n in progress.credits.items():
            credits.add_metric([agent], n)
        yield credits
        yield GaugeMetricFamily(
            "stdaemon_dead_letters_stored",
            "Rows in telemetry.dead_letters (all processes)",
            progress.dead_letters,
        )


def render(figures: ProcessFigures) -> bytes:
    """The text exposition of every figure."""
    registry = CollectorRegistry(auto_describe=False)
    registry.register(FiguresCollector(figures))
    return generate_latest(registry)


def listen(host: str, port: int) -> socket.socket:
    """Bind the endpoint's socket now, so a taken port fails at start-up with one line (exit 78)."""
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    sock = socket.socket(family, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        sock.bind((host, port))
    except OSError as exc:
        sock.close()
        raise ConfigError(
            f"cannot serve metrics on {host}:{port} ({exc.strerror or exc}): choose another ST_METRICS_PORT "
            "or unset it"
        ) from None
    sock.listen(16)
    sock.setblocking(False)
    return sock


class MetricsServer:
    """A service answering `GET /metrics` (anything else: 404) until stop."""

    name = "metrics"

    def __init__(self, figures: ProcessFigures, sock: socket.socket) -> None:
        self._figures = figures
        self._sock = sock
        self._progress_at = -PROGRESS_MAX_AGE_S

    @property
    def address(self) -> tuple[str, int]:
        host, port = self._sock.getsockname()[:2]
        return str(host), int(port)

    async def run(self, stop: asyncio.Event) -> None:
        server = await asyncio.start_server(self._handle, sock=self._sock)
        host, port = self.address
        log.info("metrics_serving", url=f"http://{host}:{port}/metrics")
        try:
            await stop.wait()
        finally:
            server.close()
            await server.wait_closed()

    async def _handle(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        try:
            async with asyncio.timeout(_READ_TIMEOUT_S):
                request = await reader.readline()
                while (await reader.readline()).strip():  # the headers: not needed
                    pass
            method, path, *_ = [*request.decode("latin-1").split(), "", ""]
            if method == "GET" and path.split("?", maxsplit=1)[0] == "/metrics":
                if time.monotonic() - self._progress_at > PROGRESS_MAX_AGE_S:
                    await self._figures.refresh_progress()
                    self._progress_at = time.monotonic()
                await _answer(writer, 200, CONTENT_TYPE_LATEST, render(self._figures))
            else:
                await _answer(writer, 404, "text/plain; charset=utf-8", b"only GET /metrics is served here\n")
        except (TimeoutError, ConnectionError, UnicodeError):
            pass  # a client that does not speak HTTP, or went away: nothing to answer
        finally:
            writer.close()
            with contextlib.suppress(ConnectionError):
                await writer.wait_closed()


async def _answer(writer: asyncio.StreamWriter, status: int, content_type: str, body: bytes) -> None:
    reason = {200: "OK", 404: "Not Found"}[status]
    head = (
        f"HTTP/1.1 {status} {reason}\r\nContent-Type: {content_type}\r\n"
        f"Content-Length: {len(body)}\r\nConnection: close\r\n\r\n"
    )
    writer.write(head.encode("latin-1") + body)
    await writer.drain()

"""A recording HTTP proxy between the daemon and `stsim serve`: the transport counts what the API returned.

The daemon's `ST_API_URL` points here; every request goes on to stsim unchanged and every answer comes back
unchanged, unless one of the proxy's own faults (which stsim does not inject) is drawn for it:

- `malformed`: every Nth clean GET answer's JSON body cut in half (the client gets invalid JSON);
- `unknown_enum`: every Nth clean GET answer's first enum value of a known field (a waypoint `type`, a good's
  `supply`, a ship's nav `status`…) replaced by a value the spec does not know (the next answer that has one
  when that one has none);
- `lost_post`: a POST goes to stsim (so the action happens) but its answer is held back longer than the
  client's read timeout: for the client, the outcome is unknown.

Every exchange is recorded as it was delivered (method, path, status, the decoded body of a clean 200, the
fault if any, when), so a test can compute what the daemon was shown and compare it with the database.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import random
import re
import time
from collections import Counter
from collections.abc import AsyncIterator, Iterator
from dataclasses import dataclass, field
from typing import Any

import httpx
import uvicorn
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from tests.stsim.serve import free_port

# Headers that belong to one hop, not to the message.
_HOP = {"connection", "keep-alive", "transfer-encoding", "content-length", "content-encoding", "host"}
_ENUM = re.compile(rb'"(type|supply|activity|status|flightMode)":"([A-Z_]+)"')


@dataclass(frozen=True)
class ProxyFaults:
    malformed_every: int = 0  # 0: never (counted, not drawn: a short run still gets its share)
    unknown_enum_every: int = 0
    lost_post: float = 0.0  # drawn per POST
    lost_post_hold_s: float = 10.0  # longer than the daemon's ST_HTTP_READ_TIMEOUT_S in the tests that use it
    seed: int = 1


@dataclass(frozen=True)
class Exchange:
    method: str
    path: str  # without the /v2 prefix, e.g. /systems/X1-A/waypoints
    query: str
    status: int
    at: float  # wall clock (time.time()) when the answer was handed to the client
    body: Any = None  # the decoded JSON of an unaltered 2xx answer, else None
    fault: str | None = None  # the proxy's own fault, if one was drawn


@dataclass
class Recorder:
    exchanges: list[Exchange] = field(default_factory=list)
    faults_on: bool = True  # a test turns the proxy's faults off to let the daemon settle before its end

    def by_status(self) -> Counter[int]:
        return Counter(e.status for e in self.exchanges)

    def faults(self) -> Counter[str]:
        return Counter(e.fault for e in self.exchanges if e.fault)

    def clean(self) -> list[Exchange]:
        """The answers the daemon could use: 2xx, unaltered, with a JSON body."""
        return [e for e in self.exchanges if e.body is not None]


class _Quiet(uvicorn.Server):
    @contextlib.contextmanager
    def capture_signals(self) -> Iterator[None]:
        yield  # the test process keeps its own signal handlers


def _app(upstream: str, recorder: Recorder, faults: ProxyFaults) -> Starlette:
    rng = random.Random(faults.seed)
    counts: Counter[str] = Counter()
    client = httpx.AsyncClient(base_url=upstream, timeout=httpx.Timeout(60.0))

    async def forward(request: Request) -> Response:
        path = "/" + request.path_params["path"]
        body = await request.body()
        headers = {k: v for k, v in request.headers.items() if k.lower() not in _HOP}
        reply = await client.request(
            request.method, path, params=request.url.query, content=body, headers=headers
        )
        content, fault = reply.content, None
        ok_json = 200 <= reply.status_code < 300 and content[:1] in (b"{", b"[")
        draw = rng.random() if recorder.faults_on else 1.0
        if request.method == "GET" and ok_json and recorder.faults_on:
            counts["get"] += 1
            n = counts["get"]
            if faults.malformed_every and n % faults.malformed_every == faults.malformed_every // 2:
                content, fault = content[: len(content) // 2], "malformed"
            elif faults.unknown_enum_every and (n % faults.unknown_enum_every == 0 or counts["enum_due"]):
                changed = _ENUM.sub(rb'"\1":"\2_FROM_THE_FUTURE"', content, count=1)
                counts["enum_due"] = int(changed == content)
                if changed != content:
                    content, fault = changed, "unknown_enum"
        if request.method == "POST" and draw < faults.lost_post and ok_json:
            fault = "lost_post"
            recorder.exchanges.append(Exchange(request.method, path, request.url.query, reply.status_code,
                                               time.time(), None, fault))  # fmt: skip
            await asyncio.sleep(faults.lost_post_hold_s)  # the client gives up first
        decoded = json.loads(content) if ok_json and fault is None else None
        if fault != "lost_post":
            recorder.exchanges.append(Exchange(request.method, path, request.url.query, reply.status_code,
                                               time.time(), decoded, fault))  # fmt: skip
        out = {k: v for k, v in reply.headers.items() if k.lower() not in _HOP}
        return Response(content, status_code=reply.status_code, headers=out)

    methods = ["GET", "POST", "PATCH", "PUT", "DELETE"]
    app = Starlette(routes=[Route("/v2/{path:path}", forward, methods=methods)])
    app.state.client = client
    return app


@contextlib.asynccontextmanager
async def recording_proxy(
    upstream: str, faults: ProxyFaults | None = None
) -> AsyncIterator[tuple[str, Recorder]]:
    """Serve the proxy on a free port in this event loop; yields (its /v2 URL, the recorder)."""
    recorder = Recorder()
    app = _app(upstream.rstrip("/"), recorder, faults or ProxyFaults())
    port = free_port()
    config = uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning", lifespan="off",
                            access_log=False)  # fmt: skip
    server = _Quiet(config)
    task = asyncio.create_task(server.serve(), name="recording-proxy")
    try:
        async with asyncio.timeout(10):
            while not server.started:
                if task.done():
                    task.result()
                await asyncio.sleep(0.02)
        yield f"http://127.0.0.1:{port}/v2", recorder
    finally:
        server.should_exit = True
        server.force_exit = True  # held lost-POST answers are not waited for
        with contextlib.suppress(asyncio.CancelledError):
            await asyncio.wait_for(task, 10)
        await app.state.client.aclose()

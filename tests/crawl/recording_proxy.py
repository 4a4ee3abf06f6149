"""An HTTP proxy in the test's event loop that forwards to a server and records every request: the transport
between a daemon process and `stsim serve`, where the requests of several daemon runs are counted."""

from __future__ import annotations

import asyncio
import contextlib
from collections import Counter
from collections.abc import AsyncIterator
from dataclasses import dataclass, field

import httpx
import uvicorn
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from tests.crawl.crawl_support import request_key
from tests.stsim.serve import free_port

_HOP_BY_HOP = {"connection", "keep-alive", "transfer-encoding", "content-length", "content-encoding", "host"}


@dataclass
class Recording:
    url: str  # what the daemon's ST_API_URL points at
    requests: list[str] = field(default_factory=list)

    @property
    def counts(self) -> Counter[str]:
        return Counter(self.requests)


@contextlib.asynccontextmanager
async def recording_proxy(upstream: str) -> AsyncIterator[Recording]:
    """Serve a proxy to `upstream` (an http://host:port/v2 URL) on a free port; yield what it records."""
    base = upstream.removesuffix("/v2")
    port = free_port()
    recording = Recording(f"http://127.0.0.1:{port}/v2")
    async with httpx.AsyncClient(base_url=base, timeout=30) as client:

        async def forward(request: Request) -> Response:
            recording.requests.append(
                request_key(request.method, request.url.path, request.query_params.get("page"))
            )
            headers = {k: v for k, v in request.headers.items() if k.lower() not in _HOP_BY_HOP}
            reply = await client.request(
                request.method,
                request.url.path,
                params=str(request.query_params),
                headers=headers,
                content=await request.body(),
            )
            kept = {k: v for k, v in reply.headers.items() if k.lower() not in _HOP_BY_HOP}
            return Response(reply.content, status_code=reply.status_code, headers=kept)

        methods = ["GET", "POST", "PATCH", "PUT", "DELETE"]
        app = Starlette(routes=[Route("/{path:path}", forward, methods=methods)])
        server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
        task = asyncio.create_task(server.serve())
        try:
            async with asyncio.timeout(10):
                while not server.started:  # noqa: ASYNC110  uvicorn offers no event for it
                    await asyncio.sleep(0.02)
            yield recording
        finally:
            server.should_exit = True
            await task

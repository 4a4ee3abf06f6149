"""The ASGI app: routing, auth, rate limits, faults, the error envelope, and the reset trigger."""

from __future__ import annotations

import logging
import secrets
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from datetime import date, timedelta
from typing import Any

from starlette.applications import Starlette
from starlette.exceptions import HTTPException
from starlette.middleware import Middleware
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from stsim import bodies, tokens
from stsim.clock import Clock, SystemClock
from stsim.errors import ApiError
from stsim.faults import Faults
from stsim.ratelimit import RateLimiter
from stsim.routes import account, actions, contracts, fleet, public  # noqa: F401  (registers the operations)
from stsim.routes.base import OPS, Call, Op, Reply
from stsim.state import World
from stsim.stats import CountResponses, RequestStats, stats_routes

log = logging.getLogger("stsim")
MAX_BODY = 1 << 20  # every request body of the spec is a few hundred bytes


class Server:
    """Holds the current World and everything that outlives a reset (token key, limiter, faults)."""

    def __init__(
        self,
        *,
        seed: int,
        systems: int,
        speed: float,
        rate_limit: bool,
        faults: float,
        clock: Clock,
        fault_delay: float,
        reset_date: date | None = None,
    ) -> None:
        self.seed, self.systems, self.speed, self.clock = seed, systems, speed, clock
        self.key = secrets.token_bytes(32)
        self.limiter = RateLimiter() if rate_limit else None
        self.faults = Faults(faults, seed, fault_delay)
        self.stats = RequestStats(clock)
        self.world = self._new_world(reset_date or clock.now().date())

    def _new_world(self, reset_date: date) -> World:
        return World(
            seed=self.seed, systems=self.systems, speed=self.speed, clock=self.clock, reset_date=reset_date
        )

    def reset(self) -> date:
        """A server reset: a fresh universe and a new reset date; every token issued before now gets a 401."""
        new_date = max(self.world.reset_date + timedelta(days=1), self.clock.now().date())
        self.world = self._new_world(new_date)
        log.info("stsim reset: new reset date %s", new_date)
        return new_date

    def issue(self, agent: str) -> str:
        return tokens.issue(self.key, agent, self.world.reset_date.isoformat(), self.clock.now())

    async def dispatch(self, request: Request, op: Op) -> Response:
        fault = self.faults.pick()
        if fault == "slow":
            await self.clock.sleep(self.faults.delay)
        elif fault is not None:
            self.stats.faults += 1
            return Faults.response(fault)
        token = _bearer(request)
        headers: dict[str, str] = {}
        if self.limiter is not None:
            address = request.client.host if request.client else "unknown"
            verdict = self.limiter.check(self.clock.now(), address, token)
            headers = verdict.headers
            if not verdict.allowed:
                self.stats.limit()
                return JSONResponse(verdict.body, status_code=429, headers=headers)
        self.stats.accept()
        try:
            raw = await _read_body(request) if op.body != "none" else b""
            world = self.world  # one world for the whole request, even if a reset lands meanwhile
            agent = self._authenticate(op, token, world)  # before the body: a bad body must not hide it
            sent = bodies.parse(
                raw,
                request.headers.get("content-type", ""),
                required=op.body == "required",
                form_allowed=op.form,
            )
            params = dict(request.path_params)
            call = Call(world, params, _query(request), sent.value, agent, self.issue, sent.form)
            result = op.handler(call)
        except ApiError as err:
            return JSONResponse(err.body(), status_code=err.status, headers=headers)
        except Exception:  # the catch-all: a bug must still answer with the envelope, never a bare 500
            log.exception("stsim: unhandled error in %s %s", op.method, op.path)
            body = {"error": {"message": "The server did not return a valid response.", "code": 3000}}
            return JSONResponse(body, status_code=500, headers=headers)
        return _respond(result, op, headers)

    def _authenticate(self, op: Op, token: str | None, world: World) -> Any:
        if op.auth in ("none", "account"):
            if op.auth == "account" and not token:
                raise ApiError(4103, "Missing bearer token. Register requires an account token.", status=401)
            return None
        if token is None:
            if op.auth == "optional":
                return None
            raise ApiError(4103, "Missing bearer token. This operation requires an agent token.", status=401)
        claims = tokens.verify(self.key, token, world.reset_date.isoformat())
        agent = world.agents.get(claims.agent)
        if agent is None:
            raise ApiError(4107, f"Agent {claims.agent} does not exist.", status=401)
        return agent


def _respond(result: dict[str, Any] | Reply, op: Op, headers: dict[str, str]) -> Response:
    if isinstance(result, Reply):
        if result.body is None:
            return Response(status_code=result.status, headers=headers)
        return JSONResponse(result.body, status_code=result.status, headers=headers)
    return JSONResponse(result, status_code=op.status, headers=headers)


def _bearer(request: Request) -> str | None:
    value = request.headers.get("authorization", "")
    scheme, _, token = value.partition(" ")
    return token.strip() if scheme.lower() == "bearer" and token.strip() else None


def _query(request: Request) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for key, value in request.query_params.multi_items():
        out.setdefault(key.removesuffix("[]"), []).append(value)
    return out


async def _read_body(request: Request) -> bytes:
    """The body, up to MAX_BODY bytes: a client cannot make the server buffer an unbounded upload."""
    parts: list[bytes] = []
    size = 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > MAX_BODY:
            raise ApiError(413, f"Request body is larger than {MAX_BODY} bytes.", status=413)
        parts.append(chunk)
    return b"".join(parts)


def _endpoint(server: Server, op: Op) -> Callable[[Request], Any]:
    async def endpoint(request: Request) -> Response:
        return await server.dispatch(request, op)

    return endpoint


def build_app(
    *,
    seed: int = 1,
    systems: int = 20,
    speed: float = 1.0,
    rate_limit: bool = True,
    faults: float = 0.0,
    clock: Clock | None = None,
    fault_delay: float = 3.0,
    on_startup: Callable[[Server], None] | None = None,
    reset_date: date | None = None,
) -> Starlette:
    """The simulator as an ASGI app (for uvicorn or httpx.ASGITransport); `app.state.server` is the Server.

    `reset_date` is the first world's (default: today by the clock)."""
    server = Server(
        seed=seed,
        systems=systems,
        speed=speed,
        rate_limit=rate_limit,
        faults=faults,
        clock=clock or SystemClock(),
        fault_delay=fault_delay,
        reset_date=reset_date,
    )

    async def admin_reset(request: Request) -> Response:
        return JSONResponse({"data": {"resetDate": server.reset().isoformat()}})

    async def not_found(request: Request) -> Response:
        return JSONResponse(
            {"error": {"message": f"Route {request.method} {request.url.path} not found.", "code": 404}},
            status_code=404,
        )

    routes = [Route("/v2/_admin/reset", admin_reset, methods=["POST"]), *stats_routes(server.stats)]
    for op in OPS:
        path = "/v2" + op.path
        routes.append(Route(path, _endpoint(server, op), methods=[op.method]))
        if op.path == "/":
            routes.append(Route("/v2", _endpoint(server, op), methods=[op.method]))
    methods = ["GET", "POST", "PATCH", "PUT", "DELETE"]
    routes.append(Route("/{path:path}", not_found, methods=methods))

    @asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[None]:
        if on_startup is not None:
            on_startup(server)
        yield

    async def http_error(request: Request, exc: Exception) -> Response:
        """Starlette's own errors (a 405 for a method no route takes) in the envelope, not plain text."""
        status = exc.status_code if isinstance(exc, HTTPException) else 500
        message = f"{request.method} is not allowed on {request.url.path}." if status == 405 else str(exc)
        headers = exc.headers if isinstance(exc, HTTPException) else None
        body = {"error": {"message": message or "Request failed.", "code": status}}
        return JSONResponse(body, status_code=status, headers=headers)

    app = Starlette(
        routes=routes,
        lifespan=lifespan,
        exception_handlers={HTTPException: http_error},
        middleware=[Middleware(CountResponses, stats=server.stats)],
    )
    app.state.server = server
    return app

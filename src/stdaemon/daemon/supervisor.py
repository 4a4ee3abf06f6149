"""The supervisor: runs the runner services for one agent token at a time and carries them across server
resets without a human (DESIGN.md "Runners").

SpaceTraders wipes the universe every week or two; every token issued before then gets a 401 that names the
new reset date (`ResetDetected`). When that happens at start-up or while the runners run:

1. a token another process of this installation saved for the new reset is used if it works;
2. else, with `ST_ACCOUNT_TOKEN`, a new agent is registered (`ST_AGENT_SYMBOL`, `ST_FACTION`) and its token
   saved in the state directory (`agent_token`; not in the sandbox, whose simulator lives only as long as
   the process);
3. else the process stops with one line and exit 78: only a person can fix that.

The new token gets a new session (gateway and DataService, on the same database, writer and rate budget),
the DataService starts the new epoch, and the runners are built and started again; the old epoch's rows
stay. This lives around the runners rather than in the DataService so that no cache, single-flight or
half-done action of the old agent can leak into the new epoch: everything bound to the old token is closed.
"""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import Awaitable, Callable, Sequence
from contextlib import AbstractAsyncContextManager

from stdaemon.api.errors import ResetDetected, Unauthorized
from stdaemon.api.scheduler import Limiter
from stdaemon.bootstrap import Session
from stdaemon.daemon.agent_token import TokenFile
from stdaemon.domain import models as m
from stdaemon.exits import ConfigError
from stdaemon.lifecycle import Service, run_services
from stdaemon.logging import get_logger
from stdaemon.settings import Settings
from stdaemon.systemd import Notifier

log = get_logger(__name__)

# (the settings with the token to play, the rate budget to carry over) -> …
OpenSession = Callable[[Settings, Limiter | None], AbstractAsyncContextManager[Session]]
Register = Callable[[Settings, Limiter | None], Awaitable[m.RegisterResult]]
Roles = Callable[[Session], Sequence[Service]]
QUIET = Notifier(environ={})  # the runners' own start and stop are not the unit's READY/STOPPING


def first_reset(group: BaseExceptionGroup[ResetDetected]) -> ResetDetected:
    found = group.exceptions[0]
    return found if isinstance(found, ResetDetected) else first_reset(found)


class Supervisor:
    def __init__(
        self,
        playing: Settings,
        *,
        open_session: OpenSession,
        register: Register,
        roles: Roles,
        grace_s: float,
        tokens: TokenFile | None,
    ) -> None:
        self._playing = playing
        self._open_session = open_session
        self._register = register
        self._roles = roles
        self._grace_s = grace_s
        self._tokens = tokens
        self._stack: contextlib.AsyncExitStack | None = None
        self.session: Session | None = None
        self.services: Sequence[Service] = ()
        self.resets = 0
        self._registered_for: set[object] = set()  # reset dates this process registered an agent for

    @property
    def name(self) -> str:
        """The runners it runs (systemd's status line says "running <name>")."""
        return ", ".join(s.name for s in self.services) or "supervisor"

    async def __aenter__(self) -> Supervisor:
        return self

    async def __aexit__(self, *exc: object) -> None:
        if self._stack is not None:
            await self._stack.aclose()
            self._stack = None

    async def start(self) -> m.ServerStatus:
        """Open the first session: the configured token, or (when it is stale) a saved or new one."""
        try:
            status = await self._switch(self._playing)
        except ResetDetected as reset:
            status = await self._recover(reset)
        self.services = self._roles(self._current)
        return status

    async def run(self, stop: asyncio.Event) -> None:
        """Run the runners until `stop`; after a server reset, again for the new agent."""
        while not stop.is_set():
            reset: ResetDetected | None = None
            try:
                await run_services(
                    self.services, stop=stop, grace_s=self._grace_s, signals=False, notifier=QUIET
                )
            except* ResetDetected as group:
                reset = first_reset(group)
            if reset is None or stop.is_set():
                return
            await self._recover(reset)
            self.services = self._roles(self._current)

    @property
    def _limiter(self) -> Limiter | None:
        return self.session.gateway.limiter if self.session is not None else None

    @property
    def _current(self) -> Session:
        assert self.session is not None, "start() first"
        return self.session

    async def _switch(self, playing: Settings) -> m.ServerStatus:
        """A session for `playing.token`, checked with `GET /` (which a stale token fails); it replaces the
        current one. Where the server answers `GET /` to a stale token, the runners' first request fails
        instead, and the supervisor gets here again."""
        stack = contextlib.AsyncExitStack()
        try:
            session = await stack.enter_async_context(self._open_session(playing, self._limiter))
            status = await session.data.start()
        except BaseException:
            await stack.aclose()
            raise
        if self._stack is not None:
            await self._stack.aclose()
        self._stack, self.session, self._playing = stack, session, playing
        return status

    async def _recover(self, reset: ResetDetected) -> m.ServerStatus:
        log.warning("server_reset", reset_date=str(reset.expected), token_from=str(reset.actual))
        account = self._playing.account_token
        lock = self._tokens.lock() if self._tokens is not None else contextlib.nullcontext()
        async with lock:
            saved = self._tokens.load(self._playing.api_url) if self._tokens is not None else None
            if saved is not None and saved.token != self._playing.token:
                try:
                    status = await self._switch(self._playing.model_copy(update={"token": saved.token}))
                except (ResetDetected, Unauthorized):
                    log.info("saved_token_stale", agent=saved.agent)
                else:
                    log.info("saved_token_used", agent=saved.agent, reset_date=str(status.reset_date))
                    return status
            if reset.expected in self._registered_for:
                raise ConfigError(
                    f"the server rejects the agent registered for reset {reset.expected} as stale too: "
                    "check ST_API_URL and the server's status; stopping rather than registering again"
                )
            if account is None:
                raise ConfigError(
                    f"the server was reset (now {reset.expected}, the token is from {reset.actual}): "
                    "register a new agent and set ST_TOKEN, or set ST_ACCOUNT_TOKEN so stdaemon registers "
                    "one itself; the old epoch's data stays in the database"
                )
            registered = await self._register(self._playing, self._limiter)
            self._registered_for.add(reset.expected)
            if self._tokens is not None:
                self._tokens.save(
                    registered.token, agent=registered.agent.symbol, api_url=self._playing.api_url
                )
            status = await self._switch(self._playing.model_copy(update={"token": registered.token}))
        self.resets += 1
        log.info("new_epoch_started", reset_date=str(status.reset_date), agent=registered.agent.symbol)
        return status

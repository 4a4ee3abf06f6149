"""The client factory: the generated client on an httpx.AsyncClient configured from Settings.

The generated operations send with `client.get_async_httpx_client().request(...)`, with no per-request
auth. Which token a request carries (the agent's, or the account's for `POST /register`) is therefore
chosen per request by an `Exchange`: the sender opens one around each attempt (`with exchange(token)`), and
`ExchangeAuth`, the httpx client's auth, reads it from a context variable at send time. A context variable
belongs to the task that set it, so concurrent requests each see their own exchange. The exchange also
records the request and the response as httpx saw them, so the sender can name a request in messages and
still map an answer the generated code could not parse (an empty 204, a 520, a body its models reject).

The token is a `SecretStr` until the moment a request is sent: `ExchangeAuth` sets the header inside httpx's
auth flow, so it is in no attribute of the generated client, in no repr and in no log line (httpx itself
masks `Authorization` in header reprs). Tests pass an httpx transport (MockTransport) instead of the network.
"""

from __future__ import annotations

from collections.abc import Generator, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from types import TracebackType

import httpx
from pydantic import SecretStr

from space_traders_api_client import AuthenticatedClient
from stdaemon import __version__
from stdaemon.exits import ConfigError
from stdaemon.settings import Settings

USER_AGENT = f"stdaemon/{__version__} (+https://github.com/stdaemon/stdaemon)"
KEEPALIVE_EXPIRY_S = 30.0


class Exchange:
    """One attempt of one request: the token it is sent with, and what httpx reports back."""

    __slots__ = ("request", "response", "token")

    def __init__(self, token: SecretStr | None) -> None:
        self.token = token
        self.request: httpx.Request | None = None
        self.response: httpx.Response | None = None

    def __repr__(self) -> str:
        request = f"{self.request.method} {self.request.url}" if self.request is not None else None
        return f"Exchange(token={'set' if self.token else 'unset'}, request={request!r})"


_CURRENT: ContextVar[Exchange | None] = ContextVar("stdaemon_api_exchange", default=None)


@contextmanager
def exchange(token: SecretStr | None) -> Iterator[Exchange]:
    """Requests sent by this task inside the block carry `token` and are recorded in the Exchange."""
    current = Exchange(token)
    reset = _CURRENT.set(current)
    try:
        yield current
    finally:
        _CURRENT.reset(reset)


class ExchangeAuth(httpx.Auth):
    """The httpx client's auth: `Authorization: Bearer …` from the current exchange, set at send time.

    A request sent outside any exchange carries no credentials.
    """

    def auth_flow(self, request: httpx.Request) -> Generator[httpx.Request, httpx.Response, None]:
        current = _CURRENT.get()
        if current is not None:
            current.request = request
            if current.token is not None:
                request.headers["Authorization"] = f"Bearer {current.token.get_secret_value()}"
        response = yield request
        if current is not None:
            current.response = response

    def __repr__(self) -> str:
        return "ExchangeAuth()"


class ApiClient:
    """The generated client, its httpx.AsyncClient, and the credentials, kept out of every repr.

    `generated` is the generated `AuthenticatedClient` the operations are called with (most of them are
    typed to require one). Its own `token` stays empty: it would only be used for an httpx client it built
    itself, and it is handed ours, whose `ExchangeAuth` applies the right token per request.
    """

    def __init__(
        self,
        generated: AuthenticatedClient,
        *,
        base_url: str,
        agent_token: SecretStr | None,
        account_token: SecretStr | None,
    ) -> None:
        self.generated = generated
        self.base_url = base_url
        self._base_path = httpx.URL(base_url).path.rstrip("/")
        self._agent_token = agent_token
        self._account_token = account_token

    @property
    def http(self) -> httpx.AsyncClient:
        """The httpx client the generated operations send with."""
        client: httpx.AsyncClient = self.generated.get_async_httpx_client()
        return client

    def token(self, *, account: bool = False) -> SecretStr | None:
        """The token a request sends: the agent's (None: unauthenticated, public reads only), or the
        account's for `POST /register`."""
        if not account:
            return self._agent_token
        if self._account_token is None:
            raise ConfigError("registering an agent needs the account token: set ST_ACCOUNT_TOKEN")
        return self._account_token

    def describe(self, request: httpx.Request | None) -> str:
        """`GET /my/agent`: a request as messages name it (the path below the API's base URL)."""
        if request is None:
            return "request"
        path = request.url.path
        if self._base_path and path.startswith(self._base_path):
            path = path[len(self._base_path) :] or "/"
        return f"{request.method} {path}"

    def secrets(self) -> tuple[str, ...]:
        """The strings that must never appear in a message."""
        tokens = (self._agent_token, self._account_token)
        return tuple(t.get_secret_value() for t in tokens if t is not None)

    async def aclose(self) -> None:
        await self.http.aclose()

    async def __aenter__(self) -> ApiClient:
        return self

    async def __aexit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        await self.aclose()

    def __repr__(self) -> str:
        return (
            f"ApiClient(base_url={self.base_url!r}, agent_token={'set' if self._agent_token else 'unset'}, "
            f"account_token={'set' if self._account_token else 'unset'})"
        )


def make_client(
    settings: Settings,
    *,
    transport: httpx.AsyncBaseTransport | None = None,
    base_url: str | None = None,
) -> ApiClient:
    """Build the API client from settings (`transport` replaces the network in tests and the sandbox)."""
    url = (base_url or settings.api_url).rstrip("/")
    timeout = httpx.Timeout(
        connect=settings.http_connect_timeout_s,
        read=settings.http_read_timeout_s,
        write=settings.http_read_timeout_s,
        pool=settings.http_read_timeout_s,
    )
    limits = httpx.Limits(
        max_connections=settings.http_max_connections,
        max_keepalive_connections=settings.http_max_connections,
        keepalive_expiry=KEEPALIVE_EXPIRY_S,
    )
    headers = {"User-Agent": USER_AGENT, "Accept": "application/json"}
    http = httpx.AsyncClient(
        base_url=url,
        auth=ExchangeAuth(),
        timeout=timeout,
        limits=limits,
        headers=headers,
        transport=transport,
        follow_redirects=False,
    )
    generated = AuthenticatedClient(base_url=url, token="", headers=headers, timeout=timeout)
    generated.set_async_httpx_client(http)
    return ApiClient(
        generated, base_url=url, agent_token=settings.token, account_token=settings.account_token
    )

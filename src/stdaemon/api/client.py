"""The client factory: the generated client on an httpx.AsyncClient configured from Settings.

The token is a `SecretStr` until the moment a request is sent: `BearerAuth` sets the header inside httpx's
auth flow, so it is in no attribute of the generated client, in no repr and in no log line (httpx itself
masks `Authorization` in header reprs). Tests pass an httpx transport (MockTransport) instead of the network.
"""

from __future__ import annotations

from collections.abc import Generator
from types import TracebackType

import httpx
from pydantic import SecretStr

from space_traders_api_client import Client
from stdaemon import __version__
from stdaemon.exits import ConfigError
from stdaemon.settings import Settings

USER_AGENT = f"stdaemon/{__version__} (+https://github.com/stdaemon/stdaemon)"
KEEPALIVE_EXPIRY_S = 30.0


class BearerAuth(httpx.Auth):
    """Adds `Authorization: Bearer …` at send time; prints as masked."""

    def __init__(self, token: SecretStr) -> None:
        self._token = token

    def auth_flow(self, request: httpx.Request) -> Generator[httpx.Request, httpx.Response, None]:
        request.headers["Authorization"] = f"Bearer {self._token.get_secret_value()}"
        yield request

    def __repr__(self) -> str:
        return "BearerAuth(token='**********')"


class ApiClient:
    """The generated client, its httpx.AsyncClient, and the credentials, kept out of every repr."""

    def __init__(
        self,
        generated: Client,
        *,
        base_url: str,
        agent_token: SecretStr | None,
        account_token: SecretStr | None,
    ) -> None:
        self.generated = generated
        self.base_url = base_url
        self._agent_token = agent_token
        self._account_token = account_token

    @property
    def http(self) -> httpx.AsyncClient:
        """The httpx client the generated operations send with."""
        client: httpx.AsyncClient = self.generated.get_async_httpx_client()
        return client

    def agent_auth(self) -> httpx.Auth | None:
        """Auth for gameplay requests; None when unauthenticated (public reads only)."""
        return BearerAuth(self._agent_token) if self._agent_token is not None else None

    def account_auth(self) -> httpx.Auth:
        """Auth for `POST /register`, which needs the account token."""
        if self._account_token is None:
            raise ConfigError("registering an agent needs the account token: set ST_ACCOUNT_TOKEN")
        return BearerAuth(self._account_token)

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
        timeout=timeout,
        limits=limits,
        headers=headers,
        transport=transport,
        follow_redirects=False,
    )
    generated = Client(base_url=url, headers=headers, timeout=timeout).set_async_httpx_client(http)
    return ApiClient(
        generated, base_url=url, agent_token=settings.token, account_token=settings.account_token
    )

"""Settings: one frozen object built by the entry point from `ST_*` variables and `.env`, then passed down.

Nothing here reads the environment at import time; call `load_settings()` from an entry point.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Literal

import httpx
from pydantic import Field, SecretStr, ValidationError, field_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

from stdaemon.exits import ConfigError

if TYPE_CHECKING:
    from sqlalchemy.engine import URL

LogFormat = Literal["json", "console"]
LogLevel = Literal["debug", "info", "warning", "error"]

_DSN_PREFIXES = ("postgresql://", "postgres://", "postgresql+asyncpg://")
_DSN_SHAPE = "postgresql+asyncpg://user:password@host:port/dbname"
DEFAULT_API_URL = "https://api.spacetraders.io/v2"


def parse_database_url(dsn: str) -> URL:
    """The one check of a database URL, normalised for asyncpg; ValueError says what is wrong.

    `postgresql://` and `postgres://` become `postgresql+asyncpg://`; libpq's `sslmode=` becomes asyncpg's
    `ssl=`. A message never repeats the URL, which may hold a password.
    """
    from sqlalchemy.engine import make_url
    from sqlalchemy.exc import ArgumentError

    if not dsn.startswith(_DSN_PREFIXES):
        raise ValueError("must start with postgresql+asyncpg:// (or postgresql://)")
    _, _, rest = dsn.partition("://")
    try:
        url = make_url(f"postgresql+asyncpg://{rest}")
        port = url.port  # parses the port: a non-numeric one raises ValueError
    except (ArgumentError, ValueError):
        raise ValueError(f"is malformed: expected {_DSN_SHAPE}") from None
    if not url.host and "host" not in url.query:
        raise ValueError(f"has no host: expected {_DSN_SHAPE}")
    if port is not None and not 0 < port < 65536:
        raise ValueError(f"has an impossible port {port}")
    if not url.database:
        raise ValueError(f"names no database: expected {_DSN_SHAPE}")
    query = dict(url.query)
    if "sslmode" in query and "ssl" not in query:  # libpq's spelling; asyncpg calls it `ssl`
        query["ssl"] = query.pop("sslmode")
    return url.set(query=query)


class Settings(BaseSettings):
    """Everything configurable, with safe defaults. Secrets are `SecretStr` so they never print."""

    model_config = SettingsConfigDict(
        env_prefix="ST_",
        env_file=".env",
        env_file_encoding="utf-8",
        env_ignore_empty=True,  # `ST_X=` in .env means "use the default"
        frozen=True,
        extra="ignore",
        allow_inf_nan=False,  # an `inf` timeout or interval would wait for ever
    )

    # --- the API -------------------------------------------------------------------------------------
    token: SecretStr | None = Field(default=None, description="agent token; unset = local sandbox (stsim)")
    account_token: SecretStr | None = Field(default=None, description="account token, only to register")
    agent_symbol: str = Field(default="STDAEMON", min_length=3, max_length=14)
    faction: str = Field(default="COSMIC", min_length=1)
    api_url: str = DEFAULT_API_URL
    http_connect_timeout_s: float = Field(default=5.0, gt=0)
    http_read_timeout_s: float = Field(default=30.0, gt=0)
    http_max_connections: int = Field(default=4, ge=1)
    rate_per_second: int = Field(default=2, ge=1, description="static pool: requests per second")
    rate_burst: int = Field(default=30, ge=0, description="burst pool: extra requests per burst period")
    rate_burst_period_s: float = Field(default=60.0, gt=0)
    rate_anchor: Literal["auto", "estimate", "response"] = Field(
        default="auto",
        description="rate windows from the estimated receive time, or the response; auto: estimate unshared",
    )
    rate_budget_key: str | None = Field(
        default=None,
        min_length=1,
        description="share the rate budget through the database under this name; split runners: 'default'",
    )

    # --- the database --------------------------------------------------------------------------------
    database_url: SecretStr | None = Field(
        default=None, description="postgresql+asyncpg://…; unset = an embedded PostgreSQL in state_dir/pg"
    )
    state_dir: Path = Path("./var")

    # --- logging -------------------------------------------------------------------------------------
    log_format: LogFormat | None = Field(default=None, description="unset = json off a TTY, console on one")
    log_level: LogLevel = "info"

    # --- caches (seconds) ----------------------------------------------------------------------------
    ttl_reference_s: float = Field(default=6 * 3600.0, gt=0)
    ttl_agent_s: float = Field(default=60.0, gt=0)
    ttl_ships_s: float = Field(default=30.0, gt=0)
    ttl_market_s: float = Field(default=300.0, gt=0)
    ttl_contracts_s: float = Field(default=300.0, gt=0)
    cache_maxsize: int = Field(default=20_000, ge=16)

    # --- the writer ----------------------------------------------------------------------------------
    writer_max_rows: int = Field(default=50_000, ge=100, description="queue bound, in rows")
    writer_batch_rows: int = Field(default=5_000, ge=1)
    writer_linger_s: float = Field(default=0.25, ge=0)
    writer_drain_s: float = Field(default=15.0, gt=0)

    # --- runners -------------------------------------------------------------------------------------
    market_poll_interval_s: float = Field(default=300.0, ge=1)
    probe_budget: int | None = Field(
        default=None,
        ge=0,
        description="credits the market runner may spend on probes; unset = 0 (sandbox: some)",
    )
    mining_drones: int | None = Field(
        default=None,
        ge=0,
        description="mining drones the fleet runner may own, bought from profit; unset = 0 (sandbox: 2)",
    )
    haulers: int | None = Field(
        default=None,
        ge=0,
        description="light haulers the fleet runner may own (they trade), bought before drones; unset = 0",
    )
    shutdown_grace_s: float = Field(default=20.0, gt=0)

    # --- operations ----------------------------------------------------------------------------------
    metrics_port: int | None = Field(
        default=None,
        ge=1,
        le=65535,
        description="Prometheus /metrics port (split runners: +1..+3); unset = off",
    )
    metrics_host: str = Field(default="127.0.0.1", min_length=1, description="address /metrics listens on")
    stats_interval_s: float = Field(default=60.0, gt=0, description="how often the `stats` line is logged")
    heartbeat_interval_s: float = Field(default=15.0, gt=0, description="runner heartbeats in the database")

    @field_validator("database_url")
    @classmethod
    def _normalise_dsn(cls, value: SecretStr | None) -> SecretStr | None:
        if value is None or not value.get_secret_value().strip():
            return None
        url = parse_database_url(value.get_secret_value().strip())
        return SecretStr(url.render_as_string(hide_password=False))

    @field_validator("token", "account_token")
    @classmethod
    def _not_blank(cls, value: SecretStr | None) -> SecretStr | None:
        # `ST_TOKEN=` (empty) means unset; only spaces is a mistake that would silently play the sandbox
        if value is not None and not value.get_secret_value().strip():
            raise ValueError("is blank: set the token, or remove the variable (no ST_TOKEN = the sandbox)")
        return SecretStr(value.get_secret_value().strip()) if value is not None else None

    @field_validator("api_url")
    @classmethod
    def _api_url(cls, value: str) -> str:
        example = "e.g. https://api.spacetraders.io/v2 or http://127.0.0.1:8765/v2"
        if not value.startswith(("http://", "https://")):
            raise ValueError(f"must be an http:// or https:// URL, {example}")
        value = value.rstrip("/")
        if not value.endswith("/v2"):
            raise ValueError(f"must end with the API version /v2, {example}")
        if any(c.isspace() for c in value):
            raise ValueError(f"contains a space, {example}")
        try:
            parsed = httpx.URL(value)
            port = parsed.port
        except (httpx.InvalidURL, ValueError):
            raise ValueError(f"is malformed, {example}") from None
        if not parsed.host:
            raise ValueError(f"has no host, {example}")
        if port is not None and not 0 < port < 65536:
            raise ValueError(f"has an impossible port {port}, {example}")
        return value

    @field_validator("agent_symbol", "faction")
    @classmethod
    def _upper(cls, value: str) -> str:
        return value.strip().upper()

    @property
    def sandbox(self) -> bool:
        """No token configured: the daemon plays against an in-process stsim.

        ST_API_URL naming a server other than the default, with neither token, is a mistake and not a wish for
        the sandbox: ConfigError. (`.env.example` spells out the default; that still means the sandbox.)
        """
        if self.token is None and self.account_token is None and self.api_url != DEFAULT_API_URL:
            raise ConfigError(
                f"ST_API_URL names a server ({self.api_url}) but ST_TOKEN is not set: set ST_TOKEN (or "
                "ST_ACCOUNT_TOKEN to register an agent), or unset ST_API_URL to play the local sandbox"
            )
        return self.token is None

    def secrets(self) -> list[str]:
        """Every secret string the log redactor must never let through."""
        found = [s.get_secret_value() for s in (self.token, self.account_token) if s is not None]
        if self.database_url is not None:
            from stdaemon.redact import dsn_password

            password = dsn_password(self.database_url.get_secret_value())
            if password:
                found.append(password)
        return found


def load_settings(**overrides: object) -> Settings:
    """Build Settings from the environment and `.env`; a bad value becomes one ConfigError line."""
    try:
        return Settings(**overrides)  # type: ignore[arg-type]
    except ValidationError as exc:
        err = exc.errors()[0]
        field = ".".join(str(p) for p in err["loc"]) or "settings"
        reason = err["msg"].removeprefix("Value error, ")
        raise ConfigError(
            f"ST_{field.upper()} is invalid: {reason} (fix it in the environment or .env)"
        ) from None

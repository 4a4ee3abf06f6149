"""Settings: defaults, `.env`, validation into one-line ConfigErrors, and secrets that never print."""

from __future__ import annotations

from pathlib import Path

import pytest

from stdaemon.exits import CONFIG, ConfigError
from stdaemon.settings import Settings, load_settings


@pytest.fixture(autouse=True)
def _isolated_env(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """No ST_* variable or .env of the developer's leaks into these tests."""
    import os

    for name in list(os.environ):
        if name.startswith("ST_"):
            monkeypatch.delenv(name)
    monkeypatch.chdir(tmp_path)


def test_defaults_are_a_sandbox_with_an_embedded_database() -> None:
    settings = load_settings()
    assert settings.sandbox
    assert settings.database_url is None
    assert settings.api_url == "https://api.spacetraders.io/v2"
    assert settings.state_dir == Path("./var")
    assert settings.rate_per_second == 2
    assert settings.rate_burst == 30


def test_environment_and_dotenv(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    (tmp_path / ".env").write_text("ST_TOKEN=from-dotenv-token\nST_LOG_LEVEL=debug\n")
    monkeypatch.setenv("ST_LOG_LEVEL", "warning")  # the environment wins over .env
    settings = load_settings()
    assert settings.token is not None
    assert settings.token.get_secret_value() == "from-dotenv-token"
    assert not settings.sandbox
    assert settings.log_level == "warning"


def test_settings_are_frozen() -> None:
    settings = load_settings()
    with pytest.raises(ValueError, match="frozen"):
        settings.log_level = "debug"  # type: ignore[misc]


@pytest.mark.parametrize(
    ("dsn", "expected"),
    [
        ("postgresql://u:p@db.example:5433/st", "postgresql+asyncpg://u:p@db.example:5433/st"),
        ("postgres://u@localhost/st", "postgresql+asyncpg://u@localhost/st"),
        ("postgresql+asyncpg://u:p@h/st", "postgresql+asyncpg://u:p@h/st"),
    ],
)
def test_dsn_is_normalised_to_asyncpg(monkeypatch: pytest.MonkeyPatch, dsn: str, expected: str) -> None:
    monkeypatch.setenv("ST_DATABASE_URL", dsn)
    settings = load_settings()
    assert settings.database_url is not None
    assert settings.database_url.get_secret_value() == expected


@pytest.mark.parametrize(
    ("dsn", "why"),
    [
        ("mysql://u:p@h/db", "must start with postgresql"),
        ("postgresql://u:p@h:notaport/db", "malformed"),
        ("postgresql://u:p@h:99999/db", "impossible port"),
        ("postgresql:///db", "no host"),
        ("postgresql://u:p@h", "names no database"),
        ("postgresql+asyncpg://u:p@h:5432/", "names no database"),
        ("sqlite:///x.db", "must start with postgresql"),
    ],
)
def test_bad_dsn_is_one_config_line_without_the_password(
    monkeypatch: pytest.MonkeyPatch, dsn: str, why: str
) -> None:
    monkeypatch.setenv("ST_DATABASE_URL", dsn)
    with pytest.raises(ConfigError) as caught:
        load_settings()
    message = str(caught.value)
    assert message.startswith("ST_DATABASE_URL is invalid")
    assert why in message
    assert "\n" not in message
    assert ":p@" not in message
    assert caught.value.exit_code == CONFIG


@pytest.mark.parametrize(
    ("name", "value", "field"),
    [
        ("ST_LOG_LEVEL", "loud", "ST_LOG_LEVEL"),
        ("ST_LOG_FORMAT", "xml", "ST_LOG_FORMAT"),
        ("ST_API_URL", "ftp://example", "ST_API_URL"),
        ("ST_RATE_PER_SECOND", "0", "ST_RATE_PER_SECOND"),
        ("ST_WRITER_MAX_ROWS", "ten", "ST_WRITER_MAX_ROWS"),
        ("ST_AGENT_SYMBOL", "AB", "ST_AGENT_SYMBOL"),
        ("ST_HAULERS", "-1", "ST_HAULERS"),
        ("ST_MINING_DRONES", "-2", "ST_MINING_DRONES"),
    ],
)
def test_bad_values_name_the_variable(
    monkeypatch: pytest.MonkeyPatch, name: str, value: str, field: str
) -> None:
    monkeypatch.setenv(name, value)
    with pytest.raises(ConfigError, match=f"^{field} is invalid"):
        load_settings()


def test_empty_secrets_mean_unset(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ST_TOKEN", "")
    monkeypatch.setenv("ST_ACCOUNT_TOKEN", "")
    monkeypatch.setenv("ST_DATABASE_URL", "")
    settings = load_settings()
    assert settings.token is None
    assert settings.account_token is None
    assert settings.database_url is None
    assert settings.sandbox


@pytest.mark.parametrize("name", ["ST_TOKEN", "ST_ACCOUNT_TOKEN"])
def test_a_token_of_only_spaces_is_refused_not_taken_for_the_sandbox(
    monkeypatch: pytest.MonkeyPatch, name: str
) -> None:
    monkeypatch.setenv(name, "  ")
    with pytest.raises(ConfigError, match=f"^{name} is invalid: is blank"):
        load_settings()


@pytest.mark.parametrize("url", ["http://127.0.0.1:8765", "https://api.spacetraders.io/", "http://h/v2/x"])
def test_an_api_url_without_the_version_is_refused(monkeypatch: pytest.MonkeyPatch, url: str) -> None:
    monkeypatch.setenv("ST_API_URL", url)
    with pytest.raises(ConfigError, match=r"^ST_API_URL is invalid: must end with the API version /v2"):
        load_settings()


def test_secrets_never_print_and_are_listed_for_the_redactor(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ST_TOKEN", "tok-very-secret")
    monkeypatch.setenv("ST_DATABASE_URL", "postgresql://me:hunter2pw@db/st")
    settings = load_settings()
    for text in (repr(settings), str(settings), settings.model_dump_json()):
        assert "tok-very-secret" not in text
        assert "hunter2pw" not in text
    assert set(settings.secrets()) == {"tok-very-secret", "hunter2pw"}


def test_api_url_trailing_slash_is_dropped() -> None:
    assert Settings(api_url="http://127.0.0.1:8000/v2/").api_url == "http://127.0.0.1:8000/v2"


def test_libpq_sslmode_is_translated_for_asyncpg(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ST_DATABASE_URL", "postgresql://u:p@h/db?sslmode=require")
    settings = load_settings()
    assert settings.database_url is not None
    assert settings.database_url.get_secret_value() == "postgresql+asyncpg://u:p@h/db?ssl=require"


@pytest.mark.parametrize(
    ("url", "words"),
    [
        ("http://127.0.0.1:99999/v2", "has an impossible port 99999"),
        ("http://exa mple.org/v2", "contains a space"),
        ("https:///v2", "has no host"),
        ("http://[::1/v2", "is malformed"),
    ],
)
def test_a_malformed_api_url_is_refused(monkeypatch: pytest.MonkeyPatch, url: str, words: str) -> None:
    monkeypatch.setenv("ST_API_URL", url)
    with pytest.raises(ConfigError, match=rf"^ST_API_URL is invalid: {words}"):
        load_settings()


@pytest.mark.parametrize("value", ["inf", "-inf", "nan"])
def test_an_infinite_duration_is_refused(monkeypatch: pytest.MonkeyPatch, value: str) -> None:
    monkeypatch.setenv("ST_HTTP_READ_TIMEOUT_S", value)
    with pytest.raises(ConfigError, match=r"^ST_HTTP_READ_TIMEOUT_S is invalid"):
        load_settings()


def test_an_api_url_without_any_token_is_not_taken_for_the_sandbox(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ST_API_URL", "http://127.0.0.1:8765/v2")
    settings = load_settings()
    with pytest.raises(ConfigError, match=r"^ST_API_URL names a server .* but ST_TOKEN is not set"):
        assert settings.sandbox
    monkeypatch.setenv("ST_TOKEN", "agent")
    assert not load_settings().sandbox


def test_the_default_api_url_spelled_out_is_still_the_sandbox(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ST_API_URL", "https://api.spacetraders.io/v2")  # as .env.example has it
    assert load_settings().sandbox

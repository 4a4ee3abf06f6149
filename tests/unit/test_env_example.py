"""`.env.example` documents every setting, and its values are valid."""

from __future__ import annotations

from pathlib import Path

import pytest

from stdaemon.settings import Settings, load_settings

ROOT = Path(__file__).resolve().parents[2]


def example_variables() -> dict[str, str]:
    pairs = {}
    for line in (ROOT / ".env.example").read_text().splitlines():
        if line.strip() and not line.startswith("#"):
            name, _, value = line.partition("=")
            pairs[name.strip()] = value.strip()
    return pairs


def test_every_setting_is_documented() -> None:
    documented = set(example_variables())
    expected = {f"ST_{name.upper()}" for name in Settings.model_fields}
    assert documented == expected


def test_the_example_loads(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    import os

    for name in list(os.environ):
        if name.startswith("ST_"):
            monkeypatch.delenv(name)
    monkeypatch.chdir(tmp_path)
    (tmp_path / ".env").write_text((ROOT / ".env.example").read_text())
    settings = load_settings()
    assert settings.sandbox
    assert settings.database_url is None
    assert settings.log_format is None


def test_every_setting_is_in_the_readme_table() -> None:
    readme = (ROOT / "README.md").read_text()
    missing = [f"ST_{name.upper()}" for name in Settings.model_fields if f"`ST_{name.upper()}`" not in readme]
    assert missing == []

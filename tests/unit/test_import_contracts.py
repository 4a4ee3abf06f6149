"""The import contracts (pyproject `[tool.importlinter]`, run by `lint-imports` in `make lint`) cover every
package of stdaemon: a layer's forbidden list is everything except what DESIGN.md lets it use, so a new
package is forbidden to the layers until someone decides otherwise."""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
PACKAGE = ROOT / "src" / "stdaemon"
# Leaf utilities any layer but the domain may use.
SHARED = {"stdaemon.logging", "stdaemon.settings", "stdaemon.exits", "stdaemon.redact", "stdaemon.backoff"}
# What each layer may import besides itself (DESIGN.md "Layers and the one rule between them").
ALLOWED = {
    "domain": set(),
    "services": {"stdaemon.domain", "stdaemon.cache"} | SHARED,
    "api": {"stdaemon.domain", "space_traders_api_client"} | SHARED,
    "db": {"stdaemon.domain"} | SHARED,
}


def _contracts() -> dict[str, dict[str, Any]]:
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["importlinter"]
    return {c["id"]: c for c in config["contracts"]}


def _ours() -> set[str]:
    modules = {p.stem for p in PACKAGE.glob("*.py")} | {p.name for p in PACKAGE.iterdir() if p.is_dir()}
    modules -= {"__init__", "__main__", "__pycache__"}
    return {f"stdaemon.{m}" for m in modules} | {"space_traders_api_client", "stsim"}


def test_each_layer_forbids_everything_it_may_not_use() -> None:
    contracts = _contracts()
    for layer, allowed in ALLOWED.items():
        contract = contracts[layer]
        assert contract["type"] == "forbidden" and contract["source_modules"] == [f"stdaemon.{layer}"]
        expected = _ours() - allowed - {f"stdaemon.{layer}"}
        assert set(contract["forbidden_modules"]) == expected, f"the {layer} contract is out of date"


def test_the_generated_client_and_the_simulator_are_protected() -> None:
    contracts = _contracts()
    assert contracts["client"]["protected_modules"] == ["space_traders_api_client"]
    assert contracts["client"]["allowed_importers"] == ["stdaemon.api"]
    assert contracts["simulator"]["protected_modules"] == ["stsim"]
    assert contracts["stsim"]["forbidden_modules"] == ["stdaemon", "space_traders_api_client"]

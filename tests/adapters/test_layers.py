"""The layer rule (DESIGN.md): the domain imports nothing of ours, not even the generated client."""

from __future__ import annotations

import ast
from pathlib import Path

SRC = Path(__file__).resolve().parents[2] / "src" / "stdaemon"


def _imports(path: Path) -> set[str]:
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
    return names


def test_domain_imports_only_the_domain() -> None:
    files = sorted((SRC / "domain").glob("*.py"))
    assert files
    ours = {f"{p.name}: {m}" for p in files for m in _imports(p) if m.split(".")[0] in {"stdaemon", "stsim"}}
    assert {x for x in ours if not x.split(": ")[1].startswith("stdaemon.domain")} == set()
    assert not any("space_traders_api_client" in m for p in files for m in _imports(p))

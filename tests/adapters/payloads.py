"""The payload fixtures: saved response bodies written from the spec's schemas (checked against it)."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "payloads"


def body(name: str) -> Any:
    """The whole saved response body of `<name>.json` (a fresh copy each time: tests may mutate it)."""
    return json.loads((FIXTURES / f"{name}.json").read_text(encoding="utf-8"))


def data(name: str) -> Any:
    """The `data` of a saved response: what the gateway hands to an adapter (a dump has no envelope)."""
    saved = body(name)
    return saved["data"] if isinstance(saved, dict) else saved


def deep(value: Any) -> Any:
    return copy.deepcopy(value)

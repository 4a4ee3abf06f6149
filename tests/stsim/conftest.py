"""Fixtures for stsim: an in-process app on a fake clock, an httpx client, and a spec validator.

The spec is read from <repo>/../shared/spacetraders-api/SpaceTraders.json; tests that need it skip cleanly
when it is absent (it is never copied into the repository).
"""

from __future__ import annotations

import json
from collections.abc import AsyncIterator, Awaitable, Callable
from datetime import datetime
from pathlib import Path
from typing import Any

import httpx
import pytest
from jsonschema import Draft7Validator, FormatChecker
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT7
from starlette.applications import Starlette

from stsim.app import Server, build_app
from stsim.clock import FakeClock

SPEC_PATH = Path(__file__).resolve().parents[2].parent / "shared" / "spacetraders-api" / "SpaceTraders.json"
ACCOUNT = {"Authorization": "Bearer account-token-anything"}
ERROR_ENVELOPE: dict[str, Any] = {
    "type": "object",
    "required": ["error"],
    "properties": {
        "error": {
            "type": "object",
            "required": ["message", "code"],
            "properties": {
                "message": {"type": "string", "minLength": 1},
                "code": {"type": "integer"},
                "data": {"type": "object"},
                "requestId": {"type": "string"},
            },
        }
    },
}


def _openapi_to_jsonschema(node: Any) -> Any:
    """OpenAPI 3.0 `nullable: true` lets a value be null; JSON Schema says that with a type list."""
    if isinstance(node, dict):
        out = {k: _openapi_to_jsonschema(v) for k, v in node.items()}
        if out.pop("nullable", False) is True and isinstance(out.get("type"), str):
            out["type"] = [out["type"], "null"]
        return out
    if isinstance(node, list):
        return [_openapi_to_jsonschema(v) for v in node]
    return node


_formats = FormatChecker()


@_formats.checks("date-time", raises=ValueError)
def _date_time(value: object) -> bool:
    if not isinstance(value, str):
        return True
    parsed = datetime.fromisoformat(value)
    return parsed.tzinfo is not None and "T" in value


class SpecValidator:
    """Validates a response body against the spec's schema for (method, path template, status)."""

    def __init__(self, spec: dict[str, Any]) -> None:
        self.spec = _openapi_to_jsonschema(spec)
        self.registry: Registry[Any] = Registry().with_resource(
            "urn:spec", Resource.from_contents(self.spec, default_specification=DRAFT7)
        )
        self.operations = {
            (method.upper(), path): op
            for path, item in self.spec["paths"].items()
            for method, op in item.items()
            if method in ("get", "post", "patch", "put", "delete")
        }
        self.checked = 0

    def _pointer(self, path: str, method: str, status: str) -> str:
        escaped = path.replace("~", "~0").replace("/", "~1")
        return (
            f"urn:spec#/paths/{escaped}/{method.lower()}/responses/{status}/content/application~1json/schema"
        )

    def validate(self, method: str, path: str, status: int, body: Any) -> None:
        op = self.operations[(method, path)]
        if status >= 400:
            Draft7Validator(ERROR_ENVELOPE, format_checker=_formats).validate(body)
            self.checked += 1
            return
        response = op["responses"].get(str(status))
        assert response is not None, f"{method} {path} answered {status}, which the spec does not declare"
        schema = (response.get("content") or {}).get("application/json", {}).get("schema")
        if schema is not None:
            ref = {"$ref": self._pointer(path, method, str(status))}
            Draft7Validator(ref, registry=self.registry, format_checker=_formats).validate(body)
        self.checked += 1


@pytest.fixture(scope="session")
def spec() -> dict[str, Any]:
    if not SPEC_PATH.is_file():
        pytest.skip(f"spec not found at {SPEC_PATH}")
    loaded: dict[str, Any] = json.loads(SPEC_PATH.read_text())
    return loaded


@pytest.fixture
def validator(spec: dict[str, Any]) -> SpecValidator:
    return SpecValidator(spec)


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def app(clock: FakeClock) -> Starlette:
    return build_app(seed=1, systems=20, speed=1.0, rate_limit=False, clock=clock)


@pytest.fixture
def server(app: Starlette) -> Server:
    found: Server = app.state.server
    return found


@pytest.fixture
async def client(app: Starlette) -> AsyncIterator[httpx.AsyncClient]:
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app), base_url="http://stsim/v2") as c:
        yield c


Register = Callable[..., Awaitable[dict[str, Any]]]


@pytest.fixture
def register(client: httpx.AsyncClient) -> Register:
    """Registers an agent; the coroutine returns the response's data (token, agent, ships, contract…)."""

    async def do(symbol: str = "TESTER", faction: str = "COSMIC") -> dict[str, Any]:
        r = await client.post("/register", json={"symbol": symbol, "faction": faction}, headers=ACCOUNT)
        assert r.status_code == 201, r.text
        data: dict[str, Any] = r.json()["data"]
        return data

    return do

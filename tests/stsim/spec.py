"""Validation of stsim's responses against the OpenAPI spec (read from ../shared, never copied)."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from jsonschema import Draft7Validator, FormatChecker
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT7

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

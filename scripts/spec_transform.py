"""Transformations applied to the SpaceTraders OpenAPI spec before the client is generated.

Real servers differ from the spec (SPACETRADERS.md §8), and the generated models must not be the reason a
payload is lost. Every change here is a pure function of the spec dict, so generation stays reproducible:

- enums are relaxed to plain strings: the server has sent values the spec did not list yet, and a closed
  `StrEnum` turns that into a `ValueError`;
- fields payloads omit are made optional (`quality` on frame/engine/reactor, `shipSymbol` on shipyard
  transactions, the rest of OMITTED_BY_SERVERS), and `required` names that are not properties are dropped;
- every optional property may be `null` (the server sends `activity: null`, for example);
- request bodies keep only `application/json` (refuel also declares `text/plain`, which the generator skips
  with a warning);
- a request body that sends back an object the server gave us (the signed survey of extract-with-survey)
  gets its own schema whose timestamps are plain strings, so the generated body model sends them exactly
  as received instead of re-formatting a parsed datetime (`…Z` would become `…+00:00`);
- prose (`description`, `summary`, `example(s)`) is removed: the spec is third-party text with no licence to
  copy, and the generated code needs only its structure. Names, paths and types are kept as they are.
"""

from __future__ import annotations

import copy
from typing import Any

# Schema -> property names that payloads omit or send as null although the spec marks them required. A
# schema is a component name, or "METHOD /path" for the inline schema of an operation's 2xx JSON response.
# Each is decoded by a test from a saved payload without it (tests/adapters/test_drift.py names them).
OMITTED_BY_SERVERS: dict[str, tuple[str, ...]] = {
    # real payloads (SPACETRADERS.md §8): `quality` required since Feb 2025, absent in data recorded later;
    # shipyard transactions carry `agentSymbol` and no `shipSymbol`
    "ShipFrame": ("quality", "requirements"),
    "ShipEngine": ("quality",),
    "ShipReactor": ("quality",),
    "ShipyardTransaction": ("shipSymbol",),
    # an agent or a ship without them is stored, not lost (issue 8; tests/services/test_data_service_db.py);
    # older agents have no accountId
    "Agent": ("accountId", "headquarters", "startingFaction", "shipCount"),
    "Ship": ("registration", "crew", "cooldown", "frame", "reactor", "engine"),
    "ShipRegistration": ("factionSymbol", "role"),
    # optional in the daemon since its first adapters (each pinned by test_drift)
    "ShipNavRoute": ("origin",),
    "Faction": ("isRecruiting",),
    "Contract": ("expiration",),
    "Shipyard": ("modificationsFee",),
    # the start-up check needs only status and resetDate; the rest of GET / is informational and changes
    "GET /": (
        "version",
        "description",
        "stats",
        "health",
        "leaderboards",
        "serverResets",
        "announcements",
        "links",
    ),
}

# (path, method) of operations whose request body echoes a server object that must go back unchanged.
ECHOED_BODIES: tuple[tuple[str, str], ...] = (("/my/ships/{shipSymbol}/extract/survey", "post"),)

_PROSE_KEYS = frozenset({"description", "summary", "example", "examples"})
_NAME_MAPS = frozenset({"properties", "schemas", "paths", "responses", "content", "securitySchemes"})


def transform(spec: dict[str, Any]) -> dict[str, Any]:
    """Return a transformed deep copy of `spec`; the input is not modified."""
    out = copy.deepcopy(spec)
    _strip_prose(out, map_name=None)
    _open_enums(out)
    for where, fields in OMITTED_BY_SERVERS.items():
        schema = _locate(out, where)
        if isinstance(schema, dict) and isinstance(schema.get("required"), list):
            schema["required"] = [r for r in schema["required"] if r not in fields]
    _echo_verbatim(out)
    _fix_objects(out)
    _json_bodies_only(out)
    return out


def _locate(spec: dict[str, Any], where: str) -> Any:
    """The schema `where` names: a component, or "METHOD /path" (its first 2xx JSON response)."""
    method, _, path = where.partition(" ")
    if not path:
        return spec.get("components", {}).get("schemas", {}).get(where)
    responses = spec.get("paths", {}).get(path, {}).get(method.lower(), {}).get("responses", {})
    ok: dict[str, Any] = next((r for status, r in sorted(responses.items()) if status.startswith("2")), {})
    return ok.get("content", {}).get("application/json", {}).get("schema")


def _strip_prose(node: Any, *, map_name: str | None, in_responses: bool = False) -> None:
    """Remove prose keys, but never a property *named* like one (e.g. ShipFrame.description).

    `map_name` is set when `node` maps names to objects (properties, paths, …). A response object must
    keep a `description` (OpenAPI requires it), so it becomes empty.
    """
    if isinstance(node, dict):
        if map_name is None:
            for key in _PROSE_KEYS & node.keys():
                del node[key]
            if in_responses:
                node["description"] = ""
        for key, value in node.items():
            if map_name is not None:
                _strip_prose(value, map_name=None, in_responses=map_name == "responses")
            else:
                _strip_prose(value, map_name=key if key in _NAME_MAPS else None)
    elif isinstance(node, list):
        for item in node:
            _strip_prose(item, map_name=None)


def _open_enums(node: Any) -> None:
    if isinstance(node, dict):
        if "enum" in node and node.get("type") == "string":
            del node["enum"]
        for value in node.values():
            _open_enums(value)
    elif isinstance(node, list):
        for item in node:
            _open_enums(item)


def _fix_objects(node: Any) -> None:
    """Drop `required` names that are not properties; let every optional property be null."""
    if isinstance(node, dict):
        props = node.get("properties")
        if isinstance(props, dict):
            required = node.get("required")
            if isinstance(required, list):
                node["required"] = [r for r in required if r in props]
                if not node["required"]:
                    del node["required"]
            wanted = set(node.get("required", []))
            for name, prop in list(props.items()):
                if name not in wanted and isinstance(prop, dict):
                    props[name] = _nullable(prop)
        for value in node.values():
            _fix_objects(value)
    elif isinstance(node, list):
        for item in node:
            _fix_objects(item)


def _nullable(prop: dict[str, Any]) -> dict[str, Any]:
    if "$ref" in prop:  # siblings of $ref are ignored in OpenAPI 3.0: wrap it
        return {"oneOf": [{"$ref": prop["$ref"]}], "nullable": True}
    return {**prop, "nullable": True}


def _json_bodies_only(spec: dict[str, Any]) -> None:
    for item in spec.get("paths", {}).values():
        for op in item.values():
            body = op.get("requestBody") if isinstance(op, dict) else None
            content = body.get("content") if isinstance(body, dict) else None
            if isinstance(content, dict) and "application/json" in content:
                for media in [m for m in content if m != "application/json"]:
                    del content[media]


def _echo_verbatim(spec: dict[str, Any]) -> None:
    """Give each ECHOED_BODIES request body an inline copy of its schema without `date-time` formats."""
    schemas: dict[str, Any] = spec.get("components", {}).get("schemas", {})
    for path, method in ECHOED_BODIES:
        op = spec.get("paths", {}).get(path, {}).get(method, {})
        media: dict[str, Any] = op.get("requestBody", {}).get("content", {}).get("application/json", {})
        ref = media.get("schema", {}).get("$ref", "")
        if not ref.startswith("#/components/schemas/"):
            continue
        schema = copy.deepcopy(schemas[ref.rsplit("/", 1)[1]])
        for prop in schema.get("properties", {}).values():
            if prop.get("format") == "date-time":
                del prop["format"]
        media["schema"] = schema

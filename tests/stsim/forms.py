"""Form encoding for the tests: a JSON body as `application/x-www-form-urlencoded`, when that says the same.

Form values are strings; the server reads a decimal string as a number and `true`/`false` as a boolean only
where the spec declares an integer or a boolean. So a body is form-encoded only when each of its values is a
scalar of the type the spec declares for that field; `{"units": "1"}` or `{"waypointSymbol": 7}` (type
errors a form cannot express) and nested objects stay JSON.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import urlencode

from tests.stsim.spec import SpecValidator

FORM = "application/x-www-form-urlencoded"
SCALARS: dict[str, tuple[type, ...]] = {"string": (str,), "integer": (int,), "boolean": (bool,)}


def form_encoded(validator: SpecValidator, method: str, template: str, body: Any) -> bytes | None:
    """The body form-encoded, or None when form encoding would not say the same."""
    if not isinstance(body, dict):
        return None
    request = validator.operations.get((method, template), {}).get("requestBody")
    if request is None:
        return None
    fields = _resolve(validator.spec, request["content"]["application/json"]["schema"]).get("properties", {})
    for name, value in body.items():
        declared = str(_resolve(validator.spec, fields.get(name, {})).get("type"))
        allowed = SCALARS.get(declared, ())
        if not isinstance(value, allowed) or (declared == "integer" and isinstance(value, bool)):
            return None
    return urlencode({k: str(v).lower() if isinstance(v, bool) else v for k, v in body.items()}).encode()


def _resolve(spec: dict[str, Any], schema: dict[str, Any]) -> dict[str, Any]:
    """Follows `$ref` and a lone `allOf` to the schema that says the type."""
    while True:
        if "$ref" in schema:
            found: Any = spec
            for part in schema["$ref"].removeprefix("#/").split("/"):
                found = found[part]
            schema = found
        elif len(schema.get("allOf", [])) == 1:
            schema = schema["allOf"][0]
        else:
            return schema

"""Request bodies: JSON, or form-encoded (`application/x-www-form-urlencoded`) as many real clients send.

A form body is a flat object of strings; the handlers read numbers and booleans out of it through
`form_integer` and `form_flag`, so both kinds go through the same validation. A body with another or no
content type is read as JSON. Anything malformed is a 422 in the envelope.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from typing import Any
from urllib.parse import parse_qsl

from stsim.errors import ApiError

FORM = "application/x-www-form-urlencoded"
DECIMAL = re.compile(r"-?[0-9]+")


@dataclass(frozen=True)
class Body:
    value: Any  # None when there was no body
    form: bool


def parse(raw: bytes, content_type: str, *, required: bool, form_allowed: bool) -> Body:
    form = content_type.partition(";")[0].strip().lower() == FORM
    kinds = "A JSON or form-encoded body" if form_allowed else "A JSON body"
    if not raw.strip():
        if required:
            raise _unprocessable("Request body is required.", f"{kinds} is required.")
        return Body(None, form)
    if form and not form_allowed:
        raise _unprocessable(
            "This request body cannot be form-encoded.",
            "It holds nested objects (a survey): send it as JSON.",
        )
    return Body(_form(raw) if form else _json(raw), form)


def _json(raw: bytes) -> Any:
    try:
        parsed = json.loads(raw)
        # a lone surrogate ("\\ud800") is valid JSON but no UTF-8 string: echoing it back would crash
        json.dumps(parsed, ensure_ascii=False).encode("utf-8")
    except (ValueError, UnicodeDecodeError, RecursionError):  # RecursionError: "[[[[…" nested too deep
        raise _unprocessable(
            "Request body is not valid JSON.",
            "The body could not be parsed as JSON (or holds text that is not UTF-8).",
        ) from None
    return parsed


def _form(raw: bytes) -> dict[str, str]:
    """`a=1&b=x%20y` → {"a": "1", "b": "x y"}; a name given twice keeps its last value, as JSON does."""
    try:
        pairs = parse_qsl(raw.decode("ascii"), keep_blank_values=True, strict_parsing=True, errors="strict")
    except (ValueError, UnicodeDecodeError):  # a field without "=", raw non-ASCII bytes, %-escapes not UTF-8
        raise _unprocessable(
            "Request body is not valid form data.",
            "The body could not be parsed as name=value pairs joined by '&' (%-escaped UTF-8).",
        ) from None
    return dict(pairs)


def form_integer(value: Any) -> Any:
    """A form field's decimal string as the number it stands for; anything else is left as it is."""
    if isinstance(value, str) and DECIMAL.fullmatch(value):
        try:
            return int(value)
        except ValueError:  # more digits than Python converts (4,300): JSON refuses those too
            return value
    return value


def form_flag(value: Any) -> Any:
    """A form field's `true`/`false` (any case, as Python's str(True) sends it) as a boolean."""
    if isinstance(value, str) and value.lower() in ("true", "false"):
        return value.lower() == "true"
    return value


def _unprocessable(message: str, reason: str) -> ApiError:
    return ApiError(422, message, status=422, data={"body": [reason]})

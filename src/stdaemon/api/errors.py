"""One exception hierarchy for everything the API can answer, keyed on the body's `error.code`.

    StdaemonError
    └── ApiError(code, message, data, status)
        ├── RateLimited (429)            ├── NotFound (404, framework 404 bodies)
        ├── Unauthorized (401, 4100–4108) ├── ResetDetected (401 with data.expected/actual)
        ├── CooldownConflict (4000)      ├── ShipInTransit (4214, 4200)
        ├── InvalidRequest (422)         ├── MalformedResponse (a body we cannot read)
        └── ServerUnavailable (5xx, 3000, transport failures after retries)
            └── ActionOutcomeUnknown (a non-GET whose fate is unknown: re-read state before retrying)

The server has returned the same condition with different HTTP statuses over time (cooldown as 409 and
400), so the class follows `error.code`; the status is only the fallback when the body has no code.
Messages are built from the server's text and are redacted, so no token reaches a log or traceback.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Mapping
from datetime import date
from typing import Any, ClassVar

import orjson

from stdaemon.exits import CONFIG, UNAVAILABLE, StdaemonError
from stdaemon.redact import redact_text

_SNIPPET = 160
_TOKEN_CODES = frozenset(range(4100, 4109))


class ApiError(StdaemonError):
    """An error answer (or a failure) of the SpaceTraders API."""

    kind: ClassVar[str] = "api error"

    def __init__(self, message: str, *, code: int | None, status: int | None, data: Any = None) -> None:
        super().__init__(message)
        self.message = message
        self.code = code
        self.status = status
        self.data = data

    def __repr__(self) -> str:
        return f"{type(self).__name__}(code={self.code!r}, status={self.status!r}, message={self.message!r})"


class RateLimited(ApiError):
    kind = "rate limited"

    def __init__(self, message: str, *, retry_after_s: float | None = None, **kw: Any) -> None:
        super().__init__(message, **kw)
        self.retry_after_s = retry_after_s


class NotFound(ApiError):
    kind = "not found"


class Unauthorized(ApiError):
    kind = "unauthorized"
    exit_code = CONFIG


class ResetDetected(ApiError):
    """The server was reset: the token belongs to an older epoch. Start a new epoch and re-register."""

    kind = "server reset"

    def __init__(self, message: str, *, expected: date | str, actual: date | str, **kw: Any) -> None:
        super().__init__(message, **kw)
        self.expected = expected
        self.actual = actual


class CooldownConflict(ApiError):
    kind = "cooldown"

    @property
    def remaining_s(self) -> float | None:
        cooldown = self.data.get("cooldown") if isinstance(self.data, Mapping) else None
        value = cooldown.get("remainingSeconds") if isinstance(cooldown, Mapping) else None
        return float(value) if isinstance(value, int | float) else None


class ShipInTransit(ApiError):
    kind = "ship in transit"


class InvalidRequest(ApiError):
    kind = "invalid request"


class MalformedResponse(ApiError):
    kind = "malformed response"


class ServerUnavailable(ApiError):
    kind = "server unavailable"
    exit_code = UNAVAILABLE


class ActionOutcomeUnknown(ServerUnavailable):
    kind = "action outcome unknown"


def snippet(content: bytes) -> str:
    """A short one-line excerpt of a body, for messages."""
    text = content[:2048].decode("utf-8", errors="replace")
    text = re.sub(r"<[^>]*>", " ", text)
    text = " ".join(text.split())
    return text[:_SNIPPET] + ("…" if len(text) > _SNIPPET else "")


# Every digit made a 0, so that a run of 19 digits (an integer orjson may turn into a float: below -2**63,
# above 2**64 - 1) is one `find`.
_DIGITS_TO_ZERO = bytes.maketrans(b"123456789", b"000000000")
_LONG_NUMBER = b"0" * 19


def decode_json(content: bytes) -> Any:
    """The decoded body, or raise ValueError; the same values as `json.loads`.

    orjson parses a body in half the time of the standard library (a page of 20 waypoints: 33 µs against
    65 µs), but it reads an integer beyond 64 bits as a float, silently, and refuses what the standard library
    accepts (`NaN`, a lone surrogate, a BOM, other encodings than UTF-8). So a body holding a run of 19
    digits (an integer that may not fit; 12 µs to look for on that page) or one orjson refuses goes through
    `json.loads`, which decides as it always did.
    """
    if _LONG_NUMBER not in content.translate(_DIGITS_TO_ZERO):
        try:
            return orjson.loads(content)
        except orjson.JSONDecodeError:
            pass
    return json.loads(content)


def error_from_response(
    status: int, content: bytes, *, secrets: Iterable[str] = (), what: str = "request"
) -> ApiError:
    """Map an error response (any body, JSON or not) to the right ApiError; never raises itself."""
    secrets = tuple(secrets)
    try:
        body = decode_json(content) if content else None
    except ValueError:
        body = None
        detail = f"HTTP {status} with a non-JSON body: {snippet(content)!r}" if content else f"HTTP {status}"
        message = redact_text(f"{what}: {detail}", secrets)
        cls = _class_for(None, status)
        return cls(message, code=None, status=status)

    code: int | None = None
    data: Any = None
    text = ""
    error = body.get("error") if isinstance(body, dict) else None
    if isinstance(error, dict):
        raw_code = error.get("code")
        code = raw_code if isinstance(raw_code, int) and not isinstance(raw_code, bool) else None
        text = str(error.get("message") or "")
        data = error.get("data")
    elif isinstance(body, dict) and "statusCode" in body:  # framework body: {message, error, statusCode}
        raw_code = body.get("statusCode")
        code = raw_code if isinstance(raw_code, int) else None
        text = ": ".join(str(body[k]) for k in ("error", "message") if body.get(k))
    else:
        text = f"unexpected body {snippet(content)!r}"
    label = f"code {code}, HTTP {status}" if code is not None else f"HTTP {status}"
    message = redact_text(f"{what}: {text or 'no message'} ({label})", secrets)
    if isinstance(data, dict) and (code in _TOKEN_CODES or code == 401 or status == 401):
        expected, actual = data.get("expected"), data.get("actual")
        if expected and actual:
            return ResetDetected(
                message, expected=_date(expected), actual=_date(actual), code=code, status=status, data=data
            )
    cls = _class_for(code, status)
    if cls is Unauthorized:  # restarting cannot help: say which setting to fix (the CLI exits 78)
        message += ": the server refused the token; check ST_TOKEN (or ST_ACCOUNT_TOKEN when registering)"
    return cls(message, code=code, status=status, data=data)


_BY_CODE: dict[int, type[ApiError]] = {
    429: RateLimited,
    401: Unauthorized,
    **dict.fromkeys(_TOKEN_CODES, Unauthorized),
    404: NotFound,
    4000: CooldownConflict,
    4200: ShipInTransit,
    4214: ShipInTransit,
    422: InvalidRequest,
    3000: ServerUnavailable,
}


def _class_for(code: int | None, status: int) -> type[ApiError]:
    key = code if code is not None else status
    if key in _BY_CODE:
        return _BY_CODE[key]
    return ServerUnavailable if 500 <= key < 600 else ApiError


def _date(value: Any) -> date | str:
    try:
        return date.fromisoformat(str(value)[:10])
    except ValueError:
        return str(value)

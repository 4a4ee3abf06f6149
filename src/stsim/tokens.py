"""Agent tokens: JWT-shaped (header.payload.signature), carrying the agent symbol and the reset date.

Signed with an HMAC key held by the server process, so stsim recognises the tokens it issued and nothing else.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from stsim.errors import ApiError

_HEADER = {"alg": "HS256", "typ": "JWT"}


def _b64(raw: bytes) -> str:
    return base64.urlsafe_b64encode(raw).rstrip(b"=").decode()


def _unb64(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


@dataclass(frozen=True)
class TokenClaims:
    agent: str
    reset_date: str


def issue(key: bytes, agent: str, reset_date: str, now: datetime) -> str:
    payload = {
        "identifier": agent,
        "version": "v2.3.0",
        "reset_date": reset_date,
        "iat": int(now.timestamp()),
        "sub": "agent-token",
    }
    head = _b64(json.dumps(_HEADER, separators=(",", ":")).encode())
    body = _b64(json.dumps(payload, separators=(",", ":")).encode())
    sig = hmac.new(key, f"{head}.{body}".encode(), hashlib.sha256).digest()
    return f"{head}.{body}.{_b64(sig)}"


def verify(key: bytes, token: str, reset_date: str) -> TokenClaims:
    """Decode and check a token; raise the 401 the real server gives for each way it can be wrong."""
    if not token:
        raise ApiError(4100, "Token is empty.", status=401)
    parts = token.split(".")
    if len(parts) != 3:
        raise ApiError(4104, "Failed to parse token. Token is malformed.", status=401)
    try:
        payload: Any = json.loads(_unb64(parts[1]))
        agent, actual = str(payload["identifier"]), str(payload["reset_date"])
    except (ValueError, KeyError, TypeError) as err:
        raise ApiError(4104, "Failed to parse token. Token is malformed.", status=401) from err
    if actual != reset_date:
        raise ApiError(
            401,
            "Failed to parse token. Token reset_date does not match the server. Server resets "
            "happen on a weekly to bi-weekly frequency during alpha. After a reset, you should re-register "
            "your agent. Expected: " + reset_date + ", Actual: " + actual,
            status=401,
            data={"expected": reset_date, "actual": actual},
        )
    try:
        good = hmac.compare_digest(
            _unb64(parts[2]), hmac.new(key, f"{parts[0]}.{parts[1]}".encode(), hashlib.sha256).digest()
        )
    except ValueError:
        good = False
    if not good:
        raise ApiError(4104, "Failed to parse token. Invalid token signature.", status=401)
    return TokenClaims(agent, actual)

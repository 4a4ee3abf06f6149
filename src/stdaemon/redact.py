"""Finding and masking secrets in text: tokens, and the password inside any PostgreSQL DSN."""

from __future__ import annotations

import re
from collections.abc import Iterable

MASK = "***"

# scheme://user:password@host — the password is whatever sits between the first ':' after '//' and '@'.
_DSN_PASSWORD = re.compile(r"(?P<head>[a-z][a-z0-9+.-]*://[^:/@\s]*:)(?P<password>[^@\s]+)(?P<tail>@)", re.I)
# Bearer tokens and JWT-looking strings, even ones we were never told about.
_BEARER = re.compile(r"(?P<head>Bearer\s+)(?P<password>[A-Za-z0-9._~+/=-]+)", re.I)
_JWT = re.compile(r"eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}")


def dsn_password(dsn: str) -> str | None:
    """The password in a DSN, or None."""
    match = _DSN_PASSWORD.search(dsn)
    return match.group("password") if match else None


def redact_text(text: str, secrets: Iterable[str] = ()) -> str:
    """Mask known secrets, DSN passwords, bearer tokens and JWTs in `text`."""
    for secret in secrets:
        if secret and len(secret) >= 4:
            text = text.replace(secret, MASK)
    text = _DSN_PASSWORD.sub(lambda m: f"{m.group('head')}{MASK}{m.group('tail')}", text)
    text = _BEARER.sub(lambda m: f"{m.group('head')}{MASK}", text)
    return _JWT.sub(MASK, text)

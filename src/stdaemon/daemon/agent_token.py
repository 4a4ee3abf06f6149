"""The agent token stdaemon registered itself after a server reset, kept in the state directory.

`<ST_STATE_DIR>/agent-token.json` (mode 0600, written whole or not at all) holds the token, the agent's
symbol and the API it belongs to. It is used when `ST_TOKEN` turns out to be stale (the server was reset),
so a restart does not register yet another agent; a current `ST_TOKEN` always wins. The token is never
logged: lines name the file and the agent only.

Runner processes of one installation share the state directory; `lock()` makes "use the saved token or
register a new agent" one step for all of them, so a reset registers one agent, not one per process.
"""

from __future__ import annotations

import asyncio
import contextlib
import fcntl
import json
import os
from collections.abc import AsyncIterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from pydantic import SecretStr

from stdaemon.logging import get_logger

log = get_logger(__name__)

FILE = "agent-token.json"
LOCK_POLL_S = 0.1


@dataclass(frozen=True)
class SavedToken:
    token: SecretStr
    agent: str
    api_url: str


class TokenFile:
    def __init__(self, state_dir: Path) -> None:
        self.path = state_dir.expanduser() / FILE

    def load(self, api_url: str) -> SavedToken | None:
        """The saved token for `api_url`; None when there is none (or it is for another server)."""
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
            saved = SavedToken(SecretStr(str(data["token"])), str(data["agent"]), str(data["api_url"]))
        except FileNotFoundError:
            return None
        except (OSError, ValueError, KeyError, TypeError) as exc:
            log.warning("saved_token_unreadable", path=str(self.path), error_type=type(exc).__name__)
            return None
        return saved if saved.api_url == api_url else None

    def save(self, token: SecretStr, *, agent: str, api_url: str) -> None:
        """Write the token (0600, atomically: a crash leaves the old file or the new one, never half)."""
        self.path.parent.mkdir(parents=True, exist_ok=True)
        body = {
            "agent": agent,
            "api_url": api_url,
            "saved_at": datetime.now(UTC).isoformat(),
            "token": token.get_secret_value(),
        }
        temporary = self.path.with_name(f".{FILE}.{os.getpid()}")
        fd = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        try:
            os.fchmod(fd, 0o600)  # O_CREAT's mode is masked by the umask, and a leftover file keeps its own
            with os.fdopen(fd, "w", encoding="utf-8") as out:
                fd = -1
                json.dump(body, out)
                out.flush()
                os.fsync(out.fileno())
        finally:
            if fd >= 0:
                os.close(fd)
        os.replace(temporary, self.path)
        log.info("agent_token_saved", path=str(self.path), agent=agent)

    @contextlib.asynccontextmanager
    async def lock(self) -> AsyncIterator[None]:
        """Hold the state directory's token lock (other processes wait); polls, never blocks the loop."""
        self.path.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(self.path.with_suffix(".lock"), os.O_RDWR | os.O_CREAT, 0o600)
        try:
            while True:
                try:
                    fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                    break
                except BlockingIOError:
                    await asyncio.sleep(LOCK_POLL_S)
            yield
        finally:
            os.close(fd)  # closing releases the lock

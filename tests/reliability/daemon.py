"""`stdaemon run` as a real subprocess: every log line collected, peak memory watched, signals sent.

Each daemon logs JSON at debug level, so the secret check (no token, no database password in any line, at any
level) covers every line the reliability suite makes a daemon write. Lines go to memory and to a file in the
test's directory, for the post-mortem of a failing run.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import signal
import sys
import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from tests.cli.cli_support import clean_env

STDAEMON = [sys.executable, "-m", "stdaemon"]

Event = dict[str, Any]


@dataclass
class LogBook:
    """Every line of every daemon of a test, and the secrets none of them may contain."""

    secrets: set[str] = field(default_factory=set)
    lines: list[str] = field(default_factory=list)

    def events(self) -> list[Event]:
        out = []
        for line in self.lines:
            with contextlib.suppress(ValueError):
                event = json.loads(line)
                if isinstance(event, dict):
                    out.append(event)
        return out

    def leaks(self) -> list[str]:
        """Lines that contain a secret (the secret itself is not repeated in the answer)."""
        return [f"line {i}: {line[:80]}…" for i, line in enumerate(self.lines)
                for s in self.secrets if s and s in line]  # fmt: skip


def rss_kib(pid: int, key: str = "VmHWM") -> int:
    """The process's peak (VmHWM) or current (VmRSS) resident memory, in KiB; 0 once it is gone."""
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith(key + ":"):
                return int(line.split()[1])
    except (OSError, ValueError):
        pass
    return 0


class Daemon:
    """One `stdaemon run ROLE` process. Use `async with Daemon(...) as d:`; leaving the block kills it if it
    is still running (a test that wants a clean stop calls `stop()` first)."""

    def __init__(self, book: LogBook, log_file: Path, env: Mapping[str, str], *args: str) -> None:
        self.book = book
        self.log_file = log_file
        self.env = {"ST_LOG_FORMAT": "json", "ST_LOG_LEVEL": "debug"} | dict(env)
        self.args = args or ("run", "all")
        self.proc: asyncio.subprocess.Process | None = None
        self.first_line = len(book.lines)
        self.peak_rss_kib = 0
        self.rss_samples: list[tuple[float, int]] = []  # (time.time(), VmRSS KiB)
        self._tasks: list[asyncio.Task[None]] = []
        self._changed = asyncio.Event()

    async def __aenter__(self) -> Daemon:
        await self.start()
        return self

    async def __aexit__(self, *exc: object) -> None:
        if self.proc is not None and self.proc.returncode is None:
            self.proc.kill()
        await self.finished()

    async def start(self) -> None:
        self.proc = await asyncio.create_subprocess_exec(
            *STDAEMON, *self.args, env=clean_env(**self.env), cwd=self.log_file.parent,
            stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.PIPE, start_new_session=True,
        )  # fmt: skip
        assert self.proc.stdout is not None and self.proc.stderr is not None
        self._tasks = [
            asyncio.create_task(self._read(self.proc.stdout)),
            asyncio.create_task(self._read(self.proc.stderr)),
            asyncio.create_task(self._watch_memory(self.proc.pid)),
        ]

    async def _read(self, stream: asyncio.StreamReader) -> None:
        with self.log_file.open("a", encoding="utf-8") as out:
            while raw := await stream.readline():
                line = raw.decode("utf-8", "replace").rstrip("\n")
                self.book.lines.append(line)
                out.write(line + "\n")
                self._changed.set()

    async def _watch_memory(self, pid: int) -> None:
        while self.proc is not None and self.proc.returncode is None:
            self.peak_rss_kib = max(self.peak_rss_kib, rss_kib(pid))
            now = rss_kib(pid, "VmRSS")
            if now:
                self.rss_samples.append((time.time(), now))
            await asyncio.sleep(0.25)

    @property
    def lines(self) -> list[str]:
        return self.book.lines[self.first_line :]

    def events(self) -> list[Event]:
        return LogBook(lines=self.lines).events()

    def stderr_lines(self) -> list[str]:
        """Lines that are not JSON log events (the CLI's one-line errors, or anything unexpected)."""
        return [line for line in self.lines if not line.startswith("{")]

    async def wait_for(self, match: str | Callable[[Event], bool], within_s: float) -> Event:
        """The first event since this start named `match` or satisfying it; fails on exit or timeout."""

        def hit(e: Event) -> bool:
            return e.get("event") == match if isinstance(match, str) else match(e)

        async with asyncio.timeout(within_s):
            while True:
                self._changed.clear()
                found = next((e for e in self.events() if hit(e)), None)
                if found is not None:
                    return found
                assert self.proc is not None
                if self.proc.returncode is not None:
                    tail = "\n".join(self.lines[-15:])
                    raise AssertionError(f"the daemon exited {self.proc.returncode} before {match}:\n{tail}")
                with contextlib.suppress(TimeoutError):
                    await asyncio.wait_for(self._changed.wait(), 0.5)

    async def stop(self, sig: int = signal.SIGTERM, *, deadline_s: float = 60.0) -> tuple[int, float]:
        """Send `sig`; returns (exit code, seconds until exit). Fails if it outlives the deadline."""
        assert self.proc is not None
        began = time.monotonic()
        self.proc.send_signal(sig)
        try:
            code = await asyncio.wait_for(self.proc.wait(), deadline_s)
        except TimeoutError:
            self.proc.kill()
            await self.proc.wait()
            raise AssertionError(f"the daemon outlived the {deadline_s} s deadline after {sig}") from None
        await self.finished()
        return code, time.monotonic() - began

    async def finished(self) -> int:
        """Wait for the exit and for every line; returns the exit code."""
        assert self.proc is not None
        code = await self.proc.wait()
        await asyncio.gather(*self._tasks, return_exceptions=True)
        return code

    @property
    def peak_rss_mib(self) -> float:
        return self.peak_rss_kib / 1024


async def run_once(book: LogBook, log_file: Path, env: Mapping[str, str], args: Sequence[str],
                   within_s: float = 60.0) -> tuple[int, list[str]]:  # fmt: skip
    """Run a command that ends by itself (a bad configuration, an ingest); returns (code, its lines)."""
    daemon = Daemon(book, log_file, env, *args)
    await daemon.start()
    try:
        code = await asyncio.wait_for(daemon.finished(), within_s)
    finally:
        if daemon.proc is not None and daemon.proc.returncode is None:
            daemon.proc.kill()
            await daemon.finished()
    return code, daemon.lines

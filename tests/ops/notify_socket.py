"""A fake systemd notify socket: a unix datagram socket that records every message with its arrival time."""

from __future__ import annotations

import contextlib
import socket
import tempfile
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path


@dataclass
class NotifySocket:
    """Messages systemd would have received: (monotonic arrival time, one `KEY=value` line)."""

    path: Path
    received: list[tuple[float, str]] = field(default_factory=list)

    def lines(self) -> list[str]:
        return [line for _, line in list(self.received)]

    def times(self, line: str) -> list[float]:
        return [at for at, got in list(self.received) if got == line]

    def wait_for(self, line: str, timeout: float = 60.0) -> None:
        deadline = time.monotonic() + timeout
        while line not in self.lines():
            if time.monotonic() > deadline:
                raise AssertionError(f"systemd never heard {line!r}; it heard {self.lines()}")
            time.sleep(0.01)


@contextlib.contextmanager
def notify_socket() -> Iterator[NotifySocket]:
    """Listen in a thread (so a blocked event loop cannot delay the receipts), in a short temporary path
    (a unix socket path must fit in 108 bytes, which pytest's tmp_path does not promise)."""
    with (
        tempfile.TemporaryDirectory(prefix="sdn-") as directory,
        _listening(NotifySocket(Path(directory) / "notify")) as fake,
    ):
        yield fake


@contextlib.contextmanager
def _listening(fake: NotifySocket) -> Iterator[NotifySocket]:
    sock = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
    sock.bind(str(fake.path))
    sock.settimeout(0.05)
    done = threading.Event()

    def receive() -> None:
        while not done.is_set():
            try:
                datagram = sock.recv(4096)
            except TimeoutError:
                continue
            at = time.monotonic()
            fake.received.extend((at, line) for line in datagram.decode().splitlines())

    thread = threading.Thread(target=receive, name="fake-systemd", daemon=True)
    thread.start()
    try:
        yield fake
    finally:
        done.set()
        thread.join(timeout=5)
        sock.close()

"""The embedded PostgreSQL: the ONE module that knows `pgserver`, so it can be swapped for another.

When `ST_DATABASE_URL` is unset, stdaemon runs its own PostgreSQL 16 from the `pgserver` wheel with its data
in `<ST_STATE_DIR>/pg`; asyncpg connects over the unix socket in that directory (no TCP port is opened).

What pgserver does that we have to live with (DESIGN.md, "The embedded database"):
- under root it creates a system user `pgserver`, runs the server as that user and opens the permissions of
  every parent of the data directory to o+rx;
- several processes may share one server: pgserver keeps their pids in `<pgdata>/.handle_pids.json` and only
  the last one to leave stops it. A SIGKILLed owner stays in that list forever, after which nobody would
  ever stop the server, so `start()` first drops the pids of processes that no longer exist, and `stop()`
  falls back to `pg_ctl stop` when the server is still up with no live owner left;
- wheels exist only for CPython ≤ 3.12 on Linux x86_64, macOS and Windows; elsewhere the import fails and
  we say "set ST_DATABASE_URL".
"""

from __future__ import annotations

import atexit
import contextlib
import json
import os
import subprocess
import time
import warnings
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import quote

from stdaemon.exits import ConfigError, ServiceUnavailable

_FIX = "set ST_DATABASE_URL to use your own PostgreSQL"
_PIDS_FILE = ".handle_pids.json"
_SYSTEM_USER = "pgserver"  # the user pgserver runs the server as when we are root


def _import_pgserver() -> Any:
    """Import pgserver, or explain in one line why the embedded database cannot run here."""
    try:
        with warnings.catch_warnings():
            # platformdirs warns when XDG_RUNTIME_DIR is unset (systemd services, containers): harmless.
            warnings.simplefilter("ignore")
            import pgserver
    except ImportError as exc:
        raise ConfigError(
            f"the embedded PostgreSQL is not available here (pgserver: {exc}; it has wheels only for "
            f"Python ≤ 3.12 on Linux x86_64, macOS and Windows): {_FIX}"
        ) from None
    return pgserver


def _pid_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def _prune_dead_owners(pgdata: Path) -> list[int]:
    """Drop pids of processes that died without cleaning up (SIGKILL); return the live ones."""
    path = pgdata / _PIDS_FILE
    try:
        pids = [int(p) for p in json.loads(path.read_text())]
    except (OSError, ValueError, TypeError):
        return []
    alive = [p for p in pids if _pid_alive(p)]
    if alive != pids:
        path.write_text(json.dumps(alive))
    return alive


def _prepare_state_dir(state_dir: Path) -> Path:
    """Create `<state_dir>/pg`'s parent; an unusable state directory is a configuration error."""
    state_dir = state_dir.expanduser().resolve()
    try:
        state_dir.mkdir(parents=True, exist_ok=True)
        probe = state_dir / f".probe-{os.getpid()}"
        probe.touch()
        probe.unlink()
    except OSError as exc:
        raise ConfigError(
            f"state directory {state_dir} is not usable ({exc.strerror or exc}): make it writable, "
            f"set ST_STATE_DIR to a writable directory, or {_FIX}"
        ) from None
    return state_dir / "pg"


@dataclass
class EmbeddedServer:
    """A running embedded cluster; `url()` gives an asyncpg URL over its unix socket.

    One per data directory and process: pgserver shares a handle between two starts in one process.
    """

    pgdata: Path
    socket_dir: Path
    port: int
    started_in_s: float
    cold: bool
    _handle: Any = field(repr=False)
    _stopped: bool = field(default=False, repr=False)

    def url(self, database: str = "postgres") -> str:
        return f"postgresql+asyncpg://postgres@/{database}?host={quote(str(self.socket_dir), safe='/')}" + (
            f"&port={self.port}" if self.port != 5432 else ""
        )

    def stop(self) -> None:
        """Leave the server; stop it if we were its last live owner (pg_ctl when pgserver cannot)."""
        if self._stopped:
            return
        self._stopped = True
        # pgserver raises from odd states (already stopped, files gone); the pg_ctl fallback below covers them
        with contextlib.suppress(Exception):
            self._handle.cleanup()
        # pgserver caches one handle per data directory and process; when another owner kept the server
        # running, that handle stays cached and a later start() here would get it back without checking
        # that the server still runs. Forget it, so the next start() really starts or re-attaches.
        pgserver = _import_pgserver()
        pgserver.PostgresServer._instances.pop(self.pgdata, None)
        atexit.unregister(self._handle._cleanup)
        if _prune_dead_owners(self.pgdata) or not (self.pgdata / "postmaster.pid").exists():
            return
        _pg_ctl_stop(self.pgdata, self._handle.system_user)


def _pg_ctl_stop(pgdata: Path, system_user: str | None) -> None:
    pgserver = _import_pgserver()
    # Failing here means it is already stopped; nothing else to do short of killing by pid.
    with contextlib.suppress(subprocess.CalledProcessError, subprocess.TimeoutExpired, OSError):
        pgserver.pg_ctl(["-w", "-m", "fast", "stop"], pgdata=pgdata, user=system_user, timeout=30)


def _stop_if_unowned(pgdata: Path) -> None:
    """After a failed start: a server that came up all the same (pgserver's `pg_ctl start` gives up after 10 s
    on a loaded machine while the postmaster goes on starting) and that no other live process owns is
    stopped, not left running with nobody to stop it."""
    stale = _import_pgserver().PostgresServer._instances.pop(pgdata, None)  # a handle cached before it failed
    if stale is not None:
        atexit.unregister(stale._cleanup)
    others = [p for p in _prune_dead_owners(pgdata) if p != os.getpid()]
    if others or not (pgdata / "postmaster.pid").exists():
        return
    _pg_ctl_stop(pgdata, _SYSTEM_USER if os.geteuid() == 0 else None)


def start(state_dir: Path) -> EmbeddedServer:
    """Start (or re-attach to) the cluster in `<state_dir>/pg`. Blocking: call it in a thread.

    Raises ConfigError when it cannot run here at all, ServiceUnavailable when it failed to start.
    """
    pgserver = _import_pgserver()
    pgdata = _prepare_state_dir(state_dir)
    cold = not (pgdata / "PG_VERSION").exists()
    if pgdata.exists():
        _prune_dead_owners(pgdata)
    began = time.perf_counter()
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            handle = pgserver.get_server(pgdata, cleanup_mode="stop")
        info = handle.get_postmaster_info()
    except PermissionError as exc:
        raise ConfigError(
            f"the embedded PostgreSQL cannot use {pgdata} (permission denied: {exc.filename or exc}): "
            f"set ST_STATE_DIR to a directory it may write, or {_FIX}"
        ) from None
    except (
        subprocess.CalledProcessError,
        subprocess.TimeoutExpired,
        OSError,
        RuntimeError,
        AssertionError,
    ) as exc:
        _stop_if_unowned(pgdata)
        raise ServiceUnavailable(
            f"the embedded PostgreSQL in {pgdata} failed to start ({type(exc).__name__}; its log is "
            f"{pgdata / 'log'}): fix that, or {_FIX}"
        ) from None
    elapsed = time.perf_counter() - began
    socket_dir = Path(info.socket_dir) if info.socket_dir is not None else pgdata
    return EmbeddedServer(pgdata, socket_dir, int(info.port or 5432), elapsed, cold, handle)

"""Ctrl-C or SIGTERM in the first seconds of `stdaemon run`: exit 0, no error line (a start interrupted is not
a broken database), and the embedded PostgreSQL it was starting is not left running.

Ctrl-C on a terminal reaches the whole process group, so the child processes the embedded server is being
made with (initdb, pg_ctl) are interrupted too: the test sends SIGINT to the group, as a terminal does.
"""

from __future__ import annotations

import asyncio
import os
import signal
from pathlib import Path

import pytest

from tests.cli.cli_support import STDAEMON, clean_env

pytestmark = pytest.mark.slow


def postmaster_alive(pgdata: Path) -> bool:
    pid_file = pgdata / "postmaster.pid"
    if not pid_file.exists():
        return False
    pid = int(pid_file.read_text().splitlines()[0])
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # it runs as the pgserver user (under root): alive
    return True


@pytest.mark.parametrize("delay_s", [0.2, 0.7, 1.2, 2.0, 3.0])
@pytest.mark.parametrize("how", ["ctrl-c", "sigterm"])
async def test_a_stop_during_start_up_exits_0_quietly_and_stops_the_embedded_database(
    tmp_path: Path, delay_s: float, how: str
) -> None:
    env = clean_env(ST_STATE_DIR=str(tmp_path / "var"), ST_LOG_FORMAT="json")
    proc = await asyncio.create_subprocess_exec(
        *STDAEMON, "run", env=env, cwd=tmp_path, start_new_session=True,
        stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.PIPE,
    )  # fmt: skip
    try:
        await asyncio.sleep(delay_s)
        if how == "ctrl-c":
            os.killpg(proc.pid, signal.SIGINT)
        else:
            proc.send_signal(signal.SIGTERM)
        out, err = await asyncio.wait_for(proc.communicate(), timeout=60)
    finally:
        if proc.returncode is None:
            proc.kill()
            await proc.wait()
    assert proc.returncode == 0, (out.decode()[-2000:], err.decode())
    assert err.decode() == "", "no error line for a stop"
    assert not postmaster_alive(tmp_path / "var" / "pg"), "the embedded PostgreSQL was left running"

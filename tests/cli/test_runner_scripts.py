"""`./runners/*.py` called directly, as a person or a unit calls them: with a `python3` that has none of
stdaemon's dependencies they start again with the checkout's venv; their `--help` lists what they take (no
role argument); without a venv they say in one line how to get one (exit 78)."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from tests.cli.cli_support import clean_env, one_line

ROOT = Path(__file__).resolve().parents[2]
SCRIPTS = {"crawl_universe.py": "crawl", "poll_markets.py": "markets", "fleet_loop.py": "fleet"}
BARE = Path("/usr/bin/python3")  # a Python without stdaemon's dependencies

pytestmark = pytest.mark.skipif(not BARE.exists(), reason="needs a system python3 at /usr/bin/python3")


def bare(script: Path, *args: str, **env: str) -> subprocess.CompletedProcess[str]:
    """Run `script` directly (its `#!/usr/bin/env python3`), with only the system Python on PATH."""
    environ = clean_env(**env) | {"PATH": "/usr/bin:/bin"}
    environ.pop("VIRTUAL_ENV", None)
    return subprocess.run(
        [str(script), *args], env=environ, capture_output=True, text=True, timeout=120, check=False
    )


@pytest.mark.parametrize(("script", "role"), SCRIPTS.items())
def test_help_describes_the_runner_and_takes_no_role(script: str, role: str) -> None:
    result = bare(ROOT / "runners" / script, "--help")
    assert result.returncode == 0, result.stderr
    assert f"Usage: {script} [OPTIONS]" in result.stdout
    assert f"stdaemon run {role}" in " ".join(result.stdout.split())
    assert "ROLE" not in result.stdout
    assert ("--from-dump" in result.stdout) == (role == "crawl")


async def test_a_runner_called_directly_runs_the_daemon(database_server: str, tmp_path: Path) -> None:
    from sqlalchemy.engine import make_url

    url = make_url(database_server).set(database="stdaemon_no_such_db").render_as_string(False)
    result = bare(ROOT / "runners" / "crawl_universe.py", "--no-migrate", ST_DATABASE_URL=url)
    assert result.returncode == 69, result.stderr
    assert "'stdaemon_no_such_db' does not exist" in one_line(result.stderr)


def test_without_a_venv_it_says_how_to_get_one(tmp_path: Path) -> None:
    checkout = tmp_path / "checkout"
    shutil.copytree(ROOT / "runners", checkout / "runners")
    result = bare(checkout / "runners" / "fleet_loop.py")
    assert result.returncode == 78
    line = one_line(result.stderr)
    assert "stdaemon is not installed" in line and "make install" in line and str(checkout) in line

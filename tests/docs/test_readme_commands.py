"""Every shell command of README.md is run by something (scripts/readme_coverage.py keeps the table): a new or
changed command fails here until its coverage is declared, and what the table names must exist."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from contextlib import AbstractAsyncContextManager
from pathlib import Path

from scripts.readme_commands import README, readme_commands, run_block, sh_blocks
from scripts.readme_coverage import COVERAGE, PLANS

from tests.cli.cli_support import clean_env

ROOT = Path(__file__).resolve().parents[2]


def test_every_readme_command_is_covered_and_nothing_else() -> None:
    commands = set(readme_commands())
    assert commands - set(COVERAGE) == set(), "README commands nobody runs: declare them in COVERAGE"
    assert set(COVERAGE) - commands == set(), "COVERAGE names commands the README no longer has"


def test_what_the_table_names_exists() -> None:
    blocks = {b[0]: b for b in sh_blocks(README.read_text()) if b}
    for command, cover in COVERAGE.items():
        if cover.how == "run":
            assert cover.note in PLANS, f"no plan runs the block of {command!r}"
            assert command in blocks[cover.note], f"{command!r} is not in the block {cover.note!r}"
        elif cover.how == "test":
            path = cover.note.split()[0].split("::")[0]
            assert (ROOT / path).is_file(), f"{path} (named for {command!r}) does not exist"
            if "::" in cover.note.split()[0]:
                name = cover.note.split()[0].split("::")[1]
                assert f"def {name}(" in (ROOT / path).read_text(), f"{cover.note} does not exist"
        else:
            assert cover.note, f"say why {command!r} is {cover.how}"


def test_a_comment_is_not_part_of_a_command_and_continuations_are_joined() -> None:
    text = '```sh\nmake run   # start it\ncurl -s x \\\n   -d \'{"a":"#b"}\'  # post\n# only a comment\n```\n'
    assert sh_blocks(text) == [["make run", 'curl -s x -d \'{"a":"#b"}\'']]


def test_the_ingest_block_runs_as_written() -> None:
    first = ".venv/bin/stdaemon ingest --dry-run --kind waypoints tests/fixtures/payloads/waypoints.json"
    assert run_block(first, PLANS[first]) == []


async def test_make_migrate_migrates(empty_database: Callable[[], AbstractAsyncContextManager[str]]) -> None:
    from stdaemon.db import migrations

    async with empty_database() as url:
        proc = await asyncio.create_subprocess_exec(
            "make", "migrate", cwd=ROOT, env=clean_env(ST_DATABASE_URL=url),
            stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.PIPE,
        )  # fmt: skip
        _, err = await asyncio.wait_for(proc.communicate(), timeout=300)
        assert proc.returncode == 0, err.decode()
        assert await migrations.current_revision(url) == migrations.head_revision()

"""`stdaemon ingest --dry-run`: every KIND decodes from a saved payload; bad files are named with a reason.

The command runs through `stdaemon.cli.main`, the console-script entry point, so exit codes and the
one-line error are the ones a user sees.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from stdaemon.api.adapters import KINDS
from stdaemon.cli import main

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "payloads"

# kind → (count, the symbols the summary shows)
SUMMARIES = {
    "agent": "1 decoded: STDAEMON_TEST",
    "ship": "1 decoded: STDAEMON_TEST-1",
    "ships": "2 decoded: STDAEMON_TEST-1, STDAEMON_TEST-2",
    "system": "1 decoded: X1-KD26",
    "systems": "2 decoded: X1-KD26, X1-QM77",
    "waypoint": "1 decoded: X1-KD26-A1",
    "waypoints": "4 decoded: X1-KD26-A1, X1-KD26-A2, X1-KD26-B7, … (+1 more)",
    "market": "1 decoded: X1-KD26-A1",
    "shipyard": "1 decoded: X1-KD26-A1",
    "jump-gate": "1 decoded: X1-KD26-I61",
    "construction": "1 decoded: X1-KD26-I61",
    "contract": "1 decoded: cm9q4r1t80f3kx06sb2y7n4mw",
    "contracts": "2 decoded: cm9q4r1t80f3kx06sb2y7n4mw, cm9q8z2fd0g1hx06s4kwr8e3p",
    "faction": "1 decoded: COSMIC",
    "factions": "2 decoded: COSMIC, ETHEREAL",
    "supply-chain": "1 decoded: 6 exports",
    "systems-dump": "2 decoded: X1-KD26, X1-QM77",
}


def run(
    args: list[str], capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> tuple[int, str, str]:
    """Run `stdaemon ARGS` in-process; return (exit code, stdout, stderr)."""
    monkeypatch.setattr(sys, "argv", ["stdaemon", *args])
    try:
        main()
        code = 0
    except SystemExit as exc:
        code = exc.code if isinstance(exc.code, int) else 1
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_every_kind_has_a_case() -> None:
    assert set(SUMMARIES) == set(KINDS)


@pytest.mark.parametrize("kind", KINDS)
def test_every_kind(kind: str, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    path = FIXTURES / f"{kind}.json"
    code, out, err = run(["ingest", "--dry-run", "--kind", kind, str(path)], capsys, monkeypatch)
    assert (code, err) == (0, "")
    assert out == f"{path}: {kind}: {SUMMARIES[kind]}\n"


@pytest.mark.parametrize("kind", ["ships", "waypoints", "contracts"])
def test_bare_list_files(
    kind: str, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    bare = tmp_path / f"{kind}.json"
    bare.write_text(json.dumps(json.loads((FIXTURES / f"{kind}.json").read_text())["data"]))
    code, out, _ = run(["ingest", "--dry-run", "--kind", kind, str(bare)], capsys, monkeypatch)
    assert code == 0 and out == f"{bare}: {kind}: {SUMMARIES[kind]}\n"


def test_bad_files_are_named_and_the_good_ones_still_reported(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    good = FIXTURES / "market.json"
    missing = tmp_path / "missing.json"
    not_json = tmp_path / "page.html"
    not_json.write_text("<html>502 Bad Gateway</html>")
    binary = tmp_path / "binary.json"
    binary.write_bytes(b"\xff\xfe\x00garbage")
    undecodable = tmp_path / "market-bad.json"
    payload = json.loads(good.read_text())
    payload["data"]["tradeGoods"][3]["purchasePrice"] = "abc"
    undecodable.write_text(json.dumps(payload))
    wrong_kind = FIXTURES / "ship.json"
    files = [good, missing, not_json, binary, undecodable, tmp_path, wrong_kind]

    code, out, err = run(["ingest", "--dry-run", "--kind", "market", *map(str, files)], capsys, monkeypatch)

    assert code == 1
    assert out == f"{good}: market: 1 decoded: X1-KD26-A1\n"
    lines = err.splitlines()
    assert lines[:-1] == [
        f"{missing}: FAILED: cannot read: No such file or directory",
        f"{not_json}: FAILED: not JSON: Expecting value at line 1 column 1",
        f"{binary}: FAILED: not JSON: the file is not UTF-8 text",
        f"{undecodable}: FAILED: market: $.data.tradeGoods[3].purchasePrice: expected an integer, got 'abc'",
        f"{tmp_path}: FAILED: cannot read: Is a directory",
        f"{wrong_kind}: FAILED: market: $.data.exports: required field missing",
    ]
    bad = ", ".join(str(p) for p in files[1:])
    assert lines[-1] == f"stdaemon: 6 of 7 files could not be decoded (see above): {bad}"


def test_an_empty_page_is_fine(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    empty = tmp_path / "none.json"
    empty.write_text('{"data": [], "meta": {"total": 0, "page": 1, "limit": 20}}')
    code, out, _ = run(["ingest", "--dry-run", "--kind", "systems", str(empty)], capsys, monkeypatch)
    assert (code, out) == (0, f"{empty}: systems: 0 decoded\n")


def test_unknown_kind(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    code, out, err = run(["ingest", "--dry-run", "--kind", "markets", "x.json"], capsys, monkeypatch)
    assert (code, out) == (1, "")
    assert err.startswith("stdaemon: --kind 'markets' is not a kind; use one of: agent, ship, ships,")


def test_writing_without_a_reachable_database_says_so_in_one_line(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    # (Writing itself is tested with a real database in tests/writer/test_ingest_write.py.)
    monkeypatch.setenv("ST_DATABASE_URL", "postgresql+asyncpg://postgres@127.0.0.1:1/nowhere")
    code, out, err = run(["ingest", "--kind", "market", str(FIXTURES / "market.json")], capsys, monkeypatch)
    assert code == 69
    assert out.startswith(f"{FIXTURES / 'market.json'}: market: 1 decoded")
    assert err.count("\n") == 1 and "ST_DATABASE_URL" in err


def test_console_script_end_to_end(tmp_path: Path) -> None:
    """The same through a real process: `python -m stdaemon`."""
    broken = tmp_path / "broken.json"
    broken.write_text('{"data": {"symbol": "X1-KD26-I61", "connections": "X1-QM77-X2"}}')
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "stdaemon",
            "ingest",
            "--dry-run",
            "--kind",
            "jump-gate",
            str(FIXTURES / "jump-gate.json"),
            str(broken),
        ],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert done.returncode == 1
    assert done.stdout == f"{FIXTURES / 'jump-gate.json'}: jump-gate: 1 decoded: X1-KD26-I61\n"
    assert (
        f"{broken}: FAILED: jump-gate: $.data.connections: expected a list, got 'X1-QM77-X2'" in done.stderr
    )

"""Every shell command of README.md and what runs it, so the README cannot drift from the code.

    python -m scripts.readme_commands list    # each command and what covers it (scripts/readme_coverage.py)
    python -m scripts.readme_commands run     # run the README blocks it owns, as written (the end of .ci/run)

`tests/docs/test_readme_commands.py` fails when the README's commands and the coverage table differ, so a
changed or new command needs its coverage declared.
"""

from __future__ import annotations

import os
import re
import shlex
import signal
import socket
import subprocess
import sys
import tempfile
from pathlib import Path

from scripts.readme_coverage import COVERAGE, PLANS, Plan, events_of

ROOT = Path(__file__).resolve().parents[1]
README = ROOT / "README.md"


def sh_blocks(text: str) -> list[list[str]]:
    """The commands of every ```sh block: continuation lines joined, comments and blank lines dropped."""
    blocks: list[list[str]] = []
    for body in re.findall(r"^```sh\n(.*?)^```", text, flags=re.S | re.M):
        commands: list[str] = []
        pending = ""
        for raw in body.splitlines():
            line = _without_comment(raw).rstrip()
            if line.endswith("\\"):
                pending += line[:-1].strip() + " "
                continue
            command = " ".join((pending + line.strip()).split())
            pending = ""
            if command:
                commands.append(command)
        blocks.append(commands)
    return blocks


def _without_comment(line: str) -> str:
    """The line without a `# comment` outside quotes (a `#` inside a word, like `$#`, is kept)."""
    quote = ""
    for i, char in enumerate(line):
        if quote:
            quote = "" if char == quote else quote
        elif char in "'\"":
            quote = char
        elif char == "#" and (i == 0 or line[i - 1].isspace()):
            return line[:i]
    return line


def readme_commands(text: str | None = None) -> list[str]:
    return [c for block in sh_blocks(text if text is not None else README.read_text()) for c in block]


_PREAMBLE = """set -m
exec >"$LOG" 2>&1
wait_for() {  # EVENT [N]: until the log holds N (default 1) lines of EVENT
  for _ in $(seq 600); do
    [ "$(grep -c "\\"event\\": \\"$1\\"" "$LOG")" -ge "${2:-1}" ] && return 0; sleep 0.5
  done
  echo "readme_commands: timed out waiting for $1"; return 1
}
"""


def script_for(block: list[str], plan: Plan, raw: str) -> str:
    """The block's own lines, with `wait_for EVENT` before the lines that wait and a stop at the end."""
    lines = [_PREAMBLE]
    commands = iter(block)
    current = next(commands, None)
    pending = ""
    for line in raw.splitlines():
        joined = " ".join((pending + _without_comment(line).rstrip().removesuffix("\\")).split())
        if current is not None and joined == current and current in plan.waits:
            lines.append(f"wait_for {shlex.quote(plan.waits[current])} || exit 1")
        if current is not None and joined == current and current in plan.skip:
            lines.append(f": {shlex.quote(current)} is run by {shlex.quote(plan.skip[current])}")
        elif current is not None and joined == current and current in plan.interactive:
            waits = " && ".join(f"wait_for {shlex.quote(e)}" for e in plan.interactive[current])
            command = _without_comment(line).rstrip()
            lines.append(f"{command} & _fg=$!; {waits}; kill -INT -- -$_fg; wait $_fg")
        else:
            lines.append(line)
        if line.rstrip().endswith("\\"):
            pending = joined + " "
            continue
        pending = ""
        if current is not None and joined == current:
            current = next(commands, None)
    for event in plan.until:
        name, _, count = event.partition("*")
        lines.append(f"wait_for {shlex.quote(name)} {count or 1} || exit 1")
    lines.append("for job in $(jobs -p); do kill -INT -- -$job 2>/dev/null; done; wait")
    return "\n".join(lines) + "\n"


def raw_blocks(text: str) -> list[str]:
    return re.findall(r"^```sh\n(.*?)^```", text, flags=re.S | re.M)


def _ports_taken(script: str) -> list[int]:
    taken = []
    found = re.findall(r"--port (\d+)|localhost:(\d+)", script)
    for port in sorted({int(number) for pair in found for number in pair if number}):
        with socket.socket() as sock:
            if sock.connect_ex(("127.0.0.1", port)) == 0:
                taken.append(port)
    return taken


def run_block(first: str, plan: Plan) -> list[str]:
    text = README.read_text()
    pairs = list(zip(sh_blocks(text), raw_blocks(text), strict=True))
    block, raw = next((b, r) for b, r in pairs if b and b[0] == first)
    script = script_for(block, plan, raw)
    if taken := _ports_taken(script):
        return [f"port {', '.join(map(str, taken))} is taken: stop what listens there and run again"]
    before = set(ROOT.iterdir())
    try:
        return _run_script(script, plan)
    finally:  # what a block leaves in the checkout (a downloaded systems.json) goes
        for left in set(ROOT.iterdir()) - before:
            if left.is_file():
                left.unlink()


def _run_script(script: str, plan: Plan) -> list[str]:
    with tempfile.TemporaryDirectory(prefix="readme-") as tmp:
        log = Path(tmp) / "out.log"
        env = {k: v for k, v in os.environ.items() if not k.startswith("ST_")}
        env |= {"ST_STATE_DIR": str(Path(tmp) / "var"), "ST_LOG_FORMAT": "json", "LOG": str(log)}
        proc = subprocess.Popen(["bash", "-c", script], cwd=ROOT, env=env, start_new_session=True)
        try:
            code = proc.wait(timeout=plan.timeout_s)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGINT)
            code = proc.wait(timeout=60)
            return [f"did not finish within {plan.timeout_s:.0f} s", *_tail(log)]
        out = log.read_text(errors="replace")
    problems = plan.check(events_of(out), out)
    if code != 0:
        problems.append(f"the block exited {code}")
    if "Traceback" in out:
        problems.append("a traceback was printed")
    return [*problems, *_tail_text(out)] if problems else []


def _tail(log: Path) -> list[str]:
    return _tail_text(log.read_text(errors="replace")) if log.exists() else []


def _tail_text(out: str) -> list[str]:
    return ["  | " + line[:300] for line in out.splitlines()[-25:]]


def main() -> int:
    action = sys.argv[1] if len(sys.argv) > 1 else "list"
    if action == "list":
        for command in readme_commands():
            cover = COVERAGE.get(command)
            print(
                f"{cover.how if cover else 'UNCOVERED':7} {command}" + (f"  [{cover.note}]" if cover else "")
            )
        return 0
    if action != "run":
        print("usage: readme_commands.py [list|run]", file=sys.stderr)
        return 2
    failed = 0
    for first, plan in PLANS.items():
        print(f"== {first}", flush=True)
        problems = run_block(first, plan)
        for problem in problems:
            print(problem, flush=True)
        failed += bool(problems)
        print("   ok" if not problems else "   FAILED", flush=True)
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())

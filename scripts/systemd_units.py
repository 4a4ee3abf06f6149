#!/usr/bin/env python3
"""The systemd units in runners/systemd/: fill in the install path, and check them with systemd-analyze.

    python scripts/systemd_units.py render --prefix /opt/stdaemon --out /etc/systemd/system [--user stdaemon]
    python scripts/systemd_units.py check [--prefix DIR] [--max-exposure 2.0]

`check` renders the units with the install path filled in (by default this checkout, whose .venv must exist,
as `systemd-analyze verify` wants ExecStart to be an executable), then runs `systemd-analyze verify` on every
instance (all, crawl, markets, fleet) and the target, and `systemd-analyze security --offline=true` on every
instance. It prints one line per unit and exits 1 when a unit does not verify cleanly or scores above the
maximum exposure. Neither needs systemd as PID 1.
"""

from __future__ import annotations

import argparse
import re
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
UNIT_DIR = REPO / "runners" / "systemd"
INSTALL_PATH = "/opt/stdaemon"
DEFAULT_USER = "stdaemon"
TEMPLATE = "stdaemon@.service"
TARGET = "stdaemon.target"
ROLES = ("all", "crawl", "markets", "fleet")
MAX_EXPOSURE = 2.0
_EXPOSURE = re.compile(r"Overall exposure level for \S+: (\d+(?:\.\d+)?)")


@dataclass(frozen=True)
class UnitCheck:
    unit: str
    verify: str  # what `systemd-analyze verify` printed: empty when clean
    exposure: float | None  # None for the target (security scores services only)

    def ok(self, max_exposure: float) -> bool:
        return not self.verify and (self.exposure is None or self.exposure <= max_exposure)


def render(prefix: Path, *, user: str = DEFAULT_USER) -> dict[str, str]:
    """The unit files with the install path (and user) filled in, by file name."""
    units: dict[str, str] = {}
    for path in sorted(UNIT_DIR.glob("stdaemon*")):
        text = path.read_text(encoding="utf-8").replace(INSTALL_PATH, str(prefix))
        text = re.sub(r"^(User|Group)=.*$", rf"\1={user}", text, flags=re.MULTILINE)
        units[path.name] = text
    return units


def _systemd_analyze(*args: str) -> subprocess.CompletedProcess[str]:
    exe = shutil.which("systemd-analyze")
    if exe is None:
        raise SystemExit("systemd-analyze is not installed (apt-get install systemd)")
    return subprocess.run([exe, *args], capture_output=True, text=True, timeout=120, check=False)


def check(prefix: Path = REPO) -> list[UnitCheck]:
    """Render the units with `prefix` filled in and run both systemd-analyze checks on each."""
    results: list[UnitCheck] = []
    with tempfile.TemporaryDirectory(prefix="stdaemon-units-") as tmp:
        for name, text in render(prefix).items():
            (Path(tmp) / name).write_text(text, encoding="utf-8")
        for role in ROLES:
            unit = str(Path(tmp) / TEMPLATE.replace("@", f"@{role}"))
            verified = _systemd_analyze("verify", unit)
            security = _systemd_analyze("security", "--offline=true", "--no-pager", unit)
            found = _EXPOSURE.search(security.stdout + security.stderr)
            if found is None:
                raise SystemExit(f"systemd-analyze security printed no score for {unit}: {security.stderr}")
            results.append(UnitCheck(Path(unit).name, _problems(verified), float(found.group(1))))
        verified = _systemd_analyze("verify", str(Path(tmp) / TARGET))
        results.append(UnitCheck(TARGET, _problems(verified), None))
    return results


def _problems(done: subprocess.CompletedProcess[str]) -> str:
    text = (done.stdout + done.stderr).strip()
    return text or (f"exit status {done.returncode}" if done.returncode else "")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    sub = parser.add_subparsers(dest="command", required=True)
    out = sub.add_parser("render", help="write the units with the install path filled in")
    out.add_argument("--prefix", type=Path, required=True, help="the checkout with its .venv")
    out.add_argument("--out", type=Path, required=True, help="e.g. /etc/systemd/system")
    out.add_argument("--user", default=DEFAULT_USER, help="the system user the runners run as")
    chk = sub.add_parser("check", help="systemd-analyze verify and security for every unit")
    chk.add_argument("--prefix", type=Path, default=REPO, help="install path to fill in (default: here)")
    chk.add_argument("--max-exposure", type=float, default=MAX_EXPOSURE)
    args = parser.parse_args(argv)
    if args.command == "render":
        args.out.mkdir(parents=True, exist_ok=True)
        for name, text in render(args.prefix.resolve(), user=args.user).items():
            (args.out / name).write_text(text, encoding="utf-8")
            print(f"wrote {args.out / name}")
        return 0
    results = check(args.prefix.resolve())
    for r in results:
        score = f"{r.exposure:.1f}" if r.exposure is not None else "-"
        verdict = "ok" if r.ok(args.max_exposure) else "FAILED"
        verify = r.verify or "clean"
        print(f"{r.unit:<28} exposure {score:>4} (max {args.max_exposure:g})  verify: {verify}  {verdict}")
    return 0 if all(r.ok(args.max_exposure) for r in results) else 1


if __name__ == "__main__":
    sys.exit(main())

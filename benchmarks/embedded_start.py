"""How long the embedded PostgreSQL takes: cold start (initdb), warm start, re-attach, migrate, stop.

    .venv/bin/python benchmarks/embedded_start.py [--runs 3] [--json]

Each run uses a fresh temporary state directory. Figures are medians over the runs, in seconds.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from sqlalchemy import text
from sqlalchemy.pool import NullPool

from stdaemon.db import embedded, migrations
from stdaemon.db.engine import make_engine

T = TypeVar("T")

_OWNER = """
import sys, time
from pathlib import Path
from stdaemon.db import embedded
embedded.start(Path(sys.argv[1]))
print("ready", flush=True)
time.sleep(600)
"""


async def _first_query(url: str) -> float:
    began = time.perf_counter()
    engine = make_engine(url, poolclass=NullPool)
    try:
        async with engine.connect() as conn:
            await conn.execute(text("SELECT 1"))
    finally:
        await engine.dispose()
    return time.perf_counter() - began


def _timed(fn: Callable[..., T], *args: object) -> tuple[T, float]:
    began = time.perf_counter()
    result = fn(*args)
    return result, time.perf_counter() - began


def one_run() -> dict[str, float]:
    figures: dict[str, float] = {}
    with tempfile.TemporaryDirectory(prefix="stdaemon-bench-") as tmp:
        state = Path(tmp)
        server, figures["cold_start_s"] = _timed(embedded.start, state)
        assert server.cold
        figures["first_query_s"] = asyncio.run(_first_query(server.url()))
        began = time.perf_counter()
        asyncio.run(migrations.upgrade_head(server.url()))
        figures["migrate_head_s"] = time.perf_counter() - began
        _, figures["stop_s"] = _timed(server.stop)

        server, figures["warm_start_s"] = _timed(embedded.start, state)
        assert not server.cold
        server.stop()

        # A previous owner SIGKILLed: the server keeps running and the next start re-attaches to it.
        owner = subprocess.Popen([sys.executable, "-c", _OWNER, tmp], stdout=subprocess.PIPE, text=True)
        assert owner.stdout is not None
        owner.stdout.readline()
        owner.send_signal(signal.SIGKILL)
        owner.wait()
        owner.stdout.close()
        server, figures["reattach_s"] = _timed(embedded.start, state)
        _, figures["stop_after_reattach_s"] = _timed(server.stop)
    return figures


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    runs = [one_run() for _ in range(args.runs)]
    medians = {k: round(statistics.median(r[k] for r in runs), 3) for k in runs[0]}
    if args.json:
        print(json.dumps({"runs": args.runs, "median_s": medians}))
        return
    print(f"embedded PostgreSQL (pgserver), median of {args.runs} runs:")
    for name, value in medians.items():
        print(f"  {name:<24} {value:8.3f} s")


if __name__ == "__main__":
    main()

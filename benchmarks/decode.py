"""How fast the adapters decode real payloads into domain models, against what the API can deliver.

    .venv/bin/python benchmarks/decode.py [--reps 7] [--seconds 0.3] [--json]
    .venv/bin/python benchmarks/decode.py --baseline /tmp/before/src      # interleaved before/after

Payloads are the saved responses in `tests/fixtures/payloads/` (spec-checked, real-shaped): every market,
waypoint and ship decode goes through the public adapter functions (`adapters.market`, `.waypoint`,
`.ship`), as the DataService calls them. Two markets: the fixture as saved (4 goods, 2 transactions) and a
full one (20 goods, 20 transactions, built by repeating the fixture's own objects under new symbols), since
a busy marketplace lists that many. Waypoints and ships are the items of the saved pages. The two
"row (client path)" cases are the client's whole share of a row written end to end but the COPY: a
page of 20 waypoints or a market of 12 goods as JSON bytes (`benchmarks/realrows.py`) through the sender's
JSON decoder, the adapter, `rows_for`, and the writer's `normalise` and record encoding, counted in rows.

Each repetition runs every case for `--seconds` of CPU time in turn (the cases are interleaved, so load
on the machine hits them alike) and counts objects per CPU second; the median and the spread (min–max)
over `--reps` repetitions are printed.
The ceiling is physical: the API answers at most ~2.5 requests/s (2/s + 30 per 60 s), one market per
request and at most 20 waypoints or ships per page, so at most 2.5 markets/s and 50 waypoints or ships/s.

`--baseline SRC` also runs the same cases against another source tree (e.g. `git archive <commit> src`
unpacked somewhere), alternating the two trees in subprocesses repetition by repetition, and prints the
ratio after/before per case, median and spread: a ratio is what survives a loaded machine.
"""

from __future__ import annotations

import argparse
import copy
import importlib
import json
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
FIXTURES = REPO / "tests" / "fixtures" / "payloads"
API_REQUESTS_PER_S = 2.5
PAGE_ITEMS = 20
GOODS_PER_MARKET = 12  # benchmarks/realrows.py's markets
CEILING = {
    "market (fixture)": API_REQUESTS_PER_S,
    "market (20 goods)": API_REQUESTS_PER_S,
    "waypoint": API_REQUESTS_PER_S * PAGE_ITEMS,
    "ship": API_REQUESTS_PER_S * PAGE_ITEMS,
    "waypoint row (client path)": API_REQUESTS_PER_S * PAGE_ITEMS,
    "snapshot row (client path)": API_REQUESTS_PER_S * GOODS_PER_MARKET,
}
FULL_MARKET_ITEMS = 20


def _data(name: str) -> Any:
    return json.loads((FIXTURES / f"{name}.json").read_text(encoding="utf-8"))["data"]


def full_market() -> dict[str, Any]:
    """The saved market grown to 20 trade goods and 20 transactions, each a copy of a saved one."""
    market: dict[str, Any] = _data("market")
    goods, txs = market["tradeGoods"], market["transactions"]
    market["tradeGoods"] = [
        {**copy.deepcopy(goods[i % len(goods)]), "symbol": f"GOOD_{i:02d}"} for i in range(FULL_MARKET_ITEMS)
    ]
    market["transactions"] = [
        {**copy.deepcopy(txs[i % len(txs)]), "tradeSymbol": f"GOOD_{i:02d}"} for i in range(FULL_MARKET_ITEMS)
    ]
    return market


def client_path(table: str, decode: Callable[[bytes, int], list[dict[str, Any]]]) -> Callable[[bytes], int]:
    """The client's whole work for a row written end to end but the COPY itself: the body's bytes decoded
    (the sender's JSON decoder, the adapter, `rows_for`), then the writer's `normalise` and records.
    Imported here: the tree under test is on sys.path by now."""
    from stdaemon.db.batching import normalise
    from stdaemon.db.statements import Batch
    from stdaemon.db.tables import TABLES

    spec = TABLES[table]

    def run(payload: bytes) -> int:
        rows = normalise(spec, decode(payload, 0))
        Batch.of(spec, rows).encode()
        return len(rows)

    return run


def cases(adapters: Any) -> dict[str, tuple[Callable[[Any], Any], list[Any]]]:
    """Case name -> (adapter, the payloads one round decodes); a case whose adapter returns an int counts
    that many objects (rows) per payload."""
    from benchmarks import realrows as rr

    return {
        "market (fixture)": (adapters.market, [_data("market")]),
        "market (20 goods)": (adapters.market, [full_market()]),
        "waypoint": (adapters.waypoint, list(_data("waypoints"))),
        "ship": (adapters.ship, list(_data("ships"))),
        "waypoint row (client path)": (client_path(rr.WAYPOINTS, rr.decode_page), rr.waypoint_pages(100)),
        "snapshot row (client path)": (
            client_path(rr.SNAPSHOTS, rr.decode_market),
            rr.market_payloads(GOODS_PER_MARKET * 5),
        ),
    }


def measure(adapters: Any, seconds: float) -> dict[str, float]:
    """One repetition: objects decoded per CPU second for each case, each run for `seconds` of CPU time.

    CPU time (`time.process_time`), not wall time: on a machine shared with other work, the time this
    process waits for a core is not decoding time, and counting it made the figures swing by 3×.
    """
    rates: dict[str, float] = {}
    for name, (adapter, payloads) in cases(adapters).items():
        for payload in payloads:  # warm-up, and a check that the payloads decode at all
            adapter(payload)
        done, start = 0, time.process_time()
        deadline = start + seconds
        while True:
            for payload in payloads:
                made = adapter(payload)
                done += made if type(made) is int else 1
            now = time.process_time()
            if now >= deadline:
                break
        rates[name] = done / (now - start)
    return rates


def _worker(src: str, seconds: float) -> dict[str, float]:
    done = subprocess.run(
        [sys.executable, __file__, "--worker", "--src", src, "--seconds", str(seconds)],
        capture_output=True,
        text=True,
        check=False,
    )
    if done.returncode != 0:
        raise SystemExit(f"decode benchmark worker for {src} failed:\n{done.stderr}")
    rates: dict[str, float] = json.loads(done.stdout)
    return rates


def _spread(values: list[float]) -> str:
    return f"{statistics.median(values):>12,.0f}/s  ({min(values):,.0f}–{max(values):,.0f})"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--reps", type=int, default=7, help="interleaved repetitions (at least 5)")
    parser.add_argument("--seconds", type=float, default=0.3, help="time per case per repetition")
    parser.add_argument("--baseline", help="another tree's src/ to compare against, interleaved")
    parser.add_argument("--json", action="store_true", help="print the per-repetition rates as JSON")
    parser.add_argument("--worker", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--src", default=str(REPO / "src"), help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.worker:
        sys.path.insert(0, args.src)
        sys.path.append(str(REPO))  # benchmarks.realrows; `stdaemon` still comes from the tree under test
        adapters = importlib.import_module("stdaemon.api.adapters")
        assert Path(adapters.__file__ or "").is_relative_to(Path(args.src).resolve()), adapters.__file__
        print(json.dumps(measure(adapters, args.seconds)))
        return 0
    if args.reps < 5:
        parser.error("--reps must be at least 5")
    trees = {"after": str(REPO / "src")} | ({"before": args.baseline} if args.baseline else {})
    runs: dict[str, list[dict[str, float]]] = {tree: [] for tree in trees}
    for rep in range(args.reps):
        order = list(trees) if rep % 2 == 0 else list(reversed(trees))
        for tree in order:
            runs[tree].append(_worker(trees[tree], args.seconds))
    if args.json:
        print(json.dumps(runs, indent=2))
        return 0
    print(
        f"decoded per CPU second, median (min–max) of {args.reps} interleaved repetitions; "
        "API ceiling per case"
    )
    for name, ceiling in CEILING.items():
        for tree, reps in runs.items():
            rates = [r[name] for r in reps]
            label = f"{name} [{tree}]" if args.baseline else name
            times = statistics.median(rates) / ceiling
            print(f"  {label:<28} {_spread(rates)}   ceiling {ceiling:g}/s → {times:,.0f}× above")
        if args.baseline:
            ratios = [a[name] / b[name] for a, b in zip(runs["after"], runs["before"], strict=True)]
            print(
                f"  {name + ' after/before':<28} {statistics.median(ratios):>12.2f}×   "
                f"({min(ratios):.2f}–{max(ratios):.2f})"
            )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

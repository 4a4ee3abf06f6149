"""Three runner processes of one account share one rate budget through PostgreSQL, counted at the server.

    ST_DATABASE_URL=postgresql+asyncpg://… .venv/bin/python -m benchmarks.shared_budget [--seconds 120]
        [--no-share] [--json]

(as a module from the repository root: it starts stsim with the tests' `serving` helper)

Method: a real `stsim serve` (the documented two pools per account and per IP, 429 with Retry-After) on a
free port; one agent registered; three separate processes (roles crawl, markets and fleet) each build the
production gateway (`build_gateway` with `DbBudgetStore`, ST_RATE_BUDGET_KEY set, exactly as `stdaemon run
crawl|markets|fleet` wires it) and saturate it for `--seconds` with 8 tasks each: the crawl at CRAWL
priority (`GET /systems/{home}`), the markets at MARKET (`GET /systems/{home}/waypoints/{hq}`), the fleet at
FLEET (`GET /my/agent`) plus one ACTION-priority read every 2–6 s whose wait for the budget is recorded.
The figures are the server's own counts for the run's interval (`GET /v2/_admin/stats?from=…&to=…`):
responses 429, and accepted / theoretical, theoretical = 2·T + 30·ceil(T/60). `--no-share` runs the same
with a budget per process (what three units did before), for contrast.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import math
import os
import random
import statistics
import sys
import time
from datetime import UTC, datetime
from typing import Any

import httpx
from pydantic import SecretStr

from stdaemon.api.errors import RateLimited
from stdaemon.api.gateway import Gateway, build_gateway
from stdaemon.api.limiter import TwoPoolBudget
from stdaemon.api.priority import Priority
from stdaemon.db import migrations
from stdaemon.db.budget_store import DbBudgetStore
from stdaemon.db.engine import make_engine
from stdaemon.settings import Settings
from tests.stsim.serve import STSIM, free_port, serving

ROLES = ("crawl", "markets", "fleet")
TASKS = 8


async def _role_loop(gateway: Gateway, args: argparse.Namespace, until: float) -> list[float]:
    role, home, hq, ship = args.worker, args.home, args.hq, args.ship
    loop = asyncio.get_running_loop()
    action_waits: list[float] = []
    gave_up = [0]

    async def one() -> None:
        while loop.time() < until:
            try:
                if role == "crawl":
                    await gateway.get_system(home, priority=Priority.CRAWL)
                elif role == "markets":
                    await gateway.get_waypoint(home, hq, priority=Priority.MARKET)
                else:
                    await gateway.get_my_agent(priority=Priority.FLEET)
            except RateLimited:  # still 429 after every retry (only without a shared budget): go on
                gave_up[0] += 1

    async def pilot() -> None:
        rng = random.Random(7)
        while loop.time() < until:
            await asyncio.sleep(2 + 4 * rng.random())
            asked = loop.time()
            with contextlib.suppress(RateLimited):
                await gateway.get_my_ship(ship, priority=Priority.ACTION)
            action_waits.append(loop.time() - asked)

    jobs = [one() for _ in range(TASKS)] + ([pilot()] if role == "fleet" else [])
    await asyncio.gather(*jobs)
    if gave_up[0]:
        print(json.dumps({"gave_up": gave_up[0]}), file=sys.stderr)
    return action_waits


async def worker(args: argparse.Namespace) -> None:
    """One runner process: the production gateway, saturated at its role's priority until the deadline."""
    settings = Settings(
        _env_file=None,
        api_url=args.url,
        token=SecretStr(args.token),
        rate_budget_key=None if args.no_share else args.key,
    )
    engine = make_engine(args.database_url)
    gateway = build_gateway(settings, shared=DbBudgetStore(engine), process=args.worker)
    try:
        await asyncio.sleep(max(0.0, args.begin - time.time()))  # every process starts at the same moment
        until = asyncio.get_running_loop().time() + (args.deadline - time.time())
        waits = await _role_loop(gateway, args, until)
    finally:
        await gateway.aclose()
        await engine.dispose()
    snap = gateway.snapshot()
    print(
        json.dumps(
            {"role": args.worker, "sent": snap.requests_sent, "429": snap.throttled_429, "waits": waits}
        )
    )


async def run(args: argparse.Namespace) -> dict[str, Any]:
    port = free_port()
    await migrations.upgrade_head(args.database_url)
    command = [
        *STSIM,
        "serve",
        "--port",
        str(port),
        "--seed",
        "3",
        "--systems",
        "8",
        "--log-level",
        "warning",
    ]
    async with serving(command, port) as url, httpx.AsyncClient(base_url=url) as http:
        reg = (
            await http.post(
                "/register",
                json={"symbol": "BUDGET", "faction": "COSMIC"},
                headers={"Authorization": "Bearer x"},
            )
        ).json()["data"]
        hq = reg["agent"]["headquarters"]
        home = "-".join(hq.split("-")[:2])
        key = f"bench-{os.getpid()}-{time.time_ns()}"
        begin = time.time() + 10  # time for the processes to start; the registration's window is long over
        deadline = begin + args.seconds
        procs = [
            await asyncio.create_subprocess_exec(
                sys.executable, "-m", "benchmarks.shared_budget",
                "--worker", role, "--url", url, "--token", reg["token"],
                "--database-url", args.database_url, "--key", key,
                "--begin", str(begin), "--deadline", str(deadline),
                "--home", home, "--hq", hq, "--ship", reg["ships"][0]["symbol"],
                *(["--no-share"] if args.no_share else []),
                stdout=asyncio.subprocess.PIPE,
            )
            for role in ROLES
        ]  # fmt: skip
        outputs = [await p.communicate() for p in procs]
        start, end = datetime.fromtimestamp(begin, UTC), datetime.fromtimestamp(deadline, UTC)
        stats = (
            await http.get("/_admin/stats", params={"from": start.isoformat(), "to": end.isoformat()})
        ).json()["data"]["window"]
    workers = [json.loads(out.decode().strip().splitlines()[-1]) for out, _ in outputs]
    seconds = (end - start).total_seconds()
    theoretical = TwoPoolBudget.theoretical(seconds)
    waits = [w for r in workers for w in r["waits"]]
    return {
        "shared": not args.no_share,
        "seconds": round(seconds, 1),
        "server_accepted": stats["accepted"],
        "server_429": stats["rateLimited"],
        "theoretical": theoretical,
        "budget_used_pct": round(100 * stats["accepted"] / theoretical, 1),
        "sent_by_role": {r["role"]: r["sent"] for r in workers},
        "action_wait_s": {
            "n": len(waits),
            "median": round(statistics.median(waits), 3) if waits else None,
            "max": round(max(waits), 3) if waits else None,
        },
    }


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--seconds", type=float, default=120.0)
    parser.add_argument("--no-share", action="store_true", help="a budget per process (the old behaviour)")
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--database-url", default=os.environ.get("ST_DATABASE_URL", ""))
    for hidden in (
        "--worker",
        "--url",
        "--token",
        "--key",
        "--begin",
        "--deadline",
        "--home",
        "--hq",
        "--ship",
    ):
        parser.add_argument(hidden, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if not args.database_url:
        raise SystemExit("set ST_DATABASE_URL (or --database-url) to a PostgreSQL the processes can share")
    if args.worker:
        args.begin, args.deadline = float(args.begin), float(args.deadline)
        asyncio.run(worker(args))
        return
    result = asyncio.run(run(args))
    if args.json:
        print(json.dumps(result))
        return
    mode = "one budget shared through PostgreSQL" if result["shared"] else "a budget per process"
    print(f"3 processes (crawl, markets, fleet), {mode}, {result['seconds']} s against stsim serve:")
    print(
        f"  server accepted {result['server_accepted']} of theoretical {result['theoretical']} "
        f"= {result['budget_used_pct']} % of the budget; responses 429: {result['server_429']}"
    )
    print(f"  sent by role: {result['sent_by_role']}")
    w = result["action_wait_s"]
    print(f"  fleet ACTION waits for the budget: n={w['n']} median {w['median']} s, max {w['max']} s")
    print(
        f"  (theoretical = 2·T + 30·ceil(T/60) = {result['theoretical']}; {math.ceil(result['seconds'])} s)"
    )


if __name__ == "__main__":
    main()

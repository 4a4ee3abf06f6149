"""How much of the server's rate budget the gateway spends, on a fake clock.

    .venv/bin/python benchmarks/ratelimit.py [--minutes 10] [--rtt-ms 0 20 40 100] [--jitter 0.5]
        [--forward-share 0.5] [--json]

A saturated run: `--workers` tasks call the real Gateway (scheduler, sender, retries, error mapping) in a
loop, through httpx.MockTransport, against a fake server that enforces the documented two pools
(stsim's own model, through `tests/support/server_pools.py`) and answers a 429 with the headers and body
stsim sends (Retry-After, x-ratelimit-*, data.retryAfter) when they are empty. Everything runs on a
virtual-time event loop (`tests/support/virtual_time.py`), so ten simulated minutes take about a second and
no real time passes.

Each request reaches the server share·rtt (± share·jitter, uniform) after it is sent, and its answer returns
(1 − share)·rtt (± (1 − share)·jitter) later: jitter = `--jitter` × rtt, share = `--forward-share` (0.5:
symmetric legs; 0.7: asymmetric, the way out slower). Three limiters: the two-pool scheduler estimating the
server's receive time with an adaptive margin (the default, stdaemon/api/round_trips.py), the same anchoring
its windows at the response (the conservative mode, ST_RATE_ANCHOR=response: it loses about rtt/(1 s + rtt)
of the static pool), and a plain `AsyncLimiter(2, 1)`. Every 429 is retried after its Retry-After; a call
that still fails is counted as lost. The 429 share is of every request the server received.
Budget used = requests the server served in [0, T) / theoretical, where theoretical = 2·T + 30·ceil(T/60)
(the static pool refills every second, the burst pool every 60 s, each counted from its first use).
The same run with a plain `AsyncLimiter(2, 1)` in place of the scheduler is the baseline.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import random
import sys
from dataclasses import asdict, dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any

import httpx

try:
    from aiolimiter import AsyncLimiter
except ImportError:  # the baseline's library is the `bench` extra
    raise SystemExit(
        "benchmarks/ratelimit.py needs the bench extra: pip install -e '.[bench]' (make bench does)"
    ) from None

from stdaemon.api.client import make_client
from stdaemon.api.errors import ApiError
from stdaemon.api.gateway import Gateway
from stdaemon.api.limiter import Grant, TwoPoolBudget
from stdaemon.api.meter import BudgetMeter
from stdaemon.api.priority import Priority
from stdaemon.api.retry import RetryPolicy
from stdaemon.api.round_trips import RoundTrips
from stdaemon.api.scheduler import Limiter, Scheduler
from stdaemon.settings import Settings

if TYPE_CHECKING:
    from tests.support.server_pools import ServerPools

# The fake server and the virtual clock are test support (tests/support/): run from the repo root or not.
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

AGENT = b'{"data": {"symbol": "BENCH", "credits": 1}}'


@dataclass
class Result:
    limiter: str
    simulated_s: float
    theoretical: int
    served: int
    budget_used_pct: float
    server_429s: int
    share_429_pct: float
    client_retries: int
    failed_calls: int


class AiolimiterBaseline:
    """`AsyncLimiter(2, 1)` behind the gateway's Limiter protocol (it has no priorities or windows)."""

    def __init__(self) -> None:
        self.meter = BudgetMeter()
        self._limiter = AsyncLimiter(2, 1)
        self._blocked_until = 0.0
        self._ids = 0

    async def acquire(self, priority: Priority) -> Grant:
        loop = asyncio.get_running_loop()
        if loop.time() < self._blocked_until:
            await asyncio.sleep(self._blocked_until - loop.time())
        await self._limiter.acquire()
        self.meter.granted(priority, 0.0)
        self._ids += 1
        return Grant(self._ids, "leaky", loop.time())

    def settle(self, grant: Grant, at: float | None = None) -> None:
        return None

    def block_until(self, until: float) -> None:
        self._blocked_until = max(self._blocked_until, until)


def fake_server(
    pools: ServerPools, horizon: float, rtt_s: float, jitter_s: float, *, share: float, seed: int
) -> Any:
    rng = random.Random(seed)
    served_in_window = [0]

    def leg(part: float) -> float:
        return max(0.0, part * (rtt_s + (2 * rng.random() - 1) * jitter_s))

    async def handle(request: httpx.Request) -> httpx.Response:
        loop = asyncio.get_running_loop()
        await asyncio.sleep(leg(share))
        now = loop.time()
        verdict = pools.check(now)
        await asyncio.sleep(leg(1 - share))
        if verdict.allowed:
            served_in_window[0] += now < horizon
            return httpx.Response(200, content=AGENT, headers={"content-type": "application/json"})
        return httpx.Response(429, json=verdict.body, headers=verdict.headers)

    return handle, served_in_window


async def run(name: str, limiter: Limiter, args: argparse.Namespace) -> Result:
    from tests.support.server_pools import ServerPools

    horizon = args.minutes * 60.0
    pools = ServerPools()
    handler, served = fake_server(
        pools, horizon, args.rtt_ms / 1000, args.jitter_ms / 1000, share=args.forward_share, seed=args.seed
    )
    loop = asyncio.get_running_loop()
    settings = Settings(_env_file=None, token="bench-token-not-real", api_url="https://bench.invalid/v2")
    client = make_client(settings, transport=httpx.MockTransport(handler))
    gateway = Gateway(
        client,
        limiter,
        policy=RetryPolicy(attempts=50, rng=random.Random(args.seed)),
        # the server's clock (x-ratelimit-reset) is the virtual one: the wall clock must follow it
        wall_clock=lambda: datetime(2026, 1, 1, tzinfo=UTC) + timedelta(seconds=loop.time()),
    )
    failed = [0]

    async def worker(i: int) -> None:
        priority = Priority(i % len(Priority))
        while loop.time() < horizon:
            try:
                await gateway.get_my_agent(priority=priority)
            except ApiError:
                failed[0] += 1

    async with client:
        await asyncio.gather(*(worker(i) for i in range(args.workers)))
    theoretical = TwoPoolBudget.theoretical(horizon)
    return Result(
        limiter=name,
        simulated_s=horizon,
        theoretical=theoretical,
        served=served[0],
        budget_used_pct=round(100.0 * served[0] / theoretical, 2),
        server_429s=pools.rejected,
        share_429_pct=round(100.0 * pools.rejected / max(1, pools.admitted + pools.rejected), 3),
        client_retries=limiter.meter.retries,
        failed_calls=failed[0],
    )


def main() -> None:
    from tests.support.virtual_time import run_virtual

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--minutes", type=float, default=10.0)
    parser.add_argument(
        "--rtt-ms", type=float, nargs="+", default=[0.0, 20.0, 40.0, 100.0], help="round trips to try"
    )
    parser.add_argument("--jitter", type=float, default=0.5, help="± jitter of the rtt, as a share of it")
    parser.add_argument("--forward-share", type=float, default=0.5, help="the way out's share of the rtt")
    parser.add_argument("--workers", type=int, default=48, help="concurrent callers (saturation)")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    args = parser.parse_args()
    rows: list[dict[str, Any]] = []
    for rtt in args.rtt_ms:
        run_args = argparse.Namespace(**vars(args))
        run_args.rtt_ms, run_args.jitter_ms = rtt, rtt * args.jitter
        for name, make in (
            ("receive-time estimate", lambda: Scheduler(TwoPoolBudget(trips=RoundTrips()))),
            ("response anchor", lambda: Scheduler(TwoPoolBudget())),
            ("AsyncLimiter(2, 1)", AiolimiterBaseline),
        ):
            result = run_virtual(run(name, make(), run_args))
            rows.append({"rtt_ms": rtt, "jitter_ms": run_args.jitter_ms, **asdict(result)})
    if args.json:
        print(json.dumps({"minutes": args.minutes, "workers": args.workers, "results": rows}))
        return
    print(
        f"simulated {args.minutes:g} min per run, {args.workers} workers, forward share of the rtt "
        f"{args.forward_share:g}; target ≥ 97 % used, 429s on ≤ 0.1 % of requests, none lost"
    )
    print(
        "method: the real Gateway on a virtual clock against stsim's two-pool model; legs "
        "share·(rtt ± jitter) and (1 − share)·(rtt ± jitter), uniform; 429s retried after Retry-After; "
        "lost = calls that never got through"
    )
    print("theoretical = 2/s × T + 30 × ceil(T / 60 s); used % = served in [0, T) / theoretical")
    print(
        f"{'limiter':>22} {'rtt ms':>7} {'± ms':>5} {'served':>7} {'theory':>7} {'used %':>7} {'429s':>5} "
        f"{'429 %':>6} {'lost':>5}"
    )
    for r in rows:
        print(
            f"{r['limiter']:>22} {r['rtt_ms']:>7g} {r['jitter_ms']:>5g} {r['served']:>7} "
            f"{r['theoretical']:>7} {r['budget_used_pct']:>7.2f} {r['server_429s']:>5} "
            f"{r['share_429_pct']:>6.3f} {r['failed_calls']:>5}"
        )


if __name__ == "__main__":
    main()

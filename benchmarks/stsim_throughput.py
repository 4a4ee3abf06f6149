"""How fast stsim generates universes and answers requests in-process (no network, no rate limit).

Run: .venv/bin/python benchmarks/stsim_throughput.py
"""

from __future__ import annotations

import asyncio
import time
from datetime import UTC, datetime

import httpx

from stsim.app import build_app
from stsim.universe import generate


def bench_generation() -> None:
    for systems in (20, 200, 1000):
        start = time.perf_counter()
        u = generate(1, systems, datetime.now(UTC))
        took = time.perf_counter() - start
        print(
            f"generate {systems:5d} systems: {len(u.waypoints):6d} waypoints, {len(u.markets):5d} markets "
            f"in {took * 1000:8.1f} ms"
        )


async def bench_requests(n: int = 2000) -> None:
    app = build_app(seed=1, systems=20, rate_limit=False, speed=1000)
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app), base_url="http://stsim/v2") as c:
        reg = (
            await c.post(
                "/register",
                json={"symbol": "BENCH", "faction": "COSMIC"},
                headers={"Authorization": "Bearer x"},
            )
        ).json()["data"]
        headers = {"Authorization": f"Bearer {reg['token']}"}
        ship = reg["ships"][0]["symbol"]
        system = reg["ships"][0]["nav"]["systemSymbol"]
        hq = reg["agent"]["headquarters"]
        cases = {
            "GET /systems?limit=20": ("GET", "/systems?limit=20", None),
            "GET market (ship present)": ("GET", f"/systems/{system}/waypoints/{hq}/market", None),
            "GET /my/ships": ("GET", "/my/ships", None),
            "POST purchase+sell 1 FUEL": (
                "POST",
                f"/my/ships/{ship}/purchase",
                {"symbol": "FUEL", "units": 1},
            ),
        }
        for name, (method, first_url, body) in cases.items():
            url = first_url
            start = time.perf_counter()
            for i in range(n):
                if method == "POST" and i % 2:
                    url = url.replace("/purchase", "/sell")
                elif method == "POST":
                    url = url.replace("/sell", "/purchase")
                r = await c.request(method, url, json=body, headers=headers)
                assert r.status_code < 300, r.text
            took = time.perf_counter() - start
            print(f"{name:28s}: {n / took:8.0f} req/s  ({took / n * 1e3:.2f} ms each, {n} requests)")


if __name__ == "__main__":
    bench_generation()
    asyncio.run(bench_requests())

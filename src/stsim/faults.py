"""Fault injection for reliability tests: at a given rate, a 500 (code 3000), a 502, an HTML 429 without
rate-limit headers, or a slow answer. Seeded, so a run is repeatable."""

from __future__ import annotations

import random

from starlette.responses import HTMLResponse, JSONResponse, Response

KINDS = ("500", "502", "html429", "slow")


class Faults:
    def __init__(self, rate: float, seed: int, delay: float = 3.0) -> None:
        if not 0.0 <= rate <= 1.0:
            raise ValueError("fault rate must be between 0 and 1")
        self.rate = rate
        self.delay = delay
        self._rng = random.Random(seed * 31 + 7)
        self.injected: dict[str, int] = dict.fromkeys(KINDS, 0)

    def pick(self) -> str | None:
        if self.rate <= 0 or self._rng.random() >= self.rate:
            return None
        kind = self._rng.choice(KINDS)
        self.injected[kind] += 1
        return kind

    @staticmethod
    def response(kind: str) -> Response:
        if kind == "500":
            return JSONResponse(
                {
                    "error": {
                        "message": "The server did not return a valid response.",
                        "code": 3000,
                        "requestId": "stsim-fault",
                    }
                },
                status_code=500,
            )
        if kind == "502":
            return HTMLResponse("<html><body><h1>502 Bad Gateway</h1></body></html>", status_code=502)
        return HTMLResponse("<html><body><h1>429 Too Many Requests</h1></body></html>", status_code=429)

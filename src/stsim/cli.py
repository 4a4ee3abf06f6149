"""`stsim serve`: run the simulator under uvicorn. SIGHUP triggers a server reset."""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import logging
import math
import signal
import sys

from stsim.app import Server, build_app
from stsim.universe import MAX_SYSTEMS


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="stsim", description="A local SpaceTraders v2.3.0 server.")
    sub = parser.add_subparsers(dest="command", required=True)
    serve = sub.add_parser("serve", help="serve the API under /v2")
    serve.add_argument("--host", default="127.0.0.1")
    serve.add_argument("--port", type=int, default=8765)
    serve.add_argument("--seed", type=int, default=1)
    serve.add_argument("--speed", type=float, default=1.0, help="divide every game duration by this factor")
    serve.add_argument("--systems", type=int, default=20, help="number of systems to generate")
    serve.add_argument("--no-rate-limit", action="store_true", help="disable the 2/s + 30/60 s limits")
    serve.add_argument(
        "--faults",
        type=float,
        default=0.0,
        metavar="RATE",
        help="inject 500/502/HTML-429/slow responses at this rate (0–1)",
    )
    serve.add_argument(
        "--log-level",
        default="info",
        type=str.lower,
        choices=["critical", "error", "warning", "info", "debug"],
    )
    return parser


def _install_sighup(server: Server) -> None:
    with contextlib.suppress(NotImplementedError, AttributeError, RuntimeError):  # not on this platform
        asyncio.get_running_loop().add_signal_handler(signal.SIGHUP, server.reset)


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    if (
        not 0 < args.speed < math.inf  # also refuses nan
        or not 1 <= args.systems <= MAX_SYSTEMS
        or not 0.0 <= args.faults <= 1.0
        or not 0 <= args.port <= 65535
    ):
        print(
            f"stsim: --speed must be a finite number > 0, --systems between 1 and {MAX_SYSTEMS}, "
            "--faults between 0 and 1 and --port between 0 and 65535",
            file=sys.stderr,
        )
        return 2
    import uvicorn

    logging.basicConfig(
        level=args.log_level.upper(), format="%(asctime)s %(levelname)s %(name)s: %(message)s"
    )
    app = build_app(
        seed=args.seed,
        systems=args.systems,
        speed=args.speed,
        rate_limit=not args.no_rate_limit,
        faults=args.faults,
        on_startup=_install_sighup,
    )
    print(
        f"stsim: serving http://{args.host}:{args.port}/v2 (seed {args.seed}, speed {args.speed}, "
        f"{args.systems} systems)",
        file=sys.stderr,
    )
    uvicorn.run(app, host=args.host, port=args.port, log_level=args.log_level, access_log=False)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

"""The local sandbox: with no token configured, the daemon plays against an in-process `stsim`.

The simulator runs as an ASGI app behind `httpx.ASGITransport`, so nothing listens on a port and nothing
leaves the process. A new agent is registered at start (stsim accepts any account token), and the agent token
it returns becomes the token of the settings the rest of the daemon is built from. Each start is a new game,
so a new epoch (`db.epochs.next_sandbox_epoch`). The composition root (`stdaemon.bootstrap`) builds the
transport and the gateway that registers; this module only says how.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any, Protocol

import httpx
from pydantic import SecretStr

from stdaemon.api.adapters import register_result
from stdaemon.logging import get_logger
from stdaemon.settings import Settings

log = get_logger(__name__)

SANDBOX_URL = "http://stsim.sandbox/v2"
SANDBOX_SEED = 1
SANDBOX_SYSTEMS = 20
SANDBOX_PROBE_BUDGET = 100_000  # a few probes (about 20,000 each), so a newcomer sees several markets fill up
SANDBOX_MINING_DRONES = 2  # bought from profit only (see services.fleet.ship_buying)
# Light haulers (they trade; bought before drones, from profit) are not bought in the sandbox: in stsim they
# find few profitable routes left to them and did not pay back their ~270,000 within 6 game hours (README).
SANDBOX_HAULERS = 0
# Game time runs this many times faster than real time in the sandbox (travel, cooldowns, price moves), so a
# newcomer sees ships arrive and markets move within a minute; the rate limit's windows stay real.
SANDBOX_SPEED = 20.0


class Registrar(Protocol):
    async def register(self, symbol: str, faction: str) -> dict[str, Any]: ...


@dataclass(frozen=True)
class Sandbox:
    """The in-process simulator and the settings (with the registered agent's token) to play it with."""

    transport: httpx.AsyncBaseTransport
    settings: Settings
    agent_symbol: str


def sandbox_transport(
    *,
    seed: int = SANDBOX_SEED,
    systems: int = SANDBOX_SYSTEMS,
    speed: float = SANDBOX_SPEED,
    reset_date: date | None = None,
) -> httpx.AsyncBaseTransport:
    from stsim.app import build_app

    app = build_app(seed=seed, systems=systems, speed=speed, reset_date=reset_date)
    return httpx.ASGITransport(app=app)


def registering(settings: Settings) -> Settings:
    """The settings to register with in the sandbox (stsim accepts any account token)."""
    account = settings.account_token or SecretStr("sandbox-account-token")
    return settings.model_copy(update={"api_url": SANDBOX_URL, "account_token": account})


async def register_agent(
    gateway: Registrar, settings: Settings, transport: httpx.AsyncBaseTransport
) -> Sandbox:
    """Register `settings.agent_symbol` through `gateway` (built by bootstrap on `transport`)."""
    registered = register_result(await gateway.register(settings.agent_symbol, settings.faction))
    budget = settings.probe_budget if settings.probe_budget is not None else SANDBOX_PROBE_BUDGET
    drones = settings.mining_drones if settings.mining_drones is not None else SANDBOX_MINING_DRONES
    haulers = settings.haulers if settings.haulers is not None else SANDBOX_HAULERS
    playing = registering(settings).model_copy(
        update={
            "token": registered.token,
            "probe_budget": budget,
            "mining_drones": drones,
            "haulers": haulers,
        }
    )
    log.info(
        "sandbox_started",
        agent=registered.agent.symbol,
        headquarters=registered.agent.headquarters,
        credits=registered.agent.credits,
        ships=len(registered.ships),
    )
    return Sandbox(transport=transport, settings=playing, agent_symbol=registered.agent.symbol)

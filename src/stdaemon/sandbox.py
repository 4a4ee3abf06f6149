"""The local sandbox: with no token configured, the daemon plays against an in-process `stsim`.

The simulator runs as an ASGI app behind `httpx.ASGITransport`, so nothing listens on a port and nothing
leaves the process. A new agent is registered at start (stsim accepts any account token), and the agent token
it returns becomes the token of the settings the rest of the daemon is built from.
"""

from __future__ import annotations

from dataclasses import dataclass

import httpx
from pydantic import SecretStr

from stdaemon.api.adapters import register_result
from stdaemon.api.gateway import build_gateway
from stdaemon.logging import get_logger
from stdaemon.settings import Settings

log = get_logger(__name__)

SANDBOX_URL = "http://stsim.sandbox/v2"
SANDBOX_SEED = 1
SANDBOX_SYSTEMS = 20


@dataclass(frozen=True)
class Sandbox:
    """The in-process simulator and the settings (with the registered agent's token) to play it with."""

    transport: httpx.AsyncBaseTransport
    settings: Settings
    agent_symbol: str


def sandbox_transport(
    *, seed: int = SANDBOX_SEED, systems: int = SANDBOX_SYSTEMS
) -> httpx.AsyncBaseTransport:
    from stsim.app import build_app

    return httpx.ASGITransport(app=build_app(seed=seed, systems=systems))


async def start_sandbox(settings: Settings) -> Sandbox:
    """Build the simulator and register `settings.agent_symbol` in it."""
    transport = sandbox_transport()
    account = settings.account_token or SecretStr("sandbox-account-token")
    registering = settings.model_copy(update={"api_url": SANDBOX_URL, "account_token": account})
    gateway = build_gateway(registering, transport=transport)
    try:
        payload = await gateway.register(settings.agent_symbol, settings.faction)
    finally:
        await gateway.aclose()
    registered = register_result(payload)
    playing = settings.model_copy(
        update={"api_url": SANDBOX_URL, "token": registered.token, "account_token": account}
    )
    log.info(
        "sandbox_started",
        agent=registered.agent.symbol,
        headquarters=registered.agent.headquarters,
        credits=registered.agent.credits,
        ships=len(registered.ships),
    )
    return Sandbox(transport=transport, settings=playing, agent_symbol=registered.agent.symbol)

"""Registering a new agent with the account token after a server reset (the supervisor's step 2).

The new agent's token comes back as a `SecretStr` and is never logged; the line says who was registered.
"""

from __future__ import annotations

from typing import Any, Protocol

from stdaemon.api.adapters import register_result
from stdaemon.api.errors import ApiError
from stdaemon.domain import models as m
from stdaemon.exits import ConfigError
from stdaemon.logging import get_logger
from stdaemon.settings import Settings

log = get_logger(__name__)

# registerAgentExistsError, registerAgentSymbolReservedError, registerAgentConflictSymbolError
_SYMBOL_TAKEN = frozenset({4109, 4110, 4111})


class Registrar(Protocol):
    async def register(self, symbol: str, faction: str) -> dict[str, Any]: ...


async def register_new_agent(gateway: Registrar, settings: Settings) -> m.RegisterResult:
    """Register `ST_AGENT_SYMBOL` with `ST_FACTION` through `gateway` (built with the account token)."""
    try:
        payload = await gateway.register(settings.agent_symbol, settings.faction)
    except ApiError as exc:
        if exc.code in _SYMBOL_TAKEN:
            raise ConfigError(
                f"cannot register agent {settings.agent_symbol}: {exc.message}; set ST_AGENT_SYMBOL to "
                "another symbol, or ST_TOKEN to that agent's token"
            ) from None
        raise
    registered = register_result(payload)
    log.info(
        "agent_registered",
        agent=registered.agent.symbol,
        faction=settings.faction,
        headquarters=registered.agent.headquarters,
        credits=registered.agent.credits,
        ships=len(registered.ships),
    )
    return registered

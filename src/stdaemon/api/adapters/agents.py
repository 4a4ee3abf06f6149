"""Adapter for agents (ours and public ones)."""

from __future__ import annotations

from space_traders_api_client import models as gm
from stdaemon.api.adapters.mapping import Adapter, Json, present
from stdaemon.domain.agents import Agent


def read_agent(dto: gm.Agent, raw: Json) -> Agent:
    return Agent(
        symbol=dto.symbol,
        account_id=present(dto.account_id),
        headquarters=present(dto.headquarters) or None,
        credits=dto.credits_,
        starting_faction=present(dto.starting_faction),
        ship_count=present(dto.ship_count),
        raw=raw,
    )


agent = Adapter("agent", gm.Agent, read_agent)

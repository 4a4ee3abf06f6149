"""Adapter for agents (ours and public ones)."""

from __future__ import annotations

from typing import Any

from stdaemon.api.adapters.reader import Obj
from stdaemon.domain.agents import Agent


def read_agent(o: Obj) -> Agent:
    return Agent(
        symbol=o.symbol(),
        account_id=o.opt_str("accountId"),
        headquarters=o.opt_str("headquarters") or None,
        credits=o.req_int("credits"),
        starting_faction=o.opt_str("startingFaction"),
        ship_count=o.opt_int("shipCount"),
        raw=o.data,
    )


def agent(payload: Any, *, kind: str = "agent") -> Agent:
    return read_agent(Obj.of(kind, payload))

"""Helpers of the mining tests: give the agent ships in stsim, run a mining-only planner, read the ledger."""

from __future__ import annotations

from collections.abc import MutableMapping, Sequence
from typing import Any

from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncEngine

from stdaemon.services.fleet.planner import RulePlanner, is_command, is_probe
from stdaemon.services.fleet.rules import fleet_rules
from stsim.rules.shipyard import build_ship
from tests.fleet.harness import Game


def give(g: Game, ship_type: str) -> str:
    """A new ship of ours of `ship_type`, docked at the headquarters (as if bought)."""
    agent = g.world.agents[g.agent]
    return build_ship(g.world, agent, ship_type, agent.headquarters).symbol


def miners_only() -> RulePlanner:
    """The fleet's mining and surveying rules, for every ship but the command ship and the probes."""
    return RulePlanner(
        fleet_rules(contracts=False, trading=False),
        wants=lambda s: not is_command(s) and not is_probe(s),
    )


def events(logs: Sequence[MutableMapping[str, Any]], name: str, ship: str | None = None) -> list[Any]:
    return [e for e in logs if e["event"] == name and (ship is None or e.get("ship") == ship)]


async def ledger(engine: AsyncEngine) -> list[Any]:
    async with engine.connect() as conn:
        return list(await conn.execute(text("SELECT * FROM telemetry.credit_ledger ORDER BY observed_at")))


async def extractions(engine: AsyncEngine, ship: str) -> list[Any]:
    async with engine.connect() as conn:
        rows = await conn.execute(
            text("SELECT * FROM telemetry.extractions WHERE ship_symbol = :s"), {"s": ship}
        )
        return list(rows)

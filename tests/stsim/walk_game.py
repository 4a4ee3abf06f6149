"""The whole scripted game of the spec walk, phase after phase (see test_stsim_spec_walk)."""

from __future__ import annotations

from tests.stsim import walk_fleet, walk_public, walk_trade
from tests.stsim.walk import Game


async def play(g: Game) -> None:
    """The scripted game: every operation, in the order a player meets them."""
    await walk_public.public(g)  # register, then every public GET
    await walk_public.mine(g)  # the agent's own data; token errors
    await walk_trade.trade(g)  # orbit → navigate → (clock) → dock → refuel → buy → sell
    await walk_trade.contract(g)  # accept → deliver → fulfil → negotiate
    await walk_fleet.shipyard(g)  # buy a ship, mounts, modules, repair, scrap
    await walk_fleet.extraction(g)  # extract, survey, siphon, transfer, jettison
    await walk_fleet.exploration(g)  # scans, chart, warp, construction, jump

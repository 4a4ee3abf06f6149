"""Walks every operation of the spec against stsim — public GETs, a scripted game and the rule-breaking
cases — and validates every response body against the spec's schema for that operation and status
(errors against the documented envelope). Fails if any of the 64 operations was not exercised."""

from __future__ import annotations

import httpx

from stsim.app import Server
from stsim.clock import FakeClock
from tests.stsim import walk_fleet, walk_public, walk_trade
from tests.stsim.spec import SpecValidator
from tests.stsim.walk import Game, Walk


async def test_every_operation_answers_spec_valid(
    client: httpx.AsyncClient, validator: SpecValidator, clock: FakeClock, server: Server
) -> None:
    g = Game(Walk(client, validator), server.world, clock)
    await walk_public.public(g)  # register, then every public GET
    await walk_public.mine(g)  # the agent's own data; token errors
    await walk_trade.trade(g)  # orbit → navigate → (clock) → dock → refuel → buy → sell
    await walk_trade.contract(g)  # accept → deliver → fulfil → negotiate
    await walk_fleet.shipyard(g)  # buy a ship, mounts, modules, repair, scrap
    await walk_fleet.extraction(g)  # extract, survey, siphon, transfer, jettison
    await walk_fleet.exploration(g)  # scans, chart, warp, construction, jump

    assert len(validator.operations) == 64
    missing = sorted(set(validator.operations) - set(g.w.seen))
    assert not missing, f"operations never exercised: {missing}"
    responses = sum(len(s) for s in g.w.seen.values())
    print(
        f"\nstsim spec walk: {len(g.w.seen)} operations, {validator.checked} responses validated "
        f"({responses} distinct operation/status pairs)"
    )

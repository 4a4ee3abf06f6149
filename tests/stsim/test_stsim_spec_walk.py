"""Walks every operation of the spec against stsim — public GETs, a scripted game and the rule-breaking
cases — and validates every response body against the spec's schema for that operation and status
(errors against the documented envelope). Fails if any of the 64 operations was not exercised."""

from __future__ import annotations

import httpx

from stsim.app import Server
from stsim.clock import FakeClock
from tests.stsim.spec import SpecValidator
from tests.stsim.walk import Game, Walk
from tests.stsim.walk_game import play


async def test_every_operation_answers_spec_valid(
    client: httpx.AsyncClient, validator: SpecValidator, clock: FakeClock, server: Server
) -> None:
    g = Game(Walk(client, validator), server.world, clock)
    await play(g)

    assert len(validator.operations) == 64
    missing = sorted(set(validator.operations) - set(g.w.seen))
    assert not missing, f"operations never exercised: {missing}"
    responses = sum(len(s) for s in g.w.seen.values())
    print(
        f"\nstsim spec walk: {len(g.w.seen)} operations, {validator.checked} responses validated "
        f"({responses} distinct operation/status pairs)"
    )

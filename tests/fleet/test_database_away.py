"""A step that finds the database away (a restart, an outage) waits for it with the plan it has: no crash,
no failure and re-plan, no request to the API meanwhile, one warning; the step goes on once it is back."""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

from sqlalchemy.ext.asyncio import AsyncEngine
from structlog.testing import capture_logs

from stdaemon.services.fleet.behaviour import Behaviour, BehaviourState, Done, Next
from stdaemon.services.fleet.context import ShipContext
from stdaemon.services.fleet.runner import Runner
from tests.fleet.harness import game
from tests.fleet.test_game_errors import events, once


class ReadsTheDatabase(Behaviour[BehaviourState]):
    """Its first `away` steps meet the database's connection refused (what asyncpg raises while the server is
    down), then the step succeeds."""

    name: ClassVar[str] = "reads_the_database"
    State = BehaviourState
    away = 3
    steps = 0
    requests: ClassVar[Sequence[object]] = []  # the game's request log
    asked: ClassVar[list[int]] = []  # how many requests the API had seen at each step

    async def step(self, ctx: ShipContext) -> Next:
        type(self).steps += 1
        self.asked.append(len(self.requests))
        if type(self).steps <= self.away:
            raise ConnectionRefusedError(111, "Connect call failed ('127.0.0.1', 5432)")
        return Done("read it")


async def test_a_step_waits_for_the_database_keeping_its_plan(clean_db: AsyncEngine) -> None:
    async with game(clean_db) as g:
        runner = Runner("fleet", g.deps, once(lambda: ReadsTheDatabase(BehaviourState())))
        ReadsTheDatabase.requests = g.transport.requests
        with capture_logs() as logs:
            await g.run([runner], lambda: ReadsTheDatabase.steps > ReadsTheDatabase.away)
        assert ReadsTheDatabase.steps == ReadsTheDatabase.away + 1  # the same behaviour, stepped again
        assert not events(logs, "behaviour_crashed") and not events(logs, "behaviour_failed")
        [away] = events(logs, "database_away")  # once per outage, not once per step
        assert "ConnectionRefusedError" in away["error"]
        [back] = events(logs, "database_back")
        assert back["waits"] == ReadsTheDatabase.away
        first, *_, last = ReadsTheDatabase.asked
        assert g.transport.requests[first:last] == []  # no ship re-read, no re-plan: nothing asked of the API

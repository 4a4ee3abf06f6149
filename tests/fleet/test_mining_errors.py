"""The game errors of mining, provoked against stsim just before the drone's request: 4000 reactor cooldown,
4228 cargo full, 4224 survey exhausted, 4221 survey expired. The plan changes and the mining goes on."""

from __future__ import annotations

import json
from datetime import timedelta
from typing import Any

import httpx
from sqlalchemy.ext.asyncio import AsyncEngine
from structlog.testing import capture_logs

from stdaemon.services.fleet.clock import SkipClock
from stdaemon.services.fleet.runner import Runner
from stsim.ships import MODULES
from tests.fleet.harness import Game, game
from tests.fleet.mining_support import events, extractions, give, miners_only

SPEED = 10.0


def capacity(g: Game, ship: str) -> int:
    return sum(MODULES[x][0] or 0 for x in g.world.ships[ship].modules if x.startswith("MODULE_CARGO"))


async def test_4000_the_extraction_waits_for_the_cooldown_the_server_names(clean_db: AsyncEngine) -> None:
    async with game(clean_db, speed=SPEED) as g:
        drone = give(g, "SHIP_MINING_DRONE")
        until: list[Any] = []
        asked_again: list[Any] = []

        def busy_reactor(_: httpx.Request) -> None:  # something else used the reactor meanwhile
            g.world.set_cooldown(g.world.ships[drone], 300)
            until.append(g.world.ships[drone].cooldown_until)
            g.transport.before("POST", "/extract", lambda _: asked_again.append(g.clock.now()))

        g.transport.before("POST", "/extract", busy_reactor)
        runner = Runner("fleet", g.deps, miners_only())
        with capture_logs() as logs:
            await g.run([runner], lambda: len(events(logs, "mining_extracted")) >= 1)
        assert 4000 in g.codes()
        [handled] = [e for e in events(logs, "game_error_handled") if e["code"] == 4000]
        assert "cooldown" in handled["then"]
        assert asked_again[0] >= until[0]  # asked again only once the server's expiration had passed
        assert asked_again[0] - until[0] < timedelta(seconds=5)  # and not much later


async def test_4228_a_full_hold_is_sold_before_extracting_again(clean_db: AsyncEngine) -> None:
    async with game(clean_db, speed=SPEED) as g:
        drone = give(g, "SHIP_MINING_DRONE")

        def hold_filled(_: httpx.Request) -> None:  # the hold filled up behind our back
            g.world.ships[drone].cargo = {"IRON_ORE": capacity(g, drone)}

        g.transport.before("POST", "/extract", hold_filled)
        runner = Runner("fleet", g.deps, miners_only())
        with capture_logs() as logs:
            await g.run([runner], lambda: bool(events(logs, "mining_cycle_done")))
        assert 4228 in g.codes()
        [replanned] = [e for e in events(logs, "game_error_replanned") if e["code"] == 4228]
        assert "selling" in replanned["then"]
        [sold] = events(logs, "mining_sold", drone)
        assert sold["goods"].get("IRON_ORE", 0) == capacity(g, drone) and sold["credits"] > 0
        assert g.world.ships[drone].cargo == {}


async def survey_refused(clean_db: AsyncEngine, spoil: str) -> tuple[Game, str, list[Any], set[str]]:
    """Run a drone and a surveyor; spoil the first survey the drone uses (`exhaust` or `expire`) just before
    the drone's request. Returns the game, the spoilt signature, the logs, and the signatures used after."""
    async with game(clean_db, speed=SPEED) as g:
        drone = give(g, "SHIP_MINING_DRONE")
        give(g, "SHIP_SURVEYOR")
        spoilt: list[str] = []

        def spoil_it(request: httpx.Request) -> None:
            signature = json.loads(request.content)["signature"]
            survey = g.world.surveys[signature]
            if spoil == "exhaust":
                survey.remaining = 0
            else:  # the request took long enough for the survey to run out
                assert isinstance(g.clock, SkipClock)
                g.clock.advance((survey.expiration - g.world.now()).total_seconds() + 1)
            spoilt.append(signature)

        g.transport.before("POST", "/extract/survey", spoil_it)
        runner = Runner("fleet", g.deps, miners_only())

        def used() -> set[str]:
            return {
                p for _, p, status in g.transport.requests if p.endswith("/extract/survey") and status == 201
            }

        with capture_logs() as logs:
            await g.run([runner], lambda: len(used()) >= 1 and len(events(logs, "mining_extracted")) >= 2)
        after = {r.survey_signature for r in await extractions(clean_db, drone)} - {None}
        return g, spoilt[0], list(logs), after


async def test_4224_an_exhausted_survey_is_dropped_and_another_used(clean_db: AsyncEngine) -> None:
    g, spoilt, logs, used = await survey_refused(clean_db, "exhaust")
    assert 4224 in g.codes()
    assert [e["survey"] for e in events(logs, "survey_dropped")] == [spoilt]
    assert spoilt not in used  # never offered again
    assert g.codes().count(4224) == 1


async def test_4221_an_expired_survey_is_dropped_and_another_used(clean_db: AsyncEngine) -> None:
    g, spoilt, logs, used = await survey_refused(clean_db, "expire")
    assert 4221 in g.codes()
    assert [e["survey"] for e in events(logs, "survey_dropped")] == [spoilt]
    assert spoilt not in used
    assert g.codes().count(4221) == 1

"""Each game error the fleet must survive, provoked against stsim: the plan changes, the loop goes on.

The world is changed under the daemon just before one of its requests (as another player or a lost answer
would), so the daemon's view is stale in exactly the way that makes the server refuse: 4214 in transit,
4000 cooldown, 4203 fuel, 4217 cargo full, 4601 not sold here, 4602 not bought here, 4503 deadline passed,
and an action whose answer was lost (its outcome unknown).
"""

from __future__ import annotations

import math
from collections.abc import Callable, MutableMapping, Sequence
from datetime import timedelta
from typing import Any

import httpx
import pytest
from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncEngine
from structlog.testing import capture_logs

from stdaemon.api.errors import ResetDetected
from stdaemon.services.fleet.behaviour import Behaviour
from stdaemon.services.fleet.behaviours.contracts import Contracts
from stdaemon.services.fleet.behaviours.trade import Trade
from stdaemon.services.fleet.behaviours.travel import Travel
from stdaemon.services.fleet.planner import PlanView, Rule, RulePlanner, is_command
from stdaemon.services.fleet.runner import Runner
from stsim.model import TradeListing, Waypoint
from tests.fleet.harness import Game, game


def once(make: Callable[[], Behaviour[Any]]) -> RulePlanner:
    """The command ship gets `make()` once, then idles: one scenario per test."""
    given: list[bool] = []

    async def first(view: PlanView) -> Behaviour[Any]:
        given.append(True)
        return make()

    return RulePlanner(
        [Rule("scenario", lambda v: is_command(v.ship) and not given, first)], wants=is_command
    )


def home(g: Game) -> list[Waypoint]:
    u = g.world.universe
    system = u.waypoints[g.ship().waypoint].system
    return [u.waypoints[w] for w in u.systems[system].waypoints]


def far_from(g: Game, here: str) -> Waypoint:
    a = g.world.universe.waypoints[here]
    return max(home(g), key=lambda w: (math.hypot(w.x - a.x, w.y - a.y), w.symbol))


def events(logs: Sequence[MutableMapping[str, Any]], name: str) -> list[MutableMapping[str, Any]]:
    return [e for e in logs if e["event"] == name]


async def test_4214_in_transit_waits_for_the_arrival_the_error_names(clean_db: AsyncEngine) -> None:
    async with game(clean_db) as g:
        ship = g.ship()
        first, second = sorted((w for w in home(g) if w.symbol != ship.waypoint), key=lambda w: w.symbol)[:2]
        held_until: list[Any] = []

        def back_in_transit(_: httpx.Request) -> None:  # the ship was sent on another flight meanwhile
            s = g.ship()
            s.status, s.departed, s.arrival = "IN_TRANSIT", g.clock.now(), g.world.later(500)
            held_until.append(s.arrival)

        g.transport.before(
            "POST", "/navigate", lambda _: g.transport.before("POST", "/navigate", back_in_transit)
        )
        runner = Runner("fleet", g.deps, once(lambda: Travel.to(first.symbol, second.symbol)))
        with capture_logs() as logs:
            await g.run(
                [runner], lambda: g.ship().waypoint == second.symbol and g.ship().status != "IN_TRANSIT"
            )
        assert 4214 in g.codes()
        assert g.ship().departed >= held_until[0]  # flew on only once the named arrival had passed
        [handled] = [e for e in events(logs, "game_error_handled") if e["code"] == 4214]
        assert "in transit" in handled["then"]


async def test_4000_cooldown_waits_for_the_expiration_then_jumps(clean_db: AsyncEngine) -> None:
    async with game(clean_db, speed=10.0) as g:
        u = g.world.universe
        ship = g.ship()
        system = u.waypoints[ship.waypoint].system
        gate = next(w for w in u.systems[system].waypoints if u.waypoints[w].type == "JUMP_GATE")
        other = next(x for x in u.gates[gate] if not u.waypoints[x].under_construction)
        cooled: list[Any] = []

        def cooldown(_: httpx.Request) -> None:
            g.world.set_cooldown(g.ship(), 90)
            cooled.append(g.ship().cooldown_until)

        g.transport.before("POST", "/jump", cooldown)
        start = ship.waypoint
        runner = Runner("fleet", g.deps, once(lambda: Travel.to(other, start)))

        def jumps() -> list[str]:
            return [p for _, p, status in g.transport.requests if p.endswith("/jump") and status == 200]

        def back() -> bool:
            return len(jumps()) == 2 and g.ship().waypoint == start and g.ship().status != "IN_TRANSIT"

        with capture_logs() as logs:
            await g.run([runner], back)
        assert len(jumps()) == 2  # there and back
        assert g.codes().count(4000) >= 2  # the injected cooldown, then the first jump's own
        assert all(e["code"] == 4000 for e in events(logs, "game_error_handled"))
        arrived = [e for e in events(logs, "ship_jumped")]
        assert len(arrived) == 2
        assert g.world.agents[g.agent].credits < 175_000  # antimatter was bought, and recorded:
        async with clean_db.connect() as conn:
            paid = (
                await conn.execute(
                    text("SELECT min(observed_at) FROM telemetry.credit_ledger WHERE kind = 'JUMP'")
                )
            ).scalar_one()
        assert paid is not None and paid >= cooled[0]  # the first jump waited out the cooldown


async def test_4203_not_enough_fuel_replans_with_a_refuel_or_a_drift(clean_db: AsyncEngine) -> None:
    async with game(clean_db) as g:
        target = far_from(g, g.ship().waypoint)

        def drained(_: httpx.Request) -> None:
            g.ship().fuel = 2

        g.transport.before("POST", "/navigate", drained)
        runner = Runner("fleet", g.deps, once(lambda: Travel.to(target.symbol)))
        with capture_logs() as logs:
            await g.run(
                [runner], lambda: g.ship().waypoint == target.symbol and g.ship().status != "IN_TRANSIT"
            )
        assert g.codes() == [4203]
        [handled] = events(logs, "game_error_handled")
        assert handled["code"] == 4203 and "drift" in handled["then"].lower()
        [departed] = events(logs, "ship_departed")
        assert departed["mode"] == "DRIFT" or any(p.endswith("/refuel") for _, p, _ in g.transport.requests)


async def test_4217_cargo_full_makes_room_and_still_fulfils(clean_db: AsyncEngine) -> None:
    async with game(clean_db) as g:

        def junk(_: httpx.Request) -> None:  # the hold filled up with something the contract does not need
            g.ship().cargo = {"QUARTZ_SAND": 40}

        g.transport.before("POST", "/purchase", junk)
        runner = Runner("fleet", g.deps, once(Contracts.start))
        await g.run([runner], lambda: g.contract().fulfilled)
        assert 4217 in g.codes()
        assert "QUARTZ_SAND" not in g.ship().cargo
        assert any(p.endswith(("/jettison", "/sell")) for _, p, _ in g.transport.requests)


async def test_4601_a_market_that_stops_selling_is_avoided_for_another(clean_db: AsyncEngine) -> None:
    async with game(clean_db) as g:
        [term] = g.contract().deliver
        markets = g.world.universe.markets
        system = g.world.universe.waypoints[g.ship().waypoint].system
        sellers = [
            m for m in markets.values() if term.trade_symbol in m.goods and m.symbol.startswith(system)
        ]
        spare = next(m for m in markets.values() if m.symbol.startswith(system) and m not in sellers)
        spare.goods[term.trade_symbol] = TradeListing(term.trade_symbol, "EXPORT", 40, 50.0, "STRONG")
        stopped: list[str] = []

        def stop_selling(request: httpx.Request) -> None:
            here = g.ship().waypoint
            markets[here].goods.pop(term.trade_symbol, None)
            stopped.append(here)

        g.transport.before("POST", "/purchase", stop_selling)
        runner = Runner("fleet", g.deps, once(Contracts.start))
        with capture_logs() as logs:
            await g.run([runner], lambda: g.contract().fulfilled)
        assert g.codes() == [4601]
        [replanned] = events(logs, "game_error_replanned")
        assert replanned["code"] == 4601
        [bought] = [e for e in events(logs, "contract_goods_bought")]
        assert bought["market"] != stopped[0]


async def test_4602_a_market_that_stops_buying_ends_the_trade_and_the_loop_goes_on(
    clean_db: AsyncEngine,
) -> None:
    async with game(clean_db) as g:
        markets = g.world.universe.markets
        system = g.world.universe.waypoints[g.ship().waypoint].system
        here = [m for m in markets.values() if m.symbol.startswith(system)]
        good, buy_at, sell_at = next(
            (good, a.symbol, b.symbol)
            for a in here
            for b in here
            for good in a.goods
            if a is not b and good in b.goods and good != "FUEL"
        )
        await seed_quotes(g, clean_db, good, buy_at=buy_at, sell_at=sell_at)

        def stop_buying(_: httpx.Request) -> None:
            markets[sell_at].goods.pop(good)

        g.transport.before("POST", "/sell", stop_buying)
        runner = Runner("fleet", g.deps, once(Trade.start))
        with capture_logs() as logs:

            def replanned() -> bool:
                assigned = events(logs, "behaviour_assigned")
                return bool(events(logs, "behaviour_done")) and assigned[-1]["behaviour"] == "idle"

            await g.run([runner], replanned)
        assert g.codes() == [4602]
        # The skipping clock may let the idle ship finish an idle spell or two before the check sees it.
        done, *idled = events(logs, "behaviour_done")
        assert done["behaviour"] == "trade" and "refused" in done["reason"]
        assert {e["behaviour"] for e in idled} <= {"idle"}
        assigned = [e["behaviour"] for e in events(logs, "behaviour_assigned")]
        assert assigned[:2] == ["trade", "idle"] and set(assigned[2:]) <= {"idle"}


async def seed_quotes(g: Game, engine: AsyncEngine, good: str, *, buy_at: str, sell_at: str) -> None:
    """Our price history says: buy `good` cheap at one market, sell it dear at the other."""
    now = g.clock.now()
    rows = [(buy_at, 10, 9), (sell_at, 5001, 5000)]
    async with engine.begin() as conn:
        for waypoint, purchase, sell in rows:
            await conn.execute(
                text(
                    "INSERT INTO telemetry.market_trade_goods (reset_date, waypoint_symbol, trade_symbol,"
                    " type, trade_volume, supply, purchase_price, sell_price, raw, observed_at)"
                    " VALUES (:r, :w, :g, 'EXCHANGE', 10, 'MODERATE', :p, :s, '{}', :t)"
                ),
                {"r": g.data.reset_date, "w": waypoint, "g": good, "p": purchase, "s": sell, "t": now},
            )


async def test_4503_a_contract_past_its_deadline_is_given_up_with_the_reason(clean_db: AsyncEngine) -> None:
    async with game(clean_db) as g:

        def expire(_: httpx.Request) -> None:
            g.contract().deadline = g.clock.now() - timedelta(seconds=1)

        g.transport.before("POST", "/deliver", expire)
        runner = Runner("fleet", g.deps, once(Contracts.start))
        with capture_logs() as logs:
            await g.run([runner], lambda: bool(events(logs, "behaviour_done")))
        assert g.codes() == [4503]
        [missed] = events(logs, "contract_missed")
        assert "4503" in missed["reason"] or "expired" in missed["reason"]
        [done] = events(logs, "behaviour_done")
        assert "expired" in done["reason"]
        assert not g.contract().fulfilled


async def test_an_action_of_unknown_outcome_re_reads_the_ship_first(clean_db: AsyncEngine) -> None:
    async with game(clean_db) as g:
        symbol = g.ship().symbol
        target = far_from(g, g.ship().waypoint)
        g.transport.lose_answer("POST", "/navigate")  # the server flew the ship; the daemon never heard
        runner = Runner("fleet", g.deps, once(lambda: Travel.to(target.symbol)))
        with capture_logs() as logs:
            await g.run(
                [runner], lambda: g.ship().waypoint == target.symbol and g.ship().status != "IN_TRANSIT"
            )
        requests = [(m, p) for m, p, _ in g.transport.requests]
        lost = requests.index(("POST", f"/v2/my/ships/{symbol}/navigate"))
        assert requests[lost + 1] == ("GET", f"/v2/my/ships/{symbol}")  # before anything else
        assert requests.count(("POST", f"/v2/my/ships/{symbol}/navigate")) == 1  # not flown twice
        assert events(logs, "action_outcome_unknown")


async def test_a_server_reset_stops_the_runner(clean_db: AsyncEngine) -> None:
    async with game(clean_db) as g:

        def reset(_: httpx.Request) -> None:
            g.server.reset()

        g.transport.before("POST", "/navigate", reset)
        runner = Runner("fleet", g.deps, once(lambda: Travel.to(far_from(g, g.ship().waypoint).symbol)))
        with pytest.raises(ResetDetected):
            await g.run([runner], lambda: False, limit_s=30)

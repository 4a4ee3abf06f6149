"""End to end against stsim on PostgreSQL: the fleet trades from the prices the probes observe. The trade's
ledger entries sum to a profit and the database agrees with the server afterwards (credits, ships, cargo,
contracts); on the server's real rate limit the trading fleet never draws a 429; cargo left from an
interrupted run is sold where our fresh prices pay most."""

from __future__ import annotations

from collections.abc import MutableMapping
from typing import Any

from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncEngine
from structlog.testing import capture_logs

from stdaemon.services.fleet.behaviours.trade import MAX_PRICE_AGE, Trade
from stdaemon.services.fleet.rules import RUNNER, fleet_planner
from stdaemon.services.fleet.runner import Runner
from stdaemon.services.markets import build_market_runner
from tests.fleet.harness import game
from tests.fleet.test_game_errors import events, once
from tests.fleet.test_play_contract import assert_database_equals_the_server


def traded(logs: list[MutableMapping[str, Any]]) -> bool:
    return any(e["reason"].startswith("traded") for e in events(logs, "behaviour_done"))


async def test_the_fleet_trades_at_a_profit_between_contracts_and_the_database_agrees(
    clean_db: AsyncEngine,
) -> None:
    async with game(clean_db, seed=3, probe_budget=45_000) as g:
        fleet = Runner(RUNNER, g.deps, fleet_planner())
        with capture_logs() as logs:
            await g.run([fleet, build_market_runner(g.deps)], lambda: traded(logs))
        assert g.contract().fulfilled  # the first contract measured what contracts earn per second
        [preferred, *_] = events(logs, "trade_preferred")
        assert preferred["per_second"] > preferred["contracts_per_second"]
        chosen, bought, sold = (events(logs, e)[0] for e in ("trade_chosen", "trade_bought", "trade_sold"))
        assert bought["good"] == sold["good"] == chosen["good"] and bought["units"] == sold["units"] > 0
        async with clean_db.connect() as conn:
            rows = (
                await conn.execute(
                    text("SELECT kind, ref, amount FROM telemetry.credit_ledger WHERE behaviour = 'trade'")
                )
            ).all()
        goods = [r for r in rows if r.ref == chosen["good"]]
        assert {r.kind for r in goods} == {"PURCHASE", "SELL"}
        assert sum(r.amount for r in goods) == sold["revenue"] - bought["cost"]
        assert sum(r.amount for r in rows) > 0  # the trade, its fuel included, made a profit
        await assert_database_equals_the_server(g, clean_db)


async def test_a_trading_fleet_on_the_servers_rate_limit_draws_no_429(clean_db: AsyncEngine) -> None:
    """The gateway spends the real budget (2/s + 30 per minute) on a clock that follows the wall and skips
    the flights; stsim enforces its limits."""
    async with game(clean_db, seed=3, rate_limit=True, follow_wall=True) as g:
        fleet = Runner(RUNNER, g.deps, fleet_planner(contracts=False))
        with capture_logs() as logs:
            await g.run([fleet, build_market_runner(g.deps)], lambda: traded(logs), limit_s=120)
        assert g.server.limiter is not None and len(g.transport.requests) > 30  # more than the burst pool
        assert g.transport.statuses.get(429, 0) == 0


async def test_cargo_left_from_an_interrupted_run_is_sold_where_fresh_prices_pay_most(
    clean_db: AsyncEngine,
) -> None:
    async with game(clean_db) as g:
        u = g.world.universe
        system = u.waypoints[g.ship().waypoint].system
        here = [u.markets[w] for w in u.systems[system].waypoints if w in u.markets]
        good, fresh_at, stale_at = next(
            (good, a.symbol, b.symbol)
            for a in here
            for b in here
            for good in a.goods
            if a is not b and good in b.goods and good != "FUEL"
        )
        g.ship().cargo[good] = 10  # held without a plan: the state of the run that bought it was lost
        now = g.clock.now()
        async with clean_db.begin() as conn:
            for waypoint, sell, seen in ((fresh_at, 500, now), (stale_at, 5_000, now - 2 * MAX_PRICE_AGE)):
                await conn.execute(
                    text(
                        "INSERT INTO telemetry.market_trade_goods (reset_date, waypoint_symbol, trade_symbol,"
                        " type, trade_volume, supply, purchase_price, sell_price, raw, observed_at)"
                        " VALUES (:r, :w, :g, 'EXCHANGE', 10, 'MODERATE', :p, :s, '{}', :t)"
                    ),
                    {"r": g.data.reset_date, "w": waypoint, "g": good, "p": sell + 1, "s": sell, "t": seen},
                )
        runner = Runner(RUNNER, g.deps, once(Trade.start))
        with capture_logs() as logs:
            await g.run([runner], lambda: bool(events(logs, "behaviour_done")))
        [leftover] = events(logs, "trade_leftover")
        assert leftover["sell_at"] == fresh_at  # the stale 5,000 is not believed
        assert good not in g.ship().cargo
        async with clean_db.connect() as conn:
            sold = (
                await conn.execute(
                    text(
                        "SELECT sum(units) FROM telemetry.credit_ledger WHERE behaviour = 'trade'"
                        " AND kind = 'SELL' AND ref = :g AND waypoint_symbol = :w"
                    ),
                    {"g": good, "w": fresh_at},
                )
            ).scalar_one()
            held = (
                await conn.execute(
                    text("SELECT cargo_units FROM telemetry.ships WHERE symbol = :s"), {"s": g.ship().symbol}
                )
            ).scalar_one()
        assert sold == 10 and held == 0

"""End to end against stsim on PostgreSQL: the market runner stations probes at the home system's markets
(buying more within its budget) and every snapshot it stores has the server's prices of that moment."""

from __future__ import annotations

from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncEngine

from stdaemon.services.fleet.rules import RUNNER, fleet_planner
from stdaemon.services.fleet.runner import Runner
from stdaemon.services.markets import Watchtower, build_market_runner
from stsim.rules.market import listing_json
from tests.fleet.harness import Game, game

BUDGET = 45_000  # two probes at about 20,000 each


def home_markets(g: Game) -> set[str]:
    u = g.world.universe
    system = u.waypoints[g.world.agents[g.agent].headquarters].system
    return {w for w in u.systems[system].waypoints if w in u.markets}


async def test_probes_watch_the_home_markets_and_snapshots_equal_the_servers_prices(
    clean_db: AsyncEngine,
) -> None:
    async with game(clean_db, probe_budget=BUDGET) as g:
        runner = build_market_runner(g.deps)
        tower: Watchtower = g.deps.extras["watchtower"]
        markets = home_markets(g)
        assert len(markets) >= 3

        def probes() -> list[str]:
            return [
                s.symbol for s in g.world.ships.values() if s.owner == g.agent and s.frame == "FRAME_PROBE"
            ]

        await g.run([runner], lambda: len(probes()) == 3 and markets <= set(tower.polled))

        # every home market has price history, and the latest prices are the server's at that moment
        # (no trade touched them, so the server's prices have not moved since)
        async with clean_db.connect() as conn:
            latest = {
                (r.waypoint_symbol, r.trade_symbol): (
                    r.purchase_price,
                    r.sell_price,
                    r.supply,
                    r.trade_volume,
                )
                for r in await conn.execute(text("SELECT * FROM telemetry.market_trade_goods"))
            }
            snapshots = {
                r[0]: r[1]
                for r in await conn.execute(
                    text("SELECT waypoint_symbol, count(*) FROM telemetry.market_snapshots GROUP BY 1")
                )
            }
            spent = (
                await conn.execute(
                    text("SELECT -sum(amount) FROM telemetry.credit_ledger WHERE kind = 'SHIP_PURCHASE'")
                )
            ).scalar_one()
        assert set(snapshots) >= markets
        for symbol in markets:
            market = g.world.universe.markets[symbol]
            for listing in market.goods.values():
                server = listing_json(g.world, market, listing)
                expected = (
                    server["purchasePrice"],
                    server["sellPrice"],
                    server["supply"],
                    server["tradeVolume"],
                )
                assert latest[(symbol, listing.symbol)] == expected, (symbol, listing.symbol)
        # two probes bought within the budget, and recorded in the ledger
        assert 0 < spent <= BUDGET
        # each probe is stationed at (or on its way to) a market of its own, or cycling through several
        for ship in (g.world.ships[p] for p in probes()):
            assert ship.waypoint in markets


async def test_fleet_and_markets_runners_share_the_ships_without_overlap(clean_db: AsyncEngine) -> None:
    async with game(clean_db) as g:
        fleet = Runner(RUNNER, g.deps, fleet_planner())
        markets = build_market_runner(g.deps)
        await g.run([fleet, markets], lambda: bool(fleet.ships) and bool(markets.ships))
        assert set(fleet.ships).isdisjoint(markets.ships)
        assert {s for s in fleet.ships} | set(markets.ships) == {
            s.symbol for s in g.world.ships.values() if s.owner == g.agent
        }
        async with clean_db.connect() as conn:
            rows = await conn.execute(text("SELECT ship_symbol, runner FROM telemetry.ship_behaviours"))
            held = {r.ship_symbol: r.runner for r in rows}
        assert held == {**{s: "fleet" for s in fleet.ships}, **{s: "markets" for s in markets.ships}}

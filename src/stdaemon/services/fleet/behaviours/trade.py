"""Trade: one simple buy-here-sell-there run inside the ship's system, between contracts.

The route comes from our own latest prices (`MarketBook.quotes`, no older than `MAX_PRICE_AGE`): for each
good, the cheapest market to buy it and the dearest to sell it; units are the free hold, at most
`MAX_LOTS` lots of the buying market's trade volume (our own buying moves the price), and only what the
credits allow. A route must make at least `MIN_PROFIT` after the fuel of the detour. The run: fly to the
buying market, check its live price still leaves a margin, buy, fly to the selling market, sell, done.
The real route scoring (price impact, supply, several systems) is later work.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta

from stdaemon.domain.operations import MarketQuote
from stdaemon.services.fleet import pilot
from stdaemon.services.fleet.behaviour import Behaviour, BehaviourState, Done, Next, Wait, register
from stdaemon.services.fleet.context import ShipContext
from stdaemon.services.fleet.errors import NOT_TRADED
from stdaemon.services.fleet.navigation import distance

MAX_PRICE_AGE = timedelta(minutes=30)
MAX_LOTS = 2
MIN_PROFIT = 200
REST_NO_TRADE = timedelta(minutes=5)


class TradeState(BehaviourState):
    good: str | None = None
    buy_at: str | None = None
    sell_at: str | None = None
    units: int = 0
    expected_sell: int = 0
    bought: bool = False


@dataclass(frozen=True)
class Deal:
    good: str
    buy_at: str
    sell_at: str
    units: int
    buy_price: int
    sell_price: int
    profit: int


def best_deal(
    quotes: list[MarketQuote], *, room: int, credits: int, detour: dict[tuple[str, str], float]
) -> Deal | None:
    """The most profitable single-good run from these quotes (pure; see the module docstring)."""
    by_good: dict[str, list[MarketQuote]] = {}
    for q in quotes:
        by_good.setdefault(q.trade_symbol, []).append(q)
    best: Deal | None = None
    for good, seen in by_good.items():
        if good == "FUEL":
            continue
        buy = min(seen, key=lambda q: q.purchase_price)
        sell = max(seen, key=lambda q: q.sell_price)
        if buy.waypoint_symbol == sell.waypoint_symbol or sell.sell_price <= buy.purchase_price:
            continue
        units = min(room, MAX_LOTS * max(1, buy.trade_volume), credits // max(1, buy.purchase_price))
        fuel = detour.get((buy.waypoint_symbol, sell.waypoint_symbol), 0.0)
        profit = round(units * (sell.sell_price - buy.purchase_price) - fuel)
        if units > 0 and profit >= MIN_PROFIT and (best is None or profit > best.profit):
            best = Deal(
                good,
                buy.waypoint_symbol,
                sell.waypoint_symbol,
                units,
                buy.purchase_price,
                sell.sell_price,
                profit,
            )
    return best


@register
class Trade(Behaviour[TradeState]):
    name = "trade"
    State = TradeState

    @classmethod
    def start(cls) -> Trade:
        return cls(TradeState())

    def describe(self) -> str:
        if self.state.good is None:
            return "looking for a trade"
        return f"{self.state.units} {self.state.good}: {self.state.buy_at} → {self.state.sell_at}"

    async def step(self, ctx: ShipContext) -> Next:
        if self.state.good is None:
            return await self._choose(ctx)
        assert self.state.buy_at is not None and self.state.sell_at is not None
        ship = await ctx.ship()
        held = sum(i.units for i in ship.cargo.inventory if i.symbol == self.state.good)
        if not self.state.bought and held < self.state.units:
            wait = await pilot.travel(ctx, self.state.buy_at)
            if wait is not None:
                return wait
            return await self._buy(ctx, held)
        if held == 0:
            return Done(f"sold {self.state.good}")
        wait = await pilot.travel(ctx, self.state.sell_at)
        if wait is not None:
            return wait
        sold = await ctx.sell(self.state.good, held)
        ctx.log.info("trade_sold", good=self.state.good, units=sold, market=self.state.sell_at)
        return Done(f"traded {sold} {self.state.good}")

    async def _choose(self, ctx: ShipContext) -> Next:
        ship = await ctx.ship()
        system = ship.nav.system_symbol
        now = ctx.now()
        quotes = [
            q
            for good in await self._goods(ctx, system)
            for q in await ctx.deps.book.quotes(ctx.deps.reset_date(), good, system=system)
            if now - q.observed_at <= MAX_PRICE_AGE
        ]
        points = await ctx.atlas.points(system)
        here = points.get(ship.nav.waypoint_symbol)
        detour = {
            (a, b): (distance(here, points[a]) if here else 0.0) + distance(points[a], points[b])
            for a in {q.waypoint_symbol for q in quotes}
            if a in points
            for b in {q.waypoint_symbol for q in quotes}
            if b in points
        }
        agent = await ctx.data.agent()
        room = ship.cargo.capacity - ship.cargo.units
        deal = best_deal(
            quotes, room=room, credits=agent.credits - ctx.deps.config.credit_reserve, detour=detour
        )
        if deal is None:
            return Done("no profitable trade known", REST_NO_TRADE)
        self.state = TradeState(
            good=deal.good,
            buy_at=deal.buy_at,
            sell_at=deal.sell_at,
            units=deal.units,
            expected_sell=deal.sell_price,
        )
        ctx.log.info(
            "trade_chosen",
            good=deal.good,
            units=deal.units,
            buy_at=deal.buy_at,
            sell_at=deal.sell_at,
            expected_profit=deal.profit,
        )
        return Wait(now, "trade chosen")

    async def _goods(self, ctx: ShipContext, system: str) -> set[str]:
        return {g for listing in (await ctx.atlas.listings(system)).values() for g in listing.goods}

    async def _buy(self, ctx: ShipContext, held: int) -> Next:
        assert self.state.good is not None
        ship = await ctx.ship()
        market = await ctx.market_here(ship)
        live = next((g for g in market.trade_goods if g.symbol == self.state.good), None)
        if live is None or live.purchase_price >= self.state.expected_sell:
            return Done(f"{self.state.good} no longer pays at {self.state.buy_at}", REST_NO_TRADE)
        room = ship.cargo.capacity - ship.cargo.units
        units = min(self.state.units - held, room)
        if units > 0:
            await ctx.buy(self.state.good, units)
        self.state.bought = True
        ctx.log.info("trade_bought", good=self.state.good, units=units, market=self.state.buy_at)
        return Wait(ctx.now(), "bought")

    async def on_error(self, ctx: ShipContext, error: Exception, code: int | None) -> Next | None:
        if code in NOT_TRADED:
            for market in (self.state.buy_at, self.state.sell_at):
                if market is not None:
                    ctx.atlas.forget_listing(market)
            return Done(f"a market refused {self.state.good}: {error}", REST_NO_TRADE)
        return None

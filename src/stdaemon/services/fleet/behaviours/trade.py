"""Trade: buy a good where it is cheap, fly, sell it where it is dear, inside the ship's system.

Choosing (`deals.best_deal`): our own prices of the system (`MarketBook.quotes`, none older than
`MAX_PRICE_AGE`), every seller paired with every buyer of a good, units lot by lot with the price moves our
own trades cause, the fuel of the whole trip at the FUEL price seen, scored by profit per second of flight for
this ship's free hold, engine and position; a market and good another ship is already buying is left to it.

Running: fly to the buying market (burning when the deal was scored that way), read its live prices, then buy
lot by lot (the market's trade volume) while the next lot's price, predicted from the last one, still sells
at a profit at the selling market's fresh price; fly there, sell lot by lot. The price moves of each pair of
consecutive lots are learnt (`deals.PriceMoves`) for the next choice. A run that no longer pays at the live
price buys nothing. Cargo the ship holds from an interrupted run is sold at the best fresh price first.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta

from stdaemon.domain import models as m
from stdaemon.domain.ids import system_of
from stdaemon.domain.operations import MarketQuote
from stdaemon.services.fleet import pilot
from stdaemon.services.fleet.behaviour import Behaviour, BehaviourState, Done, Next, Wait, register
from stdaemon.services.fleet.context import ShipContext
from stdaemon.services.fleet.deals import Deal, Legs, PriceMoves, best_deal
from stdaemon.services.fleet.errors import NOT_TRADED
from stdaemon.services.fleet.navigation import NoRoute, Urgency, plan_route

MAX_PRICE_AGE = timedelta(minutes=15)
REST_NO_TRADE = timedelta(minutes=1)  # new prices come with every market poll
MOVES = "trade:price_moves"  # FleetDeps.extras: the PriceMoves every trading ship shares
CLAIMS = "trade:claims"  # FleetDeps.extras: ship -> (market, good) it is buying


class TradeState(BehaviourState):
    good: str | None = None
    buy_at: str | None = None
    sell_at: str | None = None
    units: int = 0
    expected_sell: int = 0  # the sell price the deal was scored with (first lot)
    burn: bool = False
    bought: bool = False


def price_moves(ctx: ShipContext) -> PriceMoves:
    moves = ctx.deps.extras.setdefault(MOVES, PriceMoves())
    assert isinstance(moves, PriceMoves)
    return moves


def claims(ctx: ShipContext) -> dict[str, tuple[str, str]]:
    held: dict[str, tuple[str, str]] = ctx.deps.extras.setdefault(CLAIMS, {})
    return held


async def fresh_quotes(ctx: ShipContext, system: str) -> list[MarketQuote]:
    now = ctx.now()
    quotes = await ctx.deps.book.quotes(ctx.deps.reset_date(), None, system=system)
    return [q for q in quotes if now - q.observed_at <= MAX_PRICE_AGE]


async def find_deal(ctx: ShipContext, ship: m.Ship) -> Deal | None:
    """The best trade run for `ship` from where it is now (`deals.best_deal`), or None."""
    quotes = await fresh_quotes(ctx, ship.nav.system_symbol)
    agent = await ctx.data.agent()
    taken = frozenset(v for s, v in claims(ctx).items() if s != ctx.symbol)
    return best_deal(
        quotes,
        room=ship.cargo.capacity - ship.cargo.units,
        credits=agent.credits - ctx.deps.config.credit_reserve,
        trip=await trips(ctx, ship),
        moves=price_moves(ctx),
        taken=taken,
    )


async def trips(ctx: ShipContext, ship: m.Ship) -> Callable[[str, str, bool], Legs | None]:
    """trip(buy_at, sell_at, burn) -> Legs | None, planned with the game's formulas (cached per leg)."""
    system = ship.nav.system_symbol
    points = await ctx.atlas.points(system)
    stops = await ctx.atlas.fuel_stops(system)
    speed = ship.engine.speed if ship.engine is not None and ship.engine.speed else 1
    scale = ctx.deps.time_scale
    cache: dict[tuple[str, str, bool, bool], Legs | None] = {}

    def leg(a: str, b: str, burn: bool, *, start: bool) -> Legs | None:
        key = (a, b, burn, start)
        if key not in cache:
            try:
                route = plan_route(
                    points, a, b,
                    fuel=ship.fuel.current if start else ship.fuel.capacity,
                    capacity=ship.fuel.capacity, speed=speed, fuel_stops=stops,
                    urgency=Urgency.URGENT if burn else Urgency.NORMAL,
                )  # fmt: skip
                cache[key] = Legs(route.seconds * scale, route.fuel)
            except NoRoute:
                cache[key] = None
        return cache[key]

    def trip(buy_at: str, sell_at: str, burn: bool) -> Legs | None:
        first = leg(ship.nav.waypoint_symbol, buy_at, burn, start=True)
        second = leg(buy_at, sell_at, burn, start=False)
        if first is None or second is None:
            return None
        return Legs(first.seconds + second.seconds, first.fuel + second.fuel)

    return trip


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

    @property
    def urgency(self) -> Urgency:
        return Urgency.URGENT if self.state.burn else Urgency.NORMAL

    async def step(self, ctx: ShipContext) -> Next:
        if self.state.good is None:
            return await self._choose(ctx)
        assert self.state.buy_at is not None and self.state.sell_at is not None
        claims(ctx)[ctx.symbol] = (self.state.buy_at, self.state.good)
        ship = await ctx.ship()
        held = sum(i.units for i in ship.cargo.inventory if i.symbol == self.state.good)
        if not self.state.bought:
            wait = await pilot.travel(ctx, self.state.buy_at, urgency=self.urgency)
            if wait is not None:
                return wait
            return await self._buy(ctx, held)
        if held == 0:
            return self._done(ctx, f"bought no {self.state.good}: the live price no longer paid")
        wait = await pilot.travel(ctx, self.state.sell_at, urgency=self.urgency)
        if wait is not None:
            return wait
        sold, revenue = await self._lots(ctx, "SELL", self.state.good, held, stop_below=0)
        ctx.log.info(
            "trade_sold", good=self.state.good, units=sold, revenue=revenue, market=self.state.sell_at
        )
        return self._done(ctx, f"traded {sold} {self.state.good}")

    def _done(self, ctx: ShipContext, reason: str, rest: timedelta = timedelta(0)) -> Done:
        claims(ctx).pop(ctx.symbol, None)
        return Done(reason, rest)

    # --- choosing ------------------------------------------------------------------------------------

    async def _choose(self, ctx: ShipContext) -> Next:
        ship = await ctx.ship()
        leftover = next((i for i in ship.cargo.inventory if i.units > 0), None)
        if leftover is not None:
            quotes = await fresh_quotes(ctx, ship.nav.system_symbol)
            return self._sell_leftover(ctx, leftover, quotes)
        deal = await find_deal(ctx, ship)
        if deal is None:
            return self._done(ctx, "no profitable trade known", REST_NO_TRADE)
        self._adopt(ctx, deal)
        return Wait(ctx.now(), "trade chosen")

    @classmethod
    def for_deal(cls, ctx: ShipContext, deal: Deal) -> Trade:
        """A trade run of a deal already chosen (the planner compared it with the ship's other work)."""
        trade = cls.start()
        trade._adopt(ctx, deal)
        return trade

    def _adopt(self, ctx: ShipContext, deal: Deal) -> None:
        self.state = TradeState(
            good=deal.good,
            buy_at=deal.buy_at,
            sell_at=deal.sell_at,
            units=deal.units,
            expected_sell=deal.sell_price,
            burn=deal.burn,
        )
        claims(ctx)[ctx.symbol] = (deal.buy_at, deal.good)
        ctx.log.info(
            "trade_chosen",
            good=deal.good,
            units=deal.units,
            buy_at=deal.buy_at,
            sell_at=deal.sell_at,
            expected_profit=deal.profit,
            per_second=round(deal.per_second, 2),
            seconds=round(deal.seconds),
            mode="BURN" if deal.burn else "CRUISE",
        )

    def _sell_leftover(self, ctx: ShipContext, item: m.ShipCargoItem, quotes: list[MarketQuote]) -> Next:
        """Cargo held without a plan (an interrupted run): sell it where our fresh prices pay most."""
        buyers = [q for q in quotes if q.trade_symbol == item.symbol]
        if not buyers:
            return self._done(
                ctx, f"holds {item.units} {item.symbol} and knows no market buying it", REST_NO_TRADE
            )
        best = max(buyers, key=lambda q: q.sell_price)
        self.state = TradeState(
            good=item.symbol, buy_at=best.waypoint_symbol, sell_at=best.waypoint_symbol, units=item.units,
            expected_sell=best.sell_price, bought=True,
        )  # fmt: skip
        ctx.log.info("trade_leftover", good=item.symbol, units=item.units, sell_at=best.waypoint_symbol)
        return Wait(ctx.now(), "selling leftover cargo")

    # --- buying and selling --------------------------------------------------------------------------

    async def _buy(self, ctx: ShipContext, held: int) -> Next:
        good = self.state.good
        assert good is not None
        ship = await ctx.ship()
        await ctx.dock(ship)
        market = await ctx.data.market(ship.nav.waypoint_symbol, fresh=True)  # live prices, stored for all
        live = next((g for g in market.trade_goods if g.symbol == good), None)
        sell = await self._sell_price(ctx)
        if live is None or sell <= live.purchase_price:
            # the live prices just read are stored: the next choice already knows this deal is gone
            return self._done(ctx, f"{good} no longer pays at {self.state.buy_at}")
        want = min(self.state.units - held, ship.cargo.capacity - ship.cargo.units)
        bought, cost = await self._lots(ctx, "PURCHASE", good, want, stop_below=sell)
        self.state.bought = True
        ctx.log.info("trade_bought", good=good, units=bought, cost=cost, market=self.state.buy_at)
        return Wait(ctx.now(), "bought")

    async def _sell_price(self, ctx: ShipContext) -> int:
        """The selling market's freshest price for the good (else the one the deal was scored with)."""
        assert self.state.sell_at is not None
        quotes = await ctx.deps.book.quotes(
            ctx.deps.reset_date(), self.state.good, system=system_of(self.state.sell_at)
        )
        seen = next((q for q in quotes if q.waypoint_symbol == self.state.sell_at), None)
        return seen.sell_price if seen is not None else self.state.expected_sell

    async def _lots(
        self, ctx: ShipContext, side: str, good: str, units: int, *, stop_below: int
    ) -> tuple[int, int]:
        """Trade `units` lot by lot; buying stops once the next lot's predicted price reaches `stop_below`."""
        ship = await ctx.ship()
        market = await ctx.market_here(ship)
        listed = next((g for g in market.trade_goods if g.symbol == good), None)
        volume = listed.trade_volume if listed is not None and listed.trade_volume > 0 else units
        moves = price_moves(ctx)
        done, total, last = 0, 0, None
        while done < units:
            lot = min(volume, units - done)
            if side == "PURCHASE" and last is not None:
                supply = listed.supply if listed is not None else None
                predicted = last * (1 + moves.per_lot(ship.nav.waypoint_symbol, good, side, supply))
                if predicted >= stop_below:
                    break
            tx = await ctx.trade_lot(side, good, lot)
            if last is not None and lot == volume:
                moves.observe(tx.waypoint_symbol, good, side, last, tx.price_per_unit)
            if side == "PURCHASE" and tx.price_per_unit >= stop_below:
                done, total = done + lot, total + tx.total_price
                break
            last = tx.price_per_unit
            done, total = done + lot, total + tx.total_price
        return done, total

    async def on_error(self, ctx: ShipContext, error: Exception, code: int | None) -> Next | None:
        if code in NOT_TRADED:
            for market in (self.state.buy_at, self.state.sell_at):
                if market is not None:
                    ctx.atlas.forget_listing(market)
            return self._done(ctx, f"a market refused {self.state.good}: {error}", REST_NO_TRADE)
        return None

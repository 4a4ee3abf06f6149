"""Trade deals, as pure functions: what to buy where, how much, and what it earns per second of flight.

Inputs are our own fresh prices (`MarketQuote`s no older than the caller's max age), the ship (position, hold,
fuel, engine speed) and the flight times the caller computed with the game's formulas (`Legs`). For each good,
every market selling it is paired with every market buying it; a pair is worth:

- units: lot by lot (the buying market's `tradeVolume`; the game refuses more per transaction), the next unit
  is bought only while its predicted sell price beats its predicted buy price, up to the free hold and the
  credits. Our own trades move the price: each lot bought raises the purchase price by `move`, each lot sold
  lowers the sell price by `move` (compounding, per lot of the market's own trade volume). The move is the
  one learnt from our own consecutive lots at that market (`PriceMoves`), else `DEFAULT_MOVE` scaled by the
  listed supply (a thin market moves more);
- cost: the goods, plus the fuel of the whole trip (ship → buying market → selling market) at the FUEL price
  seen (1 market unit = 100 ship fuel units);
- time: the flight time of both legs (server seconds) plus each request's share of the rate budget;
- score: profit per second. A pair whose profit after fuel is below `MIN_PROFIT` is no deal at all: we never
  buy what the route cannot sell at a profit after fuel.

Each pair is scored in the flight mode that pays best: burning costs twice the fuel and saves half the time.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from stdaemon.domain.operations import MarketQuote

DEFAULT_MOVE = 0.05  # price move per lot when we have not seen this market move yet
SUPPLY_MOVE = {"SCARCE": 1.5, "LIMITED": 1.2, "MODERATE": 1.0, "HIGH": 0.8, "ABUNDANT": 0.6}
MIN_PROFIT = 500  # credits a run must make after fuel
REQUEST_S = 0.5  # one request's share of the sustained rate budget (2/s)
REQUESTS_PER_RUN = 8  # navigate ×2, dock ×2, orbit ×2, a market read, refuel (plus one per lot)
FUEL_UNIT = 100
DEFAULT_FUEL_PRICE = 72
BUYABLE = ("EXPORT", "EXCHANGE")


@dataclass
class PriceMoves:
    """Per-lot price moves learnt from our own trades: (market, good, PURCHASE|SELL) -> fraction per lot."""

    learnt: dict[tuple[str, str, str], float] = field(default_factory=dict)

    def move(self, quote: MarketQuote, side: str) -> float:
        return self.per_lot(quote.waypoint_symbol, quote.trade_symbol, side, quote.supply)

    def per_lot(self, market: str, good: str, side: str, supply: str | None = None) -> float:
        seen = self.learnt.get((market, good, side))
        return seen if seen is not None else DEFAULT_MOVE * SUPPLY_MOVE.get(supply or "", 1.0)

    def observe(self, market: str, good: str, side: str, before: int, after: int) -> None:
        """Two consecutive full lots at one market: how far the second's price moved from the first's."""
        if before <= 0 or after <= 0:
            return
        moved = (after / before - 1) if side == "PURCHASE" else (1 - after / before)
        moved = min(0.5, max(0.0, moved))
        key = (market, good, side)
        old = self.learnt.get(key)
        self.learnt[key] = moved if old is None else 0.5 * old + 0.5 * moved


@dataclass(frozen=True)
class Legs:
    """Flight of a trip in one mode: seconds and ship fuel per leg, from the caller's route planner."""

    seconds: float
    fuel: int


@dataclass(frozen=True)
class Deal:
    good: str
    buy_at: str
    sell_at: str
    units: int
    buy_price: int  # the first lot's purchase price
    sell_price: int  # the first lot's sell price
    cost: int  # goods and fuel
    profit: int  # after fuel
    seconds: float
    burn: bool

    @property
    def per_second(self) -> float:
        return self.profit / max(1.0, self.seconds)


def unit_prices(price: int, volume: int, move: float, units: int, *, up: bool) -> list[float]:
    """The price of each of `units` units traded lot by lot from `price` (up for buying, down for selling)."""
    volume = max(1, volume)
    factor = (1 + move) if up else (1 - move)
    return [price * factor ** (i // volume) for i in range(units)]


def best_units(
    buy: MarketQuote, sell: MarketQuote, moves: PriceMoves, *, room: int, credits: int
) -> tuple[int, float, float]:
    """(units, their cost, their revenue): every unit whose predicted sale beats its predicted purchase."""
    buys = unit_prices(buy.purchase_price, buy.trade_volume, moves.move(buy, "PURCHASE"), room, up=True)
    sells = unit_prices(sell.sell_price, sell.trade_volume, moves.move(sell, "SELL"), room, up=False)
    units, cost, revenue = 0, 0.0, 0.0
    for paid, got in zip(buys, sells, strict=True):
        if got <= paid or cost + paid > credits:
            break
        units, cost, revenue = units + 1, cost + paid, revenue + got
    return units, cost, revenue


def best_deal(
    quotes: Iterable[MarketQuote],
    *,
    room: int,
    credits: int,
    trip: Callable[[str, str, bool], Legs | None],
    moves: PriceMoves,
    taken: frozenset[tuple[str, str]] = frozenset(),
) -> Deal | None:
    """The deal with the most profit per second (see the module docstring); None when nothing pays.

    `trip(buy_at, sell_at, burn)`: the whole flight from where the ship is, or None when unreachable.
    `taken`: (market, good) another ship is already buying.
    """
    if room <= 0 or credits <= 0:
        return None
    quotes = list(quotes)
    fuel_price = fuel_price_of(quotes)
    by_good: dict[str, list[MarketQuote]] = {}
    for q in quotes:
        by_good.setdefault(q.trade_symbol, []).append(q)
    best: Deal | None = None
    for good, seen in by_good.items():
        if good == "FUEL":
            continue
        for buy in (q for q in seen if q.type in BUYABLE and (q.waypoint_symbol, good) not in taken):
            for sell in seen:
                if sell.waypoint_symbol == buy.waypoint_symbol or sell.sell_price <= buy.purchase_price:
                    continue
                deal = _score(buy, sell, moves, room=room, credits=credits, trip=trip, fuel_price=fuel_price)
                if deal is not None and (best is None or deal.per_second > best.per_second):
                    best = deal
    return best


def _score(
    buy: MarketQuote,
    sell: MarketQuote,
    moves: PriceMoves,
    *,
    room: int,
    credits: int,
    trip: Callable[[str, str, bool], Legs | None],
    fuel_price: float,
) -> Deal | None:
    units, cost, revenue = best_units(buy, sell, moves, room=room, credits=credits)
    if units == 0:
        return None
    lots = math.ceil(units / max(1, buy.trade_volume)) + math.ceil(units / max(1, sell.trade_volume))
    requests_s = (REQUESTS_PER_RUN + lots) * REQUEST_S
    best: Deal | None = None
    for burn in (False, True):
        legs = trip(buy.waypoint_symbol, sell.waypoint_symbol, burn)
        if legs is None:
            continue
        fuel = legs.fuel * fuel_price / FUEL_UNIT
        profit = round(revenue - cost - fuel)
        if profit < MIN_PROFIT:
            continue
        deal = Deal(
            buy.trade_symbol,
            buy.waypoint_symbol,
            sell.waypoint_symbol,
            units,
            buy.purchase_price,
            sell.sell_price,
            round(cost + fuel),
            profit,
            legs.seconds + requests_s,
            burn,
        )
        if best is None or deal.per_second > best.per_second:
            best = deal
    return best


def fuel_price_of(quotes: Iterable[MarketQuote]) -> float:
    """The median FUEL purchase price among the quotes (the game's default when none is known)."""
    prices = sorted(q.purchase_price for q in quotes if q.trade_symbol == "FUEL")
    return float(prices[len(prices) // 2]) if prices else float(DEFAULT_FUEL_PRICE)

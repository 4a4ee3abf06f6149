"""Trade deals from quotes (pure): units lot by lot with our own price moves, fuel at the FUEL price seen,
profit per second of the whole trip, the flight mode that pays, and price moves learnt from our own lots."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime

import pytest

from stdaemon.domain.operations import MarketQuote
from stdaemon.services.fleet.deals import (
    REQUEST_S,
    REQUESTS_PER_RUN,
    Legs,
    PriceMoves,
    best_deal,
    best_units,
    unit_prices,
)

NOW = datetime(2026, 1, 1, tzinfo=UTC)


def quote(
    waypoint: str, good: str, buy: int, sell: int, *, volume: int = 10, kind: str = "EXCHANGE"
) -> MarketQuote:
    return MarketQuote(
        waypoint_symbol=waypoint, trade_symbol=good, type=kind, trade_volume=volume, supply="MODERATE",
        purchase_price=buy, sell_price=sell, observed_at=NOW,
    )  # fmt: skip


IRON = [quote("A", "IRON", 100, 95), quote("B", "IRON", 140, 130), quote("A", "FUEL", 80, 78)]


def trip_of(table: dict[tuple[str, str, bool], Legs]) -> Callable[[str, str, bool], Legs | None]:
    return lambda buy_at, sell_at, burn: table.get((buy_at, sell_at, burn))


SLOW = {("A", "B", False): Legs(100.0, 50), ("A", "B", True): Legs(60.0, 100)}


def test_units_stop_where_our_own_buying_and_selling_close_the_margin() -> None:
    # lots of 10 moving 5 %: buy 100, 105, 110.25, 115.76…; sell 130, 123.5, 117.33, 111.46…
    units, cost, revenue = best_units(IRON[0], IRON[1], PriceMoves(), room=40, credits=10**6)
    assert units == 30
    assert cost == pytest.approx(10 * (100 + 105 + 110.25))
    assert revenue == pytest.approx(10 * (130 + 123.5 + 117.325))
    assert best_units(IRON[0], IRON[1], PriceMoves(), room=15, credits=10**6)[0] == 15  # the hold
    assert best_units(IRON[0], IRON[1], PriceMoves(), room=40, credits=1_420)[0] == 14  # the credits


def test_the_deal_counts_the_fuel_of_the_whole_trip_and_its_seconds() -> None:
    deal = best_deal(IRON, room=40, credits=10**6, trip=trip_of(SLOW), moves=PriceMoves())
    assert deal is not None and (deal.good, deal.buy_at, deal.sell_at, deal.units) == ("IRON", "A", "B", 30)
    margin = 10 * (130 + 123.5 + 117.325) - 10 * (100 + 105 + 110.25)
    assert deal.profit == round(margin - 50 * 80 / 100)  # 50 ship fuel = half a market unit at 80
    assert not deal.burn  # burning would cost 40 more and leave less than the minimum profit
    assert deal.seconds == 100 + (REQUESTS_PER_RUN + 3 + 3) * REQUEST_S


def test_nothing_is_bought_that_the_route_cannot_sell_at_a_profit_after_fuel() -> None:
    thirsty = {("A", "B", False): Legs(100.0, 1_000)}  # 10 market units of fuel: 800 > the margin
    assert best_deal(IRON, room=40, credits=10**6, trip=trip_of(thirsty), moves=PriceMoves()) is None
    assert best_deal(IRON, room=40, credits=10**6, trip=trip_of({}), moves=PriceMoves()) is None
    dearer = [quote("A", "IRON", 100, 95), quote("B", "IRON", 100, 99)]
    assert best_deal(dearer, room=40, credits=10**6, trip=trip_of(SLOW), moves=PriceMoves()) is None


def test_profit_per_second_beats_profit_and_burning_is_chosen_when_it_pays() -> None:
    copper = [quote("A", "COPPER", 100, 95), quote("C", "COPPER", 150, 140)]  # more profit, far away
    far = SLOW | {("A", "C", False): Legs(1_000.0, 100)}
    alone = best_deal(copper, room=40, credits=10**6, trip=trip_of(far), moves=PriceMoves())
    both = best_deal(IRON + copper, room=40, credits=10**6, trip=trip_of(far), moves=PriceMoves())
    assert alone is not None and both is not None
    assert alone.profit > both.profit and both.good == "IRON" and both.per_second > alone.per_second
    fast = {("A", "B", False): Legs(100.0, 50), ("A", "B", True): Legs(20.0, 60)}
    burnt = best_deal(IRON, room=40, credits=10**6, trip=trip_of(fast), moves=PriceMoves())
    assert burnt is not None and burnt.burn and burnt.profit == round(555.75 - 60 * 0.8)


def test_a_market_another_ship_buys_is_left_to_it_and_imports_are_not_bought() -> None:
    taken = frozenset({("A", "IRON")})
    assert (
        best_deal(IRON, room=40, credits=10**6, trip=trip_of(SLOW), moves=PriceMoves(), taken=taken) is None
    )
    imports = [quote("A", "IRON", 100, 95, kind="IMPORT"), IRON[1]]
    assert best_deal(imports, room=40, credits=10**6, trip=trip_of(SLOW), moves=PriceMoves()) is None


def test_price_moves_are_learnt_from_our_own_consecutive_lots() -> None:
    moves = PriceMoves()
    assert moves.move(IRON[0], "PURCHASE") == pytest.approx(0.05)  # the default before anything is seen
    moves.observe("A", "IRON", "PURCHASE", 100, 102)
    assert moves.move(IRON[0], "PURCHASE") == pytest.approx(0.02)
    moves.observe("A", "IRON", "PURCHASE", 100, 104)
    assert moves.move(IRON[0], "PURCHASE") == pytest.approx(0.03)  # a moving average
    moves.observe("B", "IRON", "SELL", 130, 117)
    assert moves.move(IRON[1], "SELL") == pytest.approx(0.1)
    # a deeper market than the default assumes: more units pay
    assert best_units(IRON[0], IRON[1], moves, room=40, credits=10**6)[0] == 20  # sells drop 10 % a lot
    assert unit_prices(100, 10, 0.1, 21, up=False)[-1] == pytest.approx(81)

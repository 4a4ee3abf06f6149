"""Reading the `analytics` views for the report: every question is answered by a view; here they are only
filtered to one system, thinned for plotting and turned into `domain.analytics` values.

`load_report` refuses, in one line, a database with nothing observed in its current epoch, a system it has
never seen and a good never priced in the system.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, timedelta
from typing import Any, TypeVar

from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine

from stdaemon.domain.analytics import (
    CreditPoint,
    FleetShip,
    LedgerLine,
    MapWaypoint,
    MarketSummary,
    PricePoint,
    ReportData,
    TradedGood,
    TradeRoute,
)
from stdaemon.domain.base import DomainModel
from stdaemon.exits import StdaemonError

GOODS_SHOWN = 6
ROUTES_SHOWN = 15
ROUTE_CARGO, ROUTE_SPEED = 40, 36  # a command frigate, as analytics.best_routes
MARKETS_PER_GOOD = 8  # lines per price chart: the markets where the good was observed most
POINTS_PER_LINE = 200  # a price line with more observations keeps the last one of each time bucket
FRESH = timedelta(hours=1)  # as analytics.best_routes


class NothingToReport(StdaemonError):
    """The database, the system or the good asked for has no observation to show."""


async def _rows(conn: AsyncConnection, sql: str, **params: Any) -> list[dict[str, Any]]:
    return [dict(r._mapping) for r in await conn.execute(text(sql), params)]


M = TypeVar("M", bound=DomainModel)


def _models(model: type[M], rows: Sequence[dict[str, Any]]) -> list[M]:
    return [model.model_validate({k: row[k] for k in model.model_fields}) for row in rows]


def _listing(symbols: Sequence[str], most: int = 12) -> str:
    shown = ", ".join(symbols[:most])
    return shown + (f" and {len(symbols) - most} more" if len(symbols) > most else "") if symbols else "none"


async def _systems_seen(conn: AsyncConnection) -> list[str]:
    """Systems with anything to show, most observed first."""
    rows = await _rows(
        conn,
        """
        SELECT system_symbol, sum(ships) AS ships, sum(markets) AS markets, sum(waypoints) AS waypoints FROM (
            SELECT system_symbol, count(*) AS ships, 0 AS markets, 0 AS waypoints
              FROM analytics.fleet GROUP BY 1
            UNION ALL SELECT system_symbol, 0, count(DISTINCT waypoint_symbol), 0
              FROM analytics.latest_prices GROUP BY 1
            UNION ALL SELECT system_symbol, 0, 0, count(*) FROM analytics.system_map GROUP BY 1
        ) seen GROUP BY 1 ORDER BY ships DESC, markets DESC, waypoints DESC, system_symbol
        """,
    )
    return [r["system_symbol"] for r in rows]


async def _pick_system(conn: AsyncConnection, epoch: date, asked: str | None) -> str:
    systems = await _systems_seen(conn)
    if asked is None:
        if not systems:
            raise NothingToReport(
                f"nothing observed yet in the current epoch ({epoch}): no ships, prices or waypoints; "
                "run `stdaemon run` for a few minutes first"
            )
        return systems[0]
    if asked.upper() not in systems:
        raise NothingToReport(
            f"unknown system {asked} in the current epoch ({epoch}): systems seen: {_listing(systems)}"
        )
    return asked.upper()


async def _pick_goods(conn: AsyncConnection, system: str, asked: str | None) -> list[str]:
    rows = await _rows(conn, "SELECT * FROM analytics.traded_goods WHERE system_symbol = :s", s=system)
    goods = [g.trade_symbol for g in _models(TradedGood, rows)]  # most traded first
    if asked is None:
        return goods[:GOODS_SHOWN]
    if asked.upper() not in goods:
        raise NothingToReport(
            f"no price of {asked} observed in {system}: goods priced there: {_listing(sorted(goods))}"
        )
    return [asked.upper()]


async def _prices(conn: AsyncConnection, system: str, goods: list[str]) -> list[PricePoint]:
    rows = await _rows(
        conn,
        """
        WITH seen AS (
            SELECT * FROM analytics.price_history WHERE system_symbol = :s AND trade_symbol = ANY(:goods)
        ), ranked AS (
            SELECT trade_symbol, waypoint_symbol,
                   row_number() OVER (PARTITION BY trade_symbol ORDER BY count(*) DESC, waypoint_symbol) AS n
              FROM seen GROUP BY trade_symbol, waypoint_symbol
        ), h AS (
            SELECT seen.* FROM seen JOIN ranked USING (trade_symbol, waypoint_symbol)
             WHERE ranked.n <= :markets
        ), bucket AS (
            SELECT make_interval(secs => greatest(1, extract(epoch FROM max(observed_at) - min(observed_at))
                                                 / :points)) AS width
              FROM h
        )
        SELECT waypoint_symbol, trade_symbol, max(observed_at) AS observed_at,
               (array_agg(purchase_price ORDER BY observed_at DESC))[1] AS purchase_price,
               (array_agg(sell_price ORDER BY observed_at DESC))[1] AS sell_price
          FROM h, bucket
         GROUP BY waypoint_symbol, trade_symbol, date_bin(bucket.width, observed_at, timestamptz '2000-01-01')
         ORDER BY trade_symbol, waypoint_symbol, observed_at
        """,
        s=system,
        goods=goods,
        points=POINTS_PER_LINE,
        markets=MARKETS_PER_GOOD,
    )
    return _models(PricePoint, rows)


async def _routes(conn: AsyncConnection, system: str) -> list[TradeRoute]:
    rows = await _rows(
        conn,
        "SELECT * FROM analytics.trade_routes(:cargo, :speed, max_age => :fresh, only_system => :s) LIMIT :n",
        cargo=ROUTE_CARGO,
        speed=ROUTE_SPEED,
        fresh=FRESH,
        s=system,
        n=ROUTES_SHOWN,
    )
    return _models(TradeRoute, rows)


async def load_report(
    engine: AsyncEngine, *, system: str | None = None, good: str | None = None
) -> ReportData:
    """Everything the report shows, for `system` (default: where most of our ships are)."""
    async with engine.connect() as conn:
        [now] = await _rows(conn, "SELECT now() AS now, reset_date FROM analytics.current_epoch")
        epoch: date | None = now["reset_date"]
        if epoch is None:
            raise NothingToReport(
                "the database holds no observations yet (no server reset recorded): "
                "run `stdaemon run` for a few minutes first"
            )
        chosen = await _pick_system(conn, epoch, system)
        goods = await _pick_goods(conn, chosen, good)
        credits = await _rows(conn, "SELECT * FROM analytics.credits WHERE own ORDER BY observed_at")
        markets = await _rows(
            conn,
            "SELECT waypoint_symbol, max(waypoint_type) AS waypoint_type, count(*) AS goods, min(age) AS age"
            " FROM analytics.latest_prices WHERE system_symbol = :s GROUP BY waypoint_symbol ORDER BY 1",
            s=chosen,
        )
        return ReportData(
            reset_date=epoch,
            generated_at=now["now"],
            system_symbol=chosen,
            agent_symbol=credits[-1]["agent_symbol"] if credits else None,
            goods=goods,
            prices=await _prices(conn, chosen, goods),
            waypoints=_models(
                MapWaypoint,
                await _rows(conn, "SELECT * FROM analytics.system_map WHERE system_symbol = :s", s=chosen),
            ),
            fleet=_models(FleetShip, await _rows(conn, "SELECT * FROM analytics.fleet ORDER BY ship_symbol")),
            credits=_models(CreditPoint, credits),
            ledger=_models(LedgerLine, await _rows(conn, "SELECT * FROM analytics.ledger_by_behaviour")),
            routes=await _routes(conn, chosen),
            route_cargo=ROUTE_CARGO,
            route_speed=ROUTE_SPEED,
            markets=_models(MarketSummary, markets),
            fresh_within=FRESH,
        )

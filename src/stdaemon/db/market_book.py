"""Markets as we observed them, read back for the fleet (`services.fleet.protocols.MarketBook`).

Listings come from `telemetry.markets` (written whenever a market is read, with or without a ship there,
and by the crawl); prices from `telemetry.market_trade_goods`, the latest observation of each good at each
market (its history is `market_snapshots`).
"""

from __future__ import annotations

from datetime import date

from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncEngine

from stdaemon.domain.operations import MarketListing, MarketQuote

_LISTINGS = text(
    "SELECT symbol, exports, imports, exchange FROM telemetry.markets"
    " WHERE reset_date = :r AND system_symbol = :s ORDER BY symbol"
)
_QUOTES = text(
    "SELECT waypoint_symbol, trade_symbol, type, trade_volume, supply, purchase_price, sell_price,"
    "       observed_at FROM telemetry.market_trade_goods"
    " WHERE reset_date = :r AND (CAST(:g AS text) IS NULL OR trade_symbol = :g)"
    "   AND (CAST(:s AS text) IS NULL OR left(waypoint_symbol, length(:s) + 1) = :s || '-')"
    " ORDER BY purchase_price, waypoint_symbol"
)


class DbMarketBook:
    def __init__(self, engine: AsyncEngine) -> None:
        self._engine = engine

    async def listings(self, reset_date: date, system: str) -> list[MarketListing]:
        async with self._engine.connect() as conn:
            rows = (await conn.execute(_LISTINGS, {"r": reset_date, "s": system})).all()
        return [
            MarketListing(
                waypoint_symbol=r.symbol,
                exports=tuple(r.exports),
                imports=tuple(r.imports),
                exchange=tuple(r.exchange),
            )
            for r in rows
        ]

    async def quotes(
        self, reset_date: date, good: str | None, *, system: str | None = None
    ) -> list[MarketQuote]:
        async with self._engine.connect() as conn:
            rows = (await conn.execute(_QUOTES, {"r": reset_date, "g": good, "s": system})).all()
        return [MarketQuote.model_validate(r._asdict()) for r in rows]

"""Rows of the trade side of `telemetry`: markets, their goods and price history, shipyards, and the
transactions seen at both."""

from __future__ import annotations

from datetime import date, datetime

from stdaemon.db.rows.core import Rows, base, merge, rows_for
from stdaemon.domain import models as m
from stdaemon.domain.ids import system_of


@rows_for.register
def _market(mk: m.Market, *, reset_date: date, observed_at: datetime) -> Rows:
    market = base(reset_date, observed_at, mk.raw) | {
        "symbol": mk.symbol,
        "system_symbol": system_of(mk.symbol),
        "exports": list(mk.exports),
        "imports": list(mk.imports),
        "exchange": list(mk.exchange),
    }
    goods = [
        base(reset_date, observed_at, g.raw)
        | {
            "waypoint_symbol": mk.symbol,
            "trade_symbol": g.symbol,
            "type": g.type,
            "trade_volume": g.trade_volume,
            "supply": g.supply,
            "activity": g.activity,
            "purchase_price": g.purchase_price,
            "sell_price": g.sell_price,
        }
        for g in mk.trade_goods
    ]
    out: Rows = {"telemetry.markets": [market]}
    if goods:
        out["telemetry.market_trade_goods"] = goods
        out["telemetry.market_snapshots"] = [dict(g) for g in goods]
    return merge(out, *(transaction_rows(t, reset_date, observed_at) for t in mk.transactions))


def transaction_rows(t: m.MarketTransaction, reset_date: date, observed_at: datetime) -> Rows:
    row = base(reset_date, observed_at, t.raw) | {
        "waypoint_symbol": t.waypoint_symbol,
        "ship_symbol": t.ship_symbol,
        "trade_symbol": t.trade_symbol,
        "type": t.type,
        "timestamp": t.timestamp,
        "units": t.units,
        "price_per_unit": t.price_per_unit,
        "total_price": t.total_price,
    }
    return {"telemetry.market_transactions": [row]}


@rows_for.register
def _transaction(t: m.MarketTransaction, *, reset_date: date, observed_at: datetime) -> Rows:
    return transaction_rows(t, reset_date, observed_at)


@rows_for.register
def _shipyard(y: m.Shipyard, *, reset_date: date, observed_at: datetime) -> Rows:
    out: Rows = {
        "telemetry.shipyards": [
            base(reset_date, observed_at, y.raw)
            | {
                "symbol": y.symbol,
                "system_symbol": system_of(y.symbol),
                "ship_types": list(y.ship_types),
                "modifications_fee": y.modifications_fee,
            }
        ]
    }
    ships = [
        base(reset_date, observed_at, s.raw)
        | {
            "waypoint_symbol": y.symbol,
            "ship_type": s.type,
            "name": s.name,
            "supply": s.supply,
            "activity": s.activity,
            "purchase_price": s.purchase_price,
        }
        for s in y.ships
    ]
    if ships:
        out["telemetry.shipyard_ships"] = ships
    return merge(out, *(rows_for(t, reset_date=reset_date, observed_at=observed_at) for t in y.transactions))


@rows_for.register
def _shipyard_transaction(t: m.ShipyardTransaction, *, reset_date: date, observed_at: datetime) -> Rows:
    row = base(reset_date, observed_at, t.raw) | {
        "waypoint_symbol": t.waypoint_symbol,
        "ship_type": t.ship_type,
        "agent_symbol": t.agent_symbol or "",  # part of the key; real payloads always carry it
        "timestamp": t.timestamp,
        "ship_symbol": t.ship_symbol,
        "price": t.price,
    }
    return {"telemetry.shipyard_transactions": [row]}

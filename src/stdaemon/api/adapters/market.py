"""Adapters for markets and shipyards: prices must be integers; `activity: null` and new enums are fine."""

from __future__ import annotations

from space_traders_api_client import models as gm
from stdaemon.api.adapters.fleet import read_engine, read_frame, read_module, read_mount, read_reactor
from stdaemon.api.adapters.mapping import Adapter, Json, each, present, utc, validating
from stdaemon.domain.market import (
    Market,
    MarketTradeGood,
    MarketTransaction,
    Shipyard,
    ShipyardShip,
    ShipyardTransaction,
)

# The models every market poll builds by the dozen, built by their validator directly (`mapping.validating`).
_MarketTradeGood, _MarketTransaction = validating(MarketTradeGood), validating(MarketTransaction)
_Market = validating(Market)


def read_trade_good(dto: gm.MarketTradeGood, raw: Json) -> MarketTradeGood:
    return _MarketTradeGood(
        symbol=dto.symbol,
        type=dto.type_,
        trade_volume=dto.trade_volume,
        supply=dto.supply,
        activity=present(dto.activity),
        purchase_price=dto.purchase_price,
        sell_price=dto.sell_price,
        raw=raw,
    )


def read_market_transaction(dto: gm.MarketTransaction, raw: Json) -> MarketTransaction:
    return _MarketTransaction(
        waypoint_symbol=dto.waypoint_symbol,
        ship_symbol=dto.ship_symbol,
        trade_symbol=dto.trade_symbol,
        type=dto.type_,
        units=dto.units,
        price_per_unit=dto.price_per_unit,
        total_price=dto.total_price,
        timestamp=utc(dto.timestamp),
        raw=raw,
    )


def read_market(dto: gm.Market, raw: Json) -> Market:
    return _Market(
        symbol=dto.symbol,
        exports=tuple([g.symbol for g in dto.exports]),
        imports=tuple([g.symbol for g in dto.imports]),
        exchange=tuple([g.symbol for g in dto.exchange]),
        trade_goods=tuple([read_trade_good(g, r) for g, r in each(dto.trade_goods, raw.get("tradeGoods"))]),
        transactions=tuple(
            read_market_transaction(t, r) for t, r in each(dto.transactions, raw.get("transactions"))
        ),
        raw=raw,
    )


def read_shipyard_ship(dto: gm.ShipyardShip, raw: Json) -> ShipyardShip:
    return ShipyardShip(
        type=dto.type_,
        name=dto.name,
        supply=dto.supply,
        activity=present(dto.activity),
        purchase_price=dto.purchase_price,
        frame=read_frame(dto.frame, raw["frame"]),
        reactor=read_reactor(dto.reactor, raw["reactor"]),
        engine=read_engine(dto.engine, raw["engine"]),
        modules=tuple(read_module(m, r) for m, r in each(dto.modules, raw["modules"])),
        mounts=tuple(read_mount(m, r) for m, r in each(dto.mounts, raw["mounts"])),
        crew_required=dto.crew.required,
        crew_capacity=dto.crew.capacity,
        raw=raw,
    )


def read_shipyard_transaction(dto: gm.ShipyardTransaction, raw: Json) -> ShipyardTransaction:
    return ShipyardTransaction(
        waypoint_symbol=dto.waypoint_symbol,
        ship_type=dto.ship_type,
        price=dto.price,
        agent_symbol=dto.agent_symbol,
        ship_symbol=present(dto.ship_symbol),
        timestamp=utc(dto.timestamp),
        raw=raw,
    )


def read_shipyard(dto: gm.Shipyard, raw: Json) -> Shipyard:
    return Shipyard(
        symbol=dto.symbol,
        ship_types=tuple(t.type_ for t in dto.ship_types),
        ships=tuple(read_shipyard_ship(s, r) for s, r in each(dto.ships, raw.get("ships"))),
        transactions=tuple(
            read_shipyard_transaction(t, r) for t, r in each(dto.transactions, raw.get("transactions"))
        ),
        modifications_fee=present(dto.modifications_fee),
        raw=raw,
    )


market = Adapter("market", gm.Market, read_market)


shipyard = Adapter("shipyard", gm.Shipyard, read_shipyard)


market_transaction = Adapter("market-transaction", gm.MarketTransaction, read_market_transaction)

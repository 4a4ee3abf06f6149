"""Adapters for markets and shipyards: prices must be integers; `activity: null` and new enums are fine."""

from __future__ import annotations

from typing import Any

from stdaemon.api.adapters.fleet import read_engine, read_frame, read_module, read_mount, read_reactor
from stdaemon.api.adapters.reader import Obj
from stdaemon.domain.market import (
    Market,
    MarketTradeGood,
    MarketTransaction,
    Shipyard,
    ShipyardShip,
    ShipyardTransaction,
)


def read_trade_good(o: Obj) -> MarketTradeGood:
    return MarketTradeGood(
        symbol=o.symbol(),
        type=o.req_str("type"),
        trade_volume=o.req_int("tradeVolume"),
        supply=o.req_str("supply"),
        activity=o.opt_str("activity"),
        purchase_price=o.req_int("purchasePrice"),
        sell_price=o.req_int("sellPrice"),
        raw=o.data,
    )


def read_market_transaction(o: Obj) -> MarketTransaction:
    return MarketTransaction(
        waypoint_symbol=o.symbol("waypointSymbol"),
        ship_symbol=o.symbol("shipSymbol"),
        trade_symbol=o.symbol("tradeSymbol"),
        type=o.req_str("type"),
        units=o.req_int("units"),
        price_per_unit=o.req_int("pricePerUnit"),
        total_price=o.req_int("totalPrice"),
        timestamp=o.req_dt("timestamp"),
        raw=o.data,
    )


def read_market(o: Obj) -> Market:
    return Market(
        symbol=o.symbol(),
        exports=o.symbols("exports", required=True),
        imports=o.symbols("imports", required=True),
        exchange=o.symbols("exchange", required=True),
        trade_goods=tuple(read_trade_good(g) for g in o.objs("tradeGoods")),
        transactions=tuple(read_market_transaction(t) for t in o.objs("transactions")),
        raw=o.data,
    )


def read_shipyard_ship(o: Obj) -> ShipyardShip:
    frame, reactor, engine = o.opt_obj("frame"), o.opt_obj("reactor"), o.opt_obj("engine")
    crew = o.opt_obj("crew")
    return ShipyardShip(
        type=o.symbol("type"),
        name=o.opt_str("name"),
        supply=o.opt_str("supply"),
        activity=o.opt_str("activity"),
        purchase_price=o.opt_int("purchasePrice"),
        frame=read_frame(frame) if frame else None,
        reactor=read_reactor(reactor) if reactor else None,
        engine=read_engine(engine) if engine else None,
        modules=tuple(read_module(m) for m in o.objs("modules")),
        mounts=tuple(read_mount(m) for m in o.objs("mounts")),
        crew_required=crew.opt_int("required") if crew else None,
        crew_capacity=crew.opt_int("capacity") if crew else None,
        raw=o.data,
    )


def read_shipyard_transaction(o: Obj) -> ShipyardTransaction:
    return ShipyardTransaction(
        waypoint_symbol=o.symbol("waypointSymbol"),
        ship_type=o.symbol("shipType"),
        price=o.req_int("price"),
        agent_symbol=o.opt_str("agentSymbol"),
        ship_symbol=o.opt_str("shipSymbol"),
        timestamp=o.req_dt("timestamp"),
        raw=o.data,
    )


def read_shipyard(o: Obj) -> Shipyard:
    return Shipyard(
        symbol=o.symbol(),
        ship_types=o.symbols("shipTypes", field="type", required=True),
        ships=tuple(read_shipyard_ship(s) for s in o.objs("ships")),
        transactions=tuple(read_shipyard_transaction(t) for t in o.objs("transactions")),
        modifications_fee=o.opt_int("modificationsFee"),
        raw=o.data,
    )


def market(payload: Any, *, kind: str = "market") -> Market:
    return read_market(Obj.of(kind, payload))


def shipyard(payload: Any, *, kind: str = "shipyard") -> Shipyard:
    return read_shipyard(Obj.of(kind, payload))


def market_transaction(payload: Any, *, kind: str = "market-transaction") -> MarketTransaction:
    return read_market_transaction(Obj.of(kind, payload))

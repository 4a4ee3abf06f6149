"""Contracts: list, get, accept, deliver, fulfil (negotiation is a ship action in routes/actions.py)."""

from __future__ import annotations

from typing import Any

from stsim.render import contract_json
from stsim.routes.base import Call, data, op, paginate
from stsim.rules import contracts


@op("GET", "/my/contracts")
def list_contracts(call: Call) -> dict[str, Any]:
    mine = [c for c in call.world.contracts.values() if c.agent == call.me.symbol]
    return paginate(call, mine, contract_json)


@op("GET", "/my/contracts/{contractId}")
def get_contract(call: Call) -> dict[str, Any]:
    return data(contract_json(call.world.contract(call.me, call.params["contractId"])))


@op("POST", "/my/contracts/{contractId}/accept")
def accept(call: Call) -> dict[str, Any]:
    contract = call.world.contract(call.me, call.params["contractId"])
    return data(contracts.accept(call.world, call.me, contract))


@op("POST", "/my/contracts/{contractId}/deliver", body="required")
def deliver(call: Call) -> dict[str, Any]:
    contract = call.world.contract(call.me, call.params["contractId"])
    ship_symbol, good, units = call.text("shipSymbol"), call.text("tradeSymbol"), call.integer("units")
    ship = call.world.ship(call.me, ship_symbol)
    return data(contracts.deliver(call.world, contract, ship, good, units))


@op("POST", "/my/contracts/{contractId}/fulfill")
def fulfill(call: Call) -> dict[str, Any]:
    contract = call.world.contract(call.me, call.params["contractId"])
    return data(contracts.fulfill(call.world, call.me, contract))

"""Adapter for contracts: `terms.deadline` and `terms.payment` are flattened onto the contract."""

from __future__ import annotations

from typing import Any

from stdaemon.api.adapters.reader import Obj
from stdaemon.domain.contracts import Contract, ContractDeliverGood


def read_deliver_good(o: Obj) -> ContractDeliverGood:
    return ContractDeliverGood(
        trade_symbol=o.symbol("tradeSymbol"),
        destination_symbol=o.symbol("destinationSymbol"),
        units_required=o.req_int("unitsRequired"),
        units_fulfilled=o.req_int("unitsFulfilled"),
        raw=o.data,
    )


def read_contract(o: Obj) -> Contract:
    terms = o.opt_obj("terms")
    payment = terms.opt_obj("payment") if terms else None
    return Contract(
        id=o.symbol("id"),
        faction_symbol=o.symbol("factionSymbol"),
        type=o.req_str("type"),
        accepted=o.req_bool("accepted"),
        fulfilled=o.req_bool("fulfilled"),
        deadline_to_accept=o.opt_dt("deadlineToAccept"),
        expiration=o.opt_dt("expiration"),
        deadline=terms.opt_dt("deadline") if terms else None,
        on_accepted=payment.opt_int("onAccepted") if payment else None,
        on_fulfilled=payment.opt_int("onFulfilled") if payment else None,
        deliver=tuple(read_deliver_good(d) for d in terms.objs("deliver")) if terms else (),
        raw=o.data,
    )


def contract(payload: Any, *, kind: str = "contract") -> Contract:
    return read_contract(Obj.of(kind, payload))

"""Adapter for contracts: `terms.deadline` and `terms.payment` are flattened onto the contract."""

from __future__ import annotations

from space_traders_api_client import models as gm
from stdaemon.api.adapters.mapping import Adapter, Json, each, opt_utc, utc
from stdaemon.domain.contracts import Contract, ContractDeliverGood


def read_deliver_good(dto: gm.ContractDeliverGood, raw: Json) -> ContractDeliverGood:
    return ContractDeliverGood(
        trade_symbol=dto.trade_symbol,
        destination_symbol=dto.destination_symbol,
        units_required=dto.units_required,
        units_fulfilled=dto.units_fulfilled,
        raw=raw,
    )


def read_contract(dto: gm.Contract, raw: Json) -> Contract:
    terms = dto.terms
    return Contract(
        id=dto.id,
        faction_symbol=dto.faction_symbol,
        type=dto.type_,
        accepted=dto.accepted,
        fulfilled=dto.fulfilled,
        deadline_to_accept=opt_utc(dto.deadline_to_accept),
        expiration=opt_utc(dto.expiration),
        deadline=utc(terms.deadline),
        on_accepted=terms.payment.on_accepted,
        on_fulfilled=terms.payment.on_fulfilled,
        deliver=tuple(read_deliver_good(d, r) for d, r in each(terms.deliver, raw["terms"].get("deliver"))),
        raw=raw,
    )


contract = Adapter("contract", gm.Contract, read_contract)

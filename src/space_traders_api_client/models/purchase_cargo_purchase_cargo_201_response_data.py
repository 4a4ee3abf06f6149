from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast

if TYPE_CHECKING:
  from ..models.agent import Agent
  from ..models.market_transaction import MarketTransaction
  from ..models.ship_cargo import ShipCargo


T = TypeVar("T", bound="PurchaseCargoPurchaseCargo201ResponseData")


@_attrs_define
class PurchaseCargoPurchaseCargo201ResponseData:
    """
        Attributes:
            cargo (ShipCargo):
            transaction (MarketTransaction):
            agent (Agent):
     """

    cargo: ShipCargo
    transaction: MarketTransaction
    agent: Agent
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)


    def to_dict(self) -> dict[str, Any]:
        from ..models.agent import Agent # noqa: PLC0415
        from ..models.market_transaction import MarketTransaction # noqa: PLC0415
        from ..models.ship_cargo import ShipCargo # noqa: PLC0415
        cargo = self.cargo.to_dict()

        transaction = self.transaction.to_dict()

        agent = self.agent.to_dict()


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "cargo": cargo,
            "transaction": transaction,
            "agent": agent,
        })

        return field_dict


    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.agent import Agent # noqa: PLC0415
        from ..models.market_transaction import MarketTransaction # noqa: PLC0415
        from ..models.ship_cargo import ShipCargo # noqa: PLC0415
        d = dict(src_dict)
        cargo = ShipCargo.from_dict(d.pop("cargo"))


        transaction = MarketTransaction.from_dict(d.pop("transaction"))


        agent = Agent.from_dict(d.pop("agent"))


        purchase_cargo_purchase_cargo_201_response_data = cls(
            cargo=cargo,
            transaction=transaction,
            agent=agent,
        )


        purchase_cargo_purchase_cargo_201_response_data.additional_properties = d
        return purchase_cargo_purchase_cargo_201_response_data

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties

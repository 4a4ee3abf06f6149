from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast

if TYPE_CHECKING:
  from ..models.agent import Agent
  from ..models.market_transaction import MarketTransaction
  from ..models.ship_cargo import ShipCargo
  from ..models.ship_fuel import ShipFuel


T = TypeVar("T", bound="RefuelShipResponse200Data")


@_attrs_define
class RefuelShipResponse200Data:
    """
        Attributes:
            agent (Agent):
            fuel (ShipFuel):
            transaction (MarketTransaction):
            cargo (None | ShipCargo | Unset):
     """

    agent: Agent
    fuel: ShipFuel
    transaction: MarketTransaction
    cargo: None | ShipCargo | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)


    def to_dict(self) -> dict[str, Any]:
        from ..models.agent import Agent # noqa: PLC0415
        from ..models.market_transaction import MarketTransaction # noqa: PLC0415
        from ..models.ship_cargo import ShipCargo # noqa: PLC0415
        from ..models.ship_fuel import ShipFuel # noqa: PLC0415
        agent = self.agent.to_dict()

        fuel = self.fuel.to_dict()

        transaction = self.transaction.to_dict()

        cargo: dict[str, Any] | None | Unset
        if isinstance(self.cargo, Unset):
            cargo = UNSET
        elif isinstance(self.cargo, ShipCargo):
            cargo = self.cargo.to_dict()
        else:
            cargo = self.cargo


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "agent": agent,
            "fuel": fuel,
            "transaction": transaction,
        })
        if cargo is not UNSET:
            field_dict["cargo"] = cargo

        return field_dict


    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.agent import Agent # noqa: PLC0415
        from ..models.market_transaction import MarketTransaction # noqa: PLC0415
        from ..models.ship_cargo import ShipCargo # noqa: PLC0415
        from ..models.ship_fuel import ShipFuel # noqa: PLC0415
        d = dict(src_dict)
        agent = Agent.from_dict(d.pop("agent"))


        fuel = ShipFuel.from_dict(d.pop("fuel"))


        transaction = MarketTransaction.from_dict(d.pop("transaction"))


        def _parse_cargo(data: object) -> None | ShipCargo | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                cargo_type_0 = ShipCargo.from_dict(data)


                return cargo_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | ShipCargo | Unset, data)

        cargo = _parse_cargo(d.pop("cargo", UNSET))


        refuel_ship_response_200_data = cls(
            agent=agent,
            fuel=fuel,
            transaction=transaction,
            cargo=cargo,
        )


        refuel_ship_response_200_data.additional_properties = d
        return refuel_ship_response_200_data

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

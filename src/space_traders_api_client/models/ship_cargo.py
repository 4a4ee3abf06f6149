from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast

if TYPE_CHECKING:
  from ..models.ship_cargo_item import ShipCargoItem


T = TypeVar("T", bound="ShipCargo")


@_attrs_define
class ShipCargo:
    """
        Attributes:
            capacity (int):
            units (int):
            inventory (list[ShipCargoItem]):
     """

    capacity: int
    units: int
    inventory: list[ShipCargoItem]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)


    def to_dict(self) -> dict[str, Any]:
        from ..models.ship_cargo_item import ShipCargoItem # noqa: PLC0415
        capacity = self.capacity

        units = self.units

        inventory = []
        for inventory_item_data in self.inventory:
            inventory_item = inventory_item_data.to_dict()
            inventory.append(inventory_item)


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "capacity": capacity,
            "units": units,
            "inventory": inventory,
        })

        return field_dict


    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.ship_cargo_item import ShipCargoItem # noqa: PLC0415
        d = dict(src_dict)
        capacity = d.pop("capacity")

        units = d.pop("units")

        inventory = []
        _inventory = d.pop("inventory")
        for inventory_item_data in (_inventory):
            inventory_item = ShipCargoItem.from_dict(inventory_item_data)


            inventory.append(inventory_item)


        ship_cargo = cls(
            capacity=capacity,
            units=units,
            inventory=inventory,
        )


        ship_cargo.additional_properties = d
        return ship_cargo

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

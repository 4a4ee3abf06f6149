from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast

if TYPE_CHECKING:
  from ..models.ship_fuel_consumed_type_0 import ShipFuelConsumedType0


T = TypeVar("T", bound="ShipFuel")


@_attrs_define
class ShipFuel:
    """
        Attributes:
            current (int):
            capacity (int):
            consumed (None | ShipFuelConsumedType0 | Unset):
     """

    current: int
    capacity: int
    consumed: None | ShipFuelConsumedType0 | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)


    def to_dict(self) -> dict[str, Any]:
        from ..models.ship_fuel_consumed_type_0 import ShipFuelConsumedType0 # noqa: PLC0415
        current = self.current

        capacity = self.capacity

        consumed: dict[str, Any] | None | Unset
        if isinstance(self.consumed, Unset):
            consumed = UNSET
        elif isinstance(self.consumed, ShipFuelConsumedType0):
            consumed = self.consumed.to_dict()
        else:
            consumed = self.consumed


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "current": current,
            "capacity": capacity,
        })
        if consumed is not UNSET:
            field_dict["consumed"] = consumed

        return field_dict


    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.ship_fuel_consumed_type_0 import ShipFuelConsumedType0 # noqa: PLC0415
        d = dict(src_dict)
        current = d.pop("current")

        capacity = d.pop("capacity")

        def _parse_consumed(data: object) -> None | ShipFuelConsumedType0 | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                consumed_type_0 = ShipFuelConsumedType0.from_dict(data)


                return consumed_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | ShipFuelConsumedType0 | Unset, data)

        consumed = _parse_consumed(d.pop("consumed", UNSET))


        ship_fuel = cls(
            current=current,
            capacity=capacity,
            consumed=consumed,
        )


        ship_fuel.additional_properties = d
        return ship_fuel

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

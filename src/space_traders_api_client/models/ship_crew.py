from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset


T = TypeVar("T", bound="ShipCrew")


@_attrs_define
class ShipCrew:
    """
        Attributes:
            current (int):
            required (int):
            capacity (int):
            rotation (str):  Default: 'STRICT'.
            morale (int):
            wages (int):
     """

    current: int
    required: int
    capacity: int
    morale: int
    wages: int
    rotation: str = 'STRICT'
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)


    def to_dict(self) -> dict[str, Any]:
        current = self.current

        required = self.required

        capacity = self.capacity

        rotation = self.rotation

        morale = self.morale

        wages = self.wages


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "current": current,
            "required": required,
            "capacity": capacity,
            "rotation": rotation,
            "morale": morale,
            "wages": wages,
        })

        return field_dict


    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        current = d.pop("current")

        required = d.pop("required")

        capacity = d.pop("capacity")

        rotation = d.pop("rotation")

        morale = d.pop("morale")

        wages = d.pop("wages")

        ship_crew = cls(
            current=current,
            required=required,
            capacity=capacity,
            rotation=rotation,
            morale=morale,
            wages=wages,
        )


        ship_crew.additional_properties = d
        return ship_crew

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

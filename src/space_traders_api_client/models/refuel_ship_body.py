from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast


T = TypeVar("T", bound="RefuelShipBody")


@_attrs_define
class RefuelShipBody:
    """
        Attributes:
            units (int | None | Unset):
            from_cargo (bool | None | Unset):  Default: False.
     """

    units: int | None | Unset = UNSET
    from_cargo: bool | None | Unset = False
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)


    def to_dict(self) -> dict[str, Any]:
        units: int | None | Unset
        if isinstance(self.units, Unset):
            units = UNSET
        else:
            units = self.units

        from_cargo: bool | None | Unset
        if isinstance(self.from_cargo, Unset):
            from_cargo = UNSET
        else:
            from_cargo = self.from_cargo


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
        })
        if units is not UNSET:
            field_dict["units"] = units
        if from_cargo is not UNSET:
            field_dict["fromCargo"] = from_cargo

        return field_dict


    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        def _parse_units(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        units = _parse_units(d.pop("units", UNSET))


        def _parse_from_cargo(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        from_cargo = _parse_from_cargo(d.pop("fromCargo", UNSET))


        refuel_ship_body = cls(
            units=units,
            from_cargo=from_cargo,
        )


        refuel_ship_body.additional_properties = d
        return refuel_ship_body

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

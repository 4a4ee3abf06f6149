from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast

if TYPE_CHECKING:
  from ..models.ship_requirements import ShipRequirements


T = TypeVar("T", bound="ShipModule")


@_attrs_define
class ShipModule:
    """
        Attributes:
            symbol (str):
            name (str):
            description (str):
            requirements (ShipRequirements):
            capacity (int | None | Unset):
            range_ (int | None | Unset):
     """

    symbol: str
    name: str
    description: str
    requirements: ShipRequirements
    capacity: int | None | Unset = UNSET
    range_: int | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)


    def to_dict(self) -> dict[str, Any]:
        from ..models.ship_requirements import ShipRequirements # noqa: PLC0415
        symbol = self.symbol

        name = self.name

        description = self.description

        requirements = self.requirements.to_dict()

        capacity: int | None | Unset
        if isinstance(self.capacity, Unset):
            capacity = UNSET
        else:
            capacity = self.capacity

        range_: int | None | Unset
        if isinstance(self.range_, Unset):
            range_ = UNSET
        else:
            range_ = self.range_


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "symbol": symbol,
            "name": name,
            "description": description,
            "requirements": requirements,
        })
        if capacity is not UNSET:
            field_dict["capacity"] = capacity
        if range_ is not UNSET:
            field_dict["range"] = range_

        return field_dict


    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.ship_requirements import ShipRequirements # noqa: PLC0415
        d = dict(src_dict)
        symbol = d.pop("symbol")

        name = d.pop("name")

        description = d.pop("description")

        requirements = ShipRequirements.from_dict(d.pop("requirements"))


        def _parse_capacity(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        capacity = _parse_capacity(d.pop("capacity", UNSET))


        def _parse_range_(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        range_ = _parse_range_(d.pop("range", UNSET))


        ship_module = cls(
            symbol=symbol,
            name=name,
            description=description,
            requirements=requirements,
            capacity=capacity,
            range_=range_,
        )


        ship_module.additional_properties = d
        return ship_module

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

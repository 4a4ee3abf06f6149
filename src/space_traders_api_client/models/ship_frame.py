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


T = TypeVar("T", bound="ShipFrame")


@_attrs_define
class ShipFrame:
    """
        Attributes:
            symbol (str):
            name (str):
            condition (float):
            integrity (float):
            description (str):
            module_slots (int):
            mounting_points (int):
            fuel_capacity (int):
            requirements (None | ShipRequirements | Unset):
            quality (float | None | Unset):
     """

    symbol: str
    name: str
    condition: float
    integrity: float
    description: str
    module_slots: int
    mounting_points: int
    fuel_capacity: int
    requirements: None | ShipRequirements | Unset = UNSET
    quality: float | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)


    def to_dict(self) -> dict[str, Any]:
        from ..models.ship_requirements import ShipRequirements # noqa: PLC0415
        symbol = self.symbol

        name = self.name

        condition = self.condition

        integrity = self.integrity

        description = self.description

        module_slots = self.module_slots

        mounting_points = self.mounting_points

        fuel_capacity = self.fuel_capacity

        requirements: dict[str, Any] | None | Unset
        if isinstance(self.requirements, Unset):
            requirements = UNSET
        elif isinstance(self.requirements, ShipRequirements):
            requirements = self.requirements.to_dict()
        else:
            requirements = self.requirements

        quality: float | None | Unset
        if isinstance(self.quality, Unset):
            quality = UNSET
        else:
            quality = self.quality


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "symbol": symbol,
            "name": name,
            "condition": condition,
            "integrity": integrity,
            "description": description,
            "moduleSlots": module_slots,
            "mountingPoints": mounting_points,
            "fuelCapacity": fuel_capacity,
        })
        if requirements is not UNSET:
            field_dict["requirements"] = requirements
        if quality is not UNSET:
            field_dict["quality"] = quality

        return field_dict


    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.ship_requirements import ShipRequirements # noqa: PLC0415
        d = dict(src_dict)
        symbol = d.pop("symbol")

        name = d.pop("name")

        condition = d.pop("condition")

        integrity = d.pop("integrity")

        description = d.pop("description")

        module_slots = d.pop("moduleSlots")

        mounting_points = d.pop("mountingPoints")

        fuel_capacity = d.pop("fuelCapacity")

        def _parse_requirements(data: object) -> None | ShipRequirements | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                requirements_type_0 = ShipRequirements.from_dict(data)


                return requirements_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | ShipRequirements | Unset, data)

        requirements = _parse_requirements(d.pop("requirements", UNSET))


        def _parse_quality(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        quality = _parse_quality(d.pop("quality", UNSET))


        ship_frame = cls(
            symbol=symbol,
            name=name,
            condition=condition,
            integrity=integrity,
            description=description,
            module_slots=module_slots,
            mounting_points=mounting_points,
            fuel_capacity=fuel_capacity,
            requirements=requirements,
            quality=quality,
        )


        ship_frame.additional_properties = d
        return ship_frame

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

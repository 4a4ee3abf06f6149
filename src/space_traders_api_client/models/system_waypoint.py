from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast

if TYPE_CHECKING:
  from ..models.waypoint_orbital import WaypointOrbital


T = TypeVar("T", bound="SystemWaypoint")


@_attrs_define
class SystemWaypoint:
    """
        Attributes:
            symbol (str):
            type_ (str):
            x (int):
            y (int):
            orbitals (list[WaypointOrbital]):
            orbits (None | str | Unset):
     """

    symbol: str
    type_: str
    x: int
    y: int
    orbitals: list[WaypointOrbital]
    orbits: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)


    def to_dict(self) -> dict[str, Any]:
        from ..models.waypoint_orbital import WaypointOrbital # noqa: PLC0415
        symbol = self.symbol

        type_ = self.type_

        x = self.x

        y = self.y

        orbitals = []
        for orbitals_item_data in self.orbitals:
            orbitals_item = orbitals_item_data.to_dict()
            orbitals.append(orbitals_item)


        orbits: None | str | Unset
        if isinstance(self.orbits, Unset):
            orbits = UNSET
        else:
            orbits = self.orbits


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "symbol": symbol,
            "type": type_,
            "x": x,
            "y": y,
            "orbitals": orbitals,
        })
        if orbits is not UNSET:
            field_dict["orbits"] = orbits

        return field_dict


    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.waypoint_orbital import WaypointOrbital # noqa: PLC0415
        d = dict(src_dict)
        symbol = d.pop("symbol")

        type_ = d.pop("type")

        x = d.pop("x")

        y = d.pop("y")

        orbitals = []
        _orbitals = d.pop("orbitals")
        for orbitals_item_data in (_orbitals):
            orbitals_item = WaypointOrbital.from_dict(orbitals_item_data)


            orbitals.append(orbitals_item)


        def _parse_orbits(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        orbits = _parse_orbits(d.pop("orbits", UNSET))


        system_waypoint = cls(
            symbol=symbol,
            type_=type_,
            x=x,
            y=y,
            orbitals=orbitals,
            orbits=orbits,
        )


        system_waypoint.additional_properties = d
        return system_waypoint

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

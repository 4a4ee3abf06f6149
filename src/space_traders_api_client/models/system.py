from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast

if TYPE_CHECKING:
  from ..models.system_faction import SystemFaction
  from ..models.system_waypoint import SystemWaypoint


T = TypeVar("T", bound="System")


@_attrs_define
class System:
    """
        Attributes:
            symbol (str):
            sector_symbol (str):
            type_ (str):
            x (int):
            y (int):
            waypoints (list[SystemWaypoint]):
            factions (list[SystemFaction]):
            constellation (None | str | Unset):
            name (None | str | Unset):
     """

    symbol: str
    sector_symbol: str
    type_: str
    x: int
    y: int
    waypoints: list[SystemWaypoint]
    factions: list[SystemFaction]
    constellation: None | str | Unset = UNSET
    name: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)


    def to_dict(self) -> dict[str, Any]:
        from ..models.system_faction import SystemFaction # noqa: PLC0415
        from ..models.system_waypoint import SystemWaypoint # noqa: PLC0415
        symbol = self.symbol

        sector_symbol = self.sector_symbol

        type_ = self.type_

        x = self.x

        y = self.y

        waypoints = []
        for waypoints_item_data in self.waypoints:
            waypoints_item = waypoints_item_data.to_dict()
            waypoints.append(waypoints_item)


        factions = []
        for factions_item_data in self.factions:
            factions_item = factions_item_data.to_dict()
            factions.append(factions_item)


        constellation: None | str | Unset
        if isinstance(self.constellation, Unset):
            constellation = UNSET
        else:
            constellation = self.constellation

        name: None | str | Unset
        if isinstance(self.name, Unset):
            name = UNSET
        else:
            name = self.name


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "symbol": symbol,
            "sectorSymbol": sector_symbol,
            "type": type_,
            "x": x,
            "y": y,
            "waypoints": waypoints,
            "factions": factions,
        })
        if constellation is not UNSET:
            field_dict["constellation"] = constellation
        if name is not UNSET:
            field_dict["name"] = name

        return field_dict


    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.system_faction import SystemFaction # noqa: PLC0415
        from ..models.system_waypoint import SystemWaypoint # noqa: PLC0415
        d = dict(src_dict)
        symbol = d.pop("symbol")

        sector_symbol = d.pop("sectorSymbol")

        type_ = d.pop("type")

        x = d.pop("x")

        y = d.pop("y")

        waypoints = []
        _waypoints = d.pop("waypoints")
        for waypoints_item_data in (_waypoints):
            waypoints_item = SystemWaypoint.from_dict(waypoints_item_data)


            waypoints.append(waypoints_item)


        factions = []
        _factions = d.pop("factions")
        for factions_item_data in (_factions):
            factions_item = SystemFaction.from_dict(factions_item_data)


            factions.append(factions_item)


        def _parse_constellation(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        constellation = _parse_constellation(d.pop("constellation", UNSET))


        def _parse_name(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        name = _parse_name(d.pop("name", UNSET))


        system = cls(
            symbol=symbol,
            sector_symbol=sector_symbol,
            type_=type_,
            x=x,
            y=y,
            waypoints=waypoints,
            factions=factions,
            constellation=constellation,
            name=name,
        )


        system.additional_properties = d
        return system

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

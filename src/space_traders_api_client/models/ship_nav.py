from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast

if TYPE_CHECKING:
  from ..models.ship_nav_route import ShipNavRoute


T = TypeVar("T", bound="ShipNav")


@_attrs_define
class ShipNav:
    """
        Attributes:
            system_symbol (str):
            waypoint_symbol (str):
            route (ShipNavRoute):
            status (str):
            flight_mode (str):
     """

    system_symbol: str
    waypoint_symbol: str
    route: ShipNavRoute
    status: str
    flight_mode: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)


    def to_dict(self) -> dict[str, Any]:
        from ..models.ship_nav_route import ShipNavRoute # noqa: PLC0415
        system_symbol = self.system_symbol

        waypoint_symbol = self.waypoint_symbol

        route = self.route.to_dict()

        status = self.status

        flight_mode = self.flight_mode


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "systemSymbol": system_symbol,
            "waypointSymbol": waypoint_symbol,
            "route": route,
            "status": status,
            "flightMode": flight_mode,
        })

        return field_dict


    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.ship_nav_route import ShipNavRoute # noqa: PLC0415
        d = dict(src_dict)
        system_symbol = d.pop("systemSymbol")

        waypoint_symbol = d.pop("waypointSymbol")

        route = ShipNavRoute.from_dict(d.pop("route"))


        status = d.pop("status")

        flight_mode = d.pop("flightMode")

        ship_nav = cls(
            system_symbol=system_symbol,
            waypoint_symbol=waypoint_symbol,
            route=route,
            status=status,
            flight_mode=flight_mode,
        )


        ship_nav.additional_properties = d
        return ship_nav

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

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast
import datetime

if TYPE_CHECKING:
  from ..models.ship_nav_route_waypoint import ShipNavRouteWaypoint


T = TypeVar("T", bound="ShipNavRoute")


@_attrs_define
class ShipNavRoute:
    """
        Attributes:
            destination (ShipNavRouteWaypoint):
            departure_time (datetime.datetime):
            arrival (datetime.datetime):
            origin (None | ShipNavRouteWaypoint | Unset):
     """

    destination: ShipNavRouteWaypoint
    departure_time: datetime.datetime
    arrival: datetime.datetime
    origin: None | ShipNavRouteWaypoint | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)


    def to_dict(self) -> dict[str, Any]:
        from ..models.ship_nav_route_waypoint import ShipNavRouteWaypoint # noqa: PLC0415
        destination = self.destination.to_dict()

        departure_time = self.departure_time.isoformat()

        arrival = self.arrival.isoformat()

        origin: dict[str, Any] | None | Unset
        if isinstance(self.origin, Unset):
            origin = UNSET
        elif isinstance(self.origin, ShipNavRouteWaypoint):
            origin = self.origin.to_dict()
        else:
            origin = self.origin


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "destination": destination,
            "departureTime": departure_time,
            "arrival": arrival,
        })
        if origin is not UNSET:
            field_dict["origin"] = origin

        return field_dict


    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.ship_nav_route_waypoint import ShipNavRouteWaypoint # noqa: PLC0415
        d = dict(src_dict)
        destination = ShipNavRouteWaypoint.from_dict(d.pop("destination"))


        departure_time = datetime.datetime.fromisoformat(d.pop("departureTime"))


        arrival = datetime.datetime.fromisoformat(d.pop("arrival"))


        def _parse_origin(data: object) -> None | ShipNavRouteWaypoint | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                origin_type_0 = ShipNavRouteWaypoint.from_dict(data)


                return origin_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | ShipNavRouteWaypoint | Unset, data)

        origin = _parse_origin(d.pop("origin", UNSET))


        ship_nav_route = cls(
            destination=destination,
            departure_time=departure_time,
            arrival=arrival,
            origin=origin,
        )


        ship_nav_route.additional_properties = d
        return ship_nav_route

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

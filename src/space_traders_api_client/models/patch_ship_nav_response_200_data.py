from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast

if TYPE_CHECKING:
  from ..models.ship_condition_event import ShipConditionEvent
  from ..models.ship_fuel import ShipFuel
  from ..models.ship_nav import ShipNav


T = TypeVar("T", bound="PatchShipNavResponse200Data")


@_attrs_define
class PatchShipNavResponse200Data:
    """
        Attributes:
            nav (ShipNav):
            fuel (ShipFuel):
            events (list[ShipConditionEvent]):
     """

    nav: ShipNav
    fuel: ShipFuel
    events: list[ShipConditionEvent]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)


    def to_dict(self) -> dict[str, Any]:
        from ..models.ship_condition_event import ShipConditionEvent # noqa: PLC0415
        from ..models.ship_fuel import ShipFuel # noqa: PLC0415
        from ..models.ship_nav import ShipNav # noqa: PLC0415
        nav = self.nav.to_dict()

        fuel = self.fuel.to_dict()

        events = []
        for events_item_data in self.events:
            events_item = events_item_data.to_dict()
            events.append(events_item)


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "nav": nav,
            "fuel": fuel,
            "events": events,
        })

        return field_dict


    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.ship_condition_event import ShipConditionEvent # noqa: PLC0415
        from ..models.ship_fuel import ShipFuel # noqa: PLC0415
        from ..models.ship_nav import ShipNav # noqa: PLC0415
        d = dict(src_dict)
        nav = ShipNav.from_dict(d.pop("nav"))


        fuel = ShipFuel.from_dict(d.pop("fuel"))


        events = []
        _events = d.pop("events")
        for events_item_data in (_events):
            events_item = ShipConditionEvent.from_dict(events_item_data)


            events.append(events_item)


        patch_ship_nav_response_200_data = cls(
            nav=nav,
            fuel=fuel,
            events=events,
        )


        patch_ship_nav_response_200_data.additional_properties = d
        return patch_ship_nav_response_200_data

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

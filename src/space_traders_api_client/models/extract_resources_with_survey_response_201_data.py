from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast

if TYPE_CHECKING:
  from ..models.cooldown import Cooldown
  from ..models.extraction import Extraction
  from ..models.ship_cargo import ShipCargo
  from ..models.ship_condition_event import ShipConditionEvent
  from ..models.waypoint_modifier import WaypointModifier


T = TypeVar("T", bound="ExtractResourcesWithSurveyResponse201Data")


@_attrs_define
class ExtractResourcesWithSurveyResponse201Data:
    """
        Attributes:
            extraction (Extraction):
            cooldown (Cooldown):
            cargo (ShipCargo):
            events (list[ShipConditionEvent]):
            modifiers (list[WaypointModifier] | None | Unset):
     """

    extraction: Extraction
    cooldown: Cooldown
    cargo: ShipCargo
    events: list[ShipConditionEvent]
    modifiers: list[WaypointModifier] | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)


    def to_dict(self) -> dict[str, Any]:
        from ..models.cooldown import Cooldown # noqa: PLC0415
        from ..models.extraction import Extraction # noqa: PLC0415
        from ..models.ship_cargo import ShipCargo # noqa: PLC0415
        from ..models.ship_condition_event import ShipConditionEvent # noqa: PLC0415
        from ..models.waypoint_modifier import WaypointModifier # noqa: PLC0415
        extraction = self.extraction.to_dict()

        cooldown = self.cooldown.to_dict()

        cargo = self.cargo.to_dict()

        events = []
        for events_item_data in self.events:
            events_item = events_item_data.to_dict()
            events.append(events_item)


        modifiers: list[dict[str, Any]] | None | Unset
        if isinstance(self.modifiers, Unset):
            modifiers = UNSET
        elif isinstance(self.modifiers, list):
            modifiers = []
            for modifiers_type_0_item_data in self.modifiers:
                modifiers_type_0_item = modifiers_type_0_item_data.to_dict()
                modifiers.append(modifiers_type_0_item)


        else:
            modifiers = self.modifiers


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "extraction": extraction,
            "cooldown": cooldown,
            "cargo": cargo,
            "events": events,
        })
        if modifiers is not UNSET:
            field_dict["modifiers"] = modifiers

        return field_dict


    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.cooldown import Cooldown # noqa: PLC0415
        from ..models.extraction import Extraction # noqa: PLC0415
        from ..models.ship_cargo import ShipCargo # noqa: PLC0415
        from ..models.ship_condition_event import ShipConditionEvent # noqa: PLC0415
        from ..models.waypoint_modifier import WaypointModifier # noqa: PLC0415
        d = dict(src_dict)
        extraction = Extraction.from_dict(d.pop("extraction"))


        cooldown = Cooldown.from_dict(d.pop("cooldown"))


        cargo = ShipCargo.from_dict(d.pop("cargo"))


        events = []
        _events = d.pop("events")
        for events_item_data in (_events):
            events_item = ShipConditionEvent.from_dict(events_item_data)


            events.append(events_item)


        def _parse_modifiers(data: object) -> list[WaypointModifier] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                modifiers_type_0 = []
                _modifiers_type_0 = data
                for modifiers_type_0_item_data in (_modifiers_type_0):
                    modifiers_type_0_item = WaypointModifier.from_dict(modifiers_type_0_item_data)


                    modifiers_type_0.append(modifiers_type_0_item)

                return modifiers_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[WaypointModifier] | None | Unset, data)

        modifiers = _parse_modifiers(d.pop("modifiers", UNSET))


        extract_resources_with_survey_response_201_data = cls(
            extraction=extraction,
            cooldown=cooldown,
            cargo=cargo,
            events=events,
            modifiers=modifiers,
        )


        extract_resources_with_survey_response_201_data.additional_properties = d
        return extract_resources_with_survey_response_201_data

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

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast

if TYPE_CHECKING:
  from ..models.chart import Chart
  from ..models.waypoint_faction import WaypointFaction
  from ..models.waypoint_orbital import WaypointOrbital
  from ..models.waypoint_trait import WaypointTrait


T = TypeVar("T", bound="ScannedWaypoint")


@_attrs_define
class ScannedWaypoint:
    """
        Attributes:
            symbol (str):
            type_ (str):
            system_symbol (str):
            x (int):
            y (int):
            orbitals (list[WaypointOrbital]):
            traits (list[WaypointTrait]):
            faction (None | Unset | WaypointFaction):
            chart (Chart | None | Unset):
     """

    symbol: str
    type_: str
    system_symbol: str
    x: int
    y: int
    orbitals: list[WaypointOrbital]
    traits: list[WaypointTrait]
    faction: None | Unset | WaypointFaction = UNSET
    chart: Chart | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)


    def to_dict(self) -> dict[str, Any]:
        from ..models.chart import Chart # noqa: PLC0415
        from ..models.waypoint_faction import WaypointFaction # noqa: PLC0415
        from ..models.waypoint_orbital import WaypointOrbital # noqa: PLC0415
        from ..models.waypoint_trait import WaypointTrait # noqa: PLC0415
        symbol = self.symbol

        type_ = self.type_

        system_symbol = self.system_symbol

        x = self.x

        y = self.y

        orbitals = []
        for orbitals_item_data in self.orbitals:
            orbitals_item = orbitals_item_data.to_dict()
            orbitals.append(orbitals_item)


        traits = []
        for traits_item_data in self.traits:
            traits_item = traits_item_data.to_dict()
            traits.append(traits_item)


        faction: dict[str, Any] | None | Unset
        if isinstance(self.faction, Unset):
            faction = UNSET
        elif isinstance(self.faction, WaypointFaction):
            faction = self.faction.to_dict()
        else:
            faction = self.faction

        chart: dict[str, Any] | None | Unset
        if isinstance(self.chart, Unset):
            chart = UNSET
        elif isinstance(self.chart, Chart):
            chart = self.chart.to_dict()
        else:
            chart = self.chart


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "symbol": symbol,
            "type": type_,
            "systemSymbol": system_symbol,
            "x": x,
            "y": y,
            "orbitals": orbitals,
            "traits": traits,
        })
        if faction is not UNSET:
            field_dict["faction"] = faction
        if chart is not UNSET:
            field_dict["chart"] = chart

        return field_dict


    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.chart import Chart # noqa: PLC0415
        from ..models.waypoint_faction import WaypointFaction # noqa: PLC0415
        from ..models.waypoint_orbital import WaypointOrbital # noqa: PLC0415
        from ..models.waypoint_trait import WaypointTrait # noqa: PLC0415
        d = dict(src_dict)
        symbol = d.pop("symbol")

        type_ = d.pop("type")

        system_symbol = d.pop("systemSymbol")

        x = d.pop("x")

        y = d.pop("y")

        orbitals = []
        _orbitals = d.pop("orbitals")
        for orbitals_item_data in (_orbitals):
            orbitals_item = WaypointOrbital.from_dict(orbitals_item_data)


            orbitals.append(orbitals_item)


        traits = []
        _traits = d.pop("traits")
        for traits_item_data in (_traits):
            traits_item = WaypointTrait.from_dict(traits_item_data)


            traits.append(traits_item)


        def _parse_faction(data: object) -> None | Unset | WaypointFaction:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                faction_type_0 = WaypointFaction.from_dict(data)


                return faction_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | WaypointFaction, data)

        faction = _parse_faction(d.pop("faction", UNSET))


        def _parse_chart(data: object) -> Chart | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                chart_type_0 = Chart.from_dict(data)


                return chart_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(Chart | None | Unset, data)

        chart = _parse_chart(d.pop("chart", UNSET))


        scanned_waypoint = cls(
            symbol=symbol,
            type_=type_,
            system_symbol=system_symbol,
            x=x,
            y=y,
            orbitals=orbitals,
            traits=traits,
            faction=faction,
            chart=chart,
        )


        scanned_waypoint.additional_properties = d
        return scanned_waypoint

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

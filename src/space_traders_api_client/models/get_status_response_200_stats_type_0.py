from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast


T = TypeVar("T", bound="GetStatusResponse200StatsType0")


@_attrs_define
class GetStatusResponse200StatsType0:
    """
        Attributes:
            agents (int):
            ships (int):
            systems (int):
            waypoints (int):
            accounts (int | None | Unset):
     """

    agents: int
    ships: int
    systems: int
    waypoints: int
    accounts: int | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)


    def to_dict(self) -> dict[str, Any]:
        agents = self.agents

        ships = self.ships

        systems = self.systems

        waypoints = self.waypoints

        accounts: int | None | Unset
        if isinstance(self.accounts, Unset):
            accounts = UNSET
        else:
            accounts = self.accounts


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "agents": agents,
            "ships": ships,
            "systems": systems,
            "waypoints": waypoints,
        })
        if accounts is not UNSET:
            field_dict["accounts"] = accounts

        return field_dict


    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        agents = d.pop("agents")

        ships = d.pop("ships")

        systems = d.pop("systems")

        waypoints = d.pop("waypoints")

        def _parse_accounts(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        accounts = _parse_accounts(d.pop("accounts", UNSET))


        get_status_response_200_stats_type_0 = cls(
            agents=agents,
            ships=ships,
            systems=systems,
            waypoints=waypoints,
            accounts=accounts,
        )


        get_status_response_200_stats_type_0.additional_properties = d
        return get_status_response_200_stats_type_0

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

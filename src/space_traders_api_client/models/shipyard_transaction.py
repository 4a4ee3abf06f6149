from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast
import datetime


T = TypeVar("T", bound="ShipyardTransaction")


@_attrs_define
class ShipyardTransaction:
    """
        Attributes:
            waypoint_symbol (str):
            ship_type (str):
            price (int):
            agent_symbol (str):
            timestamp (datetime.datetime):
            ship_symbol (None | str | Unset):
     """

    waypoint_symbol: str
    ship_type: str
    price: int
    agent_symbol: str
    timestamp: datetime.datetime
    ship_symbol: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)


    def to_dict(self) -> dict[str, Any]:
        waypoint_symbol = self.waypoint_symbol

        ship_type = self.ship_type

        price = self.price

        agent_symbol = self.agent_symbol

        timestamp = self.timestamp.isoformat()

        ship_symbol: None | str | Unset
        if isinstance(self.ship_symbol, Unset):
            ship_symbol = UNSET
        else:
            ship_symbol = self.ship_symbol


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "waypointSymbol": waypoint_symbol,
            "shipType": ship_type,
            "price": price,
            "agentSymbol": agent_symbol,
            "timestamp": timestamp,
        })
        if ship_symbol is not UNSET:
            field_dict["shipSymbol"] = ship_symbol

        return field_dict


    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        waypoint_symbol = d.pop("waypointSymbol")

        ship_type = d.pop("shipType")

        price = d.pop("price")

        agent_symbol = d.pop("agentSymbol")

        timestamp = datetime.datetime.fromisoformat(d.pop("timestamp"))


        def _parse_ship_symbol(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        ship_symbol = _parse_ship_symbol(d.pop("shipSymbol", UNSET))


        shipyard_transaction = cls(
            waypoint_symbol=waypoint_symbol,
            ship_type=ship_type,
            price=price,
            agent_symbol=agent_symbol,
            timestamp=timestamp,
            ship_symbol=ship_symbol,
        )


        shipyard_transaction.additional_properties = d
        return shipyard_transaction

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

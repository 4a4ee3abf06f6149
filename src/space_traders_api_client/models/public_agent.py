from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset


T = TypeVar("T", bound="PublicAgent")


@_attrs_define
class PublicAgent:
    """
        Attributes:
            symbol (str):
            headquarters (str):
            credits_ (int):
            starting_faction (str):
            ship_count (int):
     """

    symbol: str
    headquarters: str
    credits_: int
    starting_faction: str
    ship_count: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)


    def to_dict(self) -> dict[str, Any]:
        symbol = self.symbol

        headquarters = self.headquarters

        credits_ = self.credits_

        starting_faction = self.starting_faction

        ship_count = self.ship_count


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "symbol": symbol,
            "headquarters": headquarters,
            "credits": credits_,
            "startingFaction": starting_faction,
            "shipCount": ship_count,
        })

        return field_dict


    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        symbol = d.pop("symbol")

        headquarters = d.pop("headquarters")

        credits_ = d.pop("credits")

        starting_faction = d.pop("startingFaction")

        ship_count = d.pop("shipCount")

        public_agent = cls(
            symbol=symbol,
            headquarters=headquarters,
            credits_=credits_,
            starting_faction=starting_faction,
            ship_count=ship_count,
        )


        public_agent.additional_properties = d
        return public_agent

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

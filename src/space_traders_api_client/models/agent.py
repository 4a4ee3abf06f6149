from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast


T = TypeVar("T", bound="Agent")


@_attrs_define
class Agent:
    """
        Attributes:
            symbol (str):
            credits_ (int):
            account_id (None | str | Unset):
            headquarters (None | str | Unset):
            starting_faction (None | str | Unset):
            ship_count (int | None | Unset):
     """

    symbol: str
    credits_: int
    account_id: None | str | Unset = UNSET
    headquarters: None | str | Unset = UNSET
    starting_faction: None | str | Unset = UNSET
    ship_count: int | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)


    def to_dict(self) -> dict[str, Any]:
        symbol = self.symbol

        credits_ = self.credits_

        account_id: None | str | Unset
        if isinstance(self.account_id, Unset):
            account_id = UNSET
        else:
            account_id = self.account_id

        headquarters: None | str | Unset
        if isinstance(self.headquarters, Unset):
            headquarters = UNSET
        else:
            headquarters = self.headquarters

        starting_faction: None | str | Unset
        if isinstance(self.starting_faction, Unset):
            starting_faction = UNSET
        else:
            starting_faction = self.starting_faction

        ship_count: int | None | Unset
        if isinstance(self.ship_count, Unset):
            ship_count = UNSET
        else:
            ship_count = self.ship_count


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "symbol": symbol,
            "credits": credits_,
        })
        if account_id is not UNSET:
            field_dict["accountId"] = account_id
        if headquarters is not UNSET:
            field_dict["headquarters"] = headquarters
        if starting_faction is not UNSET:
            field_dict["startingFaction"] = starting_faction
        if ship_count is not UNSET:
            field_dict["shipCount"] = ship_count

        return field_dict


    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        symbol = d.pop("symbol")

        credits_ = d.pop("credits")

        def _parse_account_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        account_id = _parse_account_id(d.pop("accountId", UNSET))


        def _parse_headquarters(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        headquarters = _parse_headquarters(d.pop("headquarters", UNSET))


        def _parse_starting_faction(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        starting_faction = _parse_starting_faction(d.pop("startingFaction", UNSET))


        def _parse_ship_count(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        ship_count = _parse_ship_count(d.pop("shipCount", UNSET))


        agent = cls(
            symbol=symbol,
            credits_=credits_,
            account_id=account_id,
            headquarters=headquarters,
            starting_faction=starting_faction,
            ship_count=ship_count,
        )


        agent.additional_properties = d
        return agent

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

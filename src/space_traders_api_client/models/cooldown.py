from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast
import datetime


T = TypeVar("T", bound="Cooldown")


@_attrs_define
class Cooldown:
    """
        Attributes:
            ship_symbol (str):
            total_seconds (int):
            remaining_seconds (int):
            expiration (datetime.datetime | None | Unset):
     """

    ship_symbol: str
    total_seconds: int
    remaining_seconds: int
    expiration: datetime.datetime | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)


    def to_dict(self) -> dict[str, Any]:
        ship_symbol = self.ship_symbol

        total_seconds = self.total_seconds

        remaining_seconds = self.remaining_seconds

        expiration: None | str | Unset
        if isinstance(self.expiration, Unset):
            expiration = UNSET
        elif isinstance(self.expiration, datetime.datetime):
            expiration = self.expiration.isoformat()
        else:
            expiration = self.expiration


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "shipSymbol": ship_symbol,
            "totalSeconds": total_seconds,
            "remainingSeconds": remaining_seconds,
        })
        if expiration is not UNSET:
            field_dict["expiration"] = expiration

        return field_dict


    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        ship_symbol = d.pop("shipSymbol")

        total_seconds = d.pop("totalSeconds")

        remaining_seconds = d.pop("remainingSeconds")

        def _parse_expiration(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                expiration_type_0 = datetime.datetime.fromisoformat(data)


                return expiration_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        expiration = _parse_expiration(d.pop("expiration", UNSET))


        cooldown = cls(
            ship_symbol=ship_symbol,
            total_seconds=total_seconds,
            remaining_seconds=remaining_seconds,
            expiration=expiration,
        )


        cooldown.additional_properties = d
        return cooldown

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

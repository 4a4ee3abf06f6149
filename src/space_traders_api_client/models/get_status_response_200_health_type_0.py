from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast


T = TypeVar("T", bound="GetStatusResponse200HealthType0")


@_attrs_define
class GetStatusResponse200HealthType0:
    """
        Attributes:
            last_market_update (None | str | Unset):
     """

    last_market_update: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)


    def to_dict(self) -> dict[str, Any]:
        last_market_update: None | str | Unset
        if isinstance(self.last_market_update, Unset):
            last_market_update = UNSET
        else:
            last_market_update = self.last_market_update


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
        })
        if last_market_update is not UNSET:
            field_dict["lastMarketUpdate"] = last_market_update

        return field_dict


    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        def _parse_last_market_update(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        last_market_update = _parse_last_market_update(d.pop("lastMarketUpdate", UNSET))


        get_status_response_200_health_type_0 = cls(
            last_market_update=last_market_update,
        )


        get_status_response_200_health_type_0.additional_properties = d
        return get_status_response_200_health_type_0

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

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast

if TYPE_CHECKING:
  from ..models.get_error_codes_response_200_error_codes_item import GetErrorCodesResponse200ErrorCodesItem


T = TypeVar("T", bound="GetErrorCodesResponse200")


@_attrs_define
class GetErrorCodesResponse200:
    """
        Attributes:
            error_codes (list[GetErrorCodesResponse200ErrorCodesItem]):
     """

    error_codes: list[GetErrorCodesResponse200ErrorCodesItem]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)


    def to_dict(self) -> dict[str, Any]:
        from ..models.get_error_codes_response_200_error_codes_item import GetErrorCodesResponse200ErrorCodesItem # noqa: PLC0415
        error_codes = []
        for error_codes_item_data in self.error_codes:
            error_codes_item = error_codes_item_data.to_dict()
            error_codes.append(error_codes_item)


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "errorCodes": error_codes,
        })

        return field_dict


    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.get_error_codes_response_200_error_codes_item import GetErrorCodesResponse200ErrorCodesItem # noqa: PLC0415
        d = dict(src_dict)
        error_codes = []
        _error_codes = d.pop("errorCodes")
        for error_codes_item_data in (_error_codes):
            error_codes_item = GetErrorCodesResponse200ErrorCodesItem.from_dict(error_codes_item_data)


            error_codes.append(error_codes_item)


        get_error_codes_response_200 = cls(
            error_codes=error_codes,
        )


        get_error_codes_response_200.additional_properties = d
        return get_error_codes_response_200

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

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast

if TYPE_CHECKING:
  from ..models.survey_deposit import SurveyDeposit


T = TypeVar("T", bound="ExtractResourcesWithSurveyBody")


@_attrs_define
class ExtractResourcesWithSurveyBody:
    """
        Attributes:
            signature (str):
            symbol (str):
            deposits (list[SurveyDeposit]):
            expiration (str):
            size (str):
     """

    signature: str
    symbol: str
    deposits: list[SurveyDeposit]
    expiration: str
    size: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)


    def to_dict(self) -> dict[str, Any]:
        from ..models.survey_deposit import SurveyDeposit # noqa: PLC0415
        signature = self.signature

        symbol = self.symbol

        deposits = []
        for deposits_item_data in self.deposits:
            deposits_item = deposits_item_data.to_dict()
            deposits.append(deposits_item)


        expiration = self.expiration

        size = self.size


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "signature": signature,
            "symbol": symbol,
            "deposits": deposits,
            "expiration": expiration,
            "size": size,
        })

        return field_dict


    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.survey_deposit import SurveyDeposit # noqa: PLC0415
        d = dict(src_dict)
        signature = d.pop("signature")

        symbol = d.pop("symbol")

        deposits = []
        _deposits = d.pop("deposits")
        for deposits_item_data in (_deposits):
            deposits_item = SurveyDeposit.from_dict(deposits_item_data)


            deposits.append(deposits_item)


        expiration = d.pop("expiration")

        size = d.pop("size")

        extract_resources_with_survey_body = cls(
            signature=signature,
            symbol=symbol,
            deposits=deposits,
            expiration=expiration,
            size=size,
        )


        extract_resources_with_survey_body.additional_properties = d
        return extract_resources_with_survey_body

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

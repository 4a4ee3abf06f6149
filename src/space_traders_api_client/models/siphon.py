from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast

if TYPE_CHECKING:
  from ..models.siphon_yield import SiphonYield


T = TypeVar("T", bound="Siphon")


@_attrs_define
class Siphon:
    """
        Attributes:
            ship_symbol (str):
            yield_ (SiphonYield):
     """

    ship_symbol: str
    yield_: SiphonYield
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)


    def to_dict(self) -> dict[str, Any]:
        from ..models.siphon_yield import SiphonYield # noqa: PLC0415
        ship_symbol = self.ship_symbol

        yield_ = self.yield_.to_dict()


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "shipSymbol": ship_symbol,
            "yield": yield_,
        })

        return field_dict


    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.siphon_yield import SiphonYield # noqa: PLC0415
        d = dict(src_dict)
        ship_symbol = d.pop("shipSymbol")

        yield_ = SiphonYield.from_dict(d.pop("yield"))


        siphon = cls(
            ship_symbol=ship_symbol,
            yield_=yield_,
        )


        siphon.additional_properties = d
        return siphon

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

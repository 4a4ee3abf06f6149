from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast

if TYPE_CHECKING:
  from ..models.faction_trait import FactionTrait


T = TypeVar("T", bound="Faction")


@_attrs_define
class Faction:
    """
        Attributes:
            symbol (str):
            name (str):
            description (str):
            traits (list[FactionTrait]):
            headquarters (None | str | Unset):
            is_recruiting (bool | None | Unset):
     """

    symbol: str
    name: str
    description: str
    traits: list[FactionTrait]
    headquarters: None | str | Unset = UNSET
    is_recruiting: bool | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)


    def to_dict(self) -> dict[str, Any]:
        from ..models.faction_trait import FactionTrait # noqa: PLC0415
        symbol = self.symbol

        name = self.name

        description = self.description

        traits = []
        for traits_item_data in self.traits:
            traits_item = traits_item_data.to_dict()
            traits.append(traits_item)


        headquarters: None | str | Unset
        if isinstance(self.headquarters, Unset):
            headquarters = UNSET
        else:
            headquarters = self.headquarters

        is_recruiting: bool | None | Unset
        if isinstance(self.is_recruiting, Unset):
            is_recruiting = UNSET
        else:
            is_recruiting = self.is_recruiting


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "symbol": symbol,
            "name": name,
            "description": description,
            "traits": traits,
        })
        if headquarters is not UNSET:
            field_dict["headquarters"] = headquarters
        if is_recruiting is not UNSET:
            field_dict["isRecruiting"] = is_recruiting

        return field_dict


    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.faction_trait import FactionTrait # noqa: PLC0415
        d = dict(src_dict)
        symbol = d.pop("symbol")

        name = d.pop("name")

        description = d.pop("description")

        traits = []
        _traits = d.pop("traits")
        for traits_item_data in (_traits):
            traits_item = FactionTrait.from_dict(traits_item_data)


            traits.append(traits_item)


        def _parse_headquarters(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        headquarters = _parse_headquarters(d.pop("headquarters", UNSET))


        def _parse_is_recruiting(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        is_recruiting = _parse_is_recruiting(d.pop("isRecruiting", UNSET))


        faction = cls(
            symbol=symbol,
            name=name,
            description=description,
            traits=traits,
            headquarters=headquarters,
            is_recruiting=is_recruiting,
        )


        faction.additional_properties = d
        return faction

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

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast

if TYPE_CHECKING:
  from ..models.ship_requirements import ShipRequirements


T = TypeVar("T", bound="ShipMount")


@_attrs_define
class ShipMount:
    """
        Attributes:
            symbol (str):
            name (str):
            description (str):
            requirements (ShipRequirements):
            strength (int | None | Unset):
            deposits (list[str] | None | Unset):
     """

    symbol: str
    name: str
    description: str
    requirements: ShipRequirements
    strength: int | None | Unset = UNSET
    deposits: list[str] | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)


    def to_dict(self) -> dict[str, Any]:
        from ..models.ship_requirements import ShipRequirements # noqa: PLC0415
        symbol = self.symbol

        name = self.name

        description = self.description

        requirements = self.requirements.to_dict()

        strength: int | None | Unset
        if isinstance(self.strength, Unset):
            strength = UNSET
        else:
            strength = self.strength

        deposits: list[str] | None | Unset
        if isinstance(self.deposits, Unset):
            deposits = UNSET
        elif isinstance(self.deposits, list):
            deposits = self.deposits


        else:
            deposits = self.deposits


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "symbol": symbol,
            "name": name,
            "description": description,
            "requirements": requirements,
        })
        if strength is not UNSET:
            field_dict["strength"] = strength
        if deposits is not UNSET:
            field_dict["deposits"] = deposits

        return field_dict


    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.ship_requirements import ShipRequirements # noqa: PLC0415
        d = dict(src_dict)
        symbol = d.pop("symbol")

        name = d.pop("name")

        description = d.pop("description")

        requirements = ShipRequirements.from_dict(d.pop("requirements"))


        def _parse_strength(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        strength = _parse_strength(d.pop("strength", UNSET))


        def _parse_deposits(data: object) -> list[str] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                deposits_type_0 = cast(list[str], data)

                return deposits_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[str] | None | Unset, data)

        deposits = _parse_deposits(d.pop("deposits", UNSET))


        ship_mount = cls(
            symbol=symbol,
            name=name,
            description=description,
            requirements=requirements,
            strength=strength,
            deposits=deposits,
        )


        ship_mount.additional_properties = d
        return ship_mount

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

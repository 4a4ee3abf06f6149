from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast
import datetime

if TYPE_CHECKING:
  from ..models.contract_terms import ContractTerms


T = TypeVar("T", bound="Contract")


@_attrs_define
class Contract:
    """
        Attributes:
            id (str):
            faction_symbol (str):
            type_ (str):
            terms (ContractTerms):
            accepted (bool):  Default: False.
            fulfilled (bool):  Default: False.
            expiration (datetime.datetime | None | Unset):
            deadline_to_accept (datetime.datetime | None | Unset):
     """

    id: str
    faction_symbol: str
    type_: str
    terms: ContractTerms
    accepted: bool = False
    fulfilled: bool = False
    expiration: datetime.datetime | None | Unset = UNSET
    deadline_to_accept: datetime.datetime | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)


    def to_dict(self) -> dict[str, Any]:
        from ..models.contract_terms import ContractTerms # noqa: PLC0415
        id = self.id

        faction_symbol = self.faction_symbol

        type_ = self.type_

        terms = self.terms.to_dict()

        accepted = self.accepted

        fulfilled = self.fulfilled

        expiration: None | str | Unset
        if isinstance(self.expiration, Unset):
            expiration = UNSET
        elif isinstance(self.expiration, datetime.datetime):
            expiration = self.expiration.isoformat()
        else:
            expiration = self.expiration

        deadline_to_accept: None | str | Unset
        if isinstance(self.deadline_to_accept, Unset):
            deadline_to_accept = UNSET
        elif isinstance(self.deadline_to_accept, datetime.datetime):
            deadline_to_accept = self.deadline_to_accept.isoformat()
        else:
            deadline_to_accept = self.deadline_to_accept


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "id": id,
            "factionSymbol": faction_symbol,
            "type": type_,
            "terms": terms,
            "accepted": accepted,
            "fulfilled": fulfilled,
        })
        if expiration is not UNSET:
            field_dict["expiration"] = expiration
        if deadline_to_accept is not UNSET:
            field_dict["deadlineToAccept"] = deadline_to_accept

        return field_dict


    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.contract_terms import ContractTerms # noqa: PLC0415
        d = dict(src_dict)
        id = d.pop("id")

        faction_symbol = d.pop("factionSymbol")

        type_ = d.pop("type")

        terms = ContractTerms.from_dict(d.pop("terms"))


        accepted = d.pop("accepted")

        fulfilled = d.pop("fulfilled")

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


        def _parse_deadline_to_accept(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                deadline_to_accept_type_0 = datetime.datetime.fromisoformat(data)


                return deadline_to_accept_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        deadline_to_accept = _parse_deadline_to_accept(d.pop("deadlineToAccept", UNSET))


        contract = cls(
            id=id,
            faction_symbol=faction_symbol,
            type_=type_,
            terms=terms,
            accepted=accepted,
            fulfilled=fulfilled,
            expiration=expiration,
            deadline_to_accept=deadline_to_accept,
        )


        contract.additional_properties = d
        return contract

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

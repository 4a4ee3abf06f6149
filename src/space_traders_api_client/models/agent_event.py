from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast
import datetime


T = TypeVar("T", bound="AgentEvent")


@_attrs_define
class AgentEvent:
    """
        Attributes:
            id (str):
            type_ (str):
            message (str):
            created_at (datetime.datetime):
            data (Any | Unset):
     """

    id: str
    type_: str
    message: str
    created_at: datetime.datetime
    data: Any | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)


    def to_dict(self) -> dict[str, Any]:
        id = self.id

        type_ = self.type_

        message = self.message

        created_at = self.created_at.isoformat()

        data = self.data


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "id": id,
            "type": type_,
            "message": message,
            "createdAt": created_at,
        })
        if data is not UNSET:
            field_dict["data"] = data

        return field_dict


    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = d.pop("id")

        type_ = d.pop("type")

        message = d.pop("message")

        created_at = datetime.datetime.fromisoformat(d.pop("createdAt"))


        data = d.pop("data", UNSET)

        agent_event = cls(
            id=id,
            type_=type_,
            message=message,
            created_at=created_at,
            data=data,
        )


        agent_event.additional_properties = d
        return agent_event

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

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
  from ..models.contract_deliver_good import ContractDeliverGood
  from ..models.contract_payment import ContractPayment


T = TypeVar("T", bound="ContractTerms")


@_attrs_define
class ContractTerms:
    """
        Attributes:
            deadline (datetime.datetime):
            payment (ContractPayment):
            deliver (list[ContractDeliverGood] | None | Unset):
     """

    deadline: datetime.datetime
    payment: ContractPayment
    deliver: list[ContractDeliverGood] | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)


    def to_dict(self) -> dict[str, Any]:
        from ..models.contract_deliver_good import ContractDeliverGood # noqa: PLC0415
        from ..models.contract_payment import ContractPayment # noqa: PLC0415
        deadline = self.deadline.isoformat()

        payment = self.payment.to_dict()

        deliver: list[dict[str, Any]] | None | Unset
        if isinstance(self.deliver, Unset):
            deliver = UNSET
        elif isinstance(self.deliver, list):
            deliver = []
            for deliver_type_0_item_data in self.deliver:
                deliver_type_0_item = deliver_type_0_item_data.to_dict()
                deliver.append(deliver_type_0_item)


        else:
            deliver = self.deliver


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "deadline": deadline,
            "payment": payment,
        })
        if deliver is not UNSET:
            field_dict["deliver"] = deliver

        return field_dict


    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.contract_deliver_good import ContractDeliverGood # noqa: PLC0415
        from ..models.contract_payment import ContractPayment # noqa: PLC0415
        d = dict(src_dict)
        deadline = datetime.datetime.fromisoformat(d.pop("deadline"))


        payment = ContractPayment.from_dict(d.pop("payment"))


        def _parse_deliver(data: object) -> list[ContractDeliverGood] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                deliver_type_0 = []
                _deliver_type_0 = data
                for deliver_type_0_item_data in (_deliver_type_0):
                    deliver_type_0_item = ContractDeliverGood.from_dict(deliver_type_0_item_data)


                    deliver_type_0.append(deliver_type_0_item)

                return deliver_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[ContractDeliverGood] | None | Unset, data)

        deliver = _parse_deliver(d.pop("deliver", UNSET))


        contract_terms = cls(
            deadline=deadline,
            payment=payment,
            deliver=deliver,
        )


        contract_terms.additional_properties = d
        return contract_terms

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

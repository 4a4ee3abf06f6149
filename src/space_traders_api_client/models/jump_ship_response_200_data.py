from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast

if TYPE_CHECKING:
  from ..models.agent import Agent
  from ..models.cooldown import Cooldown
  from ..models.market_transaction import MarketTransaction
  from ..models.ship_nav import ShipNav


T = TypeVar("T", bound="JumpShipResponse200Data")


@_attrs_define
class JumpShipResponse200Data:
    """
        Attributes:
            nav (ShipNav):
            cooldown (Cooldown):
            transaction (MarketTransaction):
            agent (Agent):
     """

    nav: ShipNav
    cooldown: Cooldown
    transaction: MarketTransaction
    agent: Agent
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)


    def to_dict(self) -> dict[str, Any]:
        from ..models.agent import Agent # noqa: PLC0415
        from ..models.cooldown import Cooldown # noqa: PLC0415
        from ..models.market_transaction import MarketTransaction # noqa: PLC0415
        from ..models.ship_nav import ShipNav # noqa: PLC0415
        nav = self.nav.to_dict()

        cooldown = self.cooldown.to_dict()

        transaction = self.transaction.to_dict()

        agent = self.agent.to_dict()


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "nav": nav,
            "cooldown": cooldown,
            "transaction": transaction,
            "agent": agent,
        })

        return field_dict


    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.agent import Agent # noqa: PLC0415
        from ..models.cooldown import Cooldown # noqa: PLC0415
        from ..models.market_transaction import MarketTransaction # noqa: PLC0415
        from ..models.ship_nav import ShipNav # noqa: PLC0415
        d = dict(src_dict)
        nav = ShipNav.from_dict(d.pop("nav"))


        cooldown = Cooldown.from_dict(d.pop("cooldown"))


        transaction = MarketTransaction.from_dict(d.pop("transaction"))


        agent = Agent.from_dict(d.pop("agent"))


        jump_ship_response_200_data = cls(
            nav=nav,
            cooldown=cooldown,
            transaction=transaction,
            agent=agent,
        )


        jump_ship_response_200_data.additional_properties = d
        return jump_ship_response_200_data

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

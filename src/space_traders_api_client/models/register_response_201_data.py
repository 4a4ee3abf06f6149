from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast

if TYPE_CHECKING:
  from ..models.agent import Agent
  from ..models.contract import Contract
  from ..models.faction import Faction
  from ..models.ship import Ship


T = TypeVar("T", bound="RegisterResponse201Data")


@_attrs_define
class RegisterResponse201Data:
    """
        Attributes:
            token (str):
            agent (Agent):
            faction (Faction):
            contract (Contract):
            ships (list[Ship]):
     """

    token: str
    agent: Agent
    faction: Faction
    contract: Contract
    ships: list[Ship]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)


    def to_dict(self) -> dict[str, Any]:
        from ..models.agent import Agent # noqa: PLC0415
        from ..models.contract import Contract # noqa: PLC0415
        from ..models.faction import Faction # noqa: PLC0415
        from ..models.ship import Ship # noqa: PLC0415
        token = self.token

        agent = self.agent.to_dict()

        faction = self.faction.to_dict()

        contract = self.contract.to_dict()

        ships = []
        for ships_item_data in self.ships:
            ships_item = ships_item_data.to_dict()
            ships.append(ships_item)


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "token": token,
            "agent": agent,
            "faction": faction,
            "contract": contract,
            "ships": ships,
        })

        return field_dict


    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.agent import Agent # noqa: PLC0415
        from ..models.contract import Contract # noqa: PLC0415
        from ..models.faction import Faction # noqa: PLC0415
        from ..models.ship import Ship # noqa: PLC0415
        d = dict(src_dict)
        token = d.pop("token")

        agent = Agent.from_dict(d.pop("agent"))


        faction = Faction.from_dict(d.pop("faction"))


        contract = Contract.from_dict(d.pop("contract"))


        ships = []
        _ships = d.pop("ships")
        for ships_item_data in (_ships):
            ships_item = Ship.from_dict(ships_item_data)


            ships.append(ships_item)


        register_response_201_data = cls(
            token=token,
            agent=agent,
            faction=faction,
            contract=contract,
            ships=ships,
        )


        register_response_201_data.additional_properties = d
        return register_response_201_data

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

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast

if TYPE_CHECKING:
  from ..models.shipyard_ship import ShipyardShip
  from ..models.shipyard_ship_types_item import ShipyardShipTypesItem
  from ..models.shipyard_transaction import ShipyardTransaction


T = TypeVar("T", bound="Shipyard")


@_attrs_define
class Shipyard:
    """
        Attributes:
            symbol (str):
            ship_types (list[ShipyardShipTypesItem]):
            transactions (list[ShipyardTransaction] | None | Unset):
            ships (list[ShipyardShip] | None | Unset):
            modifications_fee (int | None | Unset):
     """

    symbol: str
    ship_types: list[ShipyardShipTypesItem]
    transactions: list[ShipyardTransaction] | None | Unset = UNSET
    ships: list[ShipyardShip] | None | Unset = UNSET
    modifications_fee: int | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)


    def to_dict(self) -> dict[str, Any]:
        from ..models.shipyard_ship import ShipyardShip # noqa: PLC0415
        from ..models.shipyard_ship_types_item import ShipyardShipTypesItem # noqa: PLC0415
        from ..models.shipyard_transaction import ShipyardTransaction # noqa: PLC0415
        symbol = self.symbol

        ship_types = []
        for ship_types_item_data in self.ship_types:
            ship_types_item = ship_types_item_data.to_dict()
            ship_types.append(ship_types_item)


        transactions: list[dict[str, Any]] | None | Unset
        if isinstance(self.transactions, Unset):
            transactions = UNSET
        elif isinstance(self.transactions, list):
            transactions = []
            for transactions_type_0_item_data in self.transactions:
                transactions_type_0_item = transactions_type_0_item_data.to_dict()
                transactions.append(transactions_type_0_item)


        else:
            transactions = self.transactions

        ships: list[dict[str, Any]] | None | Unset
        if isinstance(self.ships, Unset):
            ships = UNSET
        elif isinstance(self.ships, list):
            ships = []
            for ships_type_0_item_data in self.ships:
                ships_type_0_item = ships_type_0_item_data.to_dict()
                ships.append(ships_type_0_item)


        else:
            ships = self.ships

        modifications_fee: int | None | Unset
        if isinstance(self.modifications_fee, Unset):
            modifications_fee = UNSET
        else:
            modifications_fee = self.modifications_fee


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "symbol": symbol,
            "shipTypes": ship_types,
        })
        if transactions is not UNSET:
            field_dict["transactions"] = transactions
        if ships is not UNSET:
            field_dict["ships"] = ships
        if modifications_fee is not UNSET:
            field_dict["modificationsFee"] = modifications_fee

        return field_dict


    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.shipyard_ship import ShipyardShip # noqa: PLC0415
        from ..models.shipyard_ship_types_item import ShipyardShipTypesItem # noqa: PLC0415
        from ..models.shipyard_transaction import ShipyardTransaction # noqa: PLC0415
        d = dict(src_dict)
        symbol = d.pop("symbol")

        ship_types = []
        _ship_types = d.pop("shipTypes")
        for ship_types_item_data in (_ship_types):
            ship_types_item = ShipyardShipTypesItem.from_dict(ship_types_item_data)


            ship_types.append(ship_types_item)


        def _parse_transactions(data: object) -> list[ShipyardTransaction] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                transactions_type_0 = []
                _transactions_type_0 = data
                for transactions_type_0_item_data in (_transactions_type_0):
                    transactions_type_0_item = ShipyardTransaction.from_dict(transactions_type_0_item_data)


                    transactions_type_0.append(transactions_type_0_item)

                return transactions_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[ShipyardTransaction] | None | Unset, data)

        transactions = _parse_transactions(d.pop("transactions", UNSET))


        def _parse_ships(data: object) -> list[ShipyardShip] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                ships_type_0 = []
                _ships_type_0 = data
                for ships_type_0_item_data in (_ships_type_0):
                    ships_type_0_item = ShipyardShip.from_dict(ships_type_0_item_data)


                    ships_type_0.append(ships_type_0_item)

                return ships_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[ShipyardShip] | None | Unset, data)

        ships = _parse_ships(d.pop("ships", UNSET))


        def _parse_modifications_fee(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        modifications_fee = _parse_modifications_fee(d.pop("modificationsFee", UNSET))


        shipyard = cls(
            symbol=symbol,
            ship_types=ship_types,
            transactions=transactions,
            ships=ships,
            modifications_fee=modifications_fee,
        )


        shipyard.additional_properties = d
        return shipyard

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

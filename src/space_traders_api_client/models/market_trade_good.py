from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast


T = TypeVar("T", bound="MarketTradeGood")


@_attrs_define
class MarketTradeGood:
    """
        Attributes:
            symbol (str):
            type_ (str):
            trade_volume (int):
            supply (str):
            purchase_price (int):
            sell_price (int):
            activity (None | str | Unset):
     """

    symbol: str
    type_: str
    trade_volume: int
    supply: str
    purchase_price: int
    sell_price: int
    activity: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)


    def to_dict(self) -> dict[str, Any]:
        symbol = self.symbol

        type_ = self.type_

        trade_volume = self.trade_volume

        supply = self.supply

        purchase_price = self.purchase_price

        sell_price = self.sell_price

        activity: None | str | Unset
        if isinstance(self.activity, Unset):
            activity = UNSET
        else:
            activity = self.activity


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "symbol": symbol,
            "type": type_,
            "tradeVolume": trade_volume,
            "supply": supply,
            "purchasePrice": purchase_price,
            "sellPrice": sell_price,
        })
        if activity is not UNSET:
            field_dict["activity"] = activity

        return field_dict


    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        symbol = d.pop("symbol")

        type_ = d.pop("type")

        trade_volume = d.pop("tradeVolume")

        supply = d.pop("supply")

        purchase_price = d.pop("purchasePrice")

        sell_price = d.pop("sellPrice")

        def _parse_activity(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        activity = _parse_activity(d.pop("activity", UNSET))


        market_trade_good = cls(
            symbol=symbol,
            type_=type_,
            trade_volume=trade_volume,
            supply=supply,
            purchase_price=purchase_price,
            sell_price=sell_price,
            activity=activity,
        )


        market_trade_good.additional_properties = d
        return market_trade_good

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

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast

if TYPE_CHECKING:
  from ..models.market_trade_good import MarketTradeGood
  from ..models.market_transaction import MarketTransaction
  from ..models.trade_good import TradeGood


T = TypeVar("T", bound="Market")


@_attrs_define
class Market:
    """
        Attributes:
            symbol (str):
            exports (list[TradeGood]):
            imports (list[TradeGood]):
            exchange (list[TradeGood]):
            transactions (list[MarketTransaction] | None | Unset):
            trade_goods (list[MarketTradeGood] | None | Unset):
     """

    symbol: str
    exports: list[TradeGood]
    imports: list[TradeGood]
    exchange: list[TradeGood]
    transactions: list[MarketTransaction] | None | Unset = UNSET
    trade_goods: list[MarketTradeGood] | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)


    def to_dict(self) -> dict[str, Any]:
        from ..models.market_trade_good import MarketTradeGood # noqa: PLC0415
        from ..models.market_transaction import MarketTransaction # noqa: PLC0415
        from ..models.trade_good import TradeGood # noqa: PLC0415
        symbol = self.symbol

        exports = []
        for exports_item_data in self.exports:
            exports_item = exports_item_data.to_dict()
            exports.append(exports_item)


        imports = []
        for imports_item_data in self.imports:
            imports_item = imports_item_data.to_dict()
            imports.append(imports_item)


        exchange = []
        for exchange_item_data in self.exchange:
            exchange_item = exchange_item_data.to_dict()
            exchange.append(exchange_item)


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

        trade_goods: list[dict[str, Any]] | None | Unset
        if isinstance(self.trade_goods, Unset):
            trade_goods = UNSET
        elif isinstance(self.trade_goods, list):
            trade_goods = []
            for trade_goods_type_0_item_data in self.trade_goods:
                trade_goods_type_0_item = trade_goods_type_0_item_data.to_dict()
                trade_goods.append(trade_goods_type_0_item)


        else:
            trade_goods = self.trade_goods


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "symbol": symbol,
            "exports": exports,
            "imports": imports,
            "exchange": exchange,
        })
        if transactions is not UNSET:
            field_dict["transactions"] = transactions
        if trade_goods is not UNSET:
            field_dict["tradeGoods"] = trade_goods

        return field_dict


    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.market_trade_good import MarketTradeGood # noqa: PLC0415
        from ..models.market_transaction import MarketTransaction # noqa: PLC0415
        from ..models.trade_good import TradeGood # noqa: PLC0415
        d = dict(src_dict)
        symbol = d.pop("symbol")

        exports = []
        _exports = d.pop("exports")
        for exports_item_data in (_exports):
            exports_item = TradeGood.from_dict(exports_item_data)


            exports.append(exports_item)


        imports = []
        _imports = d.pop("imports")
        for imports_item_data in (_imports):
            imports_item = TradeGood.from_dict(imports_item_data)


            imports.append(imports_item)


        exchange = []
        _exchange = d.pop("exchange")
        for exchange_item_data in (_exchange):
            exchange_item = TradeGood.from_dict(exchange_item_data)


            exchange.append(exchange_item)


        def _parse_transactions(data: object) -> list[MarketTransaction] | None | Unset:
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
                    transactions_type_0_item = MarketTransaction.from_dict(transactions_type_0_item_data)


                    transactions_type_0.append(transactions_type_0_item)

                return transactions_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[MarketTransaction] | None | Unset, data)

        transactions = _parse_transactions(d.pop("transactions", UNSET))


        def _parse_trade_goods(data: object) -> list[MarketTradeGood] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                trade_goods_type_0 = []
                _trade_goods_type_0 = data
                for trade_goods_type_0_item_data in (_trade_goods_type_0):
                    trade_goods_type_0_item = MarketTradeGood.from_dict(trade_goods_type_0_item_data)


                    trade_goods_type_0.append(trade_goods_type_0_item)

                return trade_goods_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[MarketTradeGood] | None | Unset, data)

        trade_goods = _parse_trade_goods(d.pop("tradeGoods", UNSET))


        market = cls(
            symbol=symbol,
            exports=exports,
            imports=imports,
            exchange=exchange,
            transactions=transactions,
            trade_goods=trade_goods,
        )


        market.additional_properties = d
        return market

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

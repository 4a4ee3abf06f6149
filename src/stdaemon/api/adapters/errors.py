"""The one error for a payload that cannot be understood."""

from __future__ import annotations

from stdaemon.exits import StdaemonError


class DecodeError(StdaemonError):
    """A payload that cannot be decoded: the wrong type where an object, number or list belongs, or a key
    symbol missing. Drift the adapters tolerate (missing optional data, nulls, unknown enum values, new
    fields) never raises this.

    The message names the kind and the JSON path, e.g.
    `market: $.tradeGoods[3].purchasePrice: expected an integer, got 'abc'`.
    """

    def __init__(self, kind: str, path: str, reason: str) -> None:
        super().__init__(f"{kind}: {path}: {reason}")
        self.kind = kind
        self.path = path
        self.reason = reason

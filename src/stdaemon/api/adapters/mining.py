"""Adapters for surveys and extractions (extract and siphon share one model)."""

from __future__ import annotations

from typing import Any

from stdaemon.api.adapters.reader import Obj
from stdaemon.domain.mining import Extraction, Survey


def read_survey(o: Obj) -> Survey:
    return Survey(
        signature=o.symbol("signature"),
        symbol=o.symbol(),
        deposits=o.symbols("deposits"),
        expiration=o.req_dt("expiration"),
        size=o.req_str("size"),
        raw=o.data,
    )


def read_extraction(o: Obj, *, siphon: bool = False) -> Extraction:
    """An `Extraction` or a `Siphon` object: `{shipSymbol, yield: {symbol, units}}`."""
    got = o.req_obj("yield")
    return Extraction(
        ship_symbol=o.symbol("shipSymbol"),
        trade_symbol=got.symbol(),
        units=got.req_int("units"),
        siphon=siphon,
        raw=o.data,
    )


def survey(payload: Any, *, kind: str = "survey") -> Survey:
    return read_survey(Obj.of(kind, payload))

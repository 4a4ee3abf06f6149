"""Adapters for surveys and extractions (extract and siphon share one model)."""

from __future__ import annotations

from space_traders_api_client import models as gm
from stdaemon.api.adapters.mapping import Adapter, Json, utc
from stdaemon.domain.mining import Extraction, Survey


def read_survey(dto: gm.Survey, raw: Json) -> Survey:
    return Survey(
        signature=dto.signature,
        symbol=dto.symbol,
        deposits=tuple(d.symbol for d in dto.deposits),
        expiration=utc(dto.expiration),
        size=dto.size,
        raw=raw,
    )


def read_extraction(dto: gm.Extraction | gm.Siphon, raw: Json) -> Extraction:
    """An `Extraction` or a `Siphon` object: `{shipSymbol, yield: {symbol, units}}`."""
    return Extraction(
        ship_symbol=dto.ship_symbol,
        trade_symbol=dto.yield_.symbol,
        units=dto.yield_.units,
        siphon=isinstance(dto, gm.Siphon),
        raw=raw,
    )


survey = Adapter("survey", gm.Survey, read_survey)

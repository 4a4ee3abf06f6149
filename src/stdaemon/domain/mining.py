"""Surveys and extractions: what a mining or siphoning ship found and took."""

from __future__ import annotations

from pydantic import AwareDatetime

from stdaemon.domain.base import Entity
from stdaemon.domain.ids import ShipSymbol, SurveySignature, TradeSymbol, WaypointSymbol


class Survey(Entity):
    """A survey of a waypoint. Extracting with it needs `raw` sent back unmodified (it is signed)."""

    signature: SurveySignature
    symbol: WaypointSymbol
    deposits: tuple[TradeSymbol, ...] = ()
    expiration: AwareDatetime
    size: str


class Extraction(Entity):
    """One extraction or siphon: `units` of `trade_symbol` into `ship_symbol`'s hold. `siphon` tells which."""

    ship_symbol: ShipSymbol
    trade_symbol: TradeSymbol
    units: int
    siphon: bool = False

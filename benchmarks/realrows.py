"""Real-shaped payloads and rows for the benchmarks, built from the fixtures in `tests/fixtures/payloads/`.

The benchmarks must not flatter the writer with small synthetic rows: every payload here is a real fixture
object with only its symbols, coordinates, prices and timestamps varied, so `raw` keeps its real size
(a market's trade good ~125 B of JSON, a waypoint ~800 B). Payloads are JSON *bytes*, as an HTTP answer
arrives; `decode_*` turn them into rows the way the daemon does (`api.errors.decode_json`, the sender's
JSON decoder → adapters → `db.rows.rows_for`).
"""

from __future__ import annotations

import copy
import json
from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

import orjson

from stdaemon.api import adapters
from stdaemon.api.errors import decode_json
from stdaemon.db.rows import rows_for
from stdaemon.db.tables import TABLES

FIXTURES = Path(__file__).resolve().parents[1] / "tests" / "fixtures" / "payloads"
RESET = date(2026, 11, 15)
T0 = datetime(2026, 11, 21, 12, 0, tzinfo=UTC)
SNAPSHOTS, WAYPOINTS = "telemetry.market_snapshots", "reference.waypoints"
# Real trade symbols: a market lists 5-20 of them; the fixture's goods are cycled under these names.
# fmt: off
GOODS = (
    "FUEL", "IRON", "IRON_ORE", "FOOD", "COPPER", "COPPER_ORE", "ALUMINUM", "ALUMINUM_ORE",
    "SILICON_CRYSTALS", "QUARTZ_SAND", "ICE_WATER", "AMMONIA_ICE", "LIQUID_HYDROGEN", "LIQUID_NITROGEN",
    "PRECIOUS_STONES", "PLASTICS", "FABRICS", "POLYNUCLEOTIDES", "MEDICINE", "DRUGS", "CLOTHING",
    "EQUIPMENT", "JEWELRY", "MACHINERY", "FIREARMS", "ASSAULT_RIFLES", "MILITARY_EQUIPMENT", "EXPLOSIVES",
    "LAB_INSTRUMENTS", "AMMUNITION", "ELECTRONICS", "SHIP_PLATING", "SHIP_PARTS", "FERTILIZERS",
    "HYDROCARBON", "MICROPROCESSORS", "GOLD", "GOLD_ORE", "SILVER", "SILVER_ORE"
)
# fmt: on


def _fixture(name: str) -> Any:
    return json.loads((FIXTURES / f"{name}.json").read_text())["data"]


def market_symbol(i: int) -> str:
    """The i-th market: 10 per system."""
    return f"X1-B{i // 10:03d}-M{i % 10}"


def market_payloads(
    n_goods: int, *, goods_per_market: int = 12, markets: int = 500, start: int = 0
) -> list[bytes]:
    """Market answers (JSON bytes) holding `n_goods` trade goods in all; each answer a new observation.

    Observation k is market k % `markets`; its trade goods are the fixture's real goods (cycled) under
    `goods_per_market` real trade symbols, with prices varied. The snapshot rows they yield are unique per
    (market, good, observed_at) once `observed_at` advances per payload (see `decode_markets`).
    """
    template = _fixture("market")
    fixture_goods = template["tradeGoods"]
    out: list[bytes] = []
    k = start
    made = 0
    while made < n_goods:
        body = copy.deepcopy(template)
        market = market_symbol(k % markets)
        body["symbol"] = market
        take = min(goods_per_market, n_goods - made)
        goods = []
        for j in range(take):
            good = dict(fixture_goods[j % len(fixture_goods)])
            good["symbol"] = GOODS[(k + j) % len(GOODS)]
            good["purchasePrice"] = 20 + (k * 7 + j * 13) % 500
            good["sellPrice"] = good["purchasePrice"] - 1 - (k + j) % 9
            goods.append(good)
        body["tradeGoods"] = goods
        body["transactions"] = []  # a market's transactions are not price history
        out.append(json.dumps({"data": body}).encode())
        made += take
        k += 1
    return out


def decode_market(
    payload: bytes, k: int, *, reset: date = RESET, t0: datetime = T0, step: timedelta = timedelta(seconds=1)
) -> list[dict[str, Any]]:
    """Payload bytes → `decode_json` → `adapters.market` → the snapshot rows `rows_for` makes (the daemon's
    way); payload `k` is observed at `t0 + k * step`."""
    model = adapters.market(decode_json(payload)["data"])
    return rows_for(model, reset_date=reset, observed_at=t0 + k * step)[SNAPSHOTS]


def decode_markets(payloads: list[bytes], **kw: Any) -> list[dict[str, Any]]:
    return [row for k, payload in enumerate(payloads) for row in decode_market(payload, k, **kw)]


def waypoint_pages(n: int, *, page: int = 20, start: int = 0) -> list[bytes]:
    """`GET /systems/{s}/waypoints` answers (JSON bytes, 20 a page) of `n` waypoints like the fixture's."""
    template = _fixture("waypoint")
    pages: list[bytes] = []
    for first in range(start, start + n, page):
        items = []
        for i in range(first, min(first + page, start + n)):
            w = copy.deepcopy(template)
            system = f"X1-W{i // 30:05d}"
            symbol = f"{system}-W{i % 30:02d}"
            w["symbol"], w["systemSymbol"] = symbol, system
            w["x"], w["y"] = i % 701 - 350, (i * 13) % 701 - 350
            w["orbitals"] = [{"symbol": f"{symbol}A"}, {"symbol": f"{symbol}B"}]
            w["chart"]["waypointSymbol"] = symbol
            items.append(w)
        pages.append(json.dumps({"data": items, "meta": {"total": n, "page": 1, "limit": page}}).encode())
    return pages


def decode_page(payload: bytes, k: int = 0, *, reset: date = RESET) -> list[dict[str, Any]]:
    """Page bytes → `decode_json` → `adapters.waypoint` per item → the rows `rows_for` makes."""
    return [
        row
        for item in decode_json(payload)["data"]
        for row in rows_for(adapters.waypoint(item), reset_date=reset, observed_at=T0)[WAYPOINTS]
    ]


def decode_waypoints(pages: list[bytes], **kw: Any) -> list[dict[str, Any]]:
    return [row for k, payload in enumerate(pages) for row in decode_page(payload, k, **kw)]


def raw_size(rows: list[dict[str, Any]]) -> float:
    """Mean size of `raw` as compact JSON text, in bytes."""
    return sum(len(json.dumps(r["raw"], separators=(",", ":"))) for r in rows) / max(1, len(rows))


Decode = Callable[[bytes, int], list[dict[str, Any]]]


class Case:
    """One table's data: payloads, the rows they decode to, and how to write them each way."""

    def __init__(self, table: str, payloads: list[bytes], decode: Decode) -> None:
        self.table, self.spec, self.payloads, self.decode = table, TABLES[table], payloads, decode
        self.rows = [row for k, payload in enumerate(payloads) for row in decode(payload, k)]
        self.columns = tuple(c for c in self.spec.columns if c in self.rows[0])
        per = len(self.rows) // len(payloads)
        self.chunks = [self.rows[i : i + per] for i in range(0, len(self.rows), per)]

    def records(self) -> list[tuple[Any, ...]]:
        cols = self.columns
        return [tuple(orjson.dumps(r[c]) if c == "raw" else r[c] for c in cols) for r in self.rows]

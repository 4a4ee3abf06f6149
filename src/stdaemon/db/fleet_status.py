"""The fleet's part of `stdaemon status`: credits per hour by behaviour, market freshness, who does what.

- Earnings: from `telemetry.credit_ledger`, per behaviour: the net credits of the reset so far, and the net
  credits of the last hour (credits per hour, not extrapolated: a daemon up ten minutes shows ten minutes');
  the opening balance is not earnings.
- Markets with a ship: every market where one of our ships is (its route's arrival has passed, per
  `telemetry.ships`), with the age of its newest snapshot and how long a ship has been there. While the market
  runner is up, a market where a ship has been for a poll interval has a snapshot younger than twice
  `ST_MARKET_POLL_INTERVAL_S` (a probe that just arrived shows its previous visit's until it polls).
- Ships: each ship's runner, behaviour and last note (`telemetry.ship_behaviours`).
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from datetime import date
from typing import Any

from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncConnection

from stdaemon.domain.operations import OPENING_BALANCE

_EARNINGS = text(
    """
    SELECT behaviour,
           sum(amount) AS total,
           sum(amount) FILTER (WHERE observed_at > now() - interval '1 hour') AS last_hour
      FROM telemetry.credit_ledger
     WHERE reset_date = :r AND kind <> :opening
     GROUP BY behaviour
     ORDER BY behaviour
    """
)
_FRESHNESS = text(
    """
    WITH present AS (
        SELECT waypoint_symbol, array_agg(symbol ORDER BY symbol) AS ships,
               extract(epoch FROM now() - min(route_arrival)) AS present_s
          FROM telemetry.ships
         WHERE reset_date = :r AND (nav_status <> 'IN_TRANSIT' OR route_arrival <= now())
         GROUP BY waypoint_symbol)
    SELECT p.waypoint_symbol, p.ships, p.present_s,
           extract(epoch FROM now() - max(s.observed_at)) AS age_s
      FROM present p
      JOIN telemetry.markets m ON m.reset_date = :r AND m.symbol = p.waypoint_symbol
      LEFT JOIN telemetry.market_snapshots s ON s.reset_date = :r AND s.waypoint_symbol = p.waypoint_symbol
     GROUP BY p.waypoint_symbol, p.ships, p.present_s
     ORDER BY p.waypoint_symbol
    """
)
_SHIPS = text(
    """
    SELECT ship_symbol, runner, behaviour, note, lease_until > now() AS held
      FROM telemetry.ship_behaviours WHERE reset_date = :r ORDER BY ship_symbol
    """
)


@dataclass(frozen=True)
class Earnings:
    behaviour: str
    total: int
    per_hour: float


@dataclass(frozen=True)
class MarketFreshness:
    waypoint: str
    ships: list[str]
    age_s: float | None  # None: no snapshot yet
    present_s: (
        float | None
    )  # since the earliest of its ships arrived (None: never flew, there from the start)


@dataclass(frozen=True)
class ShipDoing:
    ship: str
    runner: str
    behaviour: str | None
    note: str | None
    held: bool


@dataclass(frozen=True)
class FleetStatus:
    earnings: list[Earnings] = field(default_factory=list)
    markets: list[MarketFreshness] = field(default_factory=list)
    ships: list[ShipDoing] = field(default_factory=list)

    def as_json(self) -> dict[str, Any]:
        return asdict(self)


async def collect_fleet(conn: AsyncConnection, reset_date: date) -> FleetStatus:
    params = {"r": reset_date}
    earnings = [
        Earnings(r.behaviour, int(r.total), float(r.last_hour or 0))
        for r in await conn.execute(_EARNINGS, params | {"opening": OPENING_BALANCE})
    ]
    markets = [
        MarketFreshness(r.waypoint_symbol, list(r.ships), _seconds(r.age_s), _seconds(r.present_s))
        for r in await conn.execute(_FRESHNESS, params)
    ]
    ships = [
        ShipDoing(r.ship_symbol, r.runner, r.behaviour, r.note, bool(r.held))
        for r in await conn.execute(_SHIPS, params)
    ]
    return FleetStatus(earnings, markets, ships)


def _seconds(value: Any) -> float | None:
    return round(float(value), 1) if value is not None else None


def render_fleet(fleet: dict[str, Any]) -> list[str]:
    """The human lines of the fleet section (`stdaemon status` without --json)."""
    lines = ["", "credits per hour by behaviour (last hour; total this reset)"]
    lines += [
        f"  {e['behaviour']:<20} {e['per_hour']:>12,.0f}/h {e['total']:>14,}" for e in fleet["earnings"]
    ]
    if not fleet["earnings"]:
        lines.append("  none recorded yet")
    lines += ["", "markets with a ship: age of the newest snapshot"]
    for m in fleet["markets"]:
        age = "no snapshot yet" if m["age_s"] is None else f"{m['age_s']:,.0f} s"
        there = "" if m["present_s"] is None else f" (a ship there for {m['present_s']:,.0f} s)"
        lines.append(f"  {m['waypoint']:<20} {age:>16}  {', '.join(m['ships'])}{there}")
    if not fleet["markets"]:
        lines.append("  none")
    lines += ["", "ships"]
    for s in fleet["ships"]:
        held = s["runner"] if s["held"] else f"{s['runner']} (lease ended)"
        lines.append(f"  {s['ship']:<20} {held:<22} {s['behaviour'] or '-':<14} {s['note'] or ''}")
    return lines

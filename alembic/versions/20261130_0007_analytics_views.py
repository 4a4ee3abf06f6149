"""analytics: views for people (latest prices, price history, trade routes, fleet, credits)

Schema `analytics` holds only views and functions over `reference` and `telemetry`: it owns no row, so
upgrading and downgrading it never touches data. Every view answers for the current epoch, the latest
`reference.resets.reset_date` (symbols are reused across server resets, so mixing epochs would mix
universes); the filter is on `reset_date`, so a table partitioned by it scans only the current partition.

Revision ID: 0007
Revises: 0003
Create Date: 2026-11-30 15:00:00
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0007"
down_revision: str | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

EPOCH = "(SELECT reset_date FROM analytics.current_epoch)"

HELPERS = [
    "CREATE SCHEMA analytics",
    "COMMENT ON SCHEMA analytics IS 'Views for people: prices, routes, fleet, credits (current epoch)'",
    """
    CREATE VIEW analytics.current_epoch AS
    SELECT max(reset_date) AS reset_date FROM reference.resets
    """,
    "COMMENT ON VIEW analytics.current_epoch IS 'The latest server reset seen: every view answers for it'",
    # X1-AD75-I56 -> X1-AD75
    """
    CREATE FUNCTION analytics.system_of(waypoint text) RETURNS text
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    RETURN substring(waypoint FROM '^[^-]+-[^-]+')
    """,
    # SPACETRADERS.md 6.3. round() on numeric rounds half away from zero, as the server's Math.round does
    # for positive values (round() on double precision would round half to even).
    """
    CREATE FUNCTION analytics.fuel_cost(flight_mode text, distance double precision) RETURNS integer
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    RETURN CASE flight_mode
        WHEN 'DRIFT' THEN 1
        WHEN 'BURN' THEN greatest(1, 2 * round(distance::numeric)::integer)
        WHEN 'CRUISE' THEN greatest(1, round(distance::numeric)::integer)
        WHEN 'STEALTH' THEN greatest(1, round(distance::numeric)::integer)
    END
    """,
    """
    CREATE FUNCTION analytics.travel_seconds(
        flight_mode text, distance double precision, engine_speed integer
    ) RETURNS integer
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    RETURN round(
        round(greatest(1, distance)::numeric)
        * CASE flight_mode WHEN 'CRUISE' THEN 25 WHEN 'DRIFT' THEN 250 WHEN 'BURN' THEN 12.5
                           WHEN 'STEALTH' THEN 30 END
        / engine_speed + 15
    )::integer
    """,
]

VIEWS = [
    f"""
    CREATE VIEW analytics.latest_prices AS
    SELECT g.reset_date, analytics.system_of(g.waypoint_symbol) AS system_symbol,
           g.waypoint_symbol, w.type AS waypoint_type, g.trade_symbol, g.type, g.supply, g.activity,
           g.trade_volume, g.purchase_price, g.sell_price, g.observed_at,
           now() - g.observed_at AS age
      FROM telemetry.market_trade_goods g
      LEFT JOIN reference.waypoints w ON w.reset_date = g.reset_date AND w.symbol = g.waypoint_symbol
     WHERE g.reset_date = {EPOCH}
    """,
    "COMMENT ON VIEW analytics.latest_prices IS "
    "'The latest price of every good at every market, with its age (purchase = we pay, sell = we get)'",
    f"""
    CREATE VIEW analytics.price_history AS
    SELECT s.reset_date, analytics.system_of(s.waypoint_symbol) AS system_symbol, s.waypoint_symbol,
           s.trade_symbol, s.observed_at, s.purchase_price, s.sell_price, s.trade_volume, s.supply,
           s.activity, s.type
      FROM telemetry.market_snapshots s
     WHERE s.reset_date = {EPOCH}
    """,
    "COMMENT ON VIEW analytics.price_history IS "
    "'Every observed price of a good at a market: "
    "filter by trade_symbol and waypoint_symbol, order by observed_at'",
    f"""
    CREATE VIEW analytics.traded_goods AS
    WITH listed AS (
        SELECT analytics.system_of(waypoint_symbol) AS system_symbol, trade_symbol, count(*) AS markets,
               max(observed_at) AS last_observed_at
          FROM telemetry.market_trade_goods WHERE reset_date = {EPOCH} GROUP BY 1, 2
    ), traded AS (
        SELECT analytics.system_of(waypoint_symbol) AS system_symbol, trade_symbol, count(*) AS transactions,
               sum(units) AS units, sum(total_price) AS credits
          FROM telemetry.market_transactions WHERE reset_date = {EPOCH} GROUP BY 1, 2
    )
    SELECT coalesce(l.system_symbol, t.system_symbol) AS system_symbol,
           coalesce(l.trade_symbol, t.trade_symbol) AS trade_symbol,
           coalesce(l.markets, 0) AS markets,
           coalesce(t.transactions, 0) AS transactions,
           coalesce(t.units, 0) AS units_traded,
           coalesce(t.credits, 0) AS credits_traded,
           l.last_observed_at
      FROM listed l
      FULL JOIN traded t ON t.system_symbol = l.system_symbol AND t.trade_symbol = l.trade_symbol
     ORDER BY credits_traded DESC, markets DESC, system_symbol, trade_symbol
    """,
    "COMMENT ON VIEW analytics.traded_goods IS "
    "'Each good in each system: how many markets list it, how much of it was traded (most first)'",
    f"""
    CREATE VIEW analytics.system_map AS
    SELECT w.reset_date, w.system_symbol, w.symbol AS waypoint_symbol, w.type, w.x, w.y, w.orbits,
           w.faction_symbol, w.traits, w.is_under_construction,
           ('MARKETPLACE' = ANY (w.traits) OR m.symbol IS NOT NULL) AS has_market,
           ('SHIPYARD' = ANY (w.traits) OR y.symbol IS NOT NULL) AS has_shipyard
      FROM reference.waypoints w
      LEFT JOIN telemetry.markets m ON m.reset_date = w.reset_date AND m.symbol = w.symbol
      LEFT JOIN telemetry.shipyards y ON y.reset_date = w.reset_date AND y.symbol = w.symbol
     WHERE w.reset_date = {EPOCH}
    """,
    "COMMENT ON VIEW analytics.system_map IS "
    "'Waypoints with their coordinates, markets and shipyards marked'",
    f"""
    CREATE VIEW analytics.fleet AS
    SELECT s.reset_date, s.symbol AS ship_symbol, s.role, s.frame_symbol, s.system_symbol, s.waypoint_symbol,
           CASE WHEN f.flying THEN s.nav_status WHEN s.nav_status = 'IN_TRANSIT' THEN 'IN_ORBIT'
                ELSE s.nav_status END AS status,
           s.flight_mode,
           CASE WHEN f.flying THEN s.route_origin_symbol END AS origin_symbol,
           CASE WHEN f.flying THEN s.route_destination_symbol END AS destination_symbol,
           CASE WHEN f.flying THEN s.route_departure_time END AS departure,
           CASE WHEN f.flying THEN s.route_arrival END AS arrival,
           CASE WHEN f.flying THEN s.route_arrival - now() END AS arrives_in,
           s.fuel_current, s.fuel_capacity, s.cargo_units, s.cargo_capacity,
           (SELECT string_agg((i ->> 'units') || ' ' || (i ->> 'symbol'), ', '
                              ORDER BY (i ->> 'units')::integer DESC, i ->> 'symbol')
              FROM jsonb_array_elements(CASE jsonb_typeof(s.raw -> 'cargo' -> 'inventory')
                                        WHEN 'array' THEN s.raw -> 'cargo' -> 'inventory'
                                        ELSE '[]'::jsonb END) AS i) AS cargo,
           s.cooldown_expiration,
           -- where the ship is now: on its waypoint, or on the line from origin to destination in flight
           CASE WHEN f.flying AND o.x IS NOT NULL THEN o.x + (w.x - o.x) * f.done ELSE w.x END AS x,
           CASE WHEN f.flying AND o.y IS NOT NULL THEN o.y + (w.y - o.y) * f.done ELSE w.y END AS y,
           CASE WHEN f.flying THEN o.x END AS origin_x, CASE WHEN f.flying THEN o.y END AS origin_y,
           CASE WHEN f.flying THEN w.x END AS destination_x, CASE WHEN f.flying THEN w.y END AS destination_y,
           s.observed_at, now() - s.observed_at AS age
      FROM telemetry.ships s
      CROSS JOIN LATERAL (
          SELECT coalesce(s.nav_status = 'IN_TRANSIT' AND s.route_arrival > now(), false) AS flying,
                 CASE WHEN s.route_arrival > s.route_departure_time
                      THEN greatest(0, least(1,
                          extract(epoch FROM now() - s.route_departure_time)
                          / extract(epoch FROM s.route_arrival - s.route_departure_time)))
                      ELSE 1 END AS done
      ) f
      LEFT JOIN reference.waypoints w ON w.reset_date = s.reset_date AND w.symbol = s.waypoint_symbol
      LEFT JOIN reference.waypoints o ON o.reset_date = s.reset_date AND o.symbol = s.route_origin_symbol
     WHERE s.reset_date = {EPOCH}
    """,
    "COMMENT ON VIEW analytics.fleet IS "
    "'Every ship: where it is (or flies to, and when it arrives), what it carries, fuel, cooldown'",
    f"""
    CREATE VIEW analytics.credits AS
    SELECT a.reset_date, a.symbol AS agent_symbol, a.observed_at, a.credits, a.ship_count,
           a.credits - lag(a.credits) OVER (PARTITION BY a.reset_date, a.symbol ORDER BY a.observed_at)
               AS change,
           coalesce(g.account_id IS NOT NULL, false) AS own
      FROM telemetry.agent_snapshots a
      LEFT JOIN telemetry.agents g ON g.reset_date = a.reset_date AND g.symbol = a.symbol
     WHERE a.reset_date = {EPOCH}
    """,
    "COMMENT ON VIEW analytics.credits IS "
    "'Credits and fleet size at every observation of an agent; own = our agent'",
]

# A set-returning function: the cargo, the engine and the flight mode are the caller's.
ROUTES = [
    """
    CREATE FUNCTION analytics.trade_routes(
        cargo_units integer DEFAULT 40,
        engine_speed integer DEFAULT 36,
        flight_mode text DEFAULT 'CRUISE',
        max_age interval DEFAULT '1 hour',
        only_system text DEFAULT NULL
    ) RETURNS TABLE (
        system_symbol text, trade_symbol text,
        buy_waypoint text, buy_price integer, buy_supply text, buy_age interval,
        sell_waypoint text, sell_price integer, sell_supply text, sell_age interval,
        spread integer, volume integer, units integer, distance numeric, fuel integer,
        fuel_price integer, fuel_cost integer, flight_seconds integer,
        profit bigint, profit_per_unit numeric, profit_per_hour numeric
    )
    LANGUAGE plpgsql STABLE AS $fn$
    #variable_conflict use_column
    BEGIN
        IF trade_routes.cargo_units IS NULL OR trade_routes.cargo_units < 1 THEN
            RAISE EXCEPTION 'cargo_units must be at least 1 (got %)', trade_routes.cargo_units;
        END IF;
        IF trade_routes.engine_speed IS NULL OR trade_routes.engine_speed < 1 THEN
            RAISE EXCEPTION 'engine_speed must be at least 1 (got %)', trade_routes.engine_speed;
        END IF;
        IF trade_routes.flight_mode IS NULL
           OR trade_routes.flight_mode NOT IN ('CRUISE', 'DRIFT', 'BURN', 'STEALTH') THEN
            RAISE EXCEPTION 'flight_mode must be CRUISE, DRIFT, BURN or STEALTH (got %)',
                trade_routes.flight_mode;
        END IF;
        IF trade_routes.max_age IS NULL OR trade_routes.max_age <= interval '0' THEN
            RAISE EXCEPTION 'max_age must be positive (got %)', trade_routes.max_age;
        END IF;
        RETURN QUERY
        WITH fresh AS (
            SELECT p.*, w.x, w.y
              FROM analytics.latest_prices p
              JOIN reference.waypoints w ON w.reset_date = p.reset_date AND w.symbol = p.waypoint_symbol
             WHERE p.age <= trade_routes.max_age
               AND (trade_routes.only_system IS NULL OR p.system_symbol = trade_routes.only_system)
        ), fuel AS (
            SELECT f.waypoint_symbol, f.system_symbol, f.purchase_price
              FROM fresh f WHERE f.trade_symbol = 'FUEL'
        ), pairs AS (
            SELECT b.system_symbol, b.trade_symbol,
                   b.waypoint_symbol AS buy_waypoint, b.purchase_price AS buy_price, b.supply AS buy_supply,
                   b.age AS buy_age,
                   s.waypoint_symbol AS sell_waypoint, s.sell_price, s.supply AS sell_supply,
                   s.age AS sell_age,
                   s.sell_price - b.purchase_price AS spread,
                   least(b.trade_volume, s.trade_volume) AS volume,
                   sqrt(power(s.x - b.x, 2) + power(s.y - b.y, 2)) AS d,
                   coalesce(
                       (SELECT f.purchase_price FROM fuel f WHERE f.waypoint_symbol = b.waypoint_symbol),
                       (SELECT min(f.purchase_price) FROM fuel f WHERE f.system_symbol = b.system_symbol)
                   ) AS fuel_price
              FROM fresh b
              JOIN fresh s ON s.system_symbol = b.system_symbol AND s.trade_symbol = b.trade_symbol
                          AND s.waypoint_symbol <> b.waypoint_symbol
             WHERE s.sell_price > b.purchase_price
        ), costed AS (
            SELECT p.*, analytics.fuel_cost(trade_routes.flight_mode, p.d) AS fuel,
                   analytics.travel_seconds(trade_routes.flight_mode, p.d, trade_routes.engine_speed) AS t
              FROM pairs p
        ), priced AS (
            SELECT c.*, ceil(c.fuel * c.fuel_price / 100.0)::integer AS fuel_credits,
                   trade_routes.cargo_units::bigint * c.spread
                       - coalesce(ceil(c.fuel * c.fuel_price / 100.0)::bigint, 0) AS trip_profit
              FROM costed c
        )
        SELECT p.system_symbol, p.trade_symbol,
               p.buy_waypoint, p.buy_price, p.buy_supply, p.buy_age,
               p.sell_waypoint, p.sell_price, p.sell_supply, p.sell_age,
               p.spread, p.volume, trade_routes.cargo_units, round(p.d::numeric, 1), p.fuel,
               p.fuel_price, p.fuel_credits, p.t,
               p.trip_profit,
               round(p.trip_profit::numeric / trade_routes.cargo_units, 1),
               round(p.trip_profit * 3600.0 / p.t)
          FROM priced p
         WHERE p.trip_profit > 0
         ORDER BY p.trip_profit * 3600.0 / p.t DESC, p.trade_symbol, p.buy_waypoint, p.sell_waypoint;
    END
    $fn$
    """,
    "COMMENT ON FUNCTION analytics.trade_routes(integer, integer, text, interval, text) IS "
    "'Buy here, sell there, within one system, from prices younger than max_age: profit per trip of "
    "cargo_units after fuel, per unit and per hour of flight; best first'",
    "CREATE VIEW analytics.best_routes AS SELECT * FROM analytics.trade_routes()",
    "COMMENT ON VIEW analytics.best_routes IS "
    "'analytics.trade_routes() for a command frigate: "
    "40 units, engine speed 36, CRUISE, prices < 1 hour old'",
]


def upgrade() -> None:
    for statement in [*HELPERS, *VIEWS, *ROUTES]:
        op.execute(sa.text(statement))


def downgrade() -> None:
    # Views and functions only: no row lives in this schema.
    op.execute(sa.text("DROP SCHEMA analytics CASCADE"))

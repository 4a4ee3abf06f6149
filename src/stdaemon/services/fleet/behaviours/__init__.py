"""The behaviours, one module each. Importing this package registers them all (`behaviour.register`).

- `idle.Idle`: nothing to do; waits, then ends so the planner asks again.
- `contracts.Contracts`: the faction's contracts: negotiate, accept, source, deliver, fulfil.
- `trade.Trade`: one buy-here-sell-there run between two markets of the system, from our own prices.
- `mining.Mining`: extract at the best asteroid near a buying market (with surveys), sell, repeat.
- `surveying.Surveying`: a surveyor surveys the site the miners work, for the fleet's survey pool.
- `market_watch.MarketWatch`: a probe stationed at a market, or cycling through several, polling them.
- `travel.Travel`: fly to a list of waypoints in turn (through gates too), then end.
"""

from __future__ import annotations

from stdaemon.services.fleet.behaviours import contracts, idle, market_watch, mining, surveying, trade, travel

__all__ = ["contracts", "idle", "market_watch", "mining", "surveying", "trade", "travel"]

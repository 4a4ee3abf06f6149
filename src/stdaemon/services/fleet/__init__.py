"""The fleet engine: one resumable behaviour per ship, scheduled on the server's timestamps.

The shape, from the outside in:

- `runner.Runner` is a lifecycle service (`stdaemon run fleet` / `markets` / `all`). It holds its runner role
  for the database (one process per role), claims the ships its planner wants (`AssignmentStore`: a lease per
  ship in `telemetry.ship_behaviours`, so a probe belongs to one runner at a time, across processes), and
  runs one `ship_actor.ShipActor` per ship, plus chores (`FleetWatch`: re-list ships, renew leases; the
  market runner's `PollSweep`) on one `engine.Engine`.
- `engine.Engine` wakes each actor at the time its last step asked for (a route's arrival, a cooldown's
  expiration, "now"); steps of different ships run concurrently, waits cost nothing. Time comes from a
  `clock.Clock`: the wall clock in production, `SkipClock` (jumps over time nobody works in) in tests and
  benchmarks.
- `ship_actor.ShipActor` runs its ship's `behaviour.Behaviour`: asks the planner for one when it has none,
  turns game errors into plans (`Behaviour.on_error`, else `errors.react`), re-reads the ship after an action
  of unknown outcome, and saves the behaviour's state after every step (so a restart resumes the ship).
- `behaviour.Behaviour` is a step function over a small JSON state (`behaviours/`: contracts, trade, travel,
  market_watch, idle). A step reads the ship (`context.ShipContext.ship()`), acts through the context (which
  writes every credit change to the ledger with the behaviour's name), and returns `Wait(until)`,
  `Done(reason, rest)` or `Failed(reason, retry_at)`.
- `planner.RulePlanner` gives a ship the first `Rule` that applies (frame, mounts, cargo, what the other
  ships do); a behaviour that ended rests for that ship until its `rest`/`retry_at`. `rules.fleet_planner()`
  is the fleet runner's list; `services.markets.build_market_runner` builds the market runner's.
- Pure parts: `navigation` (fuel/time formulas, routes with refuel stops and flight modes), `gates` (jump
  paths), `services.markets.stations` (which probe watches which markets), `deals` (trade runs scored by
  profit per second, with the price moves our own trades cause).
- Around them: `atlas.Atlas` (system geometry, market listings, gate graph; cached), `sourcing` (where to
  buy a good, how long a trip takes), `pilot.travel` (one navigation step towards a waypoint, re-planned from
  the ship's position every time: the only travel state a behaviour keeps is its destination).

Extending it:

- A new behaviour: a module in `behaviours/` with a `BehaviourState` subclass and a `@register`ed
  `Behaviour` subclass (unique `name`: it is stored), `step()` built from `pilot.travel` and the context's
  actions, `on_error()` for the codes it can plan around; then a `Rule` in `rules.fleet_rules()` (or another
  runner's list) that says which ships get it. Import the module in `behaviours/__init__.py`.
- A new game action: call the DataService through `ShipContext` (add a method there if credits move, so the
  ledger sees them) and declare it in `protocols.FleetActions`.
- A new runner role: a `Runner(name, deps, planner, chores=[...])` built like `build_market_runner`, wired in
  `cli/run.py`.
"""

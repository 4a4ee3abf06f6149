"""A runner (`fleet` or `markets`): a lifecycle service that claims its ships and runs them on one engine.

At start it takes the runner's role for its agent in this database (one process per role and agent; a
second one exits 78), lists the agent's ships, claims those its planner wants (a ship held by the other
runner stays theirs), and resumes each from its saved behaviour. The `FleetWatch` chore then checks the
credits against the ledger (`books.Books.check`: before its ships act, and each time), re-lists the ships
at once and every `watch_every` (a ship just bought is picked up at once via `Runner.adopt`), renews the
claims, and reports one `fleet_observed` line. On stop the running steps finish, the claims are
released (their state stays), and the next start resumes every ship where it was.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable, Sequence
from datetime import datetime, timedelta

from stdaemon.domain import models as m
from stdaemon.domain.operations import ShipAssignment
from stdaemon.exits import ConfigError
from stdaemon.logging import get_logger
from stdaemon.services.fleet.behaviour import restore
from stdaemon.services.fleet.context import FleetDeps, settled
from stdaemon.services.fleet.engine import Actor, Engine
from stdaemon.services.fleet.planner import Planner
from stdaemon.services.fleet.ship_actor import ShipActor

log = get_logger("stdaemon.fleet")

WATCH_EVERY = timedelta(seconds=60)
CLOSING_CHECK_S = 3.0  # how long a stopping runner spends checking the credits (only after a lost answer)


class Runner:
    """See the module docstring."""

    def __init__(
        self,
        name: str,
        deps: FleetDeps,
        planner: Planner,
        *,
        chores: Sequence[Actor] = (),
        watch_every: timedelta = WATCH_EVERY,
    ) -> None:
        self.name = name
        self.deps = deps
        self.planner = planner
        self.engine = Engine(deps.clock, name=name)
        self._chores = list(chores)
        self.watch_every = watch_every
        self.ships: dict[str, ShipActor] = {}

    @property
    def activity(self) -> str:
        """What its ships are doing, in a few words (systemd STATUS= and the runner heartbeat)."""
        doing: dict[str, int] = {}
        for actor in self.ships.values():
            name = actor.behaviour.name if actor.behaviour is not None else "unassigned"
            doing[name] = doing.get(name, 0) + 1
        if not doing:
            return "no ships claimed yet"
        held = len(self.ships)
        return f"{held} ship{'s' if held != 1 else ''}: " + ", ".join(
            f"{n} {b}" for b, n in sorted(doing.items())
        )

    def others(self) -> dict[str, str | None]:
        return {s: a.behaviour.name if a.behaviour is not None else None for s, a in self.ships.items()}

    async def run(self, stop: asyncio.Event) -> None:
        """Run until `stop`; may be called again (after a server reset: a new agent, a new epoch)."""
        self.engine = Engine(self.deps.clock, name=self.name)  # nothing of an earlier run carries over
        self.ships = {}
        agent = (await self.deps.data.agent()).symbol  # two agents may share one database
        async with self.deps.store.hold_role(f"{self.name}/{agent}") as held:
            if not held:
                raise ConfigError(
                    f"another process already runs the {self.name} runner of {agent} against this database: "
                    "stop it first (or run a different role)"
                )
            self.engine.add(FleetWatch(self))  # its first step claims the ships
            for chore in self._chores:
                self.engine.add(chore)
            try:
                await self.engine.run(stop)
            finally:
                await self._close_books()
                await self._release()

    async def sync(self, ships: Sequence[m.Ship] | None = None) -> list[m.Ship]:
        """Claim the wanted ships (renewing the lease of those held) and start or drop their actors."""
        listed = ships if ships is not None else await self.deps.data.ships(fresh=True)
        wanted = [s.symbol for s in listed if self.planner.wants(s)]
        held = await self.deps.store.claim(self.deps.reset_date(), self.name, wanted)
        held_now = {a.ship_symbol: a for a in held}
        for symbol in list(self.ships):  # a ship adopted meanwhile was not listed, so not asked for: kept
            if symbol in wanted and symbol not in held_now:
                log.warning("ship_lost_to_another_runner", ship=symbol, runner=self.name)
                self.engine.remove(symbol)
                del self.ships[symbol]
        for saved in held_now.values():
            self._start(saved)
        if not_held := sorted(set(wanted) - set(held_now)):
            log.info("ships_held_elsewhere", runner=self.name, ships=not_held)
        return list(listed)

    def _start(self, saved: ShipAssignment) -> None:
        """Start the actor of a ship just claimed (once), resuming the behaviour it saved."""
        symbol, name = saved.ship_symbol, saved.behaviour
        if symbol in self.ships:
            return
        behaviour = restore(name, saved.state) if name is not None and saved.runner == self.name else None
        actor = ShipActor(self.deps, self.planner, self.name, symbol, behaviour, others=self.others)
        self.ships[symbol] = actor
        self.engine.add(actor, saved.wake_at if behaviour is not None else None)
        log.info(
            "ship_resumed" if behaviour is not None else "ship_claimed",
            ship=symbol,
            runner=self.name,
            behaviour=behaviour.name if behaviour is not None else None,
            plan=behaviour.describe() if behaviour is not None else None,
        )

    async def adopt(self, ship: m.Ship) -> None:
        """A ship that just appeared (bought): claim it now rather than at the next watch."""
        if not self.planner.wants(ship) or ship.symbol in self.ships:
            return
        for saved in await self.deps.store.claim(self.deps.reset_date(), self.name, [ship.symbol]):
            self._start(saved)

    async def _close_books(self) -> None:
        """An answer lost and not yet checked: check the credits now rather than at the next start."""
        if not self.deps.books.unsettled:
            return
        try:
            async with asyncio.timeout(CLOSING_CHECK_S):
                await self.deps.books.check()
        except Exception as err:  # the next start checks
            log.info("credit_check_deferred", runner=self.name, error=str(err), error_type=type(err).__name__)

    async def _release(self) -> None:
        if not self.ships:
            return
        try:
            await self.deps.store.release(self.deps.reset_date(), self.name, sorted(self.ships))
        except self.deps.errors.fatal:
            raise
        except Exception as err:  # the lease runs out on its own
            log.warning("ships_not_released", runner=self.name, error=str(err))


class FleetWatch:
    """The runner's chore: re-list ships, renew claims, log one `fleet_observed` line (the fleet's pulse)."""

    def __init__(self, runner: Runner) -> None:
        self.runner = runner
        self.health = ChoreHealth(f"{runner.name}:watch")
        self.books_health = ChoreHealth(f"{runner.name}:books")
        self.checked: m.Agent | None = None
        self.started = False

    @property
    def key(self) -> str:
        return f"{self.runner.name}:watch"

    async def step(self) -> datetime:
        self.checked = None  # a failed check does not keep the ships from being claimed
        await self.books_health.run(self.runner.deps, self._check)
        await self.health.run(self.runner.deps, self._watch)
        return self.runner.deps.clock.now() + self.runner.watch_every

    async def _check(self) -> None:
        self.checked = await self.runner.deps.books.check(at_start=not self.started)
        self.started = True

    async def _watch(self) -> None:
        runner = self.runner
        ships = await runner.sync()
        agent = self.checked or await runner.deps.data.agent(fresh=True)
        now = runner.deps.clock.now()
        log.info(
            "fleet_observed",
            runner=runner.name,
            agent=agent.symbol,
            credits=agent.credits,
            ships=len(ships),
            in_transit=sum(1 for s in ships if settled(s, now).nav.status == "IN_TRANSIT"),
            held=len(runner.ships),
            behaviours={s: a.behaviour.describe() if a.behaviour else None for s, a in runner.ships.items()},
        )


class ChoreHealth:
    """Runs a chore's work: a failure (API, database) is logged on the transition only and tried again next
    time; fatal errors (a reset) propagate."""

    def __init__(self, chore: str) -> None:
        self.chore = chore
        self.healthy = True

    async def run(self, deps: FleetDeps, work: Callable[[], Awaitable[None]]) -> None:
        try:
            await work()
        except deps.errors.fatal:
            raise
        except Exception as err:
            if self.healthy:
                log.warning("chore_failed", chore=self.chore, error=str(err), error_type=type(err).__name__)
            self.healthy = False
        else:
            if not self.healthy:
                log.info("chore_recovered", chore=self.chore)
            self.healthy = True

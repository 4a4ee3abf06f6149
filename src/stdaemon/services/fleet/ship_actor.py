"""One ship in the engine: runs its behaviour's steps, turns errors into plans, saves its state.

Per step: no behaviour yet → ask the planner; run the step; on a game error let the behaviour re-plan
(`on_error`), else apply the generic reaction (`errors.react`); after an action of unknown outcome re-read
the ship before anything else; save the behaviour's state and wake time to the database; on Done/Failed
tell the planner and start over. A server reset (`ErrorKinds.fatal`) propagates and stops the engine.
A bug in a behaviour (any other exception) is logged with its traceback and fails that behaviour only:
one ship's trouble never stops the fleet. `idle` counts the time the ship waits with nothing to wait for
(an `Idle` behaviour, a rest after a failure), the figure the fleet benchmark reports per ship.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import datetime, timedelta
from typing import Any

from stdaemon.backoff import backoff
from stdaemon.domain.operations import ShipAssignment
from stdaemon.logging import get_logger
from stdaemon.services.fleet.behaviour import Behaviour, Done, Failed, Next, Wait
from stdaemon.services.fleet.behaviours.idle import Idle
from stdaemon.services.fleet.context import FleetDeps, ShipContext, settled
from stdaemon.services.fleet.errors import DEFAULT_REST, code_of, react
from stdaemon.services.fleet.gates import NoJumpPath
from stdaemon.services.fleet.navigation import NoRoute
from stdaemon.services.fleet.planner import Planner, PlanView

log = get_logger("stdaemon.fleet")


STORE_WAIT_CAP_S = 2.0  # as the DbWriter's retries: a step goes on within ~2 s of the database's return


class IdleMeter:
    """Time a ship spends waiting with nothing to wait for: each such wait is counted up to when it ends
    (or up to `total(now)` while it lasts)."""

    def __init__(self) -> None:
        self.counted = timedelta(0)
        self._open: tuple[datetime, datetime] | None = None

    def waiting(self, since: datetime, until: datetime) -> None:
        self._open = (since, until)

    def woke(self, now: datetime) -> None:
        if self._open is not None:
            since, until = self._open
            self.counted += max(timedelta(0), min(now, until) - since)
            self._open = None

    def total(self, now: datetime) -> timedelta:
        if self._open is None:
            return self.counted
        since, until = self._open
        return self.counted + max(timedelta(0), min(now, until) - since)


class ShipActor:
    """A ship's step loop; see the module docstring."""

    def __init__(
        self,
        deps: FleetDeps,
        planner: Planner,
        runner: str,
        symbol: str,
        behaviour: Behaviour[Any] | None,
        *,
        others: Callable[[], Mapping[str, str | None]],
    ) -> None:
        self.deps = deps
        self.planner = planner
        self.runner = runner
        self.symbol = symbol
        self.behaviour = behaviour
        self._others = others
        self.refresh = True  # the first step after (re)start reads the ship from the API
        self.drift_once = False
        self.retries = 0
        self.store_waits = 0  # steps in a row that found the database away
        self._save_failing = False
        self.idle = IdleMeter()
        self.log = log.bind(ship=symbol, runner=runner)

    @property
    def key(self) -> str:
        return self.symbol

    async def step(self) -> datetime:
        deps = self.deps
        self.idle.woke(deps.clock.now())
        if self.store_waits or self._save_failing:
            # The database was away at the last step or save: saving the state asks whether it is back,
            # before the step asks the API anything it could not use.
            await self._save(self.behaviour, deps.clock.now(), "waiting for the database")
            if self._save_failing:
                return deps.clock.now() + self._away(self.behaviour, "its state could not be saved")
        if self.behaviour is None:
            ship = settled(await deps.data.ship(self.symbol, fresh=self.refresh), deps.clock.now())
            self.refresh = False
            view = PlanView(ship, deps.clock.now(), deps, self._others())
            self.behaviour = await self.planner.assign(view)
            self.log.info("behaviour_assigned", behaviour=self.behaviour.name, plan=self.behaviour.describe())
        behaviour = self.behaviour
        ctx = ShipContext(deps, self.symbol, behaviour.name, refresh=self.refresh, drift_once=self.drift_once)
        self.refresh, self.drift_once = False, False
        outcome = await self._run(behaviour, ctx)
        return await self._settle(behaviour, outcome)

    async def _run(self, behaviour: Behaviour[Any], ctx: ShipContext) -> Next:
        kinds = self.deps.errors
        now = self.deps.clock.now()
        try:
            outcome = await behaviour.step(ctx)
        except kinds.fatal:
            raise
        except kinds.outcome_unknown as err:
            self.log.warning("action_outcome_unknown", error=str(err), then="re-reading the ship")
            self.refresh = True
            self.retries += 1
            return Wait(now, "re-reading the ship after an action of unknown outcome")
        except kinds.api as err:
            return await self._game_error(behaviour, ctx, err, now)
        except (NoRoute, NoJumpPath) as err:
            return Failed(f"no route: {err}", now + DEFAULT_REST)
        except Exception as err:
            if kinds.store_down(err):
                return self._store_away(behaviour, err, now)
            self.log.exception("behaviour_crashed", behaviour=behaviour.name, error_type=type(err).__name__)
            return Failed(f"{type(err).__name__}: {err}", now + DEFAULT_REST)
        if self.store_waits:
            self.log.info("database_back", behaviour=behaviour.name, waits=self.store_waits)
            self.store_waits = 0
        self.retries = 0
        self.drift_once = ctx.drift_once
        return outcome

    def _store_away(self, behaviour: Behaviour[Any], err: Exception, now: datetime) -> Next:
        """The database is away (a restart, an outage): the ship waits for it with the plan it has (no
        failure, no re-plan, no re-read of the ship), asking the API nothing until a save says it is back."""
        wait = self._away(behaviour, f"{type(err).__name__}: {err}")
        return Wait(now + wait, "waiting for the database")

    def _away(self, behaviour: Behaviour[Any] | None, error: str) -> timedelta:
        self.store_waits += 1
        if self.store_waits == 1:
            name = behaviour.name if behaviour is not None else None
            self.log.warning("database_away", behaviour=name, error=error, then="the ship waits for it")
        return timedelta(seconds=backoff(self.store_waits, base_s=1.0, cap_s=STORE_WAIT_CAP_S))

    async def _game_error(
        self, behaviour: Behaviour[Any], ctx: ShipContext, err: Exception, now: datetime
    ) -> Next:
        code = code_of(err)
        ctx.refresh = True  # whatever the behaviour reads to re-plan, it reads fresh
        try:
            planned = await behaviour.on_error(ctx, err, code)
        except self.deps.errors.fatal:
            raise
        except self.deps.errors.api as again:
            self.log.warning("game_error_while_replanning", code=code_of(again), error=str(again))
            planned = None
        if planned is not None:
            self.log.info("game_error_replanned", code=code, error=str(err), then=_phrase(planned))
            self.refresh = True
            self.retries = 0
            return planned
        reaction = react(err, now=now, retries=self.retries)
        self.retries += 1
        self.refresh = reaction.refresh
        self.drift_once = reaction.drift
        self.log.info("game_error_handled", code=code, error=str(err), then=_phrase(reaction.next))
        return reaction.next

    async def _settle(self, behaviour: Behaviour[Any], outcome: Next) -> datetime:
        now = self.deps.clock.now()
        if isinstance(outcome, Wait):
            if isinstance(behaviour, Idle):
                self.idle.waiting(now, outcome.until)
            await self._save(behaviour, outcome.until, outcome.why)
            return outcome.until
        self.planner.finished(self.symbol, behaviour.name, outcome, now)
        self.behaviour = None
        if isinstance(outcome, Done):
            self.log.info("behaviour_done", behaviour=behaviour.name, reason=outcome.reason)
            await self._save(None, now, outcome.reason)
            return now
        self.log.warning("behaviour_failed", behaviour=behaviour.name, reason=outcome.reason)
        self.idle.waiting(now, outcome.retry_at)
        await self._save(None, outcome.retry_at, f"{behaviour.name} failed: {outcome.reason}")
        return outcome.retry_at

    async def _save(self, behaviour: Behaviour[Any] | None, wake_at: datetime, note: str) -> None:
        assignment = ShipAssignment(
            ship_symbol=self.symbol,
            runner=self.runner,
            behaviour=behaviour.name if behaviour is not None else None,
            state=behaviour.dump() if behaviour is not None else {},
            wake_at=wake_at,
            note=note[:500],
        )
        try:
            await self.deps.store.save(self.deps.reset_date(), assignment)
        except self.deps.errors.fatal:
            raise
        except Exception as err:  # the database is away: the ship keeps flying, the state is saved later
            if not self._save_failing:
                self.log.warning("behaviour_state_not_saved", error=str(err), error_type=type(err).__name__)
            self._save_failing = True
        else:
            if self._save_failing:
                self.log.info("behaviour_state_saved_again")
            self._save_failing = False


def _phrase(outcome: Next) -> str:
    if isinstance(outcome, Wait):
        return f"wait until {outcome.until.isoformat()} ({outcome.why})"
    if isinstance(outcome, Done):
        return f"done: {outcome.reason}"
    return f"failed: {outcome.reason}, retry at {outcome.retry_at.isoformat()}"

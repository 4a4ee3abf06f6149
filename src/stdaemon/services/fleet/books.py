"""The credit books: the ledger's balance kept equal to the agent's credits.

Every action that moves credits runs inside `acting()` (`ShipContext`), from its request to its ledger
entry's commit. A check (`check()`) runs alone: it waits until the actions in flight are recorded, holds new
ones back, reads the agent's credits from the API and the ledger's balance from the database, and books a
difference as one `RECONCILIATION` entry, logged once at warning. The first check of an agent in an epoch
opens its ledger instead: an `OPENING_BALANCE` entry of its credits less what the ledger already holds (an
agent just registered: its starting credits), so from then on the entries add up to the credits.

When it checks: at start-up, before the runner's ships act, and every minute (the runners' `FleetWatch`);
at once after an action whose answer was lost (`ShipContext` calls `unknown()`, then `check()`); and when a
runner stops while such an action is `unsettled` (bounded by `Runner`'s `CLOSING_CHECK_S`). Who a
difference is charged to: the behaviour (and ship) of the actions of unknown outcome noted within
`UNKNOWN_FOR` before it; several behaviours, or none (an entry lost to a SIGKILL, found at start-up; a
change made by another client of the agent): `unattributed`. The reason is in the entry's `ref`.

Unless an answer of ours was lost (the difference is then most likely that action's, and the check that
follows it, or the one a stopping runner makes within `CLOSING_CHECK_S`, books it at once), a difference is
booked only if it persists: the check reads the credits and the balance again `SETTLE` later and books only
when the difference is the same. Within one process nothing of ours is in flight during a check (the gate),
so a real difference costs one more read and a few seconds; with the `fleet` and `markets` roles in two
processes (the systemd units), the other process's entry, its credits already spent, lands in the meantime
and nothing is booked. Limit: two processes that start together may both open the ledger; the
next check books the second opening back.
"""

from __future__ import annotations

import asyncio
import contextvars
import uuid
from collections.abc import AsyncIterator, Callable
from contextlib import AbstractAsyncContextManager, asynccontextmanager
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from stdaemon.domain import models as m
from stdaemon.domain.operations import OPENING_BALANCE, RECONCILIATION, LedgerEntry
from stdaemon.logging import get_logger
from stdaemon.services.fleet.clock import Clock
from stdaemon.services.fleet.protocols import CreditLedger, FleetReads

log = get_logger("stdaemon.fleet")

UNATTRIBUTED = "unattributed"
OPENING = "opening"  # the behaviour of the opening entry
UNKNOWN_FOR = timedelta(minutes=10)  # an action of unknown outcome is blamed for a difference found this soon
SETTLE = timedelta(seconds=5)  # another process's entry lands this soon after its credits moved
_ACTING: contextvars.ContextVar[bool] = contextvars.ContextVar("acting", default=False)


class Gate:
    """Many actions at once, or one check alone; a waiting check goes before new actions (no starving).

    Re-entrant for actions: an action inside an action (in the same task) does not wait for a check that
    waits for the outer one.
    """

    def __init__(self) -> None:
        self._cond = asyncio.Condition()
        self._acting = 0
        self._checking = False
        self._waiting = 0

    @asynccontextmanager
    async def acting(self) -> AsyncIterator[None]:
        if _ACTING.get():
            yield
            return
        async with self._cond:
            await self._cond.wait_for(lambda: not self._checking and not self._waiting)
            self._acting += 1
        token = _ACTING.set(True)
        try:
            yield
        finally:
            _ACTING.reset(token)
            async with self._cond:
                self._acting -= 1
                self._cond.notify_all()

    @asynccontextmanager
    async def checking(self) -> AsyncIterator[None]:
        async with self._cond:
            self._waiting += 1
            try:
                await self._cond.wait_for(lambda: not self._checking and not self._acting)
            finally:
                self._waiting -= 1
            self._checking = True
        try:
            yield
        finally:
            async with self._cond:
                self._checking = False
                self._cond.notify_all()


@dataclass(frozen=True)
class Unknown:
    """An action that moves credits whose answer was lost."""

    behaviour: str
    ship: str
    what: str
    at: datetime


class Books:
    """See the module docstring."""

    def __init__(
        self, data: FleetReads, ledger: CreditLedger, clock: Clock, reset_date: Callable[[], date]
    ) -> None:
        self._data = data
        self._ledger = ledger
        self._clock = clock
        self._reset_date = reset_date
        self.gate = Gate()
        self._unknown: list[Unknown] = []

    def acting(self) -> AbstractAsyncContextManager[None]:
        """Hold this around an action that moves credits and the recording of its entry."""
        return self.gate.acting()

    def unknown(self, behaviour: str, ship: str, what: str) -> None:
        """An action that moves credits was sent, its answer lost: blame it for what the next check finds."""
        self._unknown.append(Unknown(behaviour, ship, what, self._clock.now()))

    @property
    def unsettled(self) -> bool:
        """Is an action of unknown outcome waiting for a check to tell what it did?"""
        return bool(self._unknown)

    async def check(self, *, at_start: bool = False) -> m.Agent:
        """Read the credits; open the ledger, or book a difference from it. Returns the agent read.

        `at_start`: the first check of a runner's run (a difference is then most likely an entry lost when the
        daemon last stopped)."""
        async with self.gate.checking():
            agent = await self._data.agent(fresh=True)
            reset = self._reset_date()
            held = await self._ledger.balance(reset, agent.symbol)
            now = self._clock.now()
            self._unknown = [u for u in self._unknown if now - u.at <= UNKNOWN_FOR]
            if not held.opened:
                opening = agent.credits - held.total
                await self._book(reset, agent, OPENING_BALANCE, OPENING, "", "opening balance", opening)
                log.info("credit_ledger_opened", agent=agent.symbol, credits=agent.credits, opening=opening)
            elif (difference := agent.credits - held.total) != 0:
                if not self._unknown:  # no answer of ours was lost: is it another process's entry in flight?
                    agent, persisting = await self._persisting(reset, agent, difference)
                    if not persisting:
                        return agent
                behaviour, ship, reason = self._blame(at_start)
                await self._book(reset, agent, RECONCILIATION, behaviour, ship, reason, difference)
                log.warning(
                    "credit_ledger_reconciled",
                    amount=difference,
                    credits=agent.credits,
                    ledger_balance=agent.credits - difference,
                    behaviour=behaviour,
                    ship=ship or None,
                    reason=reason,
                )
        return agent

    async def _persisting(self, reset: date, agent: m.Agent, difference: int) -> tuple[m.Agent, bool]:
        """Read again `SETTLE` later: is the difference still the same (not another process's entry in
        flight)? The agent read last, and the answer."""
        await self._clock.sleep_until(self._clock.now() + SETTLE, asyncio.Event())
        again = await self._data.agent(fresh=True)
        still = again.credits - (await self._ledger.balance(reset, again.symbol)).total
        if still != difference:
            log.info("credit_ledger_settling", first=difference, then=still, agent=again.symbol)
        return again, still == difference

    def _blame(self, at_start: bool) -> tuple[str, str, str]:
        blamed, self._unknown = self._unknown, []
        behaviours = {u.behaviour for u in blamed}
        ships = {u.ship for u in blamed}
        if len(behaviours) == 1:
            what = "; ".join(u.what for u in blamed)
            ship = ships.pop() if len(ships) == 1 else ""
            return behaviours.pop(), ship, f"answer lost, outcome unknown: {what}"
        if blamed:
            what = "; ".join(f"{u.what} ({u.behaviour}, {u.ship})" for u in blamed)
            return UNATTRIBUTED, "", f"answers lost, outcomes unknown: {what}"
        if at_start:
            return UNATTRIBUTED, "", "credits at start-up differ: entries lost when the daemon last stopped"
        return UNATTRIBUTED, "", "credits differ: a change the daemon did not see (another client?)"

    async def _book(  # noqa: PLR0917  the columns of one entry
        self, reset: date, agent: m.Agent, kind: str, behaviour: str, ship: str, ref: str, amount: int
    ) -> None:
        entry = LedgerEntry(
            entry_id=uuid.uuid4().hex,
            occurred_at=self._clock.now(),
            agent_symbol=agent.symbol,
            ship_symbol=ship,
            behaviour=behaviour,
            kind=kind,
            ref=ref[:500],
            amount=amount,
            credits_after=agent.credits,
        )
        await self._ledger.record([entry], reset_date=reset)

"""Game errors turned into plans: the engine's generic reactions to the codes of SPACETRADERS.md §5.

Services never import `api`, so the exception classes are handed in (`ErrorKinds`, wired in bootstrap) and
codes are read from the error's `code` / `data` attributes. A behaviour sees every game error first
(`Behaviour.on_error`); what it does not turn into a plan lands here:

| code | meaning | reaction |
|---|---|---|
| 4214, 4200 | ship in transit | wait for the arrival the error names, then re-read the ship |
| 4000 | reactor cooldown | wait for `data.cooldown.expiration` |
| 4203 | not enough fuel | re-read the ship; the next leg is flown in DRIFT (`ctx.drift_once`) |
| 4228, 4217, 4218, 4219 | cargo full / missing | re-read the ship, step again (loads are re-planned) |
| 4236, 4244, 4225 | not in orbit / not docked | re-read the ship and step again |
| 4600, 4216 | not enough credits | rest 10 minutes |
| other | | rest 1 minute, then the planner assigns the ship again |

Repeating the same refusal is not a plan: after `MAX_RETRIES` consecutive errors the behaviour fails.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from pydantic import AwareDatetime, TypeAdapter, ValidationError

from stdaemon.services.fleet.behaviour import Failed, Next, Wait

IN_TRANSIT = frozenset({4200, 4214})
COOLDOWN = 4000
NO_FUEL = 4203
CARGO = frozenset({4217, 4218, 4219, 4228})
NAV_STATE = frozenset({4225, 4236, 4244})
NO_CREDITS = frozenset({4216, 4600})
NOT_TRADED = frozenset({4601, 4602})
TRADE_VOLUME = 4604
CARGO_FULL = 4228
SURVEY_GONE = frozenset({4220, 4221, 4224})  # survey unknown/modified, expired, exhausted
SITE_REFUSED = frozenset({4205, 4222, 4253})  # not extractable, not surveyable, destabilised
CONTRACT_DEADLINE = 4503
CONTRACT_OPEN = 4511
DELIVERY = frozenset({4508, 4509, 4510})

MAX_RETRIES = 3
CREDITS_REST = timedelta(minutes=10)
DEFAULT_REST = timedelta(minutes=1)
_WHEN = TypeAdapter(AwareDatetime)


@dataclass(frozen=True)
class ErrorKinds:
    """The exception classes of the API edge, handed in by bootstrap.

    `api`: an answer of the game (has `code` and `data`); `fatal`: propagate (a server reset, a bad token);
    `outcome_unknown`: an action that may or may not have happened (a timed-out POST): re-read first;
    `store_down`: whether an error means the database is away (the step waits for it, keeping its plan).
    """

    api: tuple[type[Exception], ...] = ()
    fatal: tuple[type[Exception], ...] = ()
    outcome_unknown: tuple[type[Exception], ...] = ()
    store_down: Callable[[BaseException], bool] = lambda _error: False


def code_of(error: BaseException) -> int | None:
    code = getattr(error, "code", None)
    return code if isinstance(code, int) and not isinstance(code, bool) else None


def data_of(error: BaseException) -> Mapping[str, Any]:
    data = getattr(error, "data", None)
    return data if isinstance(data, Mapping) else {}


def _moment(value: Any) -> datetime | None:
    try:
        return _WHEN.validate_python(value) if value is not None else None
    except ValidationError:
        return None


def arrival_of(error: BaseException, now: datetime) -> datetime | None:
    """When a ship in transit arrives, from a 4214's `data` (arrival, or secondsToArrival)."""
    data = data_of(error)
    arrival = _moment(data.get("arrival"))
    if arrival is not None:
        return arrival
    seconds = data.get("secondsToArrival")
    return now + timedelta(seconds=float(seconds)) if isinstance(seconds, int | float) else None


def cooldown_end_of(error: BaseException, now: datetime) -> datetime | None:
    """When a 4000's cooldown ends, from `data.cooldown` (expiration, or remainingSeconds)."""
    cooldown = data_of(error).get("cooldown")
    if not isinstance(cooldown, Mapping):
        return None
    expiration = _moment(cooldown.get("expiration"))
    if expiration is not None:
        return expiration
    remaining = cooldown.get("remainingSeconds")
    return now + timedelta(seconds=float(remaining)) if isinstance(remaining, int | float) else None


@dataclass(frozen=True)
class Reaction:
    """What the engine does about an error: the next wake, and whether the ship must be re-read first."""

    next: Next
    refresh: bool = True
    drift: bool = False


def react(error: BaseException, *, now: datetime, retries: int) -> Reaction:  # noqa: PLR0911  one per code
    """The generic reaction to a game error the behaviour did not handle (table in the module docstring)."""
    code = code_of(error)
    message = str(error)
    if code in IN_TRANSIT:
        return Reaction(Wait(arrival_of(error, now) or now + timedelta(seconds=1), f"in transit ({code})"))
    if code == COOLDOWN:
        return Reaction(Wait(cooldown_end_of(error, now) or now + timedelta(seconds=1), "cooldown (4000)"))
    if retries >= MAX_RETRIES:
        return Reaction(Failed(f"refused {retries + 1} times in a row: {message}", now + DEFAULT_REST))
    if code == NO_FUEL:
        return Reaction(Wait(now, "not enough fuel (4203): drifting"), drift=True)
    if code in CARGO or code in NAV_STATE or code == TRADE_VOLUME:
        return Reaction(Wait(now, f"re-planning after {code}"))
    if code in NO_CREDITS:
        return Reaction(Failed(f"not enough credits: {message}", now + CREDITS_REST))
    return Reaction(Failed(message, now + DEFAULT_REST))

"""The operation table: each handler declares its method, path, auth and success status in one decorator."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from stsim.bodies import form_flag, form_integer
from stsim.errors import ApiError, invalid
from stsim.model import Agent, Ship
from stsim.state import World


@dataclass
class Call:
    """What a handler sees: the world, path parameters, query, decoded body and the calling agent.

    `form` says the body came form-encoded: its values are strings, which `integer` and `flag` read."""

    world: World
    params: dict[str, str]
    query: dict[str, list[str]]
    body: Any
    agent: Agent | None
    issue_token: Callable[[str], str]
    form: bool = False

    @property
    def me(self) -> Agent:
        assert self.agent is not None, "route declared auth='agent'"
        return self.agent

    def ship(self) -> Ship:
        return self.world.ship(self.me, self.params["shipSymbol"])

    def field(self, name: str) -> Any:
        if not isinstance(self.body, dict):
            raise invalid(name, "The request body must be a JSON object.")
        if name not in self.body:
            raise invalid(name, f"The {name} field is required.")
        return self.body[name]

    def text(self, name: str, choices: Sequence[str] | None = None) -> str:
        value = self.field(name)
        if not isinstance(value, str) or not value:
            raise invalid(name, f"The {name} field must be a non-empty string.")
        if choices is not None and value not in choices:
            raise invalid(name, f"The {name} field must be a valid value, not {value!r}.")
        return value

    def integer(self, name: str, minimum: int = 1) -> int:
        value = form_integer(self.field(name)) if self.form else self.field(name)
        if not isinstance(value, int) or isinstance(value, bool) or value < minimum:
            raise invalid(name, f"The {name} field must be an integer >= {minimum}.")
        return value

    def flag(self, name: str) -> bool | None:
        """An optional boolean field: None when it is absent (or null)."""
        value = self.body.get(name) if isinstance(self.body, dict) else None
        if value is None:
            return None
        value = form_flag(value) if self.form else value
        if not isinstance(value, bool):
            raise invalid(name, f"{name} must be a boolean.")
        return value


@dataclass(frozen=True)
class Reply:
    """A response whose status differs from the operation's usual one (e.g. 204), or that has no body."""

    status: int
    body: dict[str, Any] | list[Any] | None = None


Handler = Callable[[Call], dict[str, Any] | Reply]


@dataclass(frozen=True)
class Op:
    method: str
    path: str
    handler: Handler
    auth: str  # "agent" | "optional" | "account" | "none"
    status: int
    body: str  # "none" | "required" | "optional"
    form: bool  # whether the body may come form-encoded (not when it holds nested objects)


OPS: list[Op] = []


def op(
    method: str,
    path: str,
    *,
    auth: str = "agent",
    status: int = 200,
    body: str = "none",
    form: bool = True,
) -> Callable[[Handler], Handler]:
    def register(handler: Handler) -> Handler:
        OPS.append(Op(method, path, handler, auth, status, body, form))
        return handler

    return register


def data(value: Any) -> dict[str, Any]:
    return {"data": value}


def paginate(call: Call, items: Sequence[Any], render: Callable[[Any], dict[str, Any]]) -> dict[str, Any]:
    """`page` ≥ 1 (default 1), `limit` 1–20 (default 10); anything else is a 422."""
    page = _int_param(call, "page", 1, 1, None)
    limit = _int_param(call, "limit", 10, 1, 20)
    start = (page - 1) * limit
    return {
        "data": [render(x) for x in items[start : start + limit]],
        "meta": {"total": len(items), "page": page, "limit": limit},
    }


def _int_param(call: Call, name: str, default: int, low: int, high: int | None) -> int:
    values = call.query.get(name)
    if not values:
        return default
    try:
        value = int(values[-1])
    except ValueError:
        raise invalid(name, f"{name} must be an integer.") from None
    if value < low or (high is not None and value > high):
        bound = f"between {low} and {high}" if high is not None else f">= {low}"
        raise ApiError(
            422,
            f"Invalid query parameter: {name} must be {bound}.",
            status=422,
            data={name: [f"{name} must be {bound}."]},
        )
    return value

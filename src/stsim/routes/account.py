"""Registration, the agent, its account, events, factions, and the websocket placeholder."""

from __future__ import annotations

from typing import Any

from stsim.clock import iso
from stsim.render import my_agent
from stsim.routes.base import Call, Reply, data, op, paginate
from stsim.rules.agents import register as register_agent


@op("POST", "/register", auth="account", status=201, body="required")
def register(call: Call) -> dict[str, Any]:
    agent, payload = register_agent(call.world, call.field("symbol"), call.field("faction"))
    return data({"token": call.issue_token(agent.symbol), **payload})


@op("GET", "/my/agent")
def my_agent_route(call: Call) -> dict[str, Any]:
    return data(my_agent(call.world, call.me))


@op("GET", "/my/agent/events")
def my_events(call: Call) -> dict[str, Any]:
    return data(list(call.me.events))


@op("GET", "/my/account")
def my_account(call: Call) -> dict[str, Any]:
    return data({"account": {"id": call.me.account_id, "email": None, "createdAt": iso(call.me.created)}})


@op("GET", "/my/factions")
def my_factions(call: Call) -> dict[str, Any]:
    rows = [{"symbol": s, "reputation": r} for s, r in sorted(call.me.reputation.items())]
    return paginate(call, rows, lambda row: row)


@op("GET", "/my/socket.io")
def socket(call: Call) -> Reply:
    """The live server upgrades this to a WebSocket; stsim answers the plain GET with an empty 200."""
    return Reply(200)

"""The adapters as one object, the `services.protocols.Decoder` the DataService is built with.

A class (not the adapters module passed where a Protocol is expected) so that mypy checks every member
against the Protocol, and a test double is an ordinary object of the same shape.
"""

from __future__ import annotations

from stdaemon.api import adapters


class AdapterDecoder:
    """Each member is the adapter of the same name: JSON `data` → a frozen domain model."""

    server_status = staticmethod(adapters.server_status)
    agent = staticmethod(adapters.agent)
    ship = staticmethod(adapters.ship)
    cooldown = staticmethod(adapters.cooldown)
    system = staticmethod(adapters.system)
    waypoint = staticmethod(adapters.waypoint)
    market = staticmethod(adapters.market)
    shipyard = staticmethod(adapters.shipyard)
    jump_gate = staticmethod(adapters.jump_gate)
    construction = staticmethod(adapters.construction)
    contract = staticmethod(adapters.contract)
    nav_result = staticmethod(adapters.nav_result)
    jump_result = staticmethod(adapters.jump_result)
    trade_result = staticmethod(adapters.trade_result)
    refuel_result = staticmethod(adapters.refuel_result)
    cargo_result = staticmethod(adapters.cargo_result)
    extract_result = staticmethod(adapters.extract_result)
    survey_result = staticmethod(adapters.survey_result)
    refine_result = staticmethod(adapters.refine_result)
    chart_result = staticmethod(adapters.chart_result)
    construction_supply_result = staticmethod(adapters.construction_supply_result)
    contract_result = staticmethod(adapters.contract_result)
    ship_purchase_result = staticmethod(adapters.ship_purchase_result)


ADAPTERS = AdapterDecoder()

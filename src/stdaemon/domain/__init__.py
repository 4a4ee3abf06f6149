"""The domain: frozen models of everything stdaemon knows. It imports nothing else of ours.

Models live in small modules by subject (universe, agents, fleet, market, contracts, mining, results) and are
all re-exported by `stdaemon.domain.models`; symbol types are in `stdaemon.domain.ids`.
"""

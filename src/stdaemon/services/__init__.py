"""Services: the DataService (cache, read-through, write-through) and the loops built on it.

Services use the domain models and the small Protocols of `services.protocols`; bootstrap wires in the real
gateway, adapters and DbWriter.
"""

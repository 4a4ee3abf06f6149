"""The database edge: tables (schemas `reference` and `telemetry`), migrations, the engine, the writer.

Importing this package is cheap on purpose; import the submodule you need.
"""

"""stdaemon: a SpaceTraders daemon that mirrors an agent's universe into PostgreSQL and runs its fleet."""

__version__ = "0.1.0"

"""stsim: a local SpaceTraders server that speaks the v2 spec."""

__version__ = "0.1.0"

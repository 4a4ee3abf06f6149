"""The base classes every domain model shares.

Models are frozen so that a value handed to the cache, the writer and a runner can never change under any of
them. `extra="forbid"` turns a typo in an adapter into an error instead of a silently dropped field.
Entities keep `raw`, the JSON object exactly as the API sent it: typed fields are for code and queries, `raw`
is the source of truth and keeps every field the spec does not know yet. `raw` is left out of `repr` so a log
line never dumps a whole payload. Because `raw` is a dict, entities are not hashable: key caches and sets
by symbol, not by model. `raw` is checked to be a dict and kept as given, not copied key by key (a copy was
shallow anyway, and cost 0.5 µs of the 2.3 µs a waypoint's model takes; benchmarks/writer.py).
"""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ConfigDict, Field, InstanceOf


class DomainModel(BaseModel):
    """A frozen value object."""

    model_config = ConfigDict(frozen=True, extra="forbid")


class Entity(DomainModel):
    """A value decoded from one JSON object, which it keeps in `raw`."""

    raw: InstanceOf[dict[str, Any]] = Field(repr=False)

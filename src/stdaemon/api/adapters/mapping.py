"""From DTO to domain model: what every adapter uses.

An adapter is `read(dto, raw) -> model`: it maps the generated model's fields to the domain model's and hands
each nested domain model the JSON object it came from (`raw["nav"]`, or `each(dto.mounts, raw["mounts"])`
for lists), so every model keeps in `raw` exactly what the API sent. `Adapter` pairs a generated model with
its `read` as the public function (`adapters.market(payload)`).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from typing import Any, Generic, ParamSpec, TypeVar, cast

from pydantic import BaseModel, ValidationError

from space_traders_api_client.types import Unset
from stdaemon.api.adapters.dto import D, Mismatch, show
from stdaemon.api.adapters.dto_build import load
from stdaemon.api.adapters.errors import DecodeError

M = TypeVar("M")
V = TypeVar("V")
Json = dict[str, Any]
Read = Callable[[D, Json], M]
P = ParamSpec("P")


def validating(model: Callable[P, M]) -> Callable[P, M]:
    """`model(**fields)` by the model's compiled validator itself: the same validation and the same frozen
    model, without `BaseModel.__init__`'s own frame (0.6 µs of the 2.2 µs a market's trade good costs, a
    tenth of the client's CPU per price-history row; benchmarks/writer.py). Keywords only, as the domain
    models take them; the type checker still checks each keyword against the model."""
    validate = cast(type[BaseModel], model).__pydantic_validator__.validate_python

    def build(*args: P.args, **fields: P.kwargs) -> M:
        if args:
            raise TypeError(f"{model!r} takes keyword arguments only")
        built: M = validate(fields)
        return built

    return build


def decode(kind: str, cls: type[D], payload: Any, path: str, read: Read[D, M]) -> M:
    """`read(dto, raw)` of `payload` decoded as `cls`. What only the adapter checks (a `Mismatch` it raises)
    and a value a domain model still refuses are the same one `DecodeError`."""
    dto = load(kind, cls, payload, path)
    try:
        return read(dto, payload)
    except Mismatch as exc:
        raise exc.error(kind, path) from None
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(part) for part in first["loc"])
        raise DecodeError(kind, path, f"{exc.title}.{where}: {first['msg']}") from None


def decode_list(kind: str, cls: type[D], payload: Any, path: str, read: Read[D, M]) -> tuple[M, ...]:
    """A JSON list of `cls` objects, each decoded with `read`; errors name the element (`$[3].symbol`)."""
    if type(payload) is not list:
        raise DecodeError(kind, path, f"expected a list, got {show(payload)}")
    return tuple(decode(kind, cls, item, f"{path}[{i}]", read) for i, item in enumerate(payload))


class Adapter(Generic[D, M]):
    """A public adapter: `adapter(payload, kind=…, path=…)` → the domain model, or one `DecodeError`."""

    def __init__(self, kind: str, cls: type[D], read: Read[D, M]) -> None:
        self.kind, self.cls, self.read = kind, cls, read

    def __call__(self, payload: Any, *, kind: str | None = None, path: str = "$") -> M:
        return decode(kind or self.kind, self.cls, payload, path, self.read)

    def __repr__(self) -> str:
        return f"Adapter({self.kind!r}, {self.cls.__name__})"


def present(value: V | Unset | None) -> V | None:
    """An optional DTO field as None when it is missing (UNSET) or null."""
    return None if value is None or isinstance(value, Unset) else value


def each(dtos: list[V] | Unset | None, raw: Any) -> Iterator[tuple[V, Json]]:
    """The items of a DTO list beside the raw JSON objects they were decoded from."""
    items = present(dtos)
    return zip(items, raw, strict=True) if items else iter(())


def utc(when: datetime) -> datetime:
    """An aware datetime; a timestamp without a zone is taken as UTC (the API always sends `Z`)."""
    return when if when.tzinfo is not None else when.replace(tzinfo=UTC)


def opt_utc(when: datetime | Unset | None) -> datetime | None:
    value = present(when)
    return None if value is None else utc(value)

"""The fast way into a generated model: check and build in one pass, with `dto.load` as the only judge.

`dto.load` checks the JSON against the model's type hints, then calls the generated `from_dict`: two walks
over the payload, and `from_dict` re-imports its nested models and defines its parse helpers on every call
(a waypoint: 8 nested `from_dict` calls, 5 imports each time; py-spy put 42 % of the waypoint path there).
`load` here does both in one walk, with a function compiled once per model from the same fields and hints
`dto` derives its checks from (`dto._fields`): the same checks on every value, and the DTO built the way
`from_dict` builds it (each known key taken, the rest left in `additional_properties`, values as they came,
`datetime.fromisoformat` for timestamps, nested models and lists of them built alike, UNSET for a missing
optional field). It takes only the common road: a missing or null required field, a value a check refuses,
or anything unusual raises inside and the payload goes through `dto.load`, which raises the one
`DecodeError` it always raised, or decodes it. So the errors are `dto.load`'s by construction, and
`tests/adapters/test_dto_build.py` proves the DTOs equal to `from_dict`'s on every fixture and variant.
A model the builder does not know how to build (a union, typed additional properties) always goes through
`dto.load`.
"""

from __future__ import annotations

import typing
from collections.abc import Callable
from datetime import datetime
from functools import cache
from typing import Any

import attrs

from space_traders_api_client.types import UNSET
from stdaemon.api.adapters import dto
from stdaemon.api.adapters.dto import D

Build = Callable[[Any], Any]
_MISSING: Any = object()


class _Slow(Exception):
    """Not the common road: let `dto.load` decide."""


_BAILS = (_Slow, dto.Mismatch, KeyError, TypeError, ValueError, AttributeError)


def load(kind: str, cls: type[D], payload: Any, path: str = "$") -> D:
    """`dto.load(kind, cls, payload, path)`, the same DTO or the same `DecodeError`, in one pass."""
    build = builder(cls)
    if build is not None:
        try:
            built: D = build(payload)
        except _BAILS:
            pass
        else:
            return built
    return dto.load(kind, cls, payload, path)


def _value_code(hint: Any, names: dict[str, Any], v: str) -> list[str] | None:
    """Lines that check `v` (not None) as a `hint` value and leave it built in `v`; None: not supported."""
    name = f"n{len(names)}"
    item = typing.get_args(hint)[0] if typing.get_origin(hint) is list else None
    code: list[str] | None = None
    if hint is Any:
        code = []
    elif hint is datetime:
        code = [f"if type({v}) is not str: raise SLOW", f"{v} = fromisoformat({v})"]
    elif hint in dto._SCALARS:
        names[name] = dto._compile(hint)
        code = [f"if type({v}) is not {hint.__name__}: {name}({v})"]
    elif item in dto._SCALARS and item is not datetime:
        names[name] = dto._compile(hint)  # the list's own check; the list is kept as it is, as from_dict does
        code = [f"{name}({v})"]
    elif item is not None and attrs.has(item) and (nested := builder(item)) is not None:
        names[name] = nested
        code = [f"if type({v}) is not list: raise SLOW", f"{v} = [{name}(x) for x in {v}]"]
    elif attrs.has(hint) and (nested := builder(hint)) is not None:
        names[name] = nested
        code = [f"{v} = {name}({v})"]
    return code


class _Lazy:
    """A nested model's builder, looked up at first call (models may nest each other)."""

    __slots__ = ("_build", "_cls")

    def __init__(self, cls: type) -> None:
        self._cls = cls
        self._build: Build | None = None

    def __call__(self, value: Any) -> Any:
        build = self._build
        if build is None:
            build = self._build = builder(self._cls)
            if build is None:
                raise _Slow
        return build(value)


_BUILDING: set[type] = set()


@cache
def builder(cls: type) -> Build | None:
    """The one-pass check-and-build of `cls`, or None when `dto.load` must do it."""
    if cls in _BUILDING:  # a model nested in itself: built lazily through `_Lazy`
        return _Lazy(cls)
    _BUILDING.add(cls)
    try:
        return _compile_builder(cls)
    finally:
        _BUILDING.discard(cls)


def _compile_builder(cls: type) -> Build | None:
    fields, extra = dto._fields(cls)
    if extra is not None:
        return None
    hints = dto._hints(cls)
    by_key = {dto.json_key(a.name): a for a in attrs.fields(cls) if a.name != "additional_properties"}
    names: dict[str, Any] = {"cls": cls, "SLOW": _Slow, "UNSET": UNSET, "MISSING": _MISSING}
    names["fromisoformat"] = datetime.fromisoformat
    names["new"] = object.__new__
    names["KNOWN"] = frozenset(by_key)
    lines = ["def build(value):", "    if type(value) is not dict: raise SLOW", "    get = value.get"]
    sets: list[str] = []
    required_keys = 0
    for i, (key, required, nullable, _fast, check) in enumerate(fields):
        attribute = by_key[key]
        hint, _optional, _ = dto._split(hints[attribute.name])
        v = f"f{i}"
        code = _value_code(hint, names, v)
        if code is None:
            return None
        if check is dto._check_key:  # a required key symbol: also not empty
            code = [*code, f"if not {v}: raise SLOW"]
        lines.append(f"    {v} = get({key!r}, {'MISSING' if required else 'UNSET'})")
        if required:
            required_keys += 1
            lines.append(f"    if {v} is MISSING: raise SLOW")
        else:
            lines.append(f"    if {v} is not UNSET: n += 1")
        if not nullable:  # null where from_dict would not take it: `dto.load` decides
            lines.append(f"    if {v} is None: raise SLOW")
        absent = ([] if required else [f"{v} is UNSET"]) + ([f"{v} is None"] if nullable else [])
        if absent and code:
            lines.append(f"    if not ({' or '.join(absent)}):")
            lines.extend(f"        {line}" for line in code)
        else:
            lines.extend(f"    {line}" for line in code)
        sets.append(f"    obj.{attribute.name} = {v}")
    lines.insert(3, f"    n = {required_keys}")  # the keys of `value` known to the model, counted as found
    # The object as `from_dict` leaves it (its attributes set, the keys it does not know kept in
    # `additional_properties`), without the generated `__init__`'s keyword call and its default dict.
    lines += ["    obj = new(cls)", *sets]
    lines += [
        "    obj.additional_properties = {} if len(value) == n else "
        "{k: x for k, x in value.items() if k not in KNOWN}",
        "    return obj",
    ]
    exec("\n".join(lines), names)  # the source is built above from the model's own fields
    build: Build = names["build"]
    return build

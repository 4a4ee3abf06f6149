"""Decoding a payload into a generated model (the DTO), with the JSON path of anything that does not fit.

The generated `from_dict` builds the DTO but checks little: a missing required key is a bare `KeyError`, a
string where an integer belongs passes through, and a nested object it cannot parse is kept as a plain
dict. So `load` first checks the JSON against the generated model's own type hints, then calls
`from_dict`. The check is derived from the generated code (attrs fields and their hints), not written per
entity: what the spec transform makes optional or nullable is what it accepts missing or null. Rules:

- a required field missing or null is an error; an optional one missing or null is fine (UNSET / None);
- a value of the wrong type is an error even in an optional field: `int` accepts integral floats (`238.0`)
  and `float` any number, but neither a boolean; `datetime` wants an ISO 8601 string (the generated code
  parses it with `datetime.fromisoformat`);
- a required key string (`symbol`, `id`, `signature`, `…Symbol`) must not be empty;
- unknown keys are fine: the DTO keeps them in `additional_properties` and the raw JSON keeps them all.
Errors become one `DecodeError(kind, path, reason)`, e.g. `market: $.tradeGoods[3].purchasePrice:
expected an integer, got 'abc'`. The path is built only when there is an error.
"""

from __future__ import annotations

import sys
import types
import typing
from collections.abc import Callable
from datetime import datetime
from functools import cache
from typing import Any, TypeVar, Union

import attrs

import space_traders_api_client.models as generated
from space_traders_api_client.types import Unset
from stdaemon.api.adapters.errors import DecodeError

Check = Callable[[Any], None]
"""Raises `Mismatch` when a JSON value does not fit."""

_SHOW_LIMIT = 40
_KEY_NAMES = frozenset({"symbol", "id", "signature"})


class Dto(typing.Protocol):
    """What every generated model offers."""

    @classmethod
    def from_dict(cls, src_dict: typing.Mapping[str, Any]) -> typing.Self: ...


D = TypeVar("D", bound=Dto)


class Mismatch(Exception):
    """A value that does not fit; `where` collects the path segments innermost first (`.key`, `[3]`), so
    the path is built only when there is an error. Adapters raise it too, for what only they check."""

    def __init__(self, reason: str, *, at: str = "") -> None:
        super().__init__(reason)
        self.reason = reason
        self.where: list[str] = [at] if at else []

    def error(self, kind: str, path: str) -> DecodeError:
        """The DecodeError for this mismatch inside the value at `path` of a `kind` payload."""
        return DecodeError(kind, path + "".join(reversed(self.where)), self.reason)


def show(value: Any) -> str:
    """A short description of a JSON value for an error message."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, dict):
        return "an object"
    if isinstance(value, list):
        return "a list"
    text = repr(value)
    return text if len(text) <= _SHOW_LIMIT else text[: _SHOW_LIMIT - 3] + "..."


def load(kind: str, cls: type[D], payload: Any, path: str = "$") -> D:
    """`payload` as the generated model `cls`; raise `DecodeError(kind, path…)` naming what does not fit."""
    try:
        checker(cls)(payload)
    except Mismatch as exc:
        raise exc.error(kind, path) from None
    try:
        return cls.from_dict(payload)
    except (KeyError, TypeError, ValueError, AttributeError) as exc:  # the check let through what it rejects
        raise DecodeError(kind, path, f"{cls.__name__} cannot decode it: {exc!r}") from None


def json_key(attribute: str) -> str:
    """The JSON key of a generated attribute: `trade_volume` → `tradeVolume`, `type_` → `type`."""
    first, *rest = attribute.rstrip("_").split("_")
    return first + "".join(word[:1].upper() + word[1:] for word in rest)


# --- checks compiled from the generated type hints ----------------------------------------------------


def _check_str(value: Any) -> None:
    if type(value) is not str:
        raise Mismatch(f"expected a string, got {show(value)}")


def _check_key(value: Any) -> None:
    _check_str(value)
    if not value:
        raise Mismatch("expected a non-empty symbol, got ''")


def _check_int(value: Any) -> None:
    if type(value) is not int and not (type(value) is float and value.is_integer()):
        raise Mismatch(f"expected an integer, got {show(value)}")


def _check_float(value: Any) -> None:
    if type(value) is not int and type(value) is not float:
        raise Mismatch(f"expected a number, got {show(value)}")


def _check_bool(value: Any) -> None:
    if type(value) is not bool:
        raise Mismatch(f"expected true or false, got {show(value)}")


def _check_datetime(value: Any) -> None:
    try:
        datetime.fromisoformat(value)
    except (TypeError, ValueError):
        raise Mismatch(f"expected an ISO 8601 timestamp, got {show(value)}") from None


_SCALARS: dict[Any, Check] = {
    str: _check_str,
    int: _check_int,
    float: _check_float,
    bool: _check_bool,
    datetime: _check_datetime,
}


def _list_of(item: Check | None) -> Check:
    def check(value: Any) -> None:
        if type(value) is not list:
            raise Mismatch(f"expected a list, got {show(value)}")
        if item is not None:
            for i, element in enumerate(value):
                try:
                    item(element)
                except Mismatch as exc:
                    exc.where.append(f"[{i}]")
                    raise exc from None

    return check


def _split(hint: Any) -> tuple[Any, bool, bool]:
    """(the value type, whether it may be missing, whether it may be null) of a field's hint."""
    if typing.get_origin(hint) not in (Union, types.UnionType):
        return hint, False, hint is type(None)
    args = typing.get_args(hint)
    rest = [a for a in args if a is not type(None) and a is not Unset]
    if len(rest) != 1:
        raise TypeError(f"unsupported union in a generated model: {hint}")
    return rest[0], Unset in args, type(None) in args


def _compile(hint: Any) -> Check | None:
    """The check for a value of type `hint` (None: anything goes)."""
    if hint is Any:
        return None
    if hint in _SCALARS:
        return _SCALARS[hint]
    if typing.get_origin(hint) is list:
        (item,) = typing.get_args(hint)
        return _list_of(_compile(item))
    if attrs.has(hint):
        return checker(hint)
    raise TypeError(f"unsupported type in a generated model: {hint}")


@cache
def _hints(cls: type) -> dict[str, Any]:
    namespace = {**vars(generated), **vars(sys.modules[cls.__module__])}
    return typing.get_type_hints(cls, globalns=namespace)


# key, required, nullable, the type that needs no check, the check (None: anything goes)
Field = tuple[str, bool, bool, type | None, Check | None]
# A value of this exact type passes without a call (an empty string still goes to `_check_key`).
_FAST: dict[Check, type] = {
    _check_str: str,
    _check_key: str,
    _check_int: int,
    _check_float: float,
    _check_bool: bool,
}


@cache
def _fields(cls: type) -> tuple[tuple[Field, ...], Check | None]:
    """The fields of a generated model and the check for its typed additional properties, if any."""
    hints = _hints(cls)
    fields: list[Field] = []
    for attribute in attrs.fields(cls):
        if attribute.name == "additional_properties":
            continue
        value_type, optional, nullable = _split(hints[attribute.name])
        key = json_key(attribute.name)
        check = _compile(value_type)
        if check is _check_str and not optional and (key in _KEY_NAMES or key.endswith("Symbol")):
            check = _check_key
        fields.append((key, not optional, nullable, _FAST.get(check) if check else None, check))
    (_, extra_type) = typing.get_args(hints["additional_properties"])
    return tuple(fields), _compile(extra_type)


def _at(key: str, exc: Mismatch) -> Mismatch:
    exc.where.append(f".{key}")
    return exc


@cache
def checker(cls: type) -> Check:
    """The check of a JSON object against the generated model `cls` (its fields are read on first use)."""

    def check(value: Any) -> None:
        if type(value) is not dict:
            raise Mismatch(f"expected an object, got {show(value)}")
        fields, extra = _fields(cls)
        for key, required, nullable, fast, field_check in fields:
            item = value.get(key)
            if item is None:  # missing or null
                if required and not (nullable and key in value):
                    reason = "required field is null" if key in value else "required field missing"
                    raise _at(key, Mismatch(reason))
                continue
            if (type(item) is fast and item != "") or field_check is None:
                continue
            try:
                field_check(item)
            except Mismatch as exc:
                raise _at(key, exc) from None
        if extra is not None:
            known = {f[0] for f in fields}
            for key, item in value.items():
                if key not in known:
                    try:
                        extra(item)
                    except Mismatch as exc:
                        raise _at(key, exc) from None

    return check

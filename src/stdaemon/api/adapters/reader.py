"""A typed, path-tracking view of one JSON object, so adapters read payloads tolerantly and fail precisely.

Rules, the same for every adapter:
- a missing key and an explicit `null` are the same: `None` for optional fields, an empty tuple for lists;
- a value of the wrong type is an error even in an optional field (it means we do not understand the
  payload), reported with its JSON path;
- unknown keys are ignored here and kept in `raw`;
- timestamps must be ISO 8601; one without a zone is taken as UTC (the API always sends `Z`).
"""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Any

from stdaemon.api.adapters.errors import DecodeError

_SHOW_LIMIT = 40


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


def _is_int(value: Any) -> bool:
    return (isinstance(value, int) and not isinstance(value, bool)) or (
        isinstance(value, float) and value.is_integer()
    )


def parse_datetime(value: str) -> datetime | None:
    """An ISO 8601 timestamp as an aware datetime (naive → UTC), or None when it is not one."""
    try:
        parsed = datetime.fromisoformat(value)
    except ValueError:
        return None
    return parsed if parsed.tzinfo is not None else parsed.replace(tzinfo=UTC)


def items(kind: str, value: Any, path: str = "$") -> list[Any]:
    """`value`, which must be a JSON list."""
    if not isinstance(value, list):
        raise DecodeError(kind, path, f"expected a list, got {show(value)}")
    return value


class Obj:
    """One JSON object at a known path inside a payload of a known kind."""

    __slots__ = ("data", "kind", "path")

    def __init__(self, kind: str, path: str, data: dict[str, Any]) -> None:
        self.kind = kind
        self.path = path
        self.data = data

    @classmethod
    def of(cls, kind: str, value: Any, path: str = "$") -> Obj:
        """Wrap `value`, which must be a JSON object."""
        if not isinstance(value, dict):
            raise DecodeError(kind, path, f"expected an object, got {show(value)}")
        return cls(kind, path, value)

    def at(self, key: str) -> str:
        return f"{self.path}.{key}"

    def error(self, key: str, reason: str) -> DecodeError:
        return DecodeError(self.kind, self.at(key), reason)

    def missing(self, key: str) -> DecodeError:
        """The error for a required field that is absent or null."""
        return self.error(key, "required field is null" if key in self.data else "required field missing")

    def _get(self, key: str, required: bool) -> Any:
        value = self.data.get(key)
        if value is None and required:
            raise self.missing(key)
        return value

    # --- scalars ---------------------------------------------------------------------------------------

    def opt_str(self, key: str) -> str | None:
        value = self._get(key, required=False)
        if value is None or isinstance(value, str):
            return value
        raise self.error(key, f"expected a string, got {show(value)}")

    def req_str(self, key: str) -> str:
        value = self.opt_str(key)
        if value is None:
            raise self.missing(key)
        return value

    def symbol(self, key: str = "symbol") -> str:
        """A key symbol: a required, non-empty string."""
        value = self.req_str(key)
        if not value:
            raise self.error(key, "expected a non-empty symbol, got ''")
        return value

    def opt_int(self, key: str) -> int | None:
        value = self._get(key, required=False)
        if value is None:
            return None
        if _is_int(value):
            return int(value)
        raise self.error(key, f"expected an integer, got {show(value)}")

    def req_int(self, key: str) -> int:
        value = self.opt_int(key)
        if value is None:
            raise self.missing(key)
        return value

    def opt_float(self, key: str) -> float | None:
        value = self._get(key, required=False)
        if value is None:
            return None
        if isinstance(value, int | float) and not isinstance(value, bool):
            return float(value)
        raise self.error(key, f"expected a number, got {show(value)}")

    def opt_bool(self, key: str) -> bool | None:
        value = self._get(key, required=False)
        if value is None or isinstance(value, bool):
            return value
        raise self.error(key, f"expected true or false, got {show(value)}")

    def req_bool(self, key: str) -> bool:
        value = self.opt_bool(key)
        if value is None:
            raise self.missing(key)
        return value

    def opt_dt(self, key: str) -> datetime | None:
        value = self._get(key, required=False)
        if value is None:
            return None
        parsed = parse_datetime(value) if isinstance(value, str) else None
        if parsed is None:
            raise self.error(key, f"expected an ISO 8601 timestamp, got {show(value)}")
        return parsed

    def req_dt(self, key: str) -> datetime:
        value = self.opt_dt(key)
        if value is None:
            raise self.missing(key)
        return value

    def req_date(self, key: str) -> date:
        """A calendar date (`2025-04-20`); a full timestamp is accepted and its date taken."""
        value = self._get(key, required=True)
        if isinstance(value, str):
            try:
                return date.fromisoformat(value)
            except ValueError:
                parsed = parse_datetime(value)
                if parsed is not None:
                    return parsed.date()
        raise self.error(key, f"expected a date, got {show(value)}")

    # --- nested ----------------------------------------------------------------------------------------

    def opt_obj(self, key: str) -> Obj | None:
        value = self._get(key, required=False)
        return None if value is None else Obj.of(self.kind, value, self.at(key))

    def req_obj(self, key: str) -> Obj:
        return Obj.of(self.kind, self._get(key, required=True), self.at(key))

    def _list(self, key: str) -> list[Any]:
        value = self._get(key, required=False)
        if value is None:
            return []
        if not isinstance(value, list):
            raise self.error(key, f"expected a list, got {show(value)}")
        return value

    def _present(self, key: str, required: bool) -> None:
        if required and self.data.get(key) is None:
            raise self.missing(key)

    def objs(self, key: str, *, required: bool = False) -> list[Obj]:
        """A list of objects; missing or null is an empty list unless `required` (then it must be present,
        though it may be empty: an empty listing is a fact, a missing one means a different object)."""
        self._present(key, required)
        path = self.at(key)
        return [Obj.of(self.kind, item, f"{path}[{i}]") for i, item in enumerate(self._list(key))]

    def strs(self, key: str) -> tuple[str, ...]:
        """A list of strings; missing or null is empty."""
        items = self._list(key)
        for i, item in enumerate(items):
            if not isinstance(item, str):
                raise DecodeError(self.kind, f"{self.at(key)}[{i}]", f"expected a string, got {show(item)}")
        return tuple(items)

    def symbols(self, key: str, field: str = "symbol", *, required: bool = False) -> tuple[str, ...]:
        """The `field` of each object in a list (`traits: [{symbol, name, …}]` → symbols); plain strings
        are accepted too, since some payloads (and simulators) list bare symbols."""
        self._present(key, required)
        path = self.at(key)
        out: list[str] = []
        for i, item in enumerate(self._list(key)):
            if isinstance(item, str) and item:
                out.append(item)
            elif isinstance(item, dict):
                out.append(Obj(self.kind, f"{path}[{i}]", item).symbol(field))
            else:
                raise DecodeError(
                    self.kind, f"{path}[{i}]", f"expected a symbol or an object, got {show(item)}"
                )
        return tuple(out)

"""The one-pass builder gives what `dto.load` gives (check, then the generated `from_dict`): the same DTO or
the same DecodeError, on every JSON object of every saved payload, against every generated model, and on
variants of each object that fits a model (each field missing, null, empty, of another type)."""

from __future__ import annotations

import copy
from collections.abc import Iterator
from functools import cache
from typing import Any

import pytest

import space_traders_api_client.models as gm
from space_traders_api_client.types import UNSET
from stdaemon.api.adapters import DecodeError, dto, dto_build
from tests.adapters.payloads import FIXTURES, body

MODELS = [getattr(gm, name) for name in gm.__all__]
# What the builder leaves to `dto.load` (typed additional properties: a map of lists).
NOT_BUILT = {
    "GetSupplyChainResponse200",
    "GetSupplyChainResponse200Data",
    "GetSupplyChainResponse200DataExportToImportMap",
}
OTHER_VALUES: list[Any] = [None, "", "abc", "2026-11-21T12:00:00Z", 238.0, 1.5, True, [{}], {}, ["X"]]


def objects(value: Any) -> Iterator[dict[str, Any]]:
    """Every JSON object in `value`, at any depth."""
    if isinstance(value, dict):
        yield value
        for item in value.values():
            yield from objects(item)
    elif isinstance(value, list):
        for item in value:
            yield from objects(item)


def outcome(load: Any, cls: type, payload: Any) -> tuple[str, Any]:
    try:
        return "dto", load("probe", cls, copy.deepcopy(payload))
    except DecodeError as exc:
        return "error", str(exc)


def same(cls: type, payload: Any) -> None:
    assert outcome(dto_build.load, cls, payload) == outcome(dto.load, cls, payload), (cls.__name__, payload)


@cache
def saved_objects() -> list[dict[str, Any]]:
    """Every distinct JSON object of the saved payloads."""
    found = {repr(o): o for path in sorted(FIXTURES.glob("*.json")) for o in objects(body(path.stem))}
    return list(found.values())


@cache
def fitting() -> list[tuple[type, dict[str, Any]]]:
    """(model, saved object) wherever `dto.load` decodes the object as that model and the model requires a
    field (a model of optional fields only takes any object), one object per model and set of keys."""
    shapes = {
        (cls, tuple(obj)): obj
        for obj in saved_objects()
        for cls in MODELS
        if any(required for _, required, *_ in dto._fields(cls)[0])
        and outcome(dto.load, cls, obj)[0] == "dto"
    }
    return [(cls, obj) for (cls, _), obj in shapes.items()]


def test_every_model_is_built_in_one_pass_but_those_left_to_dto_load() -> None:
    assert {cls.__name__ for cls in MODELS if dto_build.builder(cls) is None} == NOT_BUILT


def test_every_saved_object_against_every_model() -> None:
    for obj in saved_objects():
        for cls in MODELS:
            same(cls, obj)
    built = [(cls, obj) for cls, obj in fitting() if cls.__name__ not in NOT_BUILT]
    assert len(built) > 100
    for cls, obj in built:  # the fast road itself, not its way back to `dto.load`
        build = dto_build.builder(cls)
        assert build is not None
        assert build(copy.deepcopy(obj)) == getattr(cls, "from_dict")(obj), cls.__name__  # noqa: B009


@pytest.mark.parametrize("value", OTHER_VALUES, ids=repr)
def test_each_field_of_each_fitting_object_changed(value: Any) -> None:
    """Each key of each saved object that fits a model: replaced by `value`, then removed."""
    for cls, obj in fitting():
        for key in obj:
            same(cls, {**obj, key: value})
            same(cls, {k: v for k, v in obj.items() if k != key})
        same(cls, {**obj, "newField": value})


def test_a_missing_optional_field_is_unset_and_null_is_none() -> None:
    waypoint = body("waypoint")["data"]
    built = dto_build.load("waypoint", gm.Waypoint, {k: v for k, v in waypoint.items() if k != "chart"})
    assert built.chart is UNSET
    assert dto_build.load("waypoint", gm.Waypoint, {**waypoint, "chart": None}).chart is None
    assert (
        dto_build.load("waypoint", gm.Waypoint, {**waypoint, "x": 238.0}).x == 238.0
    )  # as from_dict keeps it

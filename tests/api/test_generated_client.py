"""The committed generated client: every operation importable, and identical to a fresh regeneration."""

from __future__ import annotations

import filecmp
import importlib
import inspect
import json
import pkgutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from scripts.spec_transform import ECHOED_BODIES, OMITTED_BY_SERVERS, transform

import space_traders_api_client.api as api_pkg
from tests.support.spec import require_spec

REPO = Path(__file__).resolve().parents[2]
GENERATED = REPO / "src" / "space_traders_api_client"


def _operation_modules() -> list[str]:
    found = []
    for info in pkgutil.walk_packages(api_pkg.__path__, prefix=f"{api_pkg.__name__}."):
        if not info.ispkg:
            found.append(info.name)
    return sorted(found)


# The WebSocket endpoint declares no response body, so the generator gives it no parsed `asyncio` variant.
NO_PARSED_BODY = {"space_traders_api_client.api.data.websocket_departure_events"}


def test_all_64_operations_have_async_functions() -> None:
    names = _operation_modules()
    assert len(names) == 64
    for name in names:
        module = importlib.import_module(name)
        assert inspect.iscoroutinefunction(module.asyncio_detailed), name
        assert callable(module._get_kwargs), name
        if name not in NO_PARSED_BODY:
            assert inspect.iscoroutinefunction(module.asyncio), name


def test_generated_models_tolerate_real_payload_drift() -> None:
    from space_traders_api_client.models.market_trade_good import MarketTradeGood
    from space_traders_api_client.models.ship_frame import ShipFrame

    good = MarketTradeGood.from_dict(
        {
            "symbol": "NEW_GOOD",
            "type": "EXPORT",
            "tradeVolume": 10,
            "supply": "ODD",
            "activity": None,
            "purchasePrice": 5,
            "sellPrice": 4,
        }
    )
    assert good.activity is None
    assert good.symbol == "NEW_GOOD"
    frame = ShipFrame.from_dict(
        {
            "symbol": "FRAME_NEW",
            "name": "n",
            "condition": 1,
            "integrity": 1,
            "description": "d",
            "moduleSlots": 1,
            "mountingPoints": 1,
            "fuelCapacity": 1,
            "requirements": {},
        }
    )
    assert frame.symbol == "FRAME_NEW"


def test_transform_opens_enums_and_relaxes_omitted_fields() -> None:
    spec: dict[str, Any] = {
        "components": {
            "schemas": {
                "ShipFrame": {
                    "type": "object",
                    "description": "prose",
                    "properties": {
                        "symbol": {"type": "string", "enum": ["A"]},
                        "quality": {"type": "number"},
                        "description": {"type": "string", "description": "prose"},
                        "ref": {"$ref": "#/components/schemas/X"},
                    },
                    "required": ["symbol", "quality", "ghost"],
                }
            }
        },
        "paths": {"/x": {"get": {"responses": {"200": {"description": "prose"}}}}},
    }
    out = transform(spec)
    frame = out["components"]["schemas"]["ShipFrame"]
    assert frame["required"] == ["symbol"]
    assert "enum" not in frame["properties"]["symbol"]
    assert frame["properties"]["quality"]["nullable"] is True
    assert "description" in frame["properties"]  # a property named like prose survives
    assert "description" not in frame
    assert frame["properties"]["ref"] == {"oneOf": [{"$ref": "#/components/schemas/X"}], "nullable": True}
    assert out["paths"]["/x"]["get"]["responses"]["200"]["description"] == ""
    assert spec["components"]["schemas"]["ShipFrame"]["required"] == ["symbol", "quality", "ghost"]
    assert "ShipyardTransaction" in OMITTED_BY_SERVERS


def test_transform_gives_an_echoed_body_string_timestamps() -> None:
    """The signed survey goes back to the server exactly as it came: its expiration is not re-formatted."""
    path, method = ECHOED_BODIES[0]
    survey = {
        "type": "object",
        "properties": {"expiration": {"type": "string", "format": "date-time"}, "size": {"type": "string"}},
        "required": ["expiration", "size"],
    }
    ref = {"$ref": "#/components/schemas/Survey"}
    spec: dict[str, Any] = {
        "components": {"schemas": {"Survey": survey}},
        "paths": {path: {method: {"requestBody": {"content": {"application/json": {"schema": ref}}}}}},
    }
    out = transform(spec)
    body = out["paths"][path][method]["requestBody"]["content"]["application/json"]["schema"]
    assert body["properties"]["expiration"] == {"type": "string"} and body["required"] == [
        "expiration",
        "size",
    ]
    assert out["components"]["schemas"]["Survey"]["properties"]["expiration"]["format"] == "date-time"

    from space_traders_api_client.models import ExtractResourcesWithSurveyBody

    sent = {"signature": "S", "symbol": "X1-A-B", "deposits": [{"symbol": "ICE"}], "size": "SMALL"}
    sent["expiration"] = "2025-04-20T10:45:12.345Z"
    assert ExtractResourcesWithSurveyBody.from_dict(sent).to_dict() == sent


def _diff(left: Path, right: Path) -> list[str]:
    cmp = filecmp.dircmp(left, right, ignore=["__pycache__"])
    out = [f"only in committed: {n}" for n in cmp.left_only] + [f"only in fresh: {n}" for n in cmp.right_only]
    out += [f"differs: {n}" for n in cmp.diff_files]
    for sub in cmp.common_dirs:
        out += [f"{sub}/{line}" for line in _diff(left / sub, right / sub)]
    return out


@pytest.mark.slow
def test_regeneration_gives_no_diff(tmp_path: Path) -> None:
    spec = require_spec()
    out = tmp_path / "space_traders_api_client"
    done = subprocess.run(
        [sys.executable, str(REPO / "scripts" / "generate_client.py"), str(spec), "--output", str(out)],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    # filecmp compares bytes only when asked not to trust os.stat signatures.
    filecmp.clear_cache()
    differences = _diff(GENERATED, out)
    byte_diffs = [
        str(p.relative_to(out))
        for p in out.rglob("*")
        if p.is_file()
        and (GENERATED / p.relative_to(out)).is_file()
        and (GENERATED / p.relative_to(out)).read_bytes() != p.read_bytes()
    ]
    assert differences == [] and byte_diffs == [], (differences, byte_diffs)
    assert json.loads(spec.read_text())["info"]["version"]  # the spec we compared against is readable


async def test_an_answer_is_decoded_into_the_generated_model_only_when_parsed_is_read(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The sender reads only the bytes of an answer (the adapters decode them once): `asyncio_detailed` must
    not parse them into the generated model as well (it did, and threw the model away)."""
    import httpx

    from space_traders_api_client import AuthenticatedClient
    from space_traders_api_client.api.systems import get_waypoint
    from space_traders_api_client.models.get_waypoint_response_200 import GetWaypointResponse200

    body = (REPO / "tests" / "fixtures" / "payloads" / "waypoint.json").read_bytes()
    decoded: list[object] = []
    real = GetWaypointResponse200.from_dict.__func__  # type: ignore[attr-defined]

    def counting(cls: type[GetWaypointResponse200], src: Any) -> GetWaypointResponse200:
        decoded.append(src)
        result: GetWaypointResponse200 = real(cls, src)
        return result

    monkeypatch.setattr(GetWaypointResponse200, "from_dict", classmethod(counting))
    transport = httpx.MockTransport(lambda request: httpx.Response(200, content=body))
    client = AuthenticatedClient(base_url="http://st.test/v2", token="t", httpx_args={"transport": transport})
    async with client:
        answer = await get_waypoint.asyncio_detailed("X1-A", "X1-A-B", client=client)
    assert answer.content == body and decoded == []
    parsed = answer.parsed
    assert isinstance(parsed, GetWaypointResponse200)
    assert parsed.data.symbol == json.loads(body)["data"]["symbol"]
    assert len(decoded) == 1 and answer.parsed is parsed  # decoded once, when first read

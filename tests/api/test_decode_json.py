"""`decode_json` (orjson on the common road) gives exactly what `json.loads` gives, on every body."""

from __future__ import annotations

import json
import math
from pathlib import Path

import pytest

from stdaemon.api.errors import decode_json

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "payloads"


@pytest.mark.parametrize("path", sorted(FIXTURES.glob("*.json")), ids=lambda p: p.name)
def test_every_fixture_decodes_as_the_standard_library_does(path: Path) -> None:
    content = path.read_bytes()
    assert decode_json(content) == json.loads(content)


@pytest.mark.parametrize(
    "content",
    [
        b'{"credits": 18446744073709551616}',  # beyond 64 bits: orjson would make it a float
        b'{"credits": -9223372036854775809}',
        b'{"credits": 123456789012345678901234567890}',
        b'{"credits": 9223372036854775807, "debt": -9223372036854775808}',
        b'{"a": 1, "a": 2}',
        b'{"s": "\\ud800"}',  # a lone surrogate: orjson refuses it
        b'\xef\xbb\xbf{"bom": true}',
        '{"utf16": "é"}'.encode("utf-16"),
        b'{"x": 1e400, "y": -0.0, "z": 0.1}',
    ],
)
def test_odd_bodies_decode_as_the_standard_library_does(content: bytes) -> None:
    got, expected = decode_json(content), json.loads(content)
    assert got == expected
    assert json.dumps(got) == json.dumps(expected)  # the same types too: an int stays an int
    assert [type(v) for v in got.values()] == [type(v) for v in expected.values()]


def test_nan_is_read_as_the_standard_library_reads_it() -> None:
    assert math.isnan(decode_json(b'{"x": NaN}')["x"])


@pytest.mark.parametrize("content", [b"", b"{", b'{"a": 1} x', b"\xff\xfe\x00"])
def test_what_is_not_json_raises_value_error(content: bytes) -> None:
    with pytest.raises(ValueError):
        decode_json(content)

"""Fixtures for the API edge tests."""

from __future__ import annotations

import pytest

from tests.api.gateway_helpers import Build, make_gateway


@pytest.fixture
def build() -> Build:
    """`build(handler, attempts=5, limiter=None, token=TOKEN)` -> (gateway, served)."""
    return make_gateway

"""Where the tests find the SpaceTraders OpenAPI spec, and what they do when it is not there.

The spec is not part of this repository (the project never commits a copy of it): the tests read it from
`<repo>/../shared/spacetraders-api/SpaceTraders.json`, or from `ST_TEST_SPEC`. Without it the tests that
compare against it skip, naming the path; with `ST_TEST_REQUIRE_SPEC=1` (as `.ci/run` sets) they fail
instead, so CI always runs them all. README "Checks" says how to get the spec.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
SPEC = Path(
    os.environ.get("ST_TEST_SPEC") or REPO.parent / "shared" / "spacetraders-api" / "SpaceTraders.json"
)


def require_spec() -> Path:
    """The spec's path; skips the calling test when it is absent (fails under ST_TEST_REQUIRE_SPEC=1)."""
    if SPEC.is_file():
        return SPEC
    reason = (
        f"the SpaceTraders spec is not at {SPEC} (it is never copied into the repository): "
        "see README 'Checks' to get it, or set ST_TEST_SPEC"
    )
    if os.environ.get("ST_TEST_REQUIRE_SPEC") == "1":
        pytest.fail(reason)
    pytest.skip(reason)

"""Each news construction, on its stored parse, gives the expected output."""

from __future__ import annotations

from typing import Any

import pytest
from conftest import fixture_result, load_cases

CASES = load_cases()


def _matches(attribution: Any, want: dict[str, Any]) -> bool:
    return attribution.content.text == want["content"]


@pytest.mark.parametrize("case", CASES, ids=[c["name"] for c in CASES])
def test_construction(case: dict[str, Any]) -> None:
    """The case's attributions come out with speaker, role, kind, content."""
    result = fixture_result(case["name"], case["text"])
    got = list(result.attributions)
    assert len(got) == len(case["expect"]), [a.content.text for a in got]
    for want in case["expect"]:
        found = [a for a in got if _matches(a, want)]
        assert found, (want["content"], [a.content.text for a in got])
        a = found[0]
        assert a.kind.value == want["kind"]
        if "speaker" in want:
            assert a.speaker is not None
            assert a.speaker.text == want["speaker"]
        if "name" in want:
            assert a.speaker is not None
            assert a.speaker.name == want["name"]
        if "role" in want:
            assert a.speaker is not None
            assert a.speaker.role == want["role"]
        if "cue" in want:
            assert a.cue is not None
            assert a.cue.span.text == want["cue"]
    for loose in case.get("unattributed", []):
        assert loose in [q.text for q in result.unattributed_quotes]

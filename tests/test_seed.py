"""The seed article: all 12 expected attributions, from its stored parse."""

from __future__ import annotations

import json

import pytest
from conftest import FIXTURES, fixture_result

EXPECTED = json.loads((FIXTURES / "seed_expected.json").read_text("utf-8"))


@pytest.fixture(scope="module")
def seed_result(seed_text: str):  # type: ignore[no-untyped-def]
    """The seed article extracted from fixtures/parsed/seed.conllu."""
    return fixture_result("seed", seed_text)


@pytest.fixture(scope="module")
def seed_text() -> str:
    """The seed article's text."""
    return (FIXTURES / "texts" / "seed.txt").read_text(encoding="utf-8")


def test_seed_count(seed_result) -> None:  # type: ignore[no-untyped-def]
    """Exactly the 12 expected attributions are found."""
    assert len(seed_result.attributions) == len(EXPECTED["expect"]) == 12


@pytest.mark.parametrize("want", EXPECTED["expect"],
                         ids=[w["content"][:30] for w in EXPECTED["expect"]])
def test_seed_attribution(seed_result, want) -> None:  # type: ignore[no-untyped-def]
    """Each expected claim has its speaker mention, name, role, kind, cue."""
    found = [a for a in seed_result.attributions
             if a.content.text == want["content"]]
    assert len(found) == 1
    a = found[0]
    assert a.kind.value == want["kind"]
    assert a.speaker is not None
    assert a.speaker.text == want["speaker"]
    assert a.speaker.name == want["name"]
    assert a.speaker.role == want["role"]
    assert a.cue is not None and a.cue.span.text == want["cue"]


def test_seed_speaker_index(seed_result) -> None:  # type: ignore[no-untyped-def]
    """The speaker index lists each entity once, with its attributions."""
    names = [s.name for s in seed_result.speakers]
    assert names == ["John Kirby", "Joe Biden", "Dmitry Peskov",
                     "Ukrainian officials"]
    officials = seed_result.speakers[3]
    assert officials.roles == ("Ukrainian officials",)
    kirby = seed_result.speakers[0]
    assert kirby.roles == ("Pentagon press secretary",)
    assert len(seed_result.attributions_of(kirby.entity)) == 8
    assert {m.text for m in kirby.mentions} >= {
        "Pentagon press secretary John Kirby", "Kirby", "He"}


def test_seed_json_form(seed_result, seed_text: str) -> None:  # type: ignore[no-untyped-def]
    """to_dict() follows SCHEMA.md and every span indexes the text."""
    data = json.loads(seed_result.to_json())
    assert data["doc_id"] == "seed"
    for a in data["attributions"]:
        assert set(a) >= {"kind", "content", "cue", "speaker", "confidence"}
        for key in ("content", "cue", "speaker"):
            span = a[key]
            assert seed_text[span["start"]:span["end"]] == span["text"]
        assert a["speaker"]["entity"] < len(data["speakers"])
        assert 0.0 <= a["confidence"] <= 1.0

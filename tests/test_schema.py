"""The JSON form: docs/schema.md matches the code; content_pieces."""

from __future__ import annotations

import json
import re
from typing import Any

import pytest
from conftest import ROOT, fixture_result, load_cases

import quotes

SCHEMA_PAGE = ROOT / "docs" / "schema.md"
CASES = load_cases()


def _documented_example() -> Any:
    """The JSON example of docs/schema.md."""
    page = SCHEMA_PAGE.read_text(encoding="utf-8")
    match = re.search(r"```json\n(.*?)```", page, re.DOTALL)
    assert match is not None
    return json.loads(match.group(1))


def test_schema_page_example_is_real() -> None:
    """The page's example is exactly what the code writes for it."""
    case = next(c for c in CASES if c["name"] == "direct_split")
    result = fixture_result("direct_split", case["text"])
    assert _documented_example() == result.to_dict()


def test_schema_page_names_every_key() -> None:
    """Every key to_dict() writes has a row on the schema page."""
    page = SCHEMA_PAGE.read_text(encoding="utf-8")
    rows = set(re.findall(r"^\| `(\w+)` \|", page, re.MULTILINE))
    keys: set[str] = set()
    for case in CASES:
        data = fixture_result(case["name"], case["text"]).to_dict()
        keys |= set(data)
        for a in data["attributions"]:
            keys |= set(a)
        for s in data["speakers"]:
            keys |= set(s)
    assert keys <= rows | {"start", "end", "text", "lemma", "class", "name",
                           "role"}
    assert {"content_pieces", "unattributed_quotes", "schema"} <= rows


@pytest.mark.parametrize("case", CASES, ids=[c["name"] for c in CASES])
def test_content_pieces_always_present(case: dict[str, Any]) -> None:
    """content_pieces is a non-empty list inside the content, in order.

    In JSON, ``content`` is one span for a claim in one piece and the list
    of its pieces otherwise; in Python it is the range they span.
    """
    text = case["text"]
    result = fixture_result(case["name"], text)
    for attribution, a in zip(result.attributions,
                              result.to_dict()["attributions"], strict=True):
        pieces = a["content_pieces"]
        assert pieces
        span = attribution.content
        for p in pieces:
            assert text[p["start"]:p["end"]] == p["text"]
            assert span.start <= p["start"] <= p["end"] <= span.end
        assert [p["start"] for p in pieces] == sorted(
            p["start"] for p in pieces)
        if len(pieces) == 1:
            assert a["content"] == span.to_dict()
            assert pieces[0]["text"] in span.text
        else:
            assert a["content"] == pieces


def test_split_quote_has_two_pieces() -> None:
    """A quote split by its attribution: two pieces, attribution left out."""
    case = next(c for c in CASES if c["name"] == "direct_split")
    (a,) = fixture_result("direct_split", case["text"]).attributions
    assert [p.text for p in a.content_pieces] == ["We will respond,",
                                                  "if it is needed."]
    assert [p["text"] for p in a.to_dict()["content"]] == [
        "We will respond,", "if it is needed."]


def _span(text: str, start: int = 0) -> quotes.Span:
    return quotes.Span(start=start, end=start + len(text), text=text)


def test_content_pieces_default_is_content() -> None:
    """An Attribution made without pieces has the content as its piece."""
    content = _span("the bridge is safe")
    for given in ((), []):
        a = quotes.Attribution(kind="indirect", content=content,
                               content_pieces=given)
        assert a.content_pieces == (content,)
    a = quotes.Attribution(kind="indirect", content=content)
    assert a.to_dict()["content_pieces"] == [content.to_dict()]


def test_pieces_is_a_deprecated_alias() -> None:
    """Attribution.pieces still answers, with a DeprecationWarning."""
    pieces = (_span("We", 0), _span("win", 10))
    a = quotes.Attribution(kind="direct", content=_span("We said, win"),
                           content_pieces=pieces)
    with pytest.warns(DeprecationWarning, match="content_pieces"):
        assert a.pieces == pieces


@pytest.mark.parametrize("path", ["README.md", "docs/usage.md",
                                  "docs/api.rst", "quotes/records.py",
                                  "quotes/cli.py"])
def test_docs_point_at_our_schema_page(path: str) -> None:
    """Nothing sends a user to the schema file outside the repository."""
    assert "SCHEMA.md" not in (ROOT / path).read_text(encoding="utf-8")

"""Long documents: rules on windows of paragraphs, joined into one result."""

from __future__ import annotations

import itertools

import pytest
from conftest import FIXTURES
from hypothesis import given, settings
from strategies import news_docs
from test_hostile import check_result, covered, lost

from quotes import Lexicon, _attribute, _tree, _windows
from quotes._marks import find_quotes
from quotes.testing import doc_from_conllu

LEX = Lexicon.default()


@pytest.fixture(scope="module")
def seed() -> _tree.Doc:
    """The seed article's stored parse (2,730 characters)."""
    text = (FIXTURES / "texts" / "seed.txt").read_text("utf-8")
    parsed = doc_from_conllu(FIXTURES / "parsed" / "seed.conllu", text=text)
    return _tree.from_stanza(parsed, text)


@pytest.mark.parametrize("window", [150, 400, 1000])
def test_windows_cover_the_text_at_breaks_outside_quotes(
        seed: _tree.Doc, window: int) -> None:
    """Windows are consecutive, cover every sentence and character once,
    and end at a line break outside any quotation."""
    parts = list(_windows._windows(seed, window))
    assert len(parts) > 1
    assert parts[0][0] == 0 and parts[0][2] == 0
    assert parts[-1][1] == len(seed.sents)
    assert parts[-1][3] == len(seed.text)
    for (_, hi, _, end), (lo, _, start, _) in itertools.pairwise(parts):
        assert hi == lo and end == start
        assert "\n" in seed.text[seed.sents[hi - 1].end:start]
        assert not any(r.start < start < r.end
                       for r in find_quotes(seed.text))


def test_windowed_result_matches_the_whole(seed: _tree.Doc) -> None:
    """The same claims, valid offsets, and a surname in a later window
    joined to the full name of an earlier one."""
    whole = _attribute.run(seed, LEX, "seed")
    parts = _windows.run(seed, LEX, "seed", window=400)
    assert [a.content.text for a in parts.attributions] == \
        [a.content.text for a in whole.attributions]
    text = seed.text
    for a in parts.attributions:
        spans = [a.content, *a.content_pieces]
        spans += [a.cue.span] if a.cue else []
        spans += [a.speaker.span] if a.speaker else []
        assert all(text[s.start:s.end] == s.text for s in spans)
        if a.speaker is not None and a.speaker.entity is not None:
            assert parts.speakers[a.speaker.entity].name == a.speaker.name
    kirby = [a for a in parts.attributions
             if a.speaker and a.speaker.text == "Kirby"]
    assert kirby
    assert {a.speaker.name for a in kirby if a.speaker} == {"John Kirby"}
    assert [s.entity for s in parts.speakers] == \
        list(range(len(parts.speakers)))
    assert len({s.name for s in parts.speakers}) == len(parts.speakers)


def test_short_documents_are_one_window(seed: _tree.Doc) -> None:
    """Below the window size nothing changes."""
    assert _windows.run(seed, LEX, "seed").to_dict() == \
        _attribute.run(seed, LEX, "seed").to_dict()


@given(news_docs())
@settings(max_examples=200)
def test_windows_keep_every_invariant(
        case: tuple[_tree.Doc, list[tuple[int, int]]]) -> None:
    """On news-like text cut into tiny windows, spans stay exact and every
    quotation is still attributed or listed unattributed."""
    doc, quoted = case
    result = _windows.run(doc, LEX, "x", window=40)
    check_result(result, doc.text)
    ranges = covered(result)
    for inner in quoted:
        assert not lost(doc.text, inner, ranges), (doc.text, inner)

"""Hostile input: nothing crashes, spans are exact, nothing is lost."""

from __future__ import annotations

import json

import pytest
from conftest import SHARED
from hypothesis import given
from strategies import hostile_text, parsed_docs

import quotes
from quotes import _attribute
from quotes._marks import find_quotes
from quotes._tree import Doc
from quotes.lexicons import Lexicon
from quotes.testing import doc_from_conllu


def _check_result(result: quotes.Result, text: str) -> None:
    spans = [q for q in result.unattributed_quotes]
    for a in result.attributions:
        spans += [a.content, *a.pieces]
        if a.cue:
            spans.append(a.cue.span)
        if a.speaker:
            spans.append(a.speaker.span)
            if a.speaker.entity is not None:
                assert a.speaker.entity < len(result.speakers)
    for span in spans:
        assert 0 <= span.start <= span.end <= len(text)
        assert text[span.start:span.end] == span.text
    assert json.loads(result.to_json()) == result.to_dict()


@given(hostile_text)
def test_marks_never_raise(text: str) -> None:
    """Quote pairing takes any text; regions are ordered and in range."""
    regions = find_quotes(text)
    last_end = 0
    for r in regions:
        assert last_end <= r.start <= r.inner[0] <= r.inner[1] <= r.end
        assert r.end <= len(text)
        last_end = r.end


@given(parsed_docs())
def test_rules_on_random_trees(doc: Doc) -> None:
    """On any well-formed tree the rules run, spans index the text, and
    the result is deterministic."""
    lex = Lexicon.default()
    first = _attribute.run(doc, lex, "x")
    _check_result(first, doc.text)
    assert _attribute.run(doc, lex, "x") == first


@given(parsed_docs())
def test_no_quote_lost(doc: Doc) -> None:
    """Every quotation is inside an attribution or listed as unattributed."""
    result = _attribute.run(doc, Lexicon.default(), "x")
    covered = [(a.content.start, a.content.end) for a in result.attributions]
    covered += [(q.start, q.end) for q in result.unattributed_quotes]
    for region in find_quotes(doc.text):
        inner = doc.text[region.inner[0]:region.inner[1]].strip()
        if not inner:
            continue
        assert any(s <= region.inner[0] + 1 and region.inner[1] - 1 <= e
                   or (s < region.inner[1] and region.inner[0] < e)
                   for s, e in covered), (region, doc.text)


@pytest.mark.parametrize("name", [
    "UD_English-EWT/en_ewt-ud-dev.conllu",
    "UD_English-GUM/en_gum-ud-dev.conllu"])
def test_gold_treebank_never_crashes(name: str) -> None:
    """Every sentence of the UD dev treebanks goes through extract_doc."""
    path = SHARED / "ud" / name
    if not path.exists():
        pytest.skip("shared/ud is not beside the checkout")
    blocks = path.read_text(encoding="utf-8").split("\n\n")
    attributions = 0
    for k in range(0, len(blocks), 200):
        chunk = "\n\n".join(b for b in blocks[k:k + 200] if b.strip())
        doc = doc_from_conllu(chunk + "\n\n")
        result = quotes.extract_doc(doc)
        attributions += len(result.attributions)
    assert attributions > 50

"""Hostile input: nothing crashes, spans are exact, nothing is lost.

The rules read ``Doc`` objects built directly by ``tests/strategies.py``
and the treebank test reads gold CoNLL-U, so no neural model runs; only
``test_model_on_hostile_text`` (marked ``model``) needs one.
"""

from __future__ import annotations

import json
import random
from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import FIXTURES, shared_path
from hypothesis import given, settings
from hypothesis import strategies as st
from strategies import (
    conllu_of,
    hostile_text,
    news_docs,
    parsed_docs,
    random_text,
    tokenize,
    tree_doc,
)

import quotes
from quotes import _attribute
from quotes._extract import MAX_RUN_TOKENS, _runaway_cut, chunks
from quotes._marks import QuoteRegion, find_quotes
from quotes._tree import Doc, reconstruct_text
from quotes.lexicons import Lexicon
from quotes.testing import doc_from_conllu

LEX = Lexicon.default()


def _spans(result: quotes.Result) -> Iterator[quotes.Span]:
    """Every span a result holds."""
    yield from result.unattributed_quotes
    for a in result.attributions:
        yield a.content
        yield from a.content_pieces
        if a.cue:
            yield a.cue.span
        if a.speaker:
            yield a.speaker.span
    for s in result.speakers:
        yield from s.mentions


def check_result(result: quotes.Result, text: str) -> None:
    """Assert the invariants every result keeps on its text."""
    for span in _spans(result):
        assert 0 <= span.start <= span.end <= len(text)
        assert text[span.start:span.end] == span.text
    for a in result.attributions:
        if a.speaker is not None and a.speaker.entity is not None:
            assert 0 <= a.speaker.entity < len(result.speakers)
    starts = [a.content.start for a in result.attributions]
    assert starts == sorted(starts)
    form = result.to_dict()
    assert json.loads(json.dumps(form)) == form
    assert json.loads(result.to_json()) == form


def covered(result: quotes.Result) -> list[tuple[int, int]]:
    """Character ranges the result accounts for."""
    ranges = [(q.start, q.end) for q in result.unattributed_quotes]
    for a in result.attributions:
        ranges += [(p.start, p.end) for p in (a.content, *a.content_pieces)]
    return ranges


def lost(text: str, inner: tuple[int, int],
         ranges: list[tuple[int, int]]) -> list[int]:
    """Offsets of letters and digits of *inner* that no range covers."""
    return [i for i in range(*inner) if text[i].isalnum() and
            not any(s <= i < e for s, e in ranges)]


def _check_regions(text: str, regions: list[QuoteRegion]) -> None:
    last_end = 0
    for r in regions:
        assert last_end <= r.start <= r.inner[0] <= r.inner[1] <= r.end
        assert r.end <= len(text)
        for a, b in r.pieces:
            assert r.inner[0] <= a <= b <= r.inner[1]
        last_end = r.end


@given(hostile_text)
def test_marks_never_raise(text: str) -> None:
    """Quote pairing takes any text; regions are ordered and in range."""
    regions = find_quotes(text)
    _check_regions(text, regions)
    assert find_quotes(text) == regions


def test_misprinted_closing_mark_closes() -> None:
    """An opening curly mark glued to the quotation's last comma and
    followed by a space is a misprinted closer: two quotations, not one
    running over the tag."""
    text = "\u201cIt is odd,\u201c said Ann Lee. \u201cIt is fine.\u201d"
    inner = [text[r.inner[0]:r.inner[1]] for r in find_quotes(text)]
    assert inner == ["It is odd,", "It is fine."]


@given(news_docs())
def test_marks_pair_what_a_reader_pairs(
        case: tuple[Doc, list[tuple[int, int]]]) -> None:
    """Every quotation of a well-formed news text is found by pairing."""
    doc, quoted = case
    regions = find_quotes(doc.text)
    for a, b in quoted:
        assert any(r.inner[0] <= a and b <= r.inner[1] for r in regions), (
            doc.text, doc.text[a:b])


@given(parsed_docs())
def test_rules_on_random_trees(doc: Doc) -> None:
    """On any well-formed tree over hostile text the rules run, spans index
    the text, JSON round-trips and the result is deterministic."""
    first = _attribute.run(doc, LEX, "x")
    check_result(first, doc.text)
    assert _attribute.run(doc, LEX, "x") == first


@given(parsed_docs())
def test_no_quote_lost(doc: Doc) -> None:
    """Every paired quotation is in an attribution or listed unattributed."""
    result = _attribute.run(doc, LEX, "x")
    ranges = covered(result)
    for region in find_quotes(doc.text):
        assert not lost(doc.text, region.inner, ranges), (region, doc.text)


@given(news_docs())
def test_news_quotes_all_accounted_for(
        case: tuple[Doc, list[tuple[int, int]]]) -> None:
    """In news-like text every quotation is attributed or unattributed."""
    doc, quoted = case
    result = _attribute.run(doc, LEX, "x")
    check_result(result, doc.text)
    ranges = covered(result)
    for inner in quoted:
        assert not lost(doc.text, inner, ranges), (doc.text, inner)


@given(news_docs())
def test_news_direct_quotes_attributed(
        case: tuple[Doc, list[tuple[int, int]]]) -> None:
    """Each sentence built on a reporting verb yields a cued attribution."""
    doc, _ = case
    result = _attribute.run(doc, LEX, "x")
    cues = [a for a in result.attributions if a.cue is not None]
    n_cues = sum(1 for s in doc.sents for t in s.toks
                 if t.deprel == "root" and t.lemma in SAYS)
    assert len(cues) >= n_cues


REGRESSIONS = [
    "\nWALLACE: ”",  # a transcript label with only a quote mark after it
    "K irby said »this is unacceptable«.",  # reversed guillemets
    "“Nobody knows what they want.” According to officials, nobody knows",
    "", " ", "\u200b", "“", "”", "„“", "'''", "« »", "\r\n\r\n\"x",
    "''", "``", "''x''", "```", "a''b", "''''", "``x\n\n``y''",
]


@pytest.mark.parametrize(("text", "inner"), [
    ("''This isn't reform,'' said Holtz-Eakin.", ["This isn't reform,"]),
    ("``Fine,'' she said.", ["Fine,"]),
    ("He said ''no'' twice. ''Never.''", ["no", "Never."]),
    ("''First part\n\n''Second part.''", ["First part", "Second part."]),
])
def test_doubled_marks_pair_as_double_quotes(text: str,
                                             inner: list[str]) -> None:
    """Wire copy's ''...'' and ``...'' are quotations, marks outside."""
    regions = find_quotes(text)
    assert [text[a:b] for r in regions for a, b in r.pieces] == inner
    for r in regions:
        assert text[r.start:r.end].endswith("''")
        assert text[r.start:r.start + 2] in {"''", "``"}


@pytest.mark.parametrize("text", REGRESSIONS)
@pytest.mark.parametrize("shape", ["chain", "star"])
def test_regressions(text: str, shape: str) -> None:
    """Inputs that once crashed or lost a quote stay fixed."""
    spans = tokenize(text)
    doc = tree_doc(text, spans, [], lambda xs: xs[0],
                   (lambda i: i - 1) if shape == "chain" else (lambda i: 0))
    result = _attribute.run(doc, LEX, "r")
    check_result(result, text)
    ranges = covered(result)
    for region in find_quotes(text):
        assert not lost(text, region.inner, ranges)


@given(hostile_text, st.integers(1, 400))
def test_chunks_cover_the_text(text: str, size: int) -> None:
    """Chunks are consecutive, bounded in size and rebuild the text."""
    pieces = list(chunks(text, size))
    assert "".join(p for _, p in pieces) == text
    pos = 0
    for offset, piece in pieces:
        assert offset == pos
        assert 0 < len(piece) <= size
        assert _runaway_cut(piece, MAX_RUN_TOKENS) is None
        pos += len(piece)


@pytest.mark.parametrize("text", [
    '"' * 3000, "word " * 3000, "a" * 30000, "x " + "b" * 30000,
    "«" * 700 + "»" * 700, "😀 " * 2000, "Short sentence here. " * 2000])
def test_chunks_bound_runs_without_sentence_end(text: str) -> None:
    """No piece handed to the parser holds a huge run with no sentence end
    (parsing time grows faster than quadratically with sentence length)."""
    pieces = list(chunks(text))
    assert "".join(p for _, p in pieces) == text
    for _, piece in pieces:
        assert _runaway_cut(piece, MAX_RUN_TOKENS) is None


@settings(max_examples=60)
@given(parsed_docs(), st.booleans())
def test_extract_doc_on_hostile_conllu(doc: Doc, offsets: bool) -> None:
    """CoNLL-U over hostile text goes through stanza's reader and
    ``extract_doc``; spans index the text given."""
    if not doc.sents:
        return
    stanza_doc = doc_from_conllu(conllu_of(doc, offsets=offsets),
                                 text=doc.text)
    result = quotes.extract_doc(stanza_doc, doc_id="h")
    check_result(result, doc.text)
    rebuilt = quotes.extract_doc(doc_from_conllu(conllu_of(doc)))
    check_result(rebuilt, reconstruct_text(doc_from_conllu(conllu_of(doc))))


SAYS = frozenset({"say", "add", "warn", "tell", "insist"})
TREEBANKS = ["UD_English-EWT/en_ewt-ud-dev.conllu",
             "UD_English-GUM/en_gum-ud-dev.conllu"]


def _documents(path: str) -> Iterator[str]:
    """The CoNLL-U of each document (``# newdoc``) of a treebank file."""
    block: list[str] = []
    with open(path, encoding="utf-8") as lines:
        for line in lines:
            if line.startswith("# newdoc") and any(
                    x.strip() and not x.startswith("#") for x in block):
                yield "".join(block)
                block = []
            block.append(line)
    if block:
        yield "".join(block)


@pytest.mark.parametrize("name", TREEBANKS)
def test_gold_treebank_never_crashes(name: str) -> None:
    """Every document of the UD dev treebanks goes through extract_doc."""
    path = shared_path("ud", name)
    attributions = 0
    n_docs = 0
    for conllu in _documents(str(path)):
        doc = doc_from_conllu(conllu)
        result = quotes.extract_doc(doc, doc_id=str(n_docs))
        text = reconstruct_text(doc)
        check_result(result, text)
        attributions += len(result.attributions)
        n_docs += 1
    assert n_docs > 10
    assert attributions > 50


@pytest.mark.parametrize("path", sorted((FIXTURES / "parsed").glob(
    "*.conllu")), ids=lambda p: p.stem)
def test_fixture_parses_never_crash(path: Path) -> None:
    """Our own stored parses, read without their text, keep the invariants.

    The committed counterpart of the treebank test above.
    """
    doc = doc_from_conllu(path.read_text(encoding="utf-8"))
    check_result(quotes.extract_doc(doc, doc_id=path.stem),
                 reconstruct_text(doc))


def _model_dir() -> Path:
    """The parsing model's directory (bundled, or QUOTES_MODEL_DIR)."""
    from quotes._parse import resolve_model_dir

    return Path(resolve_model_dir(quotes.ParseConfig()))


def _model_available() -> bool:
    """True when a parsing model is there (bundled or QUOTES_MODEL_DIR)."""
    directory = _model_dir()
    return (directory / "depparse.pt").is_file() or (directory / "en").is_dir()


@pytest.mark.model
@pytest.mark.skipif(not _model_available(),
                    reason=f"no parsing model in {_model_dir()}")
def test_model_on_hostile_text() -> None:
    """The real pipeline takes hostile raw text without raising."""
    ex = quotes.Extractor()
    texts = [*REGRESSIONS, *(random_text(random.Random(n))
                             for n in range(12))]
    for n, text in enumerate(texts):
        result = ex.extract(text, doc_id=str(n))
        check_result(result, text)

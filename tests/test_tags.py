"""Claims split by their tag ("The plan, he said, was a failure"), on
raw text through the bundled model: one claim of two pieces, the tag in
neither, and no second claim from the words before the tag."""

from __future__ import annotations

import pytest

import quotes

CASES = {
    # the rules' claim covers the tag: the tag is cut out
    "tag_inside": (
        "The new ferry, Councillor Mateo Ruiz argued, was a waste of money.",
        ["The new ferry", "was a waste of money"], "indirect", "Mateo Ruiz"),
    # the rules' claim starts after the tag: the words before it join
    "words_before_tag": (
        "But to avoid delays, Nadia Rahman said, the depot should open "
        "at dawn.",
        ["But to avoid delays", "the depot should open at dawn"],
        "indirect", "Nadia Rahman"),
    # a quotation after the tag: unquoted words before it make it mixed
    "quote_after_tag": (
        'The agency, Director Paulo Mendes said, "will not back down."',
        ["The agency", "will not back down."], "mixed", "Paulo Mendes"),
    # an inverted tag the rules give no claim: the stage makes one
    "inverted_tag": (
        "The old plan, said Mayor Ingrid Holm, was a failure.",
        ["The old plan", "was a failure"], "indirect", "Ingrid Holm"),
}


@pytest.fixture(scope="module")
def extractor() -> quotes.Extractor:
    """One bundled-model extractor for every case."""
    return quotes.Extractor()


@pytest.mark.model
@pytest.mark.parametrize("name", list(CASES))
def test_claim_split_by_its_tag_is_one_claim_of_two_pieces(
        extractor: quotes.Extractor, name: str) -> None:
    text, pieces, kind, speaker = CASES[name]
    got = extractor.extract(text).attributions
    assert len(got) == 1
    claim = got[0]
    assert [p.text for p in claim.content_pieces] == pieces
    assert claim.kind.value == kind
    assert claim.speaker is not None and claim.speaker.name == speaker


@pytest.mark.model
def test_a_tag_with_no_comma_after_it_splits_nothing(
        extractor: quotes.Extractor) -> None:
    got = extractor.extract("In Oslo, Ragnhild Berg said the plan failed.")
    assert [[p.text for p in a.content_pieces] for a in got.attributions] \
        == [["the plan failed"]]

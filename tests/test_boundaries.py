"""Content boundaries (issue 22, "exact spans"), one rule at a time.

Each rule has a raw-text case run through the bundled model (marked
``model``) and, where the rule is a function of the text alone, a test of
that function. The convention is the benchmark gold's and the fixtures':
a mixed claim is the whole reported clause, its quoted words included.
"""

from __future__ import annotations

import pytest

import quotes
from quotes import evaluate
from quotes._attribute import _Draft, _lead_in, _tagger_range
from quotes._learned import _last_word
from quotes._marks import QuoteRegion, find_quotes
from quotes._tree import Sent, from_stanza
from quotes.records import Kind
from quotes.testing import doc_from_conllu

LONG_QUOTE = ("Harbour master Ines Moreau said she would “close the old "
              "quay to every cruise ship until the pilings under it have "
              "been replaced, tested and approved by the engineers.”")
CASES = {
    # words of the clause before a long quotation: the whole clause is the
    # claim, a mixed one (not the quoted words alone, as a direct quote)
    "lead_in_pronoun": (
        LONG_QUOTE,
        [("mixed", "she would “close the old quay to every cruise ship "
          "until the pilings under it have been replaced, tested and "
          "approved by the engineers.”", "Ines Moreau")]),
    "lead_in_subject": (
        "Councillor Ravi Menon said the budget “leaves the libraries, the "
        "pools and the night buses without a single cent of new money for "
        "the next three years.”",
        [("mixed", "the budget “leaves the libraries, the pools and the "
          "night buses without a single cent of new money for the next "
          "three years.”", "Ravi Menon")]),
    # a listener's clause without "that", which the parse may hang on the
    # listener as a relative clause (issue 22)
    "listener_clause_without_that": (
        "Ahmed Al-Masri told reporters the border would stay closed.",
        [("indirect", "the border would stay closed", "Ahmed Al-Masri")]),
    # nothing before the mark: still a direct quote
    "no_lead_in_colon": (
        "Harbour master Ines Moreau said: “The old quay will stay closed "
        "until the pilings have been replaced and tested.”",
        [("direct", "The old quay will stay closed until the pilings have "
          "been replaced and tested.", "Ines Moreau")]),
    "no_lead_in_inverted": (
        "“The old quay will stay closed until the pilings have been "
        "replaced and tested by the engineers,” said harbour master Ines "
        "Moreau.",
        [("direct", "The old quay will stay closed until the pilings have "
          "been replaced and tested by the engineers,", "Ines Moreau")]),
    # a mixed claim whose quotation closes before its clause does: the
    # claim runs on to the clause's end (the next comma or the stop)
    "mixed_clause_after_quote": (
        "Councillor Ravi Menon accused the mayor of “wasting money” on the "
        "new bridge, a charge she denied.",
        [("mixed", "the mayor of “wasting money” on the new bridge",
          "Ravi Menon")]),
    "mixed_clause_after_quote_obl": (
        "Harbour master Ines Moreau called the old quay “a danger to "
        "everyone” in her report on Monday.",
        [("mixed", "the old quay “a danger to everyone” in her report on "
          "Monday", "Ines Moreau")]),
    # a quotation that starts in mid-phrase, its phrase's first words
    # right before the mark: a mixed claim from those words (and on to the
    # clause's end, as above)
    "mixed_clause_before_quote": (
        "Mayor Ana Lima will call a “special meeting” to choose a new "
        "harbour master.",
        [("mixed", "a “special meeting” to choose a new harbour master",
          "Ana Lima")]),
    # ... but not where the quotation ends the clause with its comma
    "mixed_quote_ends_clause": (
        "Mayor Ana Lima said the plan would “keep fares low,” and the "
        "council agreed.",
        [("mixed", "the plan would “keep fares low,”", "Ana Lima")]),
    # the learned tagger tags two contents over the rule's claim (its own
    # cut of the first clause, and the object of "explain"): the claim
    # takes the one that shares the most with it, not the last
    "tagger_range_largest_overlap": (
        "Harbour master Ines Moreau said all pilots sign the safety rules, "
        "though she did not explain their terms.",
        [("indirect", "all pilots sign the safety rules", "Ines Moreau")]),
}
# a tag set off by commas inside the claim: both sides, in two pieces (the
# content range spans the tag, as a split quotation's does)
PIECES = {
    "interposed_said": (
        "The new bridge, Mayor Ana Lima said, will open in May.",
        [("indirect", "The new bridge, Mayor Ana Lima said, will open in "
          "May", ["The new bridge", "will open in May"], "Ana Lima")]),
    "interposed_pronoun": (
        "Mayor Ana Lima spoke on Monday. The old ferry, she added, would "
        "stop running in June.",
        [("indirect", "The old ferry, she added, would stop running in "
          "June", ["The old ferry", "would stop running in June"],
          "Ana Lima")]),
    # a possessive apostrophe is no quotation mark; the first words parsed
    # into the speaker's phrase still start the claim
    "interposed_possessive": (
        "The mayor’s bridge plan, Councillor Ravi Menon said, would cost "
        "too much.",
        [("indirect", "The mayor’s bridge plan, Councillor Ravi Menon said, "
          "would cost too much", ["The mayor’s bridge plan",
                                  "would cost too much"], "Ravi Menon")]),
    # a quotation split by its tag, the first half too short to look like
    # speech on its own: still the first piece of the claim
    "split_short_head": (
        "“My hope,” Mayor Ana Lima said, “is that the bridge opens in "
        "May.”",
        [("direct", "My hope,” Mayor Ana Lima said, “is that the bridge "
          "opens in May.", ["My hope,", "is that the bridge opens in May."],
          "Ana Lima")]),
    # the speaker parsed as a name under its title, a quotation after the
    # tag: the words before the tag still join the claim, a mixed one
    "interposed_title_name": (
        'The agency, Director Paulo Mendes said, "will not back down."',
        [("mixed", 'The agency, Director Paulo Mendes said, "will not back '
          'down."', ["The agency", '"will not back down."'],
          "Paulo Mendes")]),
    # the new user's split claim of issue 21: one claim, not two
    "interposed_argued_mixed": (
        'Senator Alicia Bramwell spoke first. The drones, she argued, were '
        '"a waste of money."',
        [("mixed", 'The drones, she argued, were "a waste of money."',
          ["The drones", 'were "a waste of money."'], "Alicia Bramwell")]),
    # an indefinite pronoun the parse hung on the cue as its object is the
    # subject of the quoted predicate: the whole clause is the claim
    "indefinite_subject": (
        "Trump said anybody who complains about a microphone “is not "
        "having a good night.”",
        [("mixed", "anybody who complains about a microphone “is not "
          "having a good night.”", ["anybody who complains about a "
                                   "microphone “is not having a good "
                                   "night.”"], "Trump")]),
    # a clause of when after the tag is no claim: the quotation is the
    # cue's, with its speaker
    "said_as": (
        '"They are trying to slap us in the face," Quina Jones, 25, said as '
        'she and hundreds of other demonstrators moved through the city.',
        [("direct", "They are trying to slap us in the face,",
          ["They are trying to slap us in the face,"], "Quina Jones")]),
    # "said in a statement that X and that Y", the first clause hung on
    # "statement": the second that-clause is said too
    "statement_two_thats": (
        "The prime minister's office said in a statement that it had "
        "\"full confidence\" in the minister and that the matter had been "
        "referred to the auditor-general.",
        [("mixed", "it had \"full confidence\" in the minister and that the "
          "matter had been referred to the auditor-general",
          ["it had \"full confidence\" in the minister and that the matter "
           "had been referred to the auditor-general"],
          "prime minister's office")]),
    # an abbreviated month's period ends no sentence: the claim goes on
    "month_abbreviation": (
        "Lumora said net income for the quarter ended Sept. 30 rose to 48 "
        "billion won.",
        [("indirect", "net income for the quarter ended Sept. 30 rose to 48 "
          "billion won", ["net income for the quarter ended Sept. 30 rose "
                         "to 48 billion won"], "Lumora")]),
    # no tag inside the claim: one piece
    "tag_first": (
        "Mayor Ana Lima said the new bridge will open in May.",
        [("indirect", "the new bridge will open in May",
          ["the new bridge will open in May"], "Ana Lima")]),
}


@pytest.fixture(scope="module")
def extractor() -> quotes.Extractor:
    """One bundled-model extractor for every case."""
    return quotes.Extractor()


@pytest.mark.model
@pytest.mark.parametrize("name", list(CASES))
def test_boundary(extractor: quotes.Extractor, name: str) -> None:
    """The sentence gives exactly its claims, cut as the gold cuts them."""
    text, want = CASES[name]
    got = extractor.extract(text)
    assert [(a.kind.value, a.content.text,
             a.speaker.name if a.speaker else None)
            for a in got.attributions] == want


def _unquoted_words(text: str, clause: str) -> set[int]:
    """Offsets of the letters of *clause* (in *text*) outside its quote."""
    start = text.index(clause)
    region = find_quotes(text)[0]
    return {i for i in range(start, start + len(clause))
            if text[i].isalnum() and not region.start <= i < region.end}


@pytest.mark.parametrize(("text", "clause", "want"), [
    ('He said the plan "will not work."', 'the plan "will not work."',
     True),
    ('She recalled thinking, "This is it."',
     'recalled thinking, "This is it."', True),
    # the clause's own words end far before the quotation: no lead-in
    ('They attacked Lee for the delay, saying, "It is late."',
     "Lee", False),
    ('He said: "It will not work."', '"It will not work."', False),
])
def test_lead_in(text: str, clause: str, want: bool) -> None:
    """A lead-in is a word of the clause with no other word between it and
    the opening mark."""
    region = find_quotes(text)[0]
    assert _lead_in(text, _unquoted_words(text, clause), region) is want


@pytest.mark.model
@pytest.mark.parametrize("name", list(PIECES))
def test_boundary_pieces(extractor: quotes.Extractor, name: str) -> None:
    """The claim's range and its pieces, and no second claim for the words
    before the tag."""
    text, want = PIECES[name]
    got = extractor.extract(text)
    assert [(a.kind.value, a.content.text,
             [p.text for p in a.content_pieces],
             a.speaker.name if a.speaker else None)
            for a in got.attributions] == want


@pytest.mark.model
@pytest.mark.parametrize("name", list(PIECES))
def test_pieces_are_the_json_content(extractor: quotes.Extractor,
                                     name: str) -> None:
    """In JSON a claim in pieces has its pieces as content, the tag left
    out, so it is exact against gold that writes the same pieces."""
    text, want = PIECES[name]
    data = extractor.extract(text, doc_id="d").to_dict()
    contents = [a["content"] for a in data["attributions"]]
    pieces = [a["content_pieces"] for a in data["attributions"]]
    assert [[p["text"] for p in c] if isinstance(c, list) else [c["text"]]
            for c in contents] == [w[2] for w in want]
    assert contents == [p if len(p) > 1 else p[0] for p in pieces]
    gold = {"d": {"doc_id": "d", "text": text, "attributions": [
        {"kind": w[0], "content": [
            {"start": text.index(piece), "end": text.index(piece) +
             len(piece), "text": piece} for piece in w[2]]} for w in want]}}
    assert evaluate.score(gold, {"d": data})["content_exact"]["f1"] == 1.0


# "Reporters asked about his engagement to supermodel Jerry Hall.", with
# the learned tagger's content stopping one word short ("... Jerry")
_SHORT_TEXT = "Reporters asked about his engagement to supermodel Jerry Hall."
_SHORT_CONLLU = "\n".join("\t".join(row) for row in [
    ("1", "Reporters", "reporter", "NOUN", "_", "_", "2", "nsubj", "_",
     "start_char=0|end_char=9"),
    ("2", "asked", "ask", "VERB", "_", "_", "0", "root", "_",
     "start_char=10|end_char=15"),
    ("3", "about", "about", "ADP", "_", "_", "5", "case", "_",
     "start_char=16|end_char=21"),
    ("4", "his", "he", "PRON", "_", "_", "5", "nmod:poss", "_",
     "start_char=22|end_char=25"),
    ("5", "engagement", "engagement", "NOUN", "_", "_", "2", "obl", "_",
     "start_char=26|end_char=36"),
    ("6", "to", "to", "ADP", "_", "_", "8", "case", "_",
     "start_char=37|end_char=39"),
    ("7", "supermodel", "supermodel", "NOUN", "_", "_", "8", "compound",
     "_", "start_char=40|end_char=50"),
    ("8", "Jerry", "Jerry", "PROPN", "_", "_", "5", "nmod", "_",
     "start_char=51|end_char=56"),
    ("9", "Hall", "Hall", "PROPN", "_", "_", "8", "flat", "_",
     "SpaceAfter=No|start_char=57|end_char=61"),
    ("10", ".", ".", "PUNCT", "_", "_", "2", "punct", "_",
     "start_char=61|end_char=62"),
]) + "\n"


def _short_sent() -> Sent:
    doc = from_stanza(doc_from_conllu(_SHORT_CONLLU, text=_SHORT_TEXT),
                      _SHORT_TEXT)
    return doc.sents[0]


@pytest.mark.parametrize(("hi", "spans", "claimed", "want"), [
    # one word short of the sentence's end, tied to the content: taken
    (8, [("CUE", 1, 2), ("CON", 3, 8)], [], "his engagement to supermodel "
     "Jerry Hall"),
    # more than one word left: the tagger's cut stands
    (7, [("CUE", 1, 2), ("CON", 3, 7)], [], "his engagement to supermodel"),
    # the word is a source's or another claim's: not taken
    (8, [("CUE", 1, 2), ("CON", 3, 8), ("SRC", 8, 9)], [],
     "his engagement to supermodel Jerry"),
    (8, [("CUE", 1, 2), ("CON", 3, 8)], [(57, 61)],
     "his engagement to supermodel Jerry"),
])
def test_last_word(hi: int, spans: list[tuple[str, int, int]],
                   claimed: list[tuple[int, int]], want: str) -> None:
    """The learned tagger's content takes the word it stopped short of."""
    sent = _short_sent()
    toks = _last_word(sent, list(sent.toks[3:hi]), spans, claimed)
    assert _SHORT_TEXT[toks[0].start:toks[-1].end] == want


_QUOTE = QuoteRegion(start=49, end=60, inner=(50, 59), pieces=((50, 59),))
# the words the tagger leaves off hold a comma, but for "on foot" at 36
_TEXT = "a, b, " * 6 + "on foot " + "a, b, " * 10


@pytest.mark.parametrize(("kind", "pieces", "span", "others", "want"), [
    # a reported claim the tagger confirmed: the tagger's range
    (Kind.INDIRECT, [(10, 40)], (10, 30), [], (10, 30, Kind.INDIRECT)),
    # ... and a mixed one's range without its quotation is indirect
    (Kind.MIXED, [(10, 60)], (10, 40), [], (10, 40, Kind.INDIRECT)),
    (Kind.INDIRECT, [(10, 40)], (10, 60), [], (10, 60, Kind.MIXED)),
    # a direct quote, a claim in pieces, a quotation's words alone, or a
    # range over another claim: the rules' range stands
    (Kind.DIRECT, [(10, 40)], (10, 30), [], (10, 40, Kind.DIRECT)),
    (Kind.INDIRECT, [(10, 15), (25, 40)], (10, 30), [],
     (10, 40, Kind.INDIRECT)),
    (Kind.MIXED, [(40, 60)], (50, 59), [], (40, 60, Kind.MIXED)),
    (Kind.INDIRECT, [(10, 40)], (10, 50), [(45, 48)],
     (10, 40, Kind.INDIRECT)),
    # a range a few words short of the rules' end, with no punctuation
    # between ("fled | on foot"): the tagger stopping short
    (Kind.INDIRECT, [(10, 40)], (10, 36), [], (10, 40, Kind.INDIRECT)),
])
def test_tagger_range(kind: Kind, pieces: list[tuple[int, int]],
                      span: tuple[int, int], others: list[tuple[int, int]],
                      want: tuple[int, int, Kind]) -> None:
    """A confirmed reported claim takes the learned tagger's range."""
    draft = _Draft(kind=kind, start=pieces[0][0], end=pieces[-1][1],
                   pieces=list(pieces))
    drafts = [draft, *(_Draft(kind=Kind.INDIRECT, start=a, end=b,
                              pieces=[(a, b)]) for a, b in others)]
    _tagger_range(_TEXT, draft, span, drafts, [_QUOTE])
    assert (draft.start, draft.end, draft.kind) == want


@pytest.mark.model
def test_past_read_as_participle_is_the_reported_clause() -> None:
    """ "insisted her side | deserved at least a draw": the parse reads the
    past tense as the object's participle; the rules still take the whole
    clause (before, only the learned tagger did, and in longer sentences
    it kept just "her side")."""
    rules = quotes.Extractor(quotes.ParseConfig(learned=False))
    got = rules.extract("Northgate boss Fatima Al-Rashid insisted her side "
                        "deserved at least a draw and criticised the "
                        "referee.")
    assert [a.content.text for a in got.attributions] == [
        "her side deserved at least a draw"]


@pytest.mark.model
@pytest.mark.parametrize(("text", "want"), [
    # the day a cue spoke, parsed as its object, is no object of its own
    ("Coral cover has rebounded to near pre-bleaching levels, researchers "
     "reported Wednesday.",
     [("researchers", "Coral cover has rebounded to near pre-bleaching "
       "levels")]),
    # an absolute "with" phrase hung beside its participle
    ("Plans for a cycle lane have divided the neighbourhood, with several "
     "shop owners warning that the loss of parking could put them out of "
     "business.",
     [("several shop owners", "the loss of parking could put them out of "
       "business")]),
])
def test_trailing_tag_and_absolute_speaker(text: str,
                                           want: list[tuple[str, str]]
                                           ) -> None:
    """Speaker mention and content of each claim, in text order."""
    got = quotes.extract(text)
    assert [(a.speaker.span.text if a.speaker else None, a.content.text)
            for a in got.attributions] == want


@pytest.mark.model
@pytest.mark.parametrize(("text", "want"), [
    # a party-state note between the name and a cue that lost its subject
    ("Last year, in the wake of failed attempts to defeat the Iran deal, "
     "Sen. Mitch McConnell (R-Ky.) said that he did not want to bring up "
     "any more legislation.",
     [("Mitch McConnell", "he did not want to bring up any more "
       "legislation")]),
    ("Speaking later on the same show, Sen. Claire McCaskill (D-Mo.), who "
     "has endorsed Clinton, said Sanders has pushed her.",
     [("Claire McCaskill", "Sanders has pushed her")]),
    # the quotation right after the cue, whatever the parse hung it on
    ("Asked what characteristics he would like the nominee to embody, "
     "Adelson said, \"They have got to be able to win.\"",
     [("Adelson", "They have got to be able to win.")]),
])
def test_speaker_and_content_past_a_weak_parse(
        text: str, want: list[tuple[str, str]]) -> None:
    """Speaker name and content of each claim, in text order."""
    got = quotes.extract(text)
    assert [(a.speaker.name if a.speaker else None, a.content_text)
            for a in got.attributions] == want

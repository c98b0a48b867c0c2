"""Speaker phrases (``quotes.speakers.mentions``): a cue's speaker token
grown into a mention, its name split from its role."""

from __future__ import annotations

import pytest

import quotes
from quotes import Lexicon, _tree
from quotes.speakers.mentions import (
    conjuncts,
    mention_at,
    past_dateline,
    relative_antecedents,
    role_phrase,
    salient_mentions,
    split_name_role,
)
from quotes.testing import doc_from_conllu

LEX = Lexicon.default()

TITLE = """\
# text = Kremlin spokesman Dmitry Peskov said the talks failed.
1	Kremlin	Kremlin	PROPN	NNP	_	2	compound	_	_
2	spokesman	spokesman	NOUN	NN	_	3	compound	_	_
3	Dmitry	Dmitry	PROPN	NNP	_	5	nsubj	_	_
4	Peskov	Peskov	PROPN	NNP	_	3	flat	_	_
5	said	say	VERB	VBD	_	0	root	_	_
6	the	the	DET	DT	_	7	det	_	_
7	talks	talk	NOUN	NNS	_	8	nsubj	_	_
8	failed	fail	VERB	VBD	_	5	ccomp	_	SpaceAfter=No
9	.	.	PUNCT	.	_	5	punct	_	_
"""

APPOSITIVE = """\
# text = Ann Lee, a spokeswoman for the port, said they left.
1	Ann	Ann	PROPN	NNP	_	10	nsubj	_	_
2	Lee	Lee	PROPN	NNP	_	1	flat	_	SpaceAfter=No
3	,	,	PUNCT	,	_	5	punct	_	_
4	a	a	DET	DT	_	5	det	_	_
5	spokeswoman	spokeswoman	NOUN	NN	_	1	appos	_	_
6	for	for	ADP	IN	_	8	case	_	_
7	the	the	DET	DT	_	8	det	_	_
8	port	port	NOUN	NN	_	5	nmod	_	SpaceAfter=No
9	,	,	PUNCT	,	_	5	punct	_	_
10	said	say	VERB	VBD	_	0	root	_	_
11	they	they	PRON	PRP	Number=Plur	12	nsubj	_	_
12	left	leave	VERB	VBD	_	10	ccomp	_	SpaceAfter=No
13	.	.	PUNCT	.	_	10	punct	_	_
"""

DATELINE = """\
# text = WASHINGTON — Senator Ann Lee said no.
1	WASHINGTON	Washington	PROPN	NNP	_	6	nsubj	_	_
2	—	—	PUNCT	:	_	1	punct	_	_
3	Senator	senator	PROPN	NNP	_	4	compound	_	_
4	Ann	Ann	PROPN	NNP	_	1	appos	_	_
5	Lee	Lee	PROPN	NNP	_	4	flat	_	_
6	said	say	VERB	VBD	_	0	root	_	_
7	no	no	INTJ	UH	_	6	obj	_	SpaceAfter=No
8	.	.	PUNCT	.	_	6	punct	_	_
"""

JOINT = """\
# text = Obama and Clinton said so.
1	Obama	Obama	PROPN	NNP	_	4	nsubj	_	_
2	and	and	CCONJ	CC	_	3	cc	_	_
3	Clinton	Clinton	PROPN	NNP	_	1	conj	_	_
4	said	say	VERB	VBD	_	0	root	_	_
5	so	so	ADV	RB	_	4	advmod	_	SpaceAfter=No
6	.	.	PUNCT	.	_	4	punct	_	_
"""


def _doc(conllu: str) -> _tree.Doc:
    text = conllu.splitlines()[0].removeprefix("# text = ")
    return _tree.from_stanza(doc_from_conllu(conllu, text=text), text)


def _sent(conllu: str) -> tuple[_tree.Sent, str]:
    text = conllu.splitlines()[0].removeprefix("# text = ")
    doc = _tree.from_stanza(doc_from_conllu(conllu, text=text), text)
    return doc.sents[0], text


def _word(sent: _tree.Sent, text: str) -> _tree.Tok:
    return next(t for t in sent.toks if t.text == text)


def test_mentions_title_before_name() -> None:
    """ "Kremlin spokesman Dmitry Peskov": the name is the capitalised run
    at the right, the role what stands before it; the subject of the main
    clause."""
    sent, text = _sent(TITLE)
    m = mention_at(sent, _word(sent, "Dmitry"), text, LEX)
    assert (m.name, m.role) == ("Dmitry Peskov", "Kremlin spokesman")
    assert text[m.start:m.end] == "Kremlin spokesman Dmitry Peskov"
    assert m.main and m.pronoun is None and not m.plural


def test_mentions_split_name_role() -> None:
    """The split alone, on the phrase's tokens."""
    sent, text = _sent(TITLE)
    assert split_name_role(list(sent.toks[:4]), text, LEX) == (
        "Dmitry Peskov", "Kremlin spokesman")


def test_mentions_appositive_role() -> None:
    """ "Ann Lee, a spokeswoman for the port,": the appositive is the role,
    post-modifier included, without its article."""
    sent, text = _sent(APPOSITIVE)
    m = mention_at(sent, _word(sent, "Ann"), text, LEX)
    assert (m.name, m.role) == ("Ann Lee", "spokeswoman for the port")
    assert role_phrase(sent, _word(sent, "spokeswoman"), text, LEX) == \
        "spokeswoman for the port"


def test_mentions_pronoun() -> None:
    """A pronoun is a one-token mention with no name, its number from the
    lexicon."""
    sent, text = _sent(APPOSITIVE)
    m = mention_at(sent, _word(sent, "they"), text, LEX)
    assert (m.name, m.pronoun, m.plural) == (None, "they", True)
    assert m.toks == (_word(sent, "they"),)


def test_mentions_past_dateline() -> None:
    """A dateline the parser took for the subject gives way to the name
    after its dash ("WASHINGTON — Senator Ann Lee said")."""
    sent, text = _sent(DATELINE)
    assert past_dateline(sent, _word(sent, "WASHINGTON"), text) is \
        _word(sent, "Lee")
    assert past_dateline(sent, _word(sent, "Ann"), text) is \
        _word(sent, "Ann")  # no dateline: the token itself


def test_mentions_salient_past_the_dateline() -> None:
    """The salient mention of a dateline sentence is the senator, a
    subject, not a person named Washington."""
    doc = _doc(DATELINE)
    found = [(m.name, m.role, subject)
             for m, subject in salient_mentions(doc, LEX, set())]
    assert ("Ann Lee", "Senator", True) in found
    assert all(name != "WASHINGTON" for name, _, _ in found)


def test_mentions_conjuncts() -> None:
    """ "Obama and Clinton said": the other name of a joint speaker."""
    sent, text = _sent(JOINT)
    m = mention_at(sent, _word(sent, "Obama"), text, LEX)
    assert [[t.text for t in run] for run in conjuncts(sent, m, LEX)] == \
        [["Clinton"]]


RELATIVE = """\
# text = The prize went to Ann Lee, who said she was thrilled.
1	The	the	DET	DT	_	2	det	_	_
2	prize	prize	NOUN	NN	_	3	nsubj	_	_
3	went	go	VERB	VBD	_	0	root	_	_
4	to	to	ADP	IN	_	5	case	_	_
5	Ann	Ann	PROPN	NNP	_	3	obl	_	_
6	Lee	Lee	PROPN	NNP	_	5	flat	_	SpaceAfter=No
7	,	,	PUNCT	,	_	9	punct	_	_
8	who	who	PRON	WP	PronType=Rel	9	nsubj	_	_
9	said	say	VERB	VBD	_	5	acl:relcl	_	_
10	she	she	PRON	PRP	_	12	nsubj	_	_
11	was	be	AUX	VBD	_	12	cop	_	_
12	thrilled	thrilled	ADJ	JJ	_	9	ccomp	_	SpaceAfter=No
13	.	.	PUNCT	.	_	3	punct	_	_
"""

LOOSE_RELATIVE = """\
# text = Ann Lee, who chairs the board, said no.
1	Ann	Ann	PROPN	NNP	_	8	nsubj	_	_
2	Lee	Lee	PROPN	NNP	_	1	flat	_	SpaceAfter=No
3	,	,	PUNCT	,	_	4	punct	_	_
4	who	who	PRON	WP	PronType=Rel	5	nsubj	_	_
5	chairs	chair	VERB	VBZ	_	8	parataxis	_	_
6	the	the	DET	DT	_	7	det	_	_
7	board	board	NOUN	NN	_	5	obj	_	SpaceAfter=No
8	,	,	PUNCT	,	_	9	punct	_	_
9	said	say	VERB	VBD	_	0	root	_	_
10	no	no	INTJ	UH	_	9	obj	_	SpaceAfter=No
11	.	.	PUNCT	.	_	9	punct	_	_
"""


def test_mentions_relative_pronoun_is_its_named_antecedent() -> None:
    """A speaker "who" is the named head of its relative clause ("Ann Lee,
    who said"), or the name before the comma when the parser did not
    attach the clause; the mention stays the word "who"."""
    for conllu in (RELATIVE, LOOSE_RELATIVE):
        sent, text = _sent(conllu)
        who = _word(sent, "who")
        assert relative_antecedents(sent, who)[0] == _word(sent, "Ann")
        m = mention_at(sent, who, text, LEX)
        assert (m.name, m.pronoun) == ("Ann Lee", None)
        assert m.toks == (who,)
    sent, _ = _sent(RELATIVE)
    assert relative_antecedents(sent, _word(sent, "she")) == []


SUBJECT_APPOS = """\
# text = The mayor's aide, Kenji Mori, defended the plan.
1	The	the	DET	DT	_	2	det	_	_
2	mayor	mayor	NOUN	NN	_	4	nmod:poss	_	_
3	's	's	PART	POS	_	2	case	_	_
4	aide	aide	NOUN	NN	_	9	nsubj	_	SpaceAfter=No
5	,	,	PUNCT	,	_	6	punct	_	_
6	Kenji	Kenji	PROPN	NNP	_	4	appos	_	_
7	Mori	Mori	PROPN	NNP	_	6	flat	_	SpaceAfter=No
8	,	,	PUNCT	,	_	6	punct	_	_
9	defended	defend	VERB	VBD	_	0	root	_	_
10	the	the	DET	DT	_	11	det	_	_
11	plan	plan	NOUN	NN	_	9	obj	_	SpaceAfter=No
12	.	.	PUNCT	.	_	9	punct	_	_
"""


def test_mentions_name_in_apposition_to_the_subject() -> None:
    """ "The mayor's aide, Kenji Mori, defended": the name stands for the
    subject, so it is salient and the main clause's subject (a later "he"
    may be him)."""
    doc = _doc(SUBJECT_APPOS)
    found = {m.name: (subject, m.main)
             for m, subject in salient_mentions(doc, LEX, set())}
    assert found["Kenji Mori"] == (True, True)


HYPHEN_CUT = """\
# text = Lopez-Cantera, a Republican, said no.
1	Lopez	Lopez	PROPN	NNP	_	6	nsubj	_	SpaceAfter=No
2	-Cantera	-Cantera	PROPN	NNP	_	1	flat	_	SpaceAfter=No
3	,	,	PUNCT	,	_	5	punct	_	_
4	a	a	DET	DT	_	5	det	_	_
5	Republican	Republican	PROPN	NNP	_	1	appos	_	SpaceAfter=No
6	said	say	VERB	VBD	_	0	root	_	_
7	no	no	INTJ	UH	_	6	obj	_	SpaceAfter=No
8	.	.	PUNCT	.	_	6	punct	_	_
"""


def test_mentions_name_cut_at_its_hyphen() -> None:
    """ "Lopez" + "-Cantera": the tokenizer cut the surname with its
    hyphen; the name is still the whole surname (it joins "Carlos
    Lopez-Cantera" by it)."""
    sent, text = _sent(HYPHEN_CUT)
    m = mention_at(sent, _word(sent, "Lopez"), text, LEX)
    assert m.name == "Lopez-Cantera"


CHAIN = """\
# text = Homeland Security Deputy Secretary Ana Ruiz told reporters.
1	Homeland	Homeland	PROPN	NNP	_	7	nsubj	_	_
2	Security	Security	PROPN	NNP	_	4	nmod	_	_
3	Deputy	Deputy	PROPN	NNP	_	4	compound	_	_
4	Secretary	Secretary	PROPN	NNP	_	1	flat	_	_
5	Ana	Ana	PROPN	NNP	_	4	flat	_	_
6	Ruiz	Ruiz	PROPN	NNP	_	5	flat	_	_
7	told	tell	VERB	VBD	_	0	root	_	_
8	reporters	reporter	NOUN	NNS	_	7	obj	_	SpaceAfter=No
9	.	.	PUNCT	.	_	7	punct	_	_
"""


def test_mentions_name_chain_with_a_word_hung_ahead() -> None:
    """A weak parse's chain of names ("Homeland" > "Secretary" > "Ana"),
    with "Security" hung on "Secretary" after it: one phrase, the name at
    its end and the title before it."""
    sent, text = _sent(CHAIN)
    m = mention_at(sent, _word(sent, "Homeland"), text, LEX)
    assert (m.name, m.role) == ("Ana Ruiz",
                                "Homeland Security Deputy Secretary")


@pytest.mark.model
def test_a_share_keeps_its_whole_number() -> None:
    """ "Seventy-two percent of Democrats": the mention starts at the
    number's first word, which the parse hangs below its second."""
    result = quotes.extract(
        "Seventy-two percent of Democrats said the party should unite.")
    assert [(a.speaker.text if a.speaker else None, a.content.text)
            for a in result.attributions] == [
        ("Seventy-two percent of Democrats", "the party should unite")]


@pytest.mark.model
def test_a_dateline_with_its_country_before_a_possessive_role() -> None:
    """ "NAIROBI, Kenya — Kenya's health minister, Susan Nakhumicha,
    said": past the dateline the speaker is the role's head with its
    name, not the possessor "Kenya"."""
    result = quotes.extract(
        "NAIROBI, Kenya — Kenya's health minister, Susan Nakhumicha, said "
        "Monday that the outbreak had been contained.")
    assert [(a.speaker.name if a.speaker else None,
             a.speaker.role if a.speaker else None)
            for a in result.attributions] == [
        ("Susan Nakhumicha", "Kenya's health minister")]


@pytest.mark.model
def test_two_people_with_their_appositives_are_not_one_title_chain(
        ) -> None:
    """ "The mayor of Springfield, Dana Whitfield, and the city's police
    chief, Marcus Bell, met residents": the parse joins the two titles, but
    the commas set off two people; Bell's role is not the whole stretch."""
    result = quotes.extract(
        "The mayor of Springfield, Dana Whitfield, and the city's police "
        "chief, Marcus Bell, met residents. Bell said the curfew worked.")
    (a,) = result.attributions
    assert a.speaker is not None and a.speaker.name == "Marcus Bell"
    assert a.speaker.role is not None
    assert a.speaker.role.endswith("chief")
    assert "Whitfield" not in a.speaker.role


@pytest.mark.model
@pytest.mark.parametrize("dash", ["\u2014", "\u2013", "--"])
def test_a_role_set_off_by_dashes(dash: str) -> None:
    """ "Steve Lonegan — a former Cruz adviser — and ...": a role set off
    by dashes after the name is the person's role, as one set off by
    commas is."""
    result = quotes.extract(
        f"The effort was led by Steve Lonegan {dash} a former campaign "
        f"adviser {dash} and two county officials. Lonegan said the rules "
        "would change.")
    assert [(a.speaker.name, a.speaker.role) for a in result.attributions
            if a.speaker is not None] == [
        ("Steve Lonegan", "former campaign adviser")]


@pytest.mark.model
def test_a_party_state_note_is_no_organisation() -> None:
    """ "Dianne Feinstein (D-Calif.)": the note is no entity, so a later
    "the company" does not refer back to an organisation named
    "D-Calif."."""
    result = quotes.extract(
        "Senator Dianne Feinstein (D-Calif.) said the emails were not "
        "classified.\n\nThe company and the minister, Pascale Boistard, "
        "confirmed that the plant would close.")
    names = [a.speaker.name for a in result.attributions
             if a.speaker is not None]
    assert names[0] == "Dianne Feinstein"
    assert not any(n and "Calif" in n for n in names)


SPEAKER_ROLE = [
    # "who" is Mehta, whose appositive ends in the ward, not the ward
    ("Subramaniam later met Arjun Mehta, a city councillor for the "
     "Hebbalgiri ward, who said afterwards that he had been promised a "
     "written report.",
     ("Arjun Mehta", "city councillor for the Hebbalgiri ward")),
    # a post the role lexicon lists, though news writes it less often than
    # "spokesman"
    ("Lakshmi Venkataraman, convener of the commuters' forum Namma Pass, "
     "said it was the third disruption since March.",
     ("Lakshmi Venkataraman", "convener of the commuters' forum Namma "
      "Pass")),
    # the parse hangs "Gideon" and "for ... Marsh" apart on the role noun;
    # together they are its post-modifier
    ("A spokesperson for House Speaker Gideon Marsh said leadership was "
     "confident the bill would pass.",
     (None, "spokesperson for House Speaker Gideon Marsh")),
]


@pytest.mark.model
@pytest.mark.parametrize(("text", "want"), SPEAKER_ROLE, ids=[
    "who_after_an_appositive", "rarer_post", "postmodifier_parsed_in_two"])
def test_speaker_name_and_role(text: str,
                               want: tuple[str | None, str]) -> None:
    """The one claim's speaker name and role, on raw text."""
    result = quotes.extract(text)
    assert [(a.speaker.name, a.speaker.role) for a in result.attributions
            if a.speaker is not None] == [want]

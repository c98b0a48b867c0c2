"""Speaker-name mechanisms found by counting wrong names on annotated news
(PolNeAR train, issue 21), each tested on sentences of our own: a name or
role word cut at a hyphen, an age taken for a name or role, a two-word
surname."""

from __future__ import annotations

import pytest

import quotes
from quotes import Lexicon, _attribute, _tree
from quotes.speakers.coref import EntityTable
from quotes.speakers.mentions import mention_at
from quotes.speakers.model import Mention
from quotes.speakers.words import is_age
from quotes.testing import doc_from_conllu

LEX = Lexicon.default()

HYPHEN_NAME = """\
# text = Rosa Mark-Ortiz spoke first. Mark-Ortiz said no.
1	Rosa	Rosa	PROPN	NNP	_	4	nsubj	_	_
2	Mark	Mark	PROPN	NNP	_	1	flat	_	SpaceAfter=No
3	-	-	PUNCT	HYPH	_	2	punct	_	SpaceAfter=No
4	Ortiz	Ortiz	PROPN	NNP	_	5	nsubj	_	_
5	spoke	speak	VERB	VBD	_	0	root	_	_
6	first	first	ADV	RB	_	5	advmod	_	SpaceAfter=No
7	.	.	PUNCT	.	_	5	punct	_	_

1	Mark	Mark	PROPN	NNP	_	3	compound	_	SpaceAfter=No
2	-	-	PUNCT	HYPH	_	1	punct	_	SpaceAfter=No
3	Ortiz	Ortiz	PROPN	NNP	_	4	nsubj	_	_
4	said	say	VERB	VBD	_	0	root	_	_
5	no	no	INTJ	UH	_	4	obj	_	SpaceAfter=No
6	.	.	PUNCT	.	_	4	punct	_	_
"""

AGE_DESCRIPTION = """\
# text = The 57-year-old chemist said no.
1	The	the	DET	DT	_	7	det	_	_
2	57	57	NUM	CD	_	6	nummod	_	SpaceAfter=No
3	-	-	PUNCT	HYPH	_	2	punct	_	SpaceAfter=No
4	year	year	NOUN	NN	_	6	compound	_	SpaceAfter=No
5	-	-	PUNCT	HYPH	_	4	punct	_	SpaceAfter=No
6	old	old	ADJ	JJ	_	7	amod	_	_
7	chemist	chemist	NOUN	NN	_	8	nsubj	_	_
8	said	say	VERB	VBD	_	0	root	_	_
9	no	no	INTJ	UH	_	8	obj	_	SpaceAfter=No
10	.	.	PUNCT	.	_	8	punct	_	_
"""

def _doc(conllu: str) -> tuple[_tree.Doc, str]:
    lines = conllu.splitlines()
    text = lines[0].removeprefix("# text = ")
    return _tree.from_stanza(doc_from_conllu(conllu, text=text), text), text


def _word(sent: _tree.Sent, text: str, nth: int = 0) -> _tree.Tok:
    return [t for t in sent.toks if t.text == text][nth]


def test_hyphenated_name_is_one_name() -> None:
    """ "Mark-Ortiz", split by the tokenizer at its hyphen, is the whole
    surname, not "Ortiz", and joins "Rosa Mark-Ortiz"."""
    doc, text = _doc(HYPHEN_NAME)
    full = mention_at(doc.sents[0], _word(doc.sents[0], "Ortiz"), text, LEX)
    short = mention_at(doc.sents[1], _word(doc.sents[1], "Ortiz"), text, LEX)
    assert (full.name, short.name) == ("Rosa Mark-Ortiz", "Mark-Ortiz")
    table = EntityTable(LEX, text)
    first = table.resolve(full, salient=True)
    assert table.resolve(short, salient=True, speaker=True) is first


def test_age_is_no_role_and_refers_back() -> None:
    """ "The 57-year-old chemist": the whole phrase is the mention (a
    definite description), the age no part of its role; "the 43-year-old"
    alone describes a person as an epithet does."""
    doc, text = _doc(AGE_DESCRIPTION)
    sent = doc.sents[0]
    m = mention_at(sent, _word(sent, "chemist"), text, LEX)
    assert text[m.start:m.end] == "The 57-year-old chemist"
    assert (m.name, m.role) == (None, "chemist")
    assert is_age(list(sent.toks[:6]))
    assert not is_age(list(sent.toks[:7]))


def _name_mention(text: str, phrase: str) -> Mention:
    start = text.index(phrase)
    toks = []
    for k, word in enumerate(phrase.split()):
        pos = text.index(word, start)
        toks.append(_tree.Tok(i=k, text=word, lemma=word.lower(),
                              upos="PROPN", xpos="NNP", feats="", head=-1,
                              deprel="nsubj", start=pos, end=pos + len(word)))
        start = pos + len(word)
    return Mention(sent=0, toks=toks, head=toks[-1], name=phrase, role=None,
                   main=True)


def test_two_word_surname_joins_the_full_name() -> None:
    """ "Garza Molina" after "Maria Garza Molina" is her surname: all but a
    known first name; "Ana Molina" is another person."""
    text = "Maria Garza Molina spoke. Garza Molina said no. Ana Molina left."
    table = EntityTable(LEX, text)
    full = table.resolve(_name_mention(text, "Maria Garza Molina"),
                         salient=True)
    assert table.resolve(_name_mention(text, "Garza Molina"),
                         salient=True, speaker=True) is full
    assert table.resolve(_name_mention(text, "Ana Molina"),
                         salient=True) is not full


RAW = [
    ("Councilwoman Rosa Mark-Ortiz opened the hearing on Monday. "
     "\"We will not close the clinic,\" Mark-Ortiz said.",
     [("Rosa Mark-Ortiz", "Councilwoman")]),
    ("Governor Lena Brandt spent the morning in Dayton. The 54-year-old "
     "said the budget would be balanced by June.",
     [("Lena Brandt", "Governor")]),
    ("Mayor Dana Whitfield spoke on Monday. The Democratic front-runner "
     "said the city would hire more teachers.",
     [("Dana Whitfield", "Democratic front-runner")]),
    ("Mark Cuban spoke on Sunday. \"It's too early to tell,\" said Cuban.",
     [("Mark Cuban", None)]),
    ("House Oversight Committee Chairman Rep. Jason Chaffetz (R-Utah) said "
     "the emails were classified.",
     [("Jason Chaffetz", "House Oversight Committee Chairman")]),
    ("Tom Reyes said he was unlikely to get along with David Cameron "
     "because the British prime minister had called him reckless. \"We "
     "will work with whoever wins,\" the prime minister said.",
     [("Tom Reyes", None), ("David Cameron", "British prime minister")]),
    ("The New York Police Department said the officers had been "
     "suspended.", [("New York Police Department", None)]),
    ("Ana Morel met Luc Morel in 1970. The Morels said they would vote "
     "early.", [("Ana Morel and Luc Morel", None)]),
    ("Hillary Clinton spoke first. Clinton herself said the plan was "
     "sound.", [("Hillary Clinton", None)]),
    ("For those of you not yet on the Vance Train, the race is closing. "
     "\"We are winning everywhere,\" Vance said.", [("Vance", None)]),
    ("\"The deficit is falling,\" said the White House press secretary, "
     "Josh Earnest.", [("Josh Earnest", None)]),
    ("Sen. Marco Rubio (R-Fla.) and Sen. Bernie Sanders (I-Vt.) spoke on "
     "Monday. \"We need a revolution,\" the Vermont senator said.",
     [("Bernie Sanders", "Sen. (I-Vt.)")]),
    ("Sen. Bernie Sanders (I-Vt.) and Sen. Marco Rubio (R-Fla.) spoke on "
     "Monday. \"We need lower taxes,\" the Florida senator said.",
     [("Marco Rubio", "Sen. (R-Fla.)")]),
    # the tagger reads the Irish particle "Ó" as punctuation
    ("\"We showed character today,\" Harbourside manager Declan Ó Briain "
     "said.", [("Declan Ó Briain", "Harbourside manager")]),
    # ... and a Vietnamese given name "Thu" as a preposition
    ("Lakeshore nutrition professor Thu Trang Pham, who was not involved "
     "in the evaluation, said the results were consistent.",
     [("Thu Trang Pham", "Lakeshore nutrition professor")]),
    ("The findings added to the evidence, the Alzheimer's Research "
     "Foundation said.", [("Alzheimer's Research Foundation", None)]),
    # the parse hangs "her lawyer" on the quotation's verb: the surface
    # still gives the speaker, and the role drops "her"
    ("\"We will appeal,\" her lawyer, Tomas Berg, said outside the "
     "courthouse.", [("Tomas Berg", "lawyer")]),
    ("\"We will appeal,\" Tomas Berg, her lawyer, said.",
     [("Tomas Berg", "lawyer")]),
    # a name closing the sentence after the speaker's description, which
    # the parse made a modifier of it, not an appositive
    ("\"I'm thrilled,\" said the winner, 19-year-old Sofia Rossi.",
     [("Sofia Rossi", "winner")]),
    # a position before the comma over a title alone (ROLES.md)
    ("The spokesperson for the Ministry of Health, Dr. Farah Nadeem, said "
     "cases were falling.",
     [("Farah Nadeem", "spokesperson for the Ministry of Health")]),
    # generic people get no role (ROLES.md): critics, protesters
    ("Critics argue the plan does little for renters. Protesters said "
     "the rents were too high.", [(None, None), (None, None)]),
    # a day the parse hangs on the speaker noun is when, not the post
    ("The minister on Tuesday said the plan would work. A spokesman for "
     "the army on Monday denied the report.",
     [(None, "minister"), (None, "spokesman for the army")]),
    # a family tie joined to a role is no part of it (ROLES.md)
    ("Ngozi Eze, a fabric trader at the Ogbete market and a mother of "
     "three, said prices had tripled.",
     [("Ngozi Eze", "fabric trader at the Ogbete market")]),
    # an organisation headed before "of" is no person: a description of
    # someone else never joins it
    ("The Ministry of Foreign Affairs said a delegation would attend. "
     "A senior official said it would be led by the deputy foreign "
     "minister.",
     [("Ministry of Foreign Affairs", None), (None, "senior official")]),
    # "shares in" a company: the company, not a place, so "the company"
    # refers back to it
    ("Shares in Orion Textiles fell 8 percent on Monday. The company said "
     "it expected profit to fall.", [("Orion Textiles", None)]),
    # occupations of sport, music and science are roles
    ("The violinist, 27, said she practised every day. Referee "
     "Ola Berg said the goal stood.",
     [(None, "violinist"), ("Ola Berg", "Referee")]),
]


@pytest.fixture(scope="module")
def extractor() -> quotes.Extractor:
    """The bundled model with the learned tagger (the default)."""
    return quotes.Extractor()


@pytest.mark.model
@pytest.mark.parametrize(("text", "want"), RAW, ids=[
    "hyphenated_surname", "age_description", "front_runner",
    "surname_tagged_adjective", "title_chain_in_pieces",
    "description_of_a_person_named_as_object", "role_word_inside_org_name",
    "family_by_plural_surname",
    "intensifier_after_name",
    "thing_named_after_a_person",
    "inverted_title_then_name",
    "state_in_description_vt",
    "state_in_description_fla",
    "particle_read_as_punctuation", "given_name_read_as_preposition",
    "possessive_inside_organisation", "possessive_description_then_name",
    "name_then_possessive_description", "name_after_description",
    "position_before_titled_name", "generic_people_no_role",
    "day_after_role_noun", "family_tie_after_role",
    "organisation_headed_before_of", "shares_in_company",
    "occupations"])
def test_raw_names(extractor: quotes.Extractor, text: str,
                   want: list[tuple[str, str | None]]) -> None:
    """Name and role of each claim, in text order, on raw text."""
    got = [(a.speaker.name, a.speaker.role) if a.speaker else None
           for a in extractor.extract(text).attributions]
    assert got == want


# Speaker mechanisms found by counting wrong speakers on GUM's genres
# (talk, fiction, Wikinews; issue 22), on sentences of our own.

LOGICAL_COMMA = """\
# text = "Crews left at dawn", added KCNA.
1	"	"	PUNCT	``	_	3	punct	_	SpaceAfter=No
2	Crews	crew	NOUN	NNS	_	8	nsubj	_	_
3	left	leave	VERB	VBD	_	8	ccomp	_	_
4	at	at	ADP	IN	_	5	case	_	_
5	dawn	dawn	NOUN	NN	_	3	obl	_	SpaceAfter=No
6	"	"	PUNCT	''	_	3	punct	_	SpaceAfter=No
7	,	,	PUNCT	,	_	8	punct	_	_
8	added	add	VERB	VBD	_	0	root	_	_
9	KCNA	KCNA	PROPN	NNP	_	8	xcomp	_	SpaceAfter=No
10	.	.	PUNCT	.	_	8	punct	_	_
"""

FLOATING_BOTH = """\
# text = "Not again!" we both said.
1	"	"	PUNCT	``	_	3	punct	_	SpaceAfter=No
2	Not	not	PART	RB	_	3	advmod	_	_
3	again	again	ADV	RB	_	8	ccomp	_	SpaceAfter=No
4	!	!	PUNCT	.	_	3	punct	_	SpaceAfter=No
5	"	"	PUNCT	''	_	3	punct	_	_
6	we	we	PRON	PRP	_	8	nsubj	_	_
7	both	both	DET	DT	_	8	nsubj	_	_
8	said	say	VERB	VBD	_	0	root	_	SpaceAfter=No
9	.	.	PUNCT	.	_	8	punct	_	_
"""

HEARD_SHOUTING = """\
# text = We heard the guards shouting: "Close the doors!"
1	We	we	PRON	PRP	_	2	nsubj	_	_
2	heard	hear	VERB	VBD	_	0	root	_	_
3	the	the	DET	DT	_	4	det	_	_
4	guards	guard	NOUN	NNS	_	2	obj	_	_
5	shouting	shout	VERB	VBG	_	2	xcomp	_	SpaceAfter=No
6	:	:	PUNCT	:	_	8	punct	_	_
7	"	"	PUNCT	``	_	8	punct	_	SpaceAfter=No
8	Close	close	VERB	VB	_	5	parataxis	_	_
9	the	the	DET	DT	_	10	det	_	_
10	doors	door	NOUN	NNS	_	8	obj	_	SpaceAfter=No
11	!	!	PUNCT	.	_	8	punct	_	SpaceAfter=No
12	"	"	PUNCT	''	_	8	punct	_	_
"""


def _speakers(conllu: str) -> list[str | None]:
    doc, _ = _doc(conllu)
    return [a.speaker.span.text if a.speaker else None
            for a in _attribute.run(doc, LEX).attributions]


@pytest.mark.parametrize(("conllu", "want"), [
    (LOGICAL_COMMA, ["KCNA"]),  # not "Crews", inside the quotation
    (FLOATING_BOTH, ["we"]),  # not the quantifier "both"
    (HEARD_SHOUTING, ["the guards"]),  # the perceived object, not "We"
], ids=["logical_comma", "floating_quantifier", "perception_object"])
def test_gum_speaker_word(conllu: str, want: list[str | None]) -> None:
    """The speaker word of a cue, on fixture parses."""
    assert _speakers(conllu) == want


GUM_RAW = [
    ("Marta Lind ran the bakery for ten years. She came in one morning "
     "and was like, \"We are out of flour again.\"",
     [("She", "Marta Lind")]),
    ("Jonah Peel laughed at the menu. Jonah goes \"Who orders soup in "
     "July?\"",
     [("Jonah", "Jonah Peel")]),
    ("We waited by the gate for an hour, and then we heard the guards "
     "shouting: \"Close the doors now!\"",
     [("the guards", None)]),  # described, not named
]


@pytest.mark.model
@pytest.mark.parametrize(("text", "want"), GUM_RAW, ids=[
    "quotative_be_like", "quotative_go", "heard_shouting"])
def test_raw_gum_speakers(extractor: quotes.Extractor, text: str,
                          want: list[tuple[str, str | None]]) -> None:
    """Speaker mention and name of each claim, in text order."""
    got = [(a.speaker.span.text, a.speaker.name) if a.speaker else None
           for a in extractor.extract(text).attributions]
    assert got == want


@pytest.mark.model
def test_raw_colon_introduces_quotation(extractor: quotes.Extractor) -> None:
    """A tag ending in a colon at a quotation introduces it; the sentence
    after the quotation ("I doubt that.") does not claim it."""
    text = ("The mayor, in defending her budget, tried to calm the crowd, "
            "writing: \"We will not cut a single school.\" I doubt that.")
    direct = [a for a in extractor.extract(text).attributions
              if a.kind is quotes.Kind.DIRECT]
    assert [(a.content.text, a.speaker and a.speaker.span.text)
            for a in direct] == [("We will not cut a single school.",
                                  "The mayor")]

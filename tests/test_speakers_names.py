"""Speaker names and roles on weak parses, as the bundled model gives them
for some news sentences (headlines in title case, long titles before a
name). The CoNLL-U below is written by hand in the shape of those parses;
the sentences are our own."""

from __future__ import annotations

import pytest

import quotes
from quotes import Lexicon, _tree
from quotes.speakers.coref import EntityTable
from quotes.speakers.mentions import mention_at
from quotes.speakers.model import SPEAKER_WINDOW, Mention
from quotes.speakers.words import (
    heads_agree,
    lexical_head,
    most_specific_role,
    role_parties,
    same_rank,
)
from quotes.testing import doc_from_conllu

LEX = Lexicon.default()

# "Calls" as a proper noun inside the name, the whole line one flat name
HEADLINE = """\
# text = Mayor Ann Cole Calls Budget Plan Unfair
1	Mayor	Mayor	PROPN	NNP	_	2	compound	_	_
2	Ann	Ann	PROPN	NNP	_	0	root	_	_
3	Cole	Cole	PROPN	NNP	_	2	flat	_	_
4	Calls	Calls	PROPN	NNPS	_	2	flat	_	_
5	Budget	Budget	PROPN	NNP	_	2	flat	_	_
6	Plan	Plan	PROPN	NNP	_	2	flat	_	_
7	Unfair	Unfair	PROPN	NNP	_	2	flat	_	_
"""

# the title's organisation attached away from the name ("Chairman" a
# modifier of the first name, "Ohio Democratic Party" of the surname)
LONG_TITLE = """\
# text = Ohio Democratic Party Chairman Dan Miles called the ruling a win.
1	Ohio	Ohio	PROPN	NNP	_	6	compound	_	_
2	Democratic	Democratic	ADJ	NNP	_	6	amod	_	_
3	Party	Party	PROPN	NNP	_	5	compound	_	_
4	Chairman	Chairman	PROPN	NNP	_	5	nmod:desc	_	_
5	Dan	Dan	PROPN	NNP	_	7	nsubj	_	_
6	Miles	Miles	PROPN	NNP	_	7	nsubj	_	_
7	called	call	VERB	VBD	_	0	root	_	_
8	the	the	DET	DT	_	9	det	_	_
9	ruling	ruling	NOUN	NN	_	7	obj	_	_
10	a	a	DET	DT	_	11	det	_	_
11	win	win	NOUN	NN	_	7	xcomp	_	SpaceAfter=No
12	.	.	PUNCT	.	_	7	punct	_	_
"""


def _text(conllu: str) -> str:
    return conllu.splitlines()[0].removeprefix("# text = ")


def _sent(conllu: str) -> tuple[_tree.Sent, str]:
    text = _text(conllu)
    doc = _tree.from_stanza(doc_from_conllu(conllu, text=text), text)
    return doc.sents[0], text


def _extract(conllu: str) -> quotes.Result:
    """The rules' result on a hand-written parse."""
    text = _text(conllu)
    return quotes.extract_doc(doc_from_conllu(conllu, text=text), text=text)


def _word(sent: _tree.Sent, text: str) -> _tree.Tok:
    return next(t for t in sent.toks if t.text == text)


def test_headline_verb_ends_the_name() -> None:
    """A capitalised reporting verb is no part of a headline's name."""
    sent, text = _sent(HEADLINE)
    m = mention_at(sent, _word(sent, "Ann"), text, LEX)
    assert (m.name, m.role) == ("Ann Cole", "Mayor")
    assert m.end == _word(sent, "Cole").end


def test_organisation_before_a_title_is_role() -> None:
    """ "Ohio Democratic Party Chairman": the organisation is in the role,
    not cut off at "Party"."""
    sent, text = _sent(LONG_TITLE)
    m = mention_at(sent, _word(sent, "Miles"), text, LEX)
    assert (m.name, m.role) == ("Dan Miles", "Ohio Democratic Party Chairman")


@pytest.mark.parametrize(("role", "want"), [
    ("Republican presidential nominee", {"R"}),
    ("the Republican nominee's eldest daughter", set()),
    ("Democratic senator's chief of staff", set()),
])
def test_party_of_a_possessor_is_not_the_role_holder(role: str,
                                                     want: set[str]) -> None:
    """A party named for the possessor does not tie the role holder."""
    assert role_parties(role) == want


def test_kin_gives_no_role() -> None:
    """Kinship words describe but are no role; positions are roles."""
    table = EntityTable(LEX, "")
    assert not table.gives_role("Keith Scott's wife")
    assert not table.gives_role("her daughter")
    assert table.gives_role("spokeswoman for the family")
    assert table.gives_role("Pagliano's lawyer")


def test_epithets_give_no_role() -> None:
    """What a person is ("the New York businessman") is no position."""
    table = EntityTable(LEX, "")
    assert not table.gives_role("New York businessman")
    assert not table.gives_role("woman")
    assert table.gives_role("New York attorney general")


@pytest.mark.parametrize(("role", "other", "want"), [
    ("Republican vice presidential nominee", "GOP nominee", False),
    ("deputy press secretary", "press secretary", False),
    ("Republican nominee", "GOP presidential nominee", True),
    ("Deputy director", "deputy director of the agency", True),
])
def test_same_rank(role: str, other: str, want: bool) -> None:
    """"Vice", "deputy" and the like make another office."""
    assert same_rank(role, other) is want


RAW = [
    ("Rep. Gina Morales (D-N.M.), head of the Hispanic Caucus, said the "
     "bill would pass.",
     [("Gina Morales", "head of the Hispanic Caucus")]),
    ("Mr. Rivera said the deal was fair. His wife, Carmen Rivera, said the "
     "family would move to Denver.",
     [("Rivera", None), ("Carmen Rivera", None)]),
    ("The Lopez campaign said the ad was false. Mark Hall's campaign said "
     "the ad was accurate.",
     [("Lopez campaign", None), ("Hall campaign", None)]),
    ("Ohio Democratic Party Chairman Dan Miles called the ruling a huge win "
     "for voters.",
     [("Dan Miles", "Ohio Democratic Party Chairman")]),
    ("Republican nominee Donald Trump said taxes were too high. The New "
     "York businessman said the plan would pay for itself.",
     [("Donald Trump", "Republican nominee")] * 2),
    ("A woman at the rally said the speech was too long.", [(None, None)]),
    ("Republican presidential nominee Donald Trump said taxes were too "
     "high. Mike Pence spoke in Ohio on Friday. The Republican vice "
     "presidential nominee said the plan would pay for itself.",
     [("Donald Trump", "Republican presidential nominee"),
      ("Mike Pence", "Republican vice presidential nominee")]),
    ("Republican Tom Reyes, a state senator from Ohio, said the vote was "
     "rigged.", [("Tom Reyes", "state senator from Ohio")]),
    ("WASHINGTON \u2014 Senator Tom Bramwell, chairman of the energy "
     "panel, said the drones were dangerous.\n\nHe said the program "
     "would end in May.",
     [("Tom Bramwell", "chairman of the energy panel")] * 2),
    # issue 22: names and roles of the fresh suite's families
    ("Mayor Park Ji-hoon said the bridge would reopen in May.",
     [("Park Ji-hoon", "Mayor")]),
    ("Lena Ortiz, head of the nurses' union, said the wards were "
     "understaffed.", [("Lena Ortiz", "head of the nurses' union")]),
    ("Omar Haddad, a fisherman in Sidon, said the catch had fallen by "
     "half.", [("Omar Haddad", "fisherman in Sidon")]),
    ("Coffee exporter Tran Minh Duc said prices would rise.",
     [("Tran Minh Duc", "Coffee exporter")]),
    ("Outgoing coach Sven Berg blamed the referee. \u201cWe deserved a "
     "penalty,\u201d Berg said.", [("Sven Berg", "Outgoing coach")]),
    ("According to state health director Mia Holm, measles cases rose in "
     "March.", [("Mia Holm", "state health director")]),
    ("Lee Min, a spokeswoman for the software firm Corvo, said no data "
     "was lost.",
     [("Lee Min", "spokeswoman for the software firm Corvo")]),
    ("Anna Berg is a carpenter in Malm\u00f6. \u201cWood prices have "
     "doubled,\u201d she says.", [("Anna Berg", "carpenter in Malm\u00f6")]),
    ("Senator Ruth Adler, a former teacher, said the schools needed more "
     "money.", [("Ruth Adler", "Senator")]),
    # an organisation's name opening on a word tagged as a modifier
    ("United Farm Group said the harvest was late. The United States "
     "Grain Project said exports had fallen.",
     [("United Farm Group", None), ("United States Grain Project", None)]),
    # a title's of-phrase before a surname the text names elsewhere
    ("Mara Quist toured the port on Monday.\n\nSecretary of Commerce "
     "Quist said the tariffs would stay.",
     [("Mara Quist", "Secretary of Commerce")]),
    # joint speakers: a pronoun and a name, a name the parse hung flat on
    # a lower-case word, a name after a state and a lower-case title
    ("Sen. Nora Quist spoke in Dayton on Monday. She and Rep. Omar Haddad "
     "said the deficit would shrink.",
     [("Nora Quist and Omar Haddad", None)]),
    ("Rep. Lena Ortiz and state Senate President Tomas Varga said the map "
     "was fair.", [("Lena Ortiz and Tomas Varga", None)]),
    ("Gov. Ruth Adler (D-Ore.) and former Idaho senator Kofi Mensah said "
     "the dam would stay.", [("Ruth Adler and Kofi Mensah", None)]),
    # a group named by its appositive list, with the group's role
    ("The company's founders, Ruth Adler and Kofi Mensah, said the deal was "
     "done.", [("Ruth Adler and Kofi Mensah", "company's founders")]),
    ("The mayor's two main rivals, Sen. Nora Quist and Rep. Omar Haddad, "
     "said the vote was rigged.", [("Nora Quist and Omar Haddad", None)]),
    # role nouns the annotated train articles use (the lexicon lacked them)
    ("Comedian Ana Ruiz said the show would go on.",
     [("Ana Ruiz", "Comedian")]),
    ("Lake County Recorder Tomas Varga said the count was final.",
     [("Tomas Varga", "Lake County Recorder")]),
    ("Quist ally Omar Haddad said the vote was fair.",
     [("Omar Haddad", "Quist ally")]),
    # a titled name before the appositive the parse made the subject
    ("Senator Ruth Adler, a close advisor to the mayor, said the deal was "
     "done.", [("Ruth Adler", "close advisor to the mayor")]),
    # a title's of-phrase in lower case before the name
    ("Former secretary of state Nora Quist, who praised the deal, said it "
     "would hold.", [("Nora Quist", "Former secretary of state")]),
    # a role noun the lexicon lacked: "the pioneer" refers back
    ("Ana Ruiz, a pioneer in solar design, spoke on Monday. The pioneer "
     "said the panels were cheap.",
     [("Ana Ruiz", "pioneer in solar design")]),
    # "the shelter": the organisation named before whose name ends in it
    ("The Lakeside Dog Shelter took in 40 dogs last week. The shelter said "
     "it was full.", [("Lakeside Dog Shelter", None)]),
    # a person's description never takes an organisation's name before it
    ("The plan would be reviewed by officials at the FBI and the Justice "
     "Department, a former official said.", [(None, "former official")]),
    # more role nouns the annotated train articles use
    ("Demographer Ana Ruiz said the county was growing.",
     [("Ana Ruiz", "Demographer")]),
    ('"The roof will hold," said Omar Haddad, a roofing contractor.',
     [("Omar Haddad", "roofing contractor")]),
    # the name before "told" speaks, whatever the parse made of the
    # addressee after it (a subject: "CBS" object, "News" subject)
    ('"This job is hard," Ana Ruiz, who served as the mayor\'s chief of '
     'staff, told Channel Four News.',
     [("Ana Ruiz", "mayor's chief of staff")]),
    ('"The talks failed," Omar Haddad, who led the union for a decade, '
     'told NBC News.', [("Omar Haddad", None)]),
    # an appositive coordinating a role with a party label: the role; a
    # relative clause on the label is the named person's
    ('"It is over," said Nadia Petrova, a Denver media consultant and a '
     'lifelong Democrat.', [("Nadia Petrova", "Denver media consultant")]),
    ('"It is over," said Nadia Petrova, a Denver media consultant and a '
     'prominent Republican who said she would not vote for Mr. Cole.',
     [("Nadia Petrova", "Denver media consultant"),
      ("Nadia Petrova", "Denver media consultant")]),
    # a weekday the parse hung on a name ("CNN Tuesday") is no part of it,
    # so no person "CNN Tuesday" for "the senator" to refer back to
    ("Speaker Ana Lima told CNN Tuesday that the vote would wait.\n\n"
     "Former candidate Omar Haddad, who on Tuesday endorsed Lima, said "
     "Wednesday he agreed.\n\nThe Vermont senator said the vote was fair.",
     [("Ana Lima", "Speaker"), ("Omar Haddad", "Former candidate"),
      ("Omar Haddad", "Former candidate")]),
    # "according to" a description with a relative clause: the description
    ("The talks have stalled, according to a senior city official who "
     "spoke on condition of anonymity.", [(None, "senior city official")]),
    # a post after "who took over as", "who at the time was"
    ('"We will win," said Nadia Petrova, who took over as head of '
     'communications in May.',
     [("Nadia Petrova", "head of communications")]),
    ('"We were ignored," said Kofi Mensah, who at the time was a Dover '
     "member of the tenants' union.",
     [("Kofi Mensah", "Dover member of the tenants' union")]),
    # a surname of two words names the person named in full before
    ('Osman Abu Laban, a teacher in Doha, spoke on Monday. "The school is '
     'safe," Abu Laban said.', [("Osman Abu Laban", "teacher in Doha")]),
    # a name before an appositive set off by a pair of dashes
    ("In an interview, Ana Lima - the mayor's chief aide - said the plan "
     "would fail.", [("Ana Lima", "mayor's chief aide")]),
    ("The Blaze reported that the senator would resign. Economist Lena "
     "Strand said prices would rise.",
     [("The Blaze", None), ("Lena Strand", "Economist")]),
    ("The question was how much of an opening it gave Christie, as well "
     "as Ohio Gov. Kasich and former Florida governor Bush. Kasich said "
     "the race was open.",
     [("Kasich", "Ohio Gov.")]),
    ("Filmmaker Ava Duvall said the film would open in July.",
     [("Ava Duvall", "Filmmaker")]),
]


@pytest.fixture(scope="module")
def extractor() -> quotes.Extractor:
    """The bundled model with the learned tagger (the default)."""
    return quotes.Extractor()


@pytest.mark.model
@pytest.mark.parametrize(("text", "want"), RAW, ids=[
    "party_note_appositive", "gender_apart", "campaigns", "org_title",
    "epithet_refers_back", "epithet_unnamed", "vice_is_another_office",
    "party_label_before_name", "dateline_then_pronoun",
    "romanised_hyphen_name", "plural_possessive_role", "occupation_appos",
    "occupation_title", "participle_before_role", "misread_after_according",
    "name_after_postmodifier", "copula_role", "title_over_former_post",
    "organisation_opening_modifier", "surname_after_of_phrase",
    "joint_pronoun_and_name", "joint_name_hung_flat",
    "joint_name_after_state_and_title", "group_appositive_list",
    "group_appositive_list_titled", "role_noun_comedian",
    "role_noun_recorder", "role_noun_ally", "titled_name_before_appositive",
    "lower_case_of_phrase_title", "role_noun_pioneer",
    "organisation_by_its_last_word", "person_never_an_organisation",
    "role_noun_demographer", "role_noun_contractor",
    "name_before_told_over_addressee", "name_before_told_relative",
    "role_and_party_label", "relative_on_appositive_conjunct",
    "weekday_no_part_of_name", "according_to_relative",
    "relative_took_over_as", "relative_at_the_time_was",
    "two_word_surname", "name_before_dashed_appositive",
    "publication_keeps_the", "titled_name_in_a_list",
    "occupation_filmmaker"])
def test_raw_names_and_roles(extractor: quotes.Extractor, text: str,
                             want: list[tuple[str, str | None]]) -> None:
    """Name and role of each claim, in text order, on raw text."""
    got = [(a.speaker.name, a.speaker.role) if a.speaker else None
           for a in extractor.extract(text).attributions]
    assert got == want


@pytest.mark.model
def test_hyphenated_group_is_one_word(extractor: quotes.Extractor) -> None:
    """"Mexican-Americans" is one word: not a name "Americans" with the
    role "Mexican"."""
    (a,) = extractor.extract(
        "Mexican-Americans said the vote mattered.").attributions
    assert a.speaker is not None
    assert a.speaker.span.text == "Mexican-Americans"
    assert a.speaker.role is None and a.speaker.name != "Americans"


@pytest.mark.model
def test_appositive_name_is_no_role(extractor: quotes.Extractor) -> None:
    """The name in "His opponent, Rep. Omar Haddad," is his name, not part
    of a role: the description's role candidate is the title alone."""
    text = ("His Democratic opponent, Rep. Omar Haddad, would support later "
            "school start times.")
    sent = extractor.parse(text).sents[0]
    head = next(t for t in sent.toks if t.text == "opponent")
    m = mention_at(sent, head, text, LEX)
    assert (m.name, m.role) == ("Omar Haddad", "Rep.")


SAID_SATURDAY = """\
# text = Officials said Saturday the road would reopen.
1	Officials	official	NOUN	NNS	_	2	nsubj	_	_
2	said	say	VERB	VBD	_	0	root	_	_
3	Saturday	Saturday	PROPN	NNP	_	2	obl:tmod	_	_
4	the	the	DET	DT	_	5	det	_	_
5	road	road	NOUN	NN	_	7	nsubj	_	_
6	would	would	AUX	MD	_	7	aux	_	_
7	reopen	reopen	VERB	VB	_	2	ccomp	_	SpaceAfter=No
8	.	.	PUNCT	.	_	2	punct	_	_
"""


def test_tagger_speaker_never_a_date() -> None:
    """A proposal whose source is a date takes the verb's subject."""
    from quotes import _learned

    sent, _ = _sent(SAID_SATURDAY)
    said, content = sent.toks[1], sent.toks[3:7]
    match = _learned._cue_match(sent, [said], _word(sent, "Saturday"),
                                content, LEX)
    assert match.speaker is not None and match.speaker.text == "Officials"
    kept = _learned._cue_match(sent, [said], _word(sent, "road"), content,
                               LEX)
    assert kept.speaker is not None and kept.speaker.text == "road"


CLAIM_OWNER = """\
# text = Cole's claim that taxes would fall drew cheers.
1	Cole	Cole	PROPN	NNP	_	3	nmod:poss	_	SpaceAfter=No
2	's	's	PART	POS	_	1	case	_	_
3	claim	claim	NOUN	NN	_	8	nsubj	_	_
4	that	that	SCONJ	IN	_	7	mark	_	_
5	taxes	tax	NOUN	NNS	_	7	nsubj	_	_
6	would	would	AUX	MD	_	7	aux	_	_
7	fall	fall	VERB	VB	_	3	acl	_	_
8	drew	draw	VERB	VBD	_	0	root	_	_
9	cheers	cheer	NOUN	NNS	_	8	obj	_	SpaceAfter=No
10	.	.	PUNCT	.	_	8	punct	_	_
"""


def test_tagger_speaker_owns_the_claim() -> None:
    """A proposal whose source is the claim noun takes the claim's owner."""
    from quotes import _learned

    sent, _ = _sent(CLAIM_OWNER)
    claim, content = _word(sent, "claim"), sent.toks[3:7]
    match = _learned._cue_match(sent, [claim], claim, content, LEX)
    assert match.speaker is not None and match.speaker.text == "Cole"


@pytest.mark.parametrize(("roles", "want"), [
    (["Sen.", "senior Democrat on the panel"], "senior Democrat on the panel"),
    (["Former Ohio Gov.", "Lopez surrogate"], "Former Ohio Gov."),
    (["Democrat", "Gov."], "Gov."),
])
def test_most_specific_role(roles: list[str], want: str) -> None:
    """The role with most words; a bare party label is no role."""
    assert most_specific_role(roles, named=True) == want


# "Friday" taken for part of the name, so "after" sits inside the mention
AFTER_NAME = """\
# text = Aides spoke to reporters Friday after Dan Miles left.
1	Aides	aide	NOUN	NNS	_	2	nsubj	_	_
2	spoke	speak	VERB	VBD	_	0	root	_	_
3	to	to	ADP	IN	_	4	case	_	_
4	reporters	reporter	NOUN	NNS	_	2	obl	_	_
5	Friday	Friday	PROPN	NNP	_	8	compound	_	_
6	after	after	ADP	IN	_	7	case	_	_
7	Dan	Dan	PROPN	NNP	_	8	compound	_	_
8	Miles	Miles	PROPN	NNP	_	9	nsubj	_	_
9	left	leave	VERB	VBD	_	2	advcl	_	SpaceAfter=No
10	.	.	PUNCT	.	_	2	punct	_	_
"""


def test_no_role_from_across_a_preposition() -> None:
    """A role noun before a prepositional phrase is not the name's role
    ("reporters" in "spoke to reporters Friday after Dan Miles left")."""
    sent, text = _sent(AFTER_NAME)
    m = mention_at(sent, _word(sent, "Miles"), text, LEX)
    assert m.name == "Dan Miles"
    assert m.role is None


HIS_PROMISE = """\
# text = Mayor Dan Cole spoke. His promise stood.
1	Mayor	Mayor	PROPN	NNP	_	2	compound	_	_
2	Dan	Dan	PROPN	NNP	_	4	nsubj	_	_
3	Cole	Cole	PROPN	NNP	_	2	flat	_	_
4	spoke	speak	VERB	VBD	_	0	root	_	SpaceAfter=No
5	.	.	PUNCT	.	_	4	punct	_	_

# text = His promise stood.
1	His	his	PRON	PRP$	_	2	nmod:poss	_	_
2	promise	promise	NOUN	NN	_	3	nsubj	_	_
3	stood	stand	VERB	VBD	_	0	root	_	SpaceAfter=No
4	.	.	PUNCT	.	_	3	punct	_	_
"""


def test_possessive_pronoun_resolves() -> None:
    """ "His" refers back like "he" does."""
    text = "Mayor Dan Cole spoke. His promise stood."
    doc = _tree.from_stanza(doc_from_conllu(HIS_PROMISE, text=text), text)
    first, second = doc.sents
    table = EntityTable(LEX, text)
    cole = table.resolve(mention_at(first, _word(first, "Dan"), text, LEX),
                         salient=True, speaker=True)
    his = table.resolve(mention_at(second, _word(second, "His"), text, LEX),
                        salient=False, speaker=True)
    assert cole is not None and cole.name == "Dan Cole"
    assert his is cole


def _mention(sent: int, start: int, text: str, *, name: str | None = None,
             pronoun: str | None = None, main: bool = True) -> Mention:
    tok = _tree.Tok(i=0, text=text, lemma=text.lower(),
                    upos="PRON" if pronoun else "PROPN", xpos="",
                    feats="", head=1, deprel="nsubj", start=start,
                    end=start + len(text))
    return Mention(sent=sent, toks=[tok], head=tok, name=name, role=None,
                   pronoun=pronoun, main=main)


@pytest.mark.parametrize(("gap", "found"), [(200, True),
                                            (SPEAKER_WINDOW + 500, False)])
def test_pronoun_declines_a_distant_antecedent(gap: int,
                                               found: bool) -> None:
    """ "He" with no subject just before and no recent speaker takes a
    person seen nearby, but none last seen long before."""
    table = EntityTable(LEX, "")
    cole = table.resolve(_mention(0, 0, "Cole", name="Dan Cole"),
                         salient=True)
    he = table.resolve(_mention(9, gap, "he", pronoun="he"), salient=True,
                       speaker=True)
    assert (he is cole) if found else he is None


LETTERS = ("Letters.\n\nI think the plan is fair.\n\nToni Wells.\n\n"
           "I doubt the plan will work.\n\nRobert Hale Jr.")
OP_ED = ("I grew up on a farm.\n\nI know the cost of drought.\n\n"
         "Ann Marsh is a hydrologist at Lake College, which studies rivers.")


@pytest.mark.parametrize(("text", "at", "want"), [
    (LETTERS, "I think", ("Toni Wells", [])),
    (LETTERS, "I doubt", ("Robert Hale Jr.", [])),
    (OP_ED, "I know", ("Ann Marsh", ["hydrologist at Lake College"])),
    ("I think the plan is fair.\n\nThe vote is on Monday.", "I think",
     None),
])
def test_first_person_is_the_writer(
        text: str, at: str, want: tuple[str, list[str]] | None) -> None:
    """ "I" is the letter's signature after it, or the writer of a closing
    note; nobody when the text names no writer."""
    table = EntityTable(LEX, text)
    ent = table.resolve(_mention(0, text.index(at), "I", pronoun="i"),
                        salient=True, speaker=True)
    assert (ent.name, ent.roles) == want if want else ent is None
    if ent is not None:  # the writer is never "she" or "it"
        she = _mention(1, len(text), "she", pronoun="she")
        assert table.resolve(she, salient=True) is not ent


WHOSE = """\
# text = whose leaders said it failed
1	whose	whose	PRON	WP$	_	2	nmod:poss	_	_
2	leaders	leader	NOUN	NNS	_	3	nsubj	_	_
3	said	say	VERB	VBD	_	0	root	_	_
4	it	it	PRON	PRP	_	5	nsubj	_	_
5	failed	fail	VERB	VBD	_	3	ccomp	_	_
"""


def test_relative_determiner_is_not_role() -> None:
    """ "whose leaders" gives the role "leaders"."""
    sent, text = _sent(WHOSE)
    m = mention_at(sent, _word(sent, "leaders"), text, LEX)
    assert (m.name, m.role) == (None, "leaders")


HEADLINE_ADJECTIVE = """\
# text = Weary Cole Wins Again Today
1	Weary	Weary	PROPN	NNP	_	2	compound	_	_
2	Cole	Cole	PROPN	NNP	_	3	nsubj	_	_
3	Wins	win	VERB	VBZ	_	0	root	_	_
4	Again	again	ADV	RB	_	3	advmod	_	_
5	Today	today	NOUN	NN	_	3	obl:tmod	_	_

# text = Cole said it passed.
1	Cole	Cole	PROPN	NNP	_	2	nsubj	_	_
2	said	say	VERB	VBD	_	0	root	_	_
3	it	it	PRON	PRP	_	4	nsubj	_	_
4	passed	pass	VERB	VBD	_	2	ccomp	_	SpaceAfter=No
5	.	.	PUNCT	.	_	2	punct	_	_
"""


def test_headline_keeps_the_words_the_text_confirms() -> None:
    """In a title-case headline only name words the text writes elsewhere
    (or known first names) stay in the name: "Weary Cole" is Cole."""
    text = "Weary Cole Wins Again Today\n\nCole said it passed."
    doc = _tree.from_stanza(doc_from_conllu(HEADLINE_ADJECTIVE, text=text),
                            text)
    headline = doc.sents[0]
    m = mention_at(headline, _word(headline, "Cole"), text, LEX)
    assert m.name == "Cole"


@pytest.mark.parametrize(("role", "others", "agree"), [
    ("Sen. (R-Tex.)", ["senator from Texas"], True),
    ("Gov.", ["former governor"], True),
    ("Dr.", ["Former White House Doctor"], True),
    ("Prof.", ["law professor"], True),
    ("spokesman for the mayor", ["Kremlin spokesman"], True),
    ("Sen.", ["secretary of state"], False),
    ("Rep.", ["reporter"], False),
])
def test_role_heads_agree(role: str, others: list[str], agree: bool) -> None:
    """Head words agree when equal or one abbreviates the other; a party
    note after a title is not the head."""
    heads = {lexical_head(r) for r in others}
    assert heads_agree(lexical_head(role), heads, LEX.title_words) is agree


# an aside after the cue parsed as its complement ("said, not even ...")
SAID_ASIDE = """\
# text = "We can build it," Mr. Lowe said, not even needing notes.
1	"	"	PUNCT	``	_	4	punct	_	SpaceAfter=No
2	We	we	PRON	PRP	_	4	nsubj	_	_
3	can	can	AUX	MD	_	4	aux	_	_
4	build	build	VERB	VB	_	10	ccomp	_	_
5	it	it	PRON	PRP	_	4	obj	_	SpaceAfter=No
6	,	,	PUNCT	,	_	4	punct	_	SpaceAfter=No
7	"	"	PUNCT	''	_	4	punct	_	_
8	Mr.	Mr.	PROPN	NNP	_	9	compound	_	_
9	Lowe	Lowe	PROPN	NNP	_	10	nsubj	_	_
10	said	say	VERB	VBD	_	0	root	_	SpaceAfter=No
11	,	,	PUNCT	,	_	14	punct	_	_
12	not	not	PART	RB	_	14	advmod	_	_
13	even	even	ADV	RB	_	14	advmod	_	_
14	needing	need	VERB	VBG	_	10	ccomp	_	_
15	notes	note	NOUN	NNS	_	14	obj	_	SpaceAfter=No
16	.	.	PUNCT	.	_	10	punct	_	_
"""


def test_aside_after_cue_is_no_content() -> None:
    """'"...," NAME said, not even ...': the quotation is what was said."""
    result = _extract(SAID_ASIDE)
    assert [(a.content.text, a.speaker and a.speaker.name)
            for a in result.attributions] == [("We can build it,", "Lowe")]


# "that" is the relative clause's subject: the summit, not what was told
TOLD_RELATIVE = """\
# text = Ada Brandt told reporters after the summit that was held on a ferry.
1	Ada	Ada	PROPN	NNP	_	3	nsubj	_	_
2	Brandt	Brandt	PROPN	NNP	_	1	flat	_	_
3	told	tell	VERB	VBD	_	0	root	_	_
4	reporters	reporter	NOUN	NNS	_	3	obj	_	_
5	after	after	ADP	IN	_	7	case	_	_
6	the	the	DET	DT	_	7	det	_	_
7	summit	summit	NOUN	NN	_	3	obl	_	_
8	that	that	PRON	WDT	_	10	nsubj	_	_
9	was	be	AUX	VBD	_	10	aux:pass	_	_
10	held	hold	VERB	VBN	_	7	acl:relcl	_	_
11	on	on	ADP	IN	_	13	case	_	_
12	a	a	DET	DT	_	13	det	_	_
13	ferry	ferry	NOUN	NN	_	10	obl	_	SpaceAfter=No
14	.	.	PUNCT	.	_	3	punct	_	_
"""

# the same shape with a complementiser "that" the parse took for a
# relative pronoun (the clause has a subject of its own)
TOLD_THAT = """\
# text = Ada Brandt told reporters after the hearing that rates would rise.
1	Ada	Ada	PROPN	NNP	_	3	nsubj	_	_
2	Brandt	Brandt	PROPN	NNP	_	1	flat	_	_
3	told	tell	VERB	VBD	_	0	root	_	_
4	reporters	reporter	NOUN	NNS	_	3	obj	_	_
5	after	after	ADP	IN	_	7	case	_	_
6	the	the	DET	DT	_	7	det	_	_
7	hearing	hearing	NOUN	NN	_	3	obl	_	_
8	that	that	PRON	WDT	_	11	nsubj	_	_
9	rates	rate	NOUN	NNS	_	11	nsubj	_	_
10	would	would	AUX	MD	_	11	aux	_	_
11	rise	rise	VERB	VB	_	7	acl:relcl	_	SpaceAfter=No
12	.	.	PUNCT	.	_	3	punct	_	_
"""


@pytest.mark.parametrize(("conllu", "want"), [
    (TOLD_RELATIVE, []), (TOLD_THAT, ["rates would rise"])])
def test_relative_that_is_no_content(conllu: str, want: list[str]) -> None:
    """A relative clause on the cue's dependent is not what was told; a
    that-clause hung there by the parse is."""
    result = _extract(conllu)
    assert [a.content.text for a in result.attributions] == want


# the name after an inverted cue parsed as the cue's object
NOTED_NAME = """\
# text = Rates are not likely to fall, noted Ada Brandt.
1	Rates	rate	NOUN	NNS	_	4	nsubj	_	_
2	are	be	AUX	VBP	_	4	cop	_	_
3	not	not	PART	RB	_	4	advmod	_	_
4	likely	likely	ADJ	JJ	_	0	root	_	_
5	to	to	PART	TO	_	6	mark	_	_
6	fall	fall	VERB	VB	_	4	xcomp	_	SpaceAfter=No
7	,	,	PUNCT	,	_	8	punct	_	_
8	noted	note	VERB	VBD	_	4	parataxis	_	_
9	Ada	Ada	PROPN	NNP	_	8	obj	_	_
10	Brandt	Brandt	PROPN	NNP	_	9	flat	_	SpaceAfter=No
11	.	.	PUNCT	.	_	4	punct	_	_
"""


def test_name_closing_the_sentence_speaks() -> None:
    """'..., noted NAME.': the name is the speaker, not the cue's object."""
    result = _extract(NOTED_NAME)
    assert [(a.content.text, a.speaker and a.speaker.name)
            for a in result.attributions] == [
        ("Rates are not likely to fall", "Ada Brandt")]


UNIVERSITY = """\
# text = Christopher Newport University issued a statement.
1	Christopher	Christopher	PROPN	NNP	_	3	compound	_	_
2	Newport	Newport	PROPN	NNP	_	3	compound	_	_
3	University	University	PROPN	NNP	_	4	nsubj	_	_
4	issued	issue	VERB	VBD	_	0	root	_	_
5	a	a	DET	DT	_	6	det	_	_
6	statement	statement	NOUN	NN	_	4	obj	_	SpaceAfter=No
7	.	.	PUNCT	.	_	4	punct	_	_
"""


def test_organisation_has_no_gender() -> None:
    """A first name inside an organisation's name gives it no gender
    (else a later "he" could go to "Christopher Newport University")."""
    sent, text = _sent(UNIVERSITY)
    m = mention_at(sent, _word(sent, "University"), text, LEX)
    assert m.name == "Christopher Newport University"
    assert EntityTable(LEX, text).resolve(m, salient=True).gender is None


# the name hung on the title's of-phrase, word by word
TITLE_OF_STATE = """\
# text = Secretary of State Ann B. Lee said talks would resume.
1	Secretary	Secretary	PROPN	NNP	_	7	nsubj	_	_
2	of	of	ADP	IN	_	3	case	_	_
3	State	State	PROPN	NNP	_	1	nmod	_	_
4	Ann	Ann	PROPN	NNP	_	1	nmod	_	_
5	B.	B.	PROPN	NNP	_	4	flat	_	_
6	Lee	Lee	PROPN	NNP	_	1	nmod	_	_
7	said	say	VERB	VBD	_	0	root	_	_
8	talks	talk	NOUN	NNS	_	10	nsubj	_	_
9	would	would	AUX	MD	_	10	aux	_	_
10	resume	resume	VERB	VB	_	7	ccomp	_	SpaceAfter=No
11	.	.	PUNCT	.	_	7	punct	_	_
"""


def test_name_after_title_of_organisation() -> None:
    """"Secretary of State Ann B. Lee": the name from the first name on,
    the title with its of-phrase before it."""
    sent, text = _sent(TITLE_OF_STATE)
    m = mention_at(sent, _word(sent, "Secretary"), text, LEX)
    assert (m.name, m.role) == ("Ann B. Lee", "Secretary of State")

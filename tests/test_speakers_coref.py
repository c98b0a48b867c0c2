"""Who each mention is (``quotes.speakers.coref``): full names, surnames,
pronouns and descriptions resolved to entities in text order."""

from __future__ import annotations

import pytest

import quotes
from quotes import Lexicon, _tree
from quotes.speakers.coref import EntityTable
from quotes.speakers.model import Mention

LEX = Lexicon.default()

TEXT = ("Sen. Ann Lee met Mayor Bo Park on Monday. Lee said the deal was "
        "done. She added that the mayor agreed. The mayor said nothing.")


def _mention(phrase: str, sent: int, *, nth: int = 0,
             name: str | None = None, role: str | None = None,
             pronoun: str | None = None, det: bool = False) -> Mention:
    """A one-sentence mention over the *nth* occurrence of *phrase*."""
    start = -1
    for _ in range(nth + 1):
        start = TEXT.index(phrase, start + 1)
    toks = []
    pos = start
    for k, word in enumerate(phrase.split()):
        pos = TEXT.index(word, pos)
        upos = "PRON" if pronoun else "DET" if det and k == 0 else \
            "NOUN" if word.islower() else "PROPN"
        toks.append(_tree.Tok(i=k, text=word, lemma=word.lower(), upos=upos,
                              xpos="", feats="", head=-1, deprel="nsubj",
                              start=pos, end=pos + len(word)))
        pos += len(word)
    return Mention(sent=sent, toks=toks, head=toks[-1], name=name,
                   role=role, pronoun=pronoun, main=True)


def _table() -> EntityTable:
    table = EntityTable(LEX, TEXT)
    table.resolve(_mention("Sen. Ann Lee", 0, name="Ann Lee", role="Sen."),
                  salient=True, speaker=False)
    table.resolve(_mention("Mayor Bo Park", 0, name="Bo Park", role="Mayor"),
                  salient=False)
    return table


def test_coref_new_names_are_new_entities() -> None:
    """Two full names are two people; each keeps its role and a gender
    known from the first name when the lexicon has it."""
    table = _table()
    lee, park = table.entities
    assert (lee.name, lee.roles, lee.last_salient) == ("Ann Lee", ["Sen."],
                                                       0)
    assert (park.name, park.roles, park.last_salient) == ("Bo Park",
                                                          ["Mayor"], -1)
    assert lee.gender == LEX.first_names.get("ann")


def test_coref_surname_joins_the_full_name() -> None:
    """ "Lee" is Ann Lee, not a new person; as a speaker it makes her
    salient."""
    table = _table()
    lee = table.resolve(_mention("Lee", 1, nth=1, name="Lee"),
                        salient=True, speaker=True)
    assert lee is table.entities[0]
    assert lee.speaker and lee.salient_count == 2
    assert table.named("Lee") is lee


def test_coref_pronoun_joins_the_recent_speaker() -> None:
    """ "She" after "Lee said" is Lee, and the same pronoun mention is
    resolved once."""
    table = _table()
    table.resolve(_mention("Lee", 1, nth=1, name="Lee"), salient=True,
                  speaker=True)
    she = _mention("She", 2, pronoun="she")
    assert table.resolve(she, salient=True, speaker=True) is \
        table.entities[0]
    assert table.resolve(she, salient=True, speaker=True) is \
        table.entities[0]


def test_coref_description_refers_back_to_its_role_holder() -> None:
    """ "The mayor" is the entity that holds the role "Mayor"."""
    table = _table()
    mayor = table.resolve(_mention("The mayor", 3, role="mayor", det=True),
                          salient=True, speaker=True)
    assert mayor is table.entities[1]


def test_coref_gives_role() -> None:
    """Kinship and epithets are descriptions, not roles; nor are times and
    fragments of other phrases."""
    table = EntityTable(LEX, "")
    assert not table.gives_role("her daughter")
    assert table.gives_role("spokeswoman for the family")
    # a time, and fragments of other phrases, are no roles
    assert not table.gives_role("Last month")
    assert not table.gives_role("even after the governor's rise to power")
    assert not table.gives_role("along with Judge Ann Lee")
    assert table.gives_role("as chairman")


@pytest.fixture(scope="module")
def extractor() -> quotes.Extractor:
    return quotes.Extractor()


def _first_person(extractor: quotes.Extractor, text: str) -> list[str | None]:
    """The names given to the "I" speakers of *text*."""
    return [a.speaker.name for a in extractor.extract(text).attributions
            if a.speaker is not None and a.speaker.span.text == "I"]


def test_coref_first_person_in_an_interview_transcript(
        extractor: quotes.Extractor) -> None:
    """In a Q&A, "I" in an answer ("A:", and the paragraphs after it) is
    the person interviewed, the most prominent named person; "SMITH:" names
    its paragraph's speaker."""
    text = ("Q&A with Senator Dana Whitfield.\n\n"
            "Senator Dana Whitfield spoke with reporters on Tuesday about "
            "the budget.\n\nQ: What do you make of the budget?\n\n"
            "A: I think the budget is a disaster for working families.\n\n"
            "Q: Will you vote for it?\n\n"
            "A: No. I believe we can do much better than this.")
    assert _first_person(extractor, text) == ["Dana Whitfield"] * 2
    text = ("Karen Quinlan spoke to the host on Sunday.\n\n"
            "HOST: Good evening.\n\n"
            "QUINLAN: Good evening.\n\n"
            "Last year I said the plan would fail.")
    assert _first_person(extractor, text) == ["Karen Quinlan"]


def test_coref_first_person_of_a_named_writer(
        extractor: quotes.Extractor) -> None:
    """Outside quotations "I" is the writer a piece names: an excerpt's
    credit ("From TITLE by NAME"), a closing note with a title and a party
    note ("Rep. NAME, D-Ohio, was ..."), or a headline that opens with a
    person's name ("NAME: Why I Left")."""
    credit = ("The long road home.\n\nI believe the city failed its "
              "poorest residents when it closed the clinic.\n\n"
              "From THE LONG ROAD by Karen Quinlan. Copyright 2015 by "
              "Karen Quinlan.")
    note = ("Unity matters.\n\nI believe the party must listen to its "
            "young voters.\n\nRep. Karen Quinlan, D-Ohio, was an early "
            "backer of the bill.")
    headline = ("Karen Quinlan: Why I Left the Party.\n\nFor twenty years "
                "I voted for the same party. I believe it has lost its way "
                "on taxes.")
    for text in (credit, note, headline):
        assert _first_person(extractor, text) == ["Karen Quinlan"]


def test_coref_organisation_noun_refers_back_to_the_named_organisation(
        extractor: quotes.Extractor) -> None:
    """ "The company" / "the airline" is the organisation named last, even
    when its name lacks the word; a date is never one."""
    text = ("Shares of Zentrix fell on Monday after the report. The company "
            "said it would appeal the ruling.")
    assert [a.speaker.name for a in extractor.extract(text).attributions
            if a.speaker is not None] == ["Zentrix"]


def test_coref_surname_parsed_as_adjective_joins_the_full_name(
        extractor: quotes.Extractor) -> None:
    """A surname the parser tags as an adjective ("Cuban said") is the
    person named before, not a new unnamed entity."""
    text = ("Mark Cuban went on television on Sunday. \"The market will "
            "recover soon,\" Cuban said.")
    assert [a.speaker.name for a in extractor.extract(text).attributions
            if a.speaker is not None] == ["Mark Cuban"]


def test_coref_possessive_campaign_and_remarks(
        extractor: quotes.Extractor) -> None:
    """ "His campaign" is the owner's campaign by surname ("Trump
    campaign"); "His remarks" (a speech noun) is the owner himself."""
    texts = {
        "Donald J. Trump visited Ohio. His campaign said he would win the "
        "state.": "Trump campaign",
        "Governor Tom Baker spoke in Ohio on Monday. His remarks suggested "
        "that the budget would pass.": "Tom Baker",
    }
    for text, want in texts.items():
        assert [a.speaker.name for a in extractor.extract(text).attributions
                if a.speaker is not None] == [want]


def test_coref_second_person_in_a_question_is_the_person_interviewed(
        extractor: quotes.Extractor) -> None:
    """ "Q: You said ..." is the person interviewed, and so is "My" in an
    answer."""
    text = ("Q&A with Senator Dana Whitfield.\n\nSenator Dana Whitfield "
            "spoke with reporters on Tuesday about the budget.\n\n"
            "Q: You said yesterday that the budget is a disaster. Why?\n\n"
            "A: My view is that it hurts families. I think we can do "
            "better.")
    got = {a.speaker.span.text: a.speaker.name
           for a in extractor.extract(text).attributions
           if a.speaker is not None}
    assert got["You"] == got["My"] == got["I"] == "Dana Whitfield"


def test_coref_they_refers_to_the_named_people_a_conjunction_joins(
        extractor: quotes.Extractor) -> None:
    """ "Anna Palmer and Jake Sherman ... They said" is the pair, named as
    both names joined with "and" in the order written; an unnamed group
    ("Voters ... They said") stays unnamed."""
    texts = {
        "Anna Palmer and Jake Sherman took over the newsletter. They said "
        "it would stay independent.": "Anna Palmer and Jake Sherman",
        "Senators Mike Crapo and Jim Risch met the nominee on Monday. Last "
        "week, they said the court needed more judges.":
            "Mike Crapo and Jim Risch",
        "Voters in Ohio cheered. They said the plan was good.": None,
    }
    for text, want in texts.items():
        assert [a.speaker.name for a in extractor.extract(text).attributions
                if a.speaker is not None] == [want]


def test_coref_description_named_after_the_one_holder_of_its_role(
        extractor: quotes.Extractor) -> None:
    """ "The judge" known by no name takes the name of the one person the
    text gives that role, even later ("Judge Alan Berman"); with two
    judges named it stays unnamed."""
    text = ("The hearing ran long. The judge said the sentence would be "
            "light.\n\nLater, Judge Alan Berman left the courtroom.")
    assert [a.speaker.name for a in extractor.extract(text).attributions
            if a.speaker is not None] == ["Alan Berman"]
    text = text.replace("Judge Alan Berman",
                        "Judge Alan Berman and Judge Ruth Cole")
    assert [a.speaker.name for a in extractor.extract(text).attributions
            if a.speaker is not None] == [None]


def test_coref_adjective_surname_after_a_first_name_anywhere(
        extractor: quotes.Extractor) -> None:
    """A one-word speaker the parser tags as an adjective ("Cuban said")
    is a person's surname when the text writes it after a known first name
    anywhere, even where no mention of the full name was resolved."""
    text = ("A bid by Mark Cuban?\n\n\"The market will recover soon,\" "
            "Cuban said. \"I am not sure,\" Cuban added.")
    names = [a.speaker.name for a in extractor.extract(text).attributions
             if a.speaker is not None and a.speaker.span.text == "Cuban"]
    assert names == ["Mark Cuban"] * 2


def test_coref_he_is_never_an_acronym(extractor: quotes.Extractor) -> None:
    """ "He" after "FEMA announced" is the person seen before, or nobody:
    an acronym names an organisation."""
    texts = {
        "Tom Baker spoke at the hearing on Monday. Then FEMA announced new "
        "rules. He said the rules were too strict.": "Tom Baker",
        "FEMA announced new rules on Monday. He said the rules were too "
        "strict.": None,
    }
    for text, want in texts.items():
        got = {a.speaker.span.text: a.speaker.name
               for a in extractor.extract(text).attributions
               if a.speaker is not None}
        assert got["He"] == want


def test_coref_honorific_with_the_first_of_two_surnames(
        extractor: quotes.Extractor) -> None:
    """ "Ms. Ruiz" after "Ana Ruiz Soto" is her: with an honorific,
    the first of two surnames names the person."""
    text = ("\"We need help,\" said Ana Ruiz Soto, the president of the "
            "bank. Ms. Ruiz said the bank would default.")
    assert [a.speaker.name for a in extractor.extract(text).attributions
            if a.speaker is not None] == ["Ana Ruiz Soto"] * 2


def test_coref_the_company_is_never_a_place(
        extractor: quotes.Extractor) -> None:
    """ "the company" refers back to a named organisation, never to a
    place: a US state, or a name the text gives only as where something
    is ("in Ohio and Texas")."""
    text = ("The filibuster drew attention from employers such as Monsanto, "
            "which opposed the bill. \"We call on other businesses to speak "
            "out against discrimination in Missouri,\" the company tweeted.")
    assert [a.speaker.name for a in extractor.extract(text).attributions
            if a.speaker is not None] == ["Monsanto"]
    text = ("The chain is expanding in Ohio and Texas. On Tuesday, the "
            "company said it would hire more workers.")
    names = [a.speaker.name for a in extractor.extract(text).attributions
             if a.speaker is not None]
    assert len(names) == 1 and names[0] not in {"Ohio", "Texas"}


@pytest.mark.parametrize(("text", "want"), [
    ("Sens. Johnny Isakson of Georgia and John Boozman of Arkansas said "
     "the bill would pass.", "Johnny Isakson and John Boozman"),
    ("Rep. Todd Rokita and state House Speaker Brian Bosma said they "
     "would run.", "Todd Rokita and Brian Bosma"),
    ("Maine Sen. Susan Collins and Texas Rep. Louis Gohmert said they "
     "would not attend.", "Susan Collins and Louis Gohmert"),
])
def test_coref_joint_speakers_with_titles_and_states(
        extractor: quotes.Extractor, text: str, want: str) -> None:
    """Two named people speak together: a state after the first ("of
    Georgia"), a title before the second ("state House Speaker", "Texas
    Rep.") leave both names in the joint name."""
    assert [a.speaker.name for a in extractor.extract(text).attributions
            if a.speaker is not None] == [want]


def test_coref_relative_clause_hung_on_a_thing_is_the_names(
        extractor: quotes.Extractor) -> None:
    """ "the endorsement of former Sen. Gordon Humphrey, who told
    POLITICO ...": the parse hangs the relative clause on "endorsement";
    the name right before ", who" is the speaker."""
    text = ("First, they snagged the endorsement of former U.S. Sen. Gordon "
            "Humphrey, who told POLITICO he'll work full-time to help "
            "encourage New England delegates.")
    got = [(a.speaker.name, a.speaker.role)
           for a in extractor.extract(text).attributions if a.speaker]
    assert got == [("Gordon Humphrey", "former U.S. Sen.")]


@pytest.mark.model
@pytest.mark.parametrize(("text", "want"), [
    # a title in "-man" is held by women too: the first name decides
    ('Campaign spokesman Sarah Lee denied the report. "It is false," she '
     'said.', "Sarah Lee"),
    # nor does a man's first name take "she"
    ('Campaign spokesman John Lee denied the report. "It is false," she '
     'said.', None),
    # a title in "-woman" still decides over a first name
    ('Committee chairwoman Terry Lee denied the report. "It is false," she '
     'said.', "Terry Lee"),
])
def test_coref_she_after_a_gendered_title(extractor: quotes.Extractor,
                                          text: str,
                                          want: str | None) -> None:
    """ "she" resolves to a woman named under a title in "-man", and not
    to a man."""
    she = [a for a in extractor.extract(text).attributions
           if a.speaker is not None and a.speaker.span.text == "she"]
    assert [a.speaker.name for a in she if a.speaker] == [want]


@pytest.mark.model
def test_coref_the_police_is_no_person(extractor: quotes.Extractor) -> None:
    """ "the police" in a quotation is a body, not the named speaker, so
    it gives her no role."""
    text = ("Touts were banned from the stadium in January. Says Olumide "
            "Bakare, 41, who sells phone cards outside the gates: \"Now the "
            "police chase everybody.\"")
    (a,) = extractor.extract(text).attributions
    assert a.speaker is not None
    assert (a.speaker.name, a.speaker.role) == ("Olumide Bakare", None)


@pytest.mark.model
@pytest.mark.parametrize("text", [
    "Sen. Bernie Sanders (I-Vt.) met Sen. John McCain on Monday. McCain "
    "arrived late. The Vermont senator said the bill would fail.",
    "Vermont Sen. Bernie Sanders met Sen. John McCain on Monday. McCain "
    "arrived late. The Vermont senator said the bill would fail.",
])
def test_coref_description_with_a_state(extractor: quotes.Extractor,
                                        text: str) -> None:
    """ "The Vermont senator" is the senator tied to Vermont, not the one
    seen last."""
    (a,) = extractor.extract(text).attributions
    assert a.speaker is not None and a.speaker.name == "Bernie Sanders"


@pytest.mark.model
def test_coref_a_description_with_its_name_set_off(
        extractor: quotes.Extractor) -> None:
    """ "The state's attorney general, Ruth Kagame, ...": the description
    introduces the person named after it and gives no role to the one
    named before ("A resident, Joan Pike, ..." stays a resident)."""
    result = extractor.extract(
        "A resident, Joan Pike, 71, said she felt safer.\n\n"
        "The state's attorney general, Ruth Kagame, has called the curfew "
        "unconstitutional.")
    assert [(a.speaker.name, a.speaker.role) for a in result.attributions
            if a.speaker is not None] == [("Joan Pike", "resident")]


@pytest.mark.model
def test_coref_title_with_the_first_of_two_surnames(
        extractor: quotes.Extractor) -> None:
    """ "Dr. Mariela Benítez Ortiz, who was appointed director of ... in
    January": "Dr. Benítez" and then "Benítez" are she, and her role is
    the post she was appointed to, without when."""
    result = extractor.extract(
        "The campaign is led by Dr. Mariela Benítez Ortiz, who was "
        "appointed director of the regional health service in January. "
        '"Some families had never seen a nurse," Dr. Benítez said.\n\n'
        "Benítez said the team had travelled by canoe.")
    assert [(a.speaker.name, a.speaker.role) for a in result.attributions
            if a.speaker is not None] == [
        ("Mariela Benítez Ortiz", "director of the regional health service"),
    ] * 2


@pytest.mark.model
@pytest.mark.parametrize(("text", "name"), [
    ("The indictment said Dvořák sold the plot below its value.", None),
    ("In the survey, voters said the economy mattered most.", None),
    ("Reynolds says that the show has attracted ire from all sides.",
     "Reynolds"),
    ("According to court documents, he submitted 9,000 false claims.",
     None),
    ("Hungary's economy ministry said it welcomed the investment.",
     "Hungary's economy ministry"),
    ("Donald Trump's campaign said the poll was wrong.", "Trump campaign"),
    ("Heavy rain is expected, according to the national weather service.",
     "national weather service"),
])
def test_names_are_proper_names(extractor: quotes.Extractor, text: str,
                                name: str | None) -> None:
    """A speaker the text only describes in lower case has no name (as
    "a spokesman" has none), though an organisation written in lower case
    has; an organisation keeps its possessive unless it is a person's
    campaign ("Trump campaign")."""
    (a,) = extractor.extract(text).attributions
    assert a.speaker is not None and a.speaker.name == name


@pytest.mark.model
def test_coref_description_keeps_its_time(
        extractor: quotes.Extractor) -> None:
    """ "The minister" is the minister now, not the former one seen
    last."""
    result = extractor.extract(
        "Health Minister Wanjiru Kamau met former health minister Otieno "
        "Barasa on Monday to discuss the plan.\n\n"
        "Kamau said the clinics were empty. Barasa said the closures would "
        "hurt.\n\n"
        "The minister said mobile units would go to the patient.")
    assert [a.speaker.name for a in result.attributions
            if a.speaker is not None] == [
        "Wanjiru Kamau", "Otieno Barasa", "Wanjiru Kamau"]


@pytest.mark.model
def test_coref_an_aged_description_refers_back(
        extractor: quotes.Extractor) -> None:
    """ "The 31-year-old lock" is a person by the age, whatever the noun,
    and refers back to the person named before, not to the team ("the
    Sharks") seen last."""
    result = extractor.extract(
        "Coastal Sharks captain Hemi Tane will leave the club at the end of "
        "the season, the Sharks confirmed on Wednesday.\n\n"
        "The 31-year-old lock, who has made 142 appearances for the club, "
        "said the decision was the hardest of his life.")
    assert result.attributions[-1].speaker is not None
    assert result.attributions[-1].speaker.name == "Hemi Tane"


@pytest.mark.model
@pytest.mark.parametrize(("text", "want"), [
    ("Chinese electric vehicle maker Lanting Motors said it would recall "
     "80,000 cars.", ("Lanting Motors", None)),
    ("Online retailer Zento said prices rose.", ("Zento", None)),
    ("Ben Domenech, publisher of The Federalist, said the race was close.",
     ("Ben Domenech", "publisher of The Federalist")),
])
def test_organisations_have_no_role(extractor: quotes.Extractor, text: str,
                                    want: tuple[str, str | None]) -> None:
    """What an organisation is ("electric vehicle maker", "online
    retailer") is no role (ROLES.md); "publisher" names a person's post
    too."""
    (a,) = extractor.extract(text).attributions
    assert a.speaker is not None
    assert (a.speaker.name, a.speaker.role) == want

"""Canonical names from the whole text: a surname or acronym speaker takes
the fullest form of its name the article writes anywhere (issue 11)."""

from __future__ import annotations

import pytest

import quotes
from quotes import Lexicon, _tree
from quotes.speakers.coref import EntityTable
from quotes.speakers.mentions import mention_at
from quotes.speakers.model import Entity
from quotes.speakers.names import complete_names

LEX = Lexicon.default()


def _speaker_names(text: str) -> list[str | None]:
    """The speaker names of *text*'s claims, through the bundled model."""
    result = quotes.Extractor().extract(text)
    return [a.speaker.name for a in result.attributions
            if a.speaker is not None]


def _complete(text: str, *names: str, gender: str | None = None,
              person: bool = True) -> list[str | None]:
    table = EntityTable(LEX, text)
    for k, name in enumerate(names):
        table.entities.append(Entity(index=k, name=name, person=person,
                                     gender=gender if k == 0 else None))
    complete_names(table.entities, table.text, table.lex)
    return [e.name for e in table.entities]


@pytest.mark.parametrize(("text", "surname", "full"), [
    ("The vote was called by panel Chairman Jason Chaffetz on Monday. "
     "Chaffetz said it was fair.", "Chaffetz", "Jason Chaffetz"),
    # a title before the name is not part of it; "Raj" is no known first
    # name, but it follows a title inside the sentence
    ("A memo from Research Director Raj Shah was sent. Shah said so.",
     "Shah", "Raj Shah"),
    ("Joseph, who has four children, spoke first. Amelize Joseph then "
     "left.", "Joseph", "Joseph"),  # sentence-initial unknown word: no name
    # the full name only inside a title, after "The"
    ('She spoke to "The Rachel Maddow Show" on Thursday. Maddow asked '
     "why.", "Maddow", "Rachel Maddow"),
])
def test_surname_takes_the_one_full_name(text: str, surname: str,
                                         full: str) -> None:
    assert _complete(text, surname) == [full]


def test_other_entities_and_genders_do_not_count() -> None:
    """"Mr. Obama" beside Michelle Obama is Barack Obama; two full names
    that fit leave the surname alone."""
    text = "Michelle Obama and Barack Obama arrived. Mr. Obama spoke."
    assert _complete(text, "Obama", "Michelle Obama", gender="m")[0] == \
        "Barack Obama"
    text = "Tom Lee and Sam Lee arrived. Lee spoke."
    assert _complete(text, "Lee") == ["Lee"]


@pytest.mark.parametrize(("text", "acronym", "full"), [
    ("The Securities and Exchange Commission ruled. The S.E.C. said so.",
     "S.E.C.", "Securities and Exchange Commission"),
    ("AROS said it would march. The Alliance to Reclaim Our Schools "
     "planned it.", "AROS", "Alliance to Reclaim Our Schools"),
    ("The IMF said so.", "IMF", "IMF"),
])
def test_acronym_takes_its_spelled_out_name(text: str, acronym: str,
                                            full: str) -> None:
    assert _complete(text, acronym, person=False) == [full]


@pytest.mark.model
def test_unnamed_group_keeps_its_own_description() -> None:
    """An unnamed group's mention that describes it in words of its own
    gives that description as the role, not an earlier mention's."""
    text = ("Central European leaders said the plan was dead. "
            "Other E.U. leaders said the plan could still pass.")
    result = quotes.Extractor().extract(text)
    roles = {a.content.text: a.speaker.role for a in result.attributions
             if a.speaker is not None}
    assert roles == {"the plan was dead": "Central European leaders",
                     "the plan could still pass": "E.U. leaders"}


@pytest.mark.model
def test_title_inside_a_quotation_is_no_role() -> None:
    """A bare title used inside a quotation ("Candidate Lee") is how the
    quoted speaker refers to someone, not a role the article gives."""
    text = ("Ann Lee spoke in Dayton on Monday. \"Candidate Lee should "
            "release her records,\" said Tom Hale. Lee said the records "
            "were private.")
    result = quotes.Extractor().extract(text)
    lee = [a.speaker for a in result.attributions
           if a.speaker is not None and a.speaker.name == "Ann Lee"]
    assert lee and all(s.role is None for s in lee)


@pytest.mark.parametrize(("text", "name"), [
    ("Officers of the Dale County police came. Police said no one was hurt.",
     "Dale County police"),
    # a capitalised word that only starts a sentence names nothing
    ("But police said no one was hurt.", None),
    ("Dale County police and Essex police came. Police said so.", None),
])
def test_unnamed_police_take_the_name_the_text_gives(text: str,
                                                     name: str | None
                                                     ) -> None:
    """"Police said" names the one police force the text names, as an
    organisation without a role; with none or two it stays unnamed."""
    table = EntityTable(LEX, text)
    ent = Entity(index=0, name=None, head="police", plural=True,
                 roles=["Police"])
    table.entities.append(ent)
    complete_names(table.entities, table.text, table.lex)
    assert ent.name == name
    assert (ent.roles, ent.person) == (([], False) if name else
                                       (["Police"], True))


@pytest.mark.model
def test_definite_organisation_noun_joins_the_named_one() -> None:
    """"The commission" is the named commission seen just before."""
    text = ("The Commission on Fair Debates met in Dayton on Monday. "
            "The commission said the debate would go on.")
    names = _speaker_names(text)
    assert names == ["Commission on Fair Debates"]


@pytest.mark.model
def test_surname_that_is_a_role_word_names_the_person() -> None:
    """"Baker said" after Brian Baker is Brian Baker, not a baker."""
    text = ("Brian Baker, a pollster in Ohio, spoke first. \"Voters are "
            "deciding now,\" Baker said.")
    result = quotes.Extractor().extract(text)
    speakers = [(a.speaker.name, a.speaker.role) for a in result.attributions
                if a.speaker is not None]
    assert speakers == [("Brian Baker", "pollster in Ohio")]


@pytest.mark.model
def test_role_without_possessive_pronoun() -> None:
    """A role is copied without determiners, possessive pronouns too."""
    text = ("The mayor left early. His aides said the budget would pass.")
    result = quotes.Extractor().extract(text)
    roles = [a.speaker.role for a in result.attributions
             if a.speaker is not None]
    assert roles == ["aides"]


@pytest.mark.model
def test_pronoun_resolved_twice_names_the_same_entity() -> None:
    """One "he" that two claims share ("he said, adding ...") is resolved
    once: the second claim does not lose the speaker the first found."""
    text = ("Sen. Tom Hale thanked Mr. Sam Ito on Monday. He said the "
            "day was lost.")
    doc = quotes.Extractor().parse(text)
    first, second = doc.sents
    table = EntityTable(LEX, text)
    hale = table.resolve(mention_at(first, _tok(first, "Hale"), text, LEX),
                         salient=True)
    table.resolve(mention_at(first, _tok(first, "Ito"), text, LEX),
                  salient=False)
    he = mention_at(second, _tok(second, "He"), text, LEX)
    assert hale is not None
    assert table.resolve(he, salient=True, speaker=True) is hale
    assert table.resolve(he, salient=True, speaker=True) is hale


def _tok(sent: _tree.Sent, word: str) -> _tree.Tok:
    return next(t for t in sent.toks if t.text == word)


@pytest.mark.model
def test_lone_surname_is_not_the_relative() -> None:
    """"Trump" after "Ivanka Trump, his daughter" is still Donald Trump: a
    person introduced as someone's relative is not the bare surname."""
    text = ("Donald Trump spoke in Dayton on Monday. Ivanka Trump, the "
            "candidate's eldest daughter, spoke after him. Trump said the "
            "plan would work.")
    names = _speaker_names(text)
    assert names == ["Donald Trump"]


@pytest.mark.model
def test_description_is_not_the_relative() -> None:
    """"The Republican candidate" is not the one introduced as the
    candidate's daughter."""
    text = ("Donald Trump spoke in Dayton on Monday. Ivanka Trump, the "
            "candidate's eldest daughter, spoke after him. The Republican "
            "candidate said the plan would work.")
    names = _speaker_names(text)
    assert names == ["Donald Trump"]


@pytest.mark.parametrize(("text", "full"), [
    ("The New York Times reported it first. The Times said so.",
     "New York Times"),
    ("The New York Times and the Los Angeles Times said so.", "Times"),
])
def test_short_title_takes_the_full_one(text: str, full: str) -> None:
    """"The Times" is the one "... Times" the text names, if only one."""
    table = EntityTable(LEX, text)
    ent = Entity(index=0, name="Times", person=False, titled=True)
    table.entities.append(ent)
    complete_names(table.entities, table.text, table.lex)
    assert ent.name == full


def test_organisation_name_stops_at_a_sentence_end() -> None:
    """"... for RT. The network said": RT is no part of the network's
    name."""
    table = EntityTable(LEX, "He worked for RT. The network said so.")
    ent = Entity(index=0, name=None, head="network", person=True)
    table.entities.append(ent)
    complete_names(table.entities, table.text, table.lex)
    assert ent.name is None

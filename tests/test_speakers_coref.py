"""Who each mention is (``quotes.speakers.coref``): full names, surnames,
pronouns and descriptions resolved to entities in text order."""

from __future__ import annotations

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
    """Kinship and epithets are descriptions, not roles."""
    table = EntityTable(LEX, "")
    assert not table.gives_role("her daughter")
    assert table.gives_role("spokeswoman for the family")

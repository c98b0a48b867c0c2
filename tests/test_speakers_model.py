"""The values between the speaker stages (``quotes.speakers.model``): a
mention's offsets and an entity's derived name and role."""

from __future__ import annotations

from quotes import _tree
from quotes.speakers.model import Entity, Mention

TEXT = "Sen. Ann Lee said so."


def _tok(i: int, word: str) -> _tree.Tok:
    start = TEXT.index(word)
    return _tree.Tok(i=i, text=word, lemma=word.lower(), upos="PROPN",
                     xpos="NNP", feats="", head=3, deprel="nsubj",
                     start=start, end=start + len(word))


def test_model_mention_offsets() -> None:
    """A mention spans its first token's start to its last token's end,
    and keeps its tokens as a tuple."""
    toks = [_tok(0, "Sen."), _tok(1, "Ann"), _tok(2, "Lee")]
    m = Mention(sent=0, toks=toks, head=toks[2], name="Ann Lee",
                role="Sen.")
    assert (m.start, m.end) == (0, TEXT.index(" said"))
    assert isinstance(m.toks, tuple)


def test_model_entity_role_and_name() -> None:
    """An entity's role is its most specific one (a party label is none of
    a named person's); its name words drop suffixes."""
    ent = Entity(index=0, name="Ann Lee Jr.",
                 roles=["Democrat", "state senator"])
    assert ent.role == "state senator"
    assert ent.name_words == ["ann", "lee"]
    assert ent.person_like
    assert Entity(index=1, name="Democrat", roles=["Democrat"]).role is None
    assert Entity(index=2, roles=["Democrat"]).role == "Democrat"


def test_model_entity_titled_full_name() -> None:
    """A title's "The" belongs to the speaker's name ("The New York
    Times"); a one-word unnamed group is not person-like."""
    ent = Entity(index=0, name="New York Times", titled=True, person=False)
    assert ent.full_name == "The New York Times"
    assert not Entity(index=1, name="Reuters").person_like

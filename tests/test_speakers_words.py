"""The word rules of the speaker stages (``quotes.speakers.words``): role
words, titles, name words, a role's head word, names and parties."""

from __future__ import annotations

import re

import attrs
import pytest

from quotes import Lexicon, _tree, evaluate
from quotes.speakers.words import (
    char_before,
    is_misread_name_part,
    is_name_syllable,
    is_name_word,
    is_plural_possessive,
    is_role_word,
    is_surname,
    is_title,
    lexical_head,
    most_specific_role,
    name_words,
    role_parties,
    same_person,
    within_role,
)

LEX = Lexicon.default()


def _tok(text: str, upos: str = "PROPN", lemma: str | None = None
         ) -> _tree.Tok:
    return _tree.Tok(i=0, text=text, lemma=lemma or text.lower(), upos=upos,
                     xpos="NNP" if upos == "PROPN" else "", feats="",
                     head=-1, deprel="root", start=0, end=len(text))


@pytest.mark.parametrize(("text", "upos", "role"), [
    ("spokesman", "NOUN", True),
    ("psychologist", "NOUN", True),  # a person noun by its ending
    ("budget", "NOUN", False),
    ("Peskov", "PROPN", False),
])
def test_words_role_word(text: str, upos: str, role: bool) -> None:
    """Role nouns come from the lexicon or a person-noun ending."""
    assert is_role_word(_tok(text, upos), LEX) is role


@pytest.mark.parametrize(("text", "title", "name"), [
    ("Sen.", True, False),
    ("Mr.", True, False),
    ("Peskov", False, True),
    ("Kremlin", False, True),
    ("-Cantera", False, True),  # "Lopez" "-Cantera": cut at its hyphen
    ("-", False, False),
])
def test_words_title_and_name_word(text: str, title: bool,
                                   name: bool) -> None:
    """A title or honorific is never a name word; a capitalised proper
    noun is."""
    tok = _tok(text)
    assert is_title(tok, LEX) is title
    assert is_name_word(tok, LEX) is name


def test_words_role_word_as_surname() -> None:
    """A role word after a first name or an honorific is a surname ("Tom
    Baker", "Mr. King"); after a role word it is not."""
    assert is_surname([_tok("Tom"), _tok("Baker")], 1, LEX)
    assert is_surname([_tok("Mr."), _tok("King")], 1, LEX)
    assert not is_surname([_tok("Press"), _tok("Secretary")], 1, LEX)


@pytest.mark.parametrize(("role", "head"), [
    ("spokesman for the port authority", "spokesman"),
    ("Kremlin spokesman", "spokesman"),
    ("Sen. (R-Tex.)", "sen."),
    ("Rep., D-Ariz.", "rep."),
    ("Senator, Democrat of Delaware", "senator"),
    ("chairwoman of the finance panel", "chairwoman"),
])
def test_words_lexical_head(role: str, head: str) -> None:
    """The extractor's head word: before a post-modifier, a trailing note
    dropped, punctuation kept (the key of the lexicons)."""
    assert lexical_head(role) == head


@pytest.mark.parametrize(("role", "lexical", "scorer"), [
    ("Kremlin spokesman", "spokesman", "spokesman"),
    ("Sen.", "sen.", "sen"),  # punctuation: kept, dropped
    ("Sen. (R-Tex.)", "sen.", "tex"),  # a note: dropped, read as words
    ("senator representing Ohio", "ohio", "senator"),  # more splits
])
def test_words_lexical_head_is_not_the_scorers(role: str, lexical: str,
                                               scorer: str) -> None:
    """The extractor's head word and the scorer's (``evaluate.role_head``)
    are two meanings, kept apart on purpose: they agree on plain roles
    and differ on punctuation, notes and the longer post-modifier list."""
    assert lexical_head(role) == lexical
    assert evaluate.role_head(role) == scorer


def test_words_names() -> None:
    """Suffixes are no name words; an initial or nickname fits the full
    first name; another last name never does."""
    assert name_words("Robert Smith Jr.") == ["robert", "smith"]
    assert same_person(["loretta", "lynch"], ["l.", "lynch"])
    assert same_person(["robert", "c.", '"bobby"', "scott"],
                       ["bobby", "scott"])
    assert not same_person(["ann", "lee"], ["ann", "park"])


def test_words_roles() -> None:
    """Parties from a role's own words; a bare party label is no role of
    a named person; a role inside another adds nothing."""
    assert role_parties("GOP presidential nominee") == {"R"}
    assert role_parties("the Republican nominee's daughter") == set()
    assert most_specific_role(["Democrat", "senator"], named=True) == \
        "senator"
    assert most_specific_role(["Democrat"], named=False) == "Democrat"
    assert within_role("Officials", "local officials")
    assert not within_role("local officials", "Officials")


def test_words_char_before() -> None:
    """The character before a position, past spaces and skipped marks."""
    text = 'He left. "Baker said'
    assert char_before(text, text.index("Baker")) == '"'
    assert char_before(text, text.index("Baker"), '"') == "."
    assert char_before(text, 0) == ""


def _toks(text: str, upos: str = "PROPN") -> list[_tree.Tok]:
    """*text*'s words and punctuation as tokens (hyphens and apostrophes
    split off tight), each with *upos* unless it is punctuation."""
    out = []
    for k, m in enumerate(re.finditer(r"[\w]+|[^\w\s]", text)):
        word = m.group(0)
        out.append(_tree.Tok(
            i=k, text=word, lemma=word.lower(),
            upos="PUNCT" if not word[0].isalnum() else upos, xpos="",
            feats="", head=-1, deprel="dep", start=m.start(), end=m.end()))
    return out


@pytest.mark.parametrize(("text", "want"), [
    ("Kang Hye-won", True),  # "won" may be tagged a verb
    ("Moon Jae-in", True),
    ("Obama-era", False),  # not two romanised syllables
    ("Hye - won", False),  # not a tight hyphen
    ("Hye-Won", False),  # capitalised: a name word already
])
def test_words_name_syllable(text: str, want: bool) -> None:
    """The lower-case end of a hyphenated romanised given name."""
    toks = _toks(text)
    assert is_name_syllable(toks, len(toks) - 1) is want


@pytest.mark.parametrize(("text", "k", "want"), [
    ("the teachers' union", 2, True),
    ("the teacher's union", 2, False),  # "'s" is its own token in parses
    ("the 'union'", 1, False),  # an opening quote mark
    ("the teachers'", 2, False),  # nothing after it
])
def test_words_plural_possessive(text: str, k: int, want: bool) -> None:
    """The apostrophe of a plural possessive inside a phrase."""
    assert is_plural_possessive(_toks(text, "NOUN"), k) is want


def test_words_misread_name_part() -> None:
    """ "Nguyen Van An" with "An" tagged a determiner: a name word when
    attached as a name part inside the sentence, not when it opens it or
    determines a noun."""
    an = _tree.Tok(i=2, text="An", lemma="a", upos="DET", xpos="DT",
                   feats="", head=0, deprel="nmod:unmarked", start=11,
                   end=13)
    assert is_misread_name_part(an)
    assert is_name_word(an, LEX)
    assert not is_misread_name_part(attrs.evolve(an, deprel="det"))
    assert not is_misread_name_part(attrs.evolve(an, i=0))

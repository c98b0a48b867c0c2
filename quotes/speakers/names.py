"""Canonical names: each entity's fullest name as the text writes it.

Input: the entities that coreference (``coref``) built and the text;
output: the same entities with a surname completed ("Chaffetz": Jason
Chaffetz), an acronym spelled out ("S.E.C.": Securities and Exchange
Commission) and an organisation word named ("police": Charlotte-Mecklenburg
police). Imports ``words`` and ``model`` of the speaker stages.
"""

from __future__ import annotations

import functools
import re

from quotes.lexicons import Lexicon
from quotes.speakers.model import Entity
from quotes.speakers.words import (
    DEFINITE,
    char_before,
    name_words,
    same_person,
)

_ACRONYM = re.compile(r"(?:[A-Z]\.){2,6}|[A-Z]{2,6}")
"""An acronym as a name: "S.E.C.", "AROS"."""
_GIVEN = r"[A-Z][a-z][\w'\u2019-]*"
"""A capitalised word that may be a given name."""
_SENTENCE_END = ".!?:;\"\u201c\u201d\n"
"""Characters after which a capitalised word may begin a sentence."""


@functools.lru_cache(maxsize=1 << 10)
def _full_name_pattern(surname: str) -> re.Pattern[str]:
    """Given names and initials before *surname* ("Jason Chaffetz")."""
    return re.compile(rf"\b({_GIVEN}(?:\s(?:[A-Z]\.|{_GIVEN}))"
                      rf"{{0,2}}\s{re.escape(surname)})\b(?![\w-])")


def complete_names(entities: list[Entity], text: str,
                   lex: Lexicon) -> None:
    """Give each entity the fullest form of its name the text has.

    A person known only by a surname ("Chaffetz", "Mr. Obama") takes
    the one full name in the text that ends in it ("Jason Chaffetz"):
    a known first name, or a capitalised word inside a sentence that is
    no title, then initials or capitalised words; full names of other
    entities and names of the other gender do not count, and two
    different full names leave the surname as it is. An acronym
    ("S.E.C.", "AROS") takes the capitalised words the text spells it
    with ("Securities and Exchange Commission"); an unnamed "police"
    the force the text names ("Charlotte-Mecklenburg police"), and a
    name that is only an organisation word ("the Times") the one the
    text writes in full ("New York Times").
    """
    named = {" ".join(e.name_words) for e in entities
             if len(e.name_words) > 1}
    for ent in entities:
        if ent.name is None and ent.head.casefold() in lex.org_words:
            _name_organisation(ent, text, lex)
        elif ent.name is not None and not ent.plural and \
                ent.name.casefold() in lex.org_words:
            ent.name = _named_before(ent.name, text, lex) or ent.name
        if ent.name is None or ent.plural or ent.titled:
            continue
        if len(ent.name.split()) == 1 and _ACRONYM.fullmatch(ent.name):
            ent.name = _spelled(ent.name, text) or ent.name
        elif ent.person and len(ent.name_words) == 1 and \
                ent.name[:1].isupper() and not ent.name.isupper():
            full = _full_names(ent, named, text, lex)
            ends = {(w[0], w[-1]) for w in map(name_words, full)}
            if len(ends) == 1:  # one person, however often written
                ent.name = max(full, key=len)


def _name_organisation(ent: Entity, text: str, lex: Lexicon) -> None:
    """An unnamed "police" takes the one name the text gives it
    ("Charlotte-Mecklenburg police"): an organisation, no role."""
    name = _named_before(ent.head, text, lex)
    if name is not None:
        ent.name, ent.person, ent.roles = name, False, []


def _named_before(word: str, text: str, lex: Lexicon) -> str | None:
    """The one name the text writes with capitalised words before
    *word* ("Charlotte-Mecklenburg police", "The New York Times":
    New York Times), if there is one."""
    found = set()
    for hit in re.finditer(rf"\b((?:[A-Z][\w.'\u2019-]*\s)+)"
                           rf"{re.escape(word)}\b", text):
        before = char_before(text, hit.start())
        words = hit.group(1).split()
        ends = [k for k, w in enumerate(words)
                if w.endswith(".") and "." not in w[:-1]]
        if ends:  # "... for RT. The network": a sentence ends first
            words, before = words[ends[-1] + 1:], "."
        if len(words) > 1 or before not in {"", *_SENTENCE_END}:
            found.add(" ".join(words))  # not "But police said"
    names = {" ".join(_without_leading_titles(words.split(), lex))
             for words in found}
    names.discard("")
    return f"{names.pop()} {word}" if len(names) == 1 else None


def _without_leading_titles(words: list[str], lex: Lexicon) -> list[str]:
    """*words* from the first that is no title or article: "The New York
    Police" before "Department" gives "New York Police" (a role word inside
    the name stays; dropping every title word gave "New York")."""
    k = 0
    while k < len(words) and (_titular(words[k], lex) or
                              words[k].casefold() in DEFINITE):
        k += 1
    return words[k:]


def _full_names(ent: Entity, named: set[str], text: str,
                lex: Lexicon) -> list[str]:
    """Full names in the text that end in *ent*'s one-word name."""
    found = []
    for hit in _full_name_pattern(ent.name or "").finditer(text):
        start = hit.start()
        for word in re.finditer(r"\S+", hit.group(1)):
            if _titular(word.group(0), lex) or \
                    word.group(0).casefold() in DEFINITE:
                # "Research Director Raj", "The Rachel Maddow Show"
                start = hit.start() + word.end() + 1
        full = text[start:hit.end()]
        words = name_words(full)
        if len(words) < 2:
            continue
        first = words[0]
        inside = char_before(text, start) not in {"", *_SENTENCE_END}
        if _titular(first, lex) or \
                not (first in lex.first_names or inside):
            continue
        gender = lex.first_names.get(first)
        other_gender = None not in {gender, ent.gender} and \
            gender != ent.gender
        if other_gender or " ".join(words) in named or any(
                same_person(n.split(), words) for n in named):
            continue
        found.append(full)
    return found


def _titular(word: str, lex: Lexicon) -> bool:
    """A title, honorific or role word ("Sen.", "Mr.", "Director")."""
    word = word.casefold()
    return word in lex.titles or word in lex.honorifics or \
        word in lex.role_nouns or word in lex.title_words


def _spelled(acronym: str, text: str) -> str | None:
    """The capitalised words whose initials spell *acronym*, if the
    text has them once (function words inside are skipped)."""
    letters = acronym.replace(".", "")
    pattern = r"\s(?:(?:of|and|to|the|for|on)\s)?".join(
        rf"{c}[\w'\u2019-]+" for c in letters)
    found = {hit.group(0) for hit in
             re.finditer(rf"\b{pattern}\b", text)}
    return found.pop() if len(found) == 1 else None

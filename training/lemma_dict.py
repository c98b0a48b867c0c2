"""Widen the dictionary lemmatizer before it ships.

stanza's dictionary lemmatizer (``--dict_only``) knows only the word forms
of the training treebanks and returns any other form unchanged, so
"Officials" at the start of a sentence or an unseen "reiterated" keep
their surface form and no longer match the role-noun and reporting-verb
lexicons. ``extend`` adds, without overriding a form the treebanks saw:

- the capitalised spelling of every known lower-case form;
- the regular inflections (plural; -s, -ed, -ing) of the noun and verb
  lemmas of the training data and of ``quotes``' own lexicons.

The result is still a plain stanza dictionary model.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from pathlib import Path

POS_INDEPENDENT = "*"  # stanza's key for the part-of-speech-free table
_VOWELS = "aeiou"
_SIBILANT = re.compile(r"(s|x|z|ch|sh)$")
_CVC = re.compile(r"(^|[^aeiou])[aeiou][^aeiouwxy]$")


def _third_person(lemma: str) -> str:
    if _SIBILANT.search(lemma) or lemma.endswith("o"):
        return lemma + "es"
    if lemma.endswith("y") and len(lemma) > 1 and lemma[-2] not in _VOWELS:
        return lemma[:-1] + "ies"
    return lemma + "s"


def noun_forms(lemma: str) -> Iterator[str]:
    """Regular plural spellings of a noun lemma."""
    if lemma.endswith("man"):
        yield lemma[:-3] + "men"  # spokesman, chairwoman
    if lemma.endswith("f"):
        yield lemma[:-1] + "ves"
    elif lemma.endswith("fe"):
        yield lemma[:-2] + "ves"
    yield _third_person(lemma) if not lemma.endswith("o") else lemma + "s"


def verb_forms(lemma: str) -> Iterator[str]:
    """Regular -s, -ed and -ing spellings of a verb lemma."""
    yield _third_person(lemma)
    if lemma.endswith("e"):
        yield lemma + "d"
        stem = lemma[:-2] + "y" if lemma.endswith("ie") else (
            lemma if lemma.endswith(("ee", "ye", "oe")) else lemma[:-1])
        yield stem + "ing"
        return
    if lemma.endswith("y") and len(lemma) > 1 and lemma[-2] not in _VOWELS:
        yield lemma[:-1] + "ied"
    else:
        yield lemma + "ed"
    yield lemma + "ing"
    if _CVC.search(lemma):  # stop -> stopped; admit -> admitted
        yield lemma + lemma[-1] + "ed"
        yield lemma + lemma[-1] + "ing"


def treebank_lemmas(conllu: Path) -> tuple[set[str], set[str]]:
    """The lower-case NOUN and VERB lemmas of a CoNLL-U file."""
    nouns: set[str] = set()
    verbs: set[str] = set()
    with conllu.open(encoding="utf-8") as lines:
        for line in lines:
            cols = line.split("\t")
            if len(cols) != 10 or not cols[0].isdigit():
                continue
            lemma = cols[2]
            if not lemma.isalpha() or not lemma.islower():
                continue
            if cols[3] == "NOUN":
                nouns.add(lemma)
            elif cols[3] == "VERB":
                verbs.add(lemma)
    return nouns, verbs


def extend(pos_dict: dict[str, dict[str, str]], nouns: Iterable[str],
           verbs: Iterable[str]) -> int:
    """Add capitalised and regularly inflected forms; return how many.

    New forms go to the NOUN and VERB tables only, so a proper noun such
    as "Rose" keeps its own spelling as its lemma.
    """
    shared = pos_dict.get(POS_INDEPENDENT, {})
    added = 0
    for pos, forms, lemmas in (("NOUN", noun_forms, set(nouns)),
                               ("VERB", verb_forms, set(verbs))):
        table = pos_dict.setdefault(pos, {})
        wanted = {f: lem for f, lem in shared.items() if lem in lemmas}
        wanted.update(table)
        for lemma in sorted(lemmas):
            for form in (lemma, *forms(lemma)):
                if form not in shared:  # never override a seen form
                    wanted.setdefault(form, lemma)
        for form, lemma in wanted.items():
            for spelling in (form, form[:1].upper() + form[1:]):
                if spelling not in table and shared.get(spelling) != lemma:
                    table[spelling] = lemma
                    added += 1
    return added

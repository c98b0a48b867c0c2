"""Selective parsing: which sentences need a dependency parse.

The rules read dependency trees only around attributions. A sentence is
parsed in full when it can hold or continue one: it has a word that
starts a cue of the lexicon ("said", "claim", "according"), a colon, or
part of a quotation (paired over the whole text, so a sentence inside an
open quotation counts); its neighbours are parsed too (a pronoun's
antecedent, a name introduced just before). Other sentences are only
tagged and lemmatised. Input: the text and per sentence its span and
words; output: one flag per sentence. Used when
``ParseConfig(selective=True)``.
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence

from quotes._marks import find_quotes
from quotes.lexicons import Lexicon

NEIGHBOURS = 1
"""Sentences on each side of a selected one that are parsed too."""

SentenceInfo = tuple[int, int, Sequence[tuple[str, str]]]
"""(start, end, [(word text, lemma), ...]) of one sentence."""


def _cue_words(lex: Lexicon) -> frozenset[str]:
    """First words of every cue entry, lower-cased."""
    entries = [*lex.reporting_verbs, *lex.noun_cues, *lex.prep_cues]
    return frozenset(e.split()[0].lower() for e in entries if e.strip())


def needs_parse(text: str, sentences: Sequence[SentenceInfo],
                lex: Lexicon) -> list[bool]:
    """One flag per sentence: does it need a dependency parse?"""
    cues = _cue_words(lex)
    regions = find_quotes(text)
    starts = [r.start for r in regions]

    def quoted(start: int, end: int) -> bool:
        k = bisect.bisect_right(starts, end - 1) - 1
        return k >= 0 and regions[k].end > start

    core = [quoted(start, end) or ":" in text[start:end] or any(
        w.lower() in cues or (lemma or "").lower() in cues
        for w, lemma in words)
        for start, end, words in sentences]
    keep = list(core)
    for k, selected in enumerate(core):
        if selected:
            for j in range(max(0, k - NEIGHBOURS),
                           min(len(core), k + NEIGHBOURS + 1)):
                keep[j] = True
    return keep

"""Selective parsing: which sentences need a dependency parse.

The rules read dependency trees only around attributions. A sentence is
parsed in full when it can hold or continue one: it has a cue of the
lexicon (a verb or noun whose tag and lemma the cue rules accept, "said",
"claim"; a phrase such as "according to"), a colon, or part of a
quotation (paired over the whole text, so a sentence inside an
open quotation counts), or, with the learned tagger on, the tagger may
propose a claim there (its filters need the parse). Other sentences are
only tagged and lemmatised
and get a flat tree (``_parse._flat_tree``), which keeps names and
subjects for coreference. Input: the text and per sentence its span and
words; output: one flag per sentence. Used when
``ParseConfig(selective=True)``.
"""

from __future__ import annotations

import bisect
from collections.abc import Callable, Container, Sequence

from quotes._marks import find_quotes
from quotes.lexicons import Lexicon

NEIGHBOURS = 0
"""Sentences on each side of a selected one that are parsed too. With 1,
PolNeAR dev, GUM dev and seed scores were the same as with 0 (which gave
role precision 0.587 instead of 0.594 on PolNeAR dev) and parsing slower;
the flat tree keeps what the rules read from nearby sentences (names and
subjects)."""

SentenceInfo = tuple[int, int, Sequence[tuple[str, str, str]]]
"""(start, end, [(word text, lemma, upos), ...]) of one sentence."""
CueFinder = Callable[[Sequence[Sequence[tuple[str, str, str]]]], list[bool]]
"""Per sentence outside quotations, given its (text, lemma, upos) words:
could the learned tagger propose a claim there?"""


def _is_cue(lemma: str, upos: str, lex: Lexicon,
            phrasal: Container[str]) -> bool:
    """Could the cue rules (``quotes._cues``) take this word as a cue?
    *phrasal*: the verbs of the lexicon's phrasal cues ("shoot")."""
    return (upos == "VERB" and (lemma in lex.reporting_verbs or
                                lemma in phrasal)) or (
        upos == "NOUN" and lemma in lex.noun_cues)


def needs_parse(text: str, sentences: Sequence[SentenceInfo],
                lex: Lexicon, learned: CueFinder | None = None) -> list[bool]:
    """One flag per sentence: does it need a dependency parse?

    *learned* is asked about the sentences the lexicons leave out.
    """
    phrases = [f" {p} " for p in lex.prep_cues]
    phrasal = {p.split()[0] for p in lex.phrasal_cues}
    regions = find_quotes(text)
    starts = [r.start for r in regions]

    def quoted(start: int, end: int) -> bool:
        k = bisect.bisect_right(starts, end - 1) - 1
        return k >= 0 and regions[k].end > start

    def selected(start: int, end: int,
                 words: Sequence[tuple[str, str, str]]) -> bool:
        if quoted(start, end) or ":" in text[start:end]:
            return True
        if any(_is_cue(lemma, upos, lex, phrasal)
               for _, lemma, upos in words):
            return True
        plain = " " + " ".join(w for w, _, _ in words).lower() + " "
        return any(p in plain for p in phrases)

    core = [selected(*s) for s in sentences]
    if learned is not None:
        rest = [k for k, flag in enumerate(core) if not flag]
        for k, flag in zip(rest, learned([sentences[k][2] for k in rest]),
                           strict=True):
            core[k] = flag
    keep = list(core)
    for k, flag in enumerate(core):
        if flag:
            for j in range(max(0, k - NEIGHBOURS),
                           min(len(core), k + NEIGHBOURS + 1)):
                keep[j] = True
    return keep

"""Repairs to the tokenizer's sentences before tagging and parsing.

stanza's tokenizer takes the period of a title, an initial or a month for
the end of a sentence ("Gov. | Ellen Shaw said", "Loretta E. | Lynch
said", "ended Sept. | 30") and
sometimes splits a capitalised name into a multi-word token ("Donna" ->
"Don" + "na"). A name cut in two loses its speaker, so ``repair`` is given
to the tokenizer as its postprocessor: it joins such sentences again and
keeps capitalised words whole. Input and output are stanza's postprocessor
form: sentences as lists of words, a word being a string or a
``(text, is_multiword)`` pair.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from quotes.lexicons import Lexicon

Word = Any
"""A word of stanza's postprocessor form: ``str`` or ``(str, bool)``."""

_NO_APOSTROPHE_MWT = frozenset({"cannot", "gonna", "wanna", "gotta",
                                "dunno", "lemme", "gimme"})
"""Multi-word tokens written without an apostrophe: these stay split."""


def _text(word: Word) -> str:
    return word if isinstance(word, str) else str(word[0])


def _ends_with_abbreviation(sentence: Sequence[Word], lex: Lexicon) -> bool:
    """The sentence ends with a title ("Gov.") or an initial ("E.")."""
    words = [_text(w) for w in sentence]
    if not words:
        return False
    last = words[-1]
    if last == "." and len(words) > 1:  # "Capt" + "."
        last = words[-2] + "."
    lower = last.lower()
    initial = len(last) == 2 and last[0].isupper() and last[1] == "."
    return initial or lower in lex.titles or lower in lex.honorifics


def _cut_after_title(sentence: Sequence[Word], lex: Lexicon) -> bool:
    """A short piece with no end, cut inside a name ("Gov. Ellen",
    "Chief executive Daniel")."""
    words = [_text(w) for w in sentence]
    return 1 < len(words) <= 4 and (
        words[0].lower() in lex.titles or words[0][:1].isupper()) and \
        words[-1][:1].isupper() and words[-1].isalpha()


def _join_titles(words: list[Word], lex: Lexicon) -> list[Word]:
    """ "Prof" + "." -> "Prof.": a title keeps its period."""
    out: list[Word] = []
    for word in words:
        if _text(word) == "." and out and isinstance(out[-1], str) and \
                out[-1].lower() + "." in lex.titles:
            out[-1] += "."
        else:
            out.append(word)
    return out


_MONTHS = frozenset({"jan.", "feb.", "mar.", "apr.", "aug.", "sep.",
                     "sept.", "oct.", "nov.", "dec."})
"""Abbreviated months, which a date's day follows ("Sept. 30")."""


def _cut_in_date(sentence: Sequence[Word], after: Sequence[Word]) -> bool:
    """A sentence ending in an abbreviated month, the next opening with a
    day's number: one date ("the quarter ended Sept. | 30 was ...")."""
    words = [_text(w) for w in sentence]
    if not words or not after:
        return False
    last = words[-1] if words[-1] != "." or len(words) < 2 else \
        words[-2] + "."
    day = _text(after[0]).rstrip(",")
    return last.lower() in _MONTHS and day.isdigit() and len(day) <= 2


def _lone_given_name(sentence: Sequence[Word], lex: Lexicon) -> bool:
    """A "sentence" that is only a known first name ("Anna | Holm said
    ..."): the tokenizer cut a name in two."""
    if len(sentence) != 1:
        return False
    text = _text(sentence[0])
    return text[:1].isupper() and text[1:].islower() and \
        text.lower() in lex.first_names


def _starts_like_name(sentence: Sequence[Word]) -> bool:
    """The next sentence opens with a capitalised word (a name goes on)."""
    first = _text(sentence[0]) if sentence else ""
    return first[:1].isupper() and first[:1].isalpha()


def _keep_whole(word: Word) -> Word:
    """A capitalised word with no apostrophe is one word ("Donna")."""
    if isinstance(word, str) or word[1] is not True:
        return word
    text = str(word[0])
    if text[:1].isupper() and "'" not in text and "\u2019" not in text \
            and text.lower() not in _NO_APOSTROPHE_MWT:
        return text
    return word


def repair(sentences: list[list[Word]],
           lex: Lexicon | None = None) -> list[list[Word]]:
    """Join sentences cut after a title, an initial, a month or a lone
    first name; keep names whole."""
    lex = lex or Lexicon.default()
    out: list[list[Word]] = []
    for sentence in sentences:
        words = [_keep_whole(w) for w in sentence]
        if out and ((_starts_like_name(words) and (
                _ends_with_abbreviation(out[-1], lex) or
                _cut_after_title(out[-1], lex) or
                _lone_given_name(out[-1], lex))) or
                _cut_in_date(out[-1], words)):
            out[-1] = _join_titles(out[-1] + words, lex)
        else:
            out.append(_join_titles(words, lex))
    return out

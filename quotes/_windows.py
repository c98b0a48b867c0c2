"""Long documents: the rules run on windows of whole paragraphs.

Quote pairing, cue matching and speaker coreference look back over the
whole document, which costs more than linear time. A document longer than
``WINDOW`` characters is therefore cut, at paragraph breaks outside
quotations, into windows of about ``WINDOW`` characters; the rules run on
each window alone and the results are joined: speakers with the same
canonical name, or a one-word name ("Kirby") and an earlier full name
("John Kirby"), become one entity. A news article is far below the limit.
Beyond it, a pronoun at the start of a window cannot reach a speaker
named only in the previous window.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterator
from typing import TYPE_CHECKING

import attrs

from quotes import _attribute
from quotes._marks import find_quotes
from quotes._tree import Doc, shift
from quotes.lexicons import Lexicon
from quotes.records import Attribution, Result, Span, SpeakerEntity
from quotes.speakers.words import most_specific_role

if TYPE_CHECKING:
    from quotes._learned import Proposer
    from quotes.speakers.coref import PronounChooser
    from quotes.speakers.roles import RoleChooser

WINDOW = 100_000
"""Characters in a window (a window ends at the first break past this)."""


def run(doc: Doc, lex: Lexicon, doc_id: str | None = None,
        window: int = WINDOW, propose: Proposer | None = None,
        roles: RoleChooser | None = None,
        pronouns: PronounChooser | None = None) -> Result:
    """Extract every attribution, window by window on long documents.

    *propose* (the learned tagger) adds claims to the rules' own; *roles*
    (the role model) decides each speaker's role, *pronouns* (the pronoun
    model) who each pronoun is.
    """
    if len(doc.text) <= window or len(doc.sents) < 2:
        return _attribute.run(doc, lex, doc_id, propose, roles, pronouns)
    parts = []
    for lo, hi, start, end in _windows(doc, window):
        part = Doc(text=doc.text[start:end],
                   sents=[shift(s, -start, k)
                          for k, s in enumerate(doc.sents[lo:hi])])
        parts.append((start, lo, _attribute.run(part, lex, doc_id,
                                                propose, roles, pronouns)))
    return _join(parts, doc_id)


def _windows(doc: Doc, window: int) -> Iterator[tuple[int, int, int, int]]:
    """(first sentence, end sentence, start offset, end offset) per window.

    A window ends after the first sentence past *window* characters that
    is followed by a line break outside any quotation; failing that for
    three windows' length, after any sentence.
    """
    text, sents = doc.text, doc.sents
    regions = find_quotes(text)
    starts = [r.start for r in regions]

    def in_quote(offset: int) -> bool:
        k = bisect.bisect_right(starts, offset) - 1
        return k >= 0 and regions[k].start < offset < regions[k].end

    lo, begin = 0, 0
    for k in range(len(sents) - 1):
        size = sents[k].end - begin
        gap_end = sents[k + 1].start
        paragraph = "\n" in text[sents[k].end:gap_end]
        if (size >= window and paragraph and not in_quote(gap_end)) or \
                size >= 3 * window:
            yield lo, k + 1, begin, gap_end
            lo, begin = k + 1, gap_end
    yield lo, len(sents), begin, len(text)


def _same_person(name: str, speakers: list[SpeakerEntity]) -> int | None:
    """An earlier speaker that a one-word name ("Kirby") refers to."""
    if " " in name:
        return None
    for k in reversed(range(len(speakers))):
        words = speakers[k].name.split()
        if len(words) > 1 and name in {words[0], words[-1]}:
            return k
    return None


def _moved(span: Span, offset: int) -> Span:
    return Span(start=span.start + offset, end=span.end + offset,
                text=span.text)


def _join(parts: list[tuple[int, int, Result]], doc_id: str | None) -> Result:
    """One result from the windows' results, in text order."""
    names: dict[str, int] = {}
    speakers: list[SpeakerEntity] = []
    attributions: list[Attribution] = []
    loose: list[Span] = []
    for offset, first_sent, result in parts:
        remap: dict[int, int] = {}
        for ent in result.speakers:
            mentions = [_moved(m, offset) for m in ent.mentions]
            k_same = names.get(ent.name, _same_person(ent.name, speakers))
            if k_same is not None:
                k = k_same
                old = speakers[k]
                roles = [*old.roles, *(r for r in ent.roles
                                       if r not in old.roles)]
                speakers[k] = attrs.evolve(
                    old, roles=roles, mentions=[*old.mentions, *mentions])
            else:
                k = names[ent.name] = len(speakers)
                speakers.append(attrs.evolve(ent, entity=k,
                                             mentions=mentions))
            remap[ent.entity] = k
        for a in result.attributions:
            speaker = a.speaker and attrs.evolve(
                a.speaker, span=_moved(a.speaker.span, offset))
            if speaker is not None and speaker.entity is not None:
                ent = speakers[remap[speaker.entity]]
                speaker = attrs.evolve(
                    speaker, entity=ent.entity, name=ent.name,
                    role=most_specific_role(
                        ent.roles, named=speaker.name is not None)
                    or speaker.role)
            cue = a.cue and attrs.evolve(a.cue,
                                         span=_moved(a.cue.span, offset))
            attributions.append(attrs.evolve(
                a, content=_moved(a.content, offset),
                content_pieces=[_moved(p, offset) for p in a.content_pieces],
                cue=cue,
                speaker=speaker, sentence=a.sentence + first_sent))
        loose += [_moved(q, offset) for q in result.unattributed_quotes]
    return Result(doc_id=doc_id, attributions=attributions,
                  speakers=speakers, unattributed_quotes=loose)

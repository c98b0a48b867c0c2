"""Claims split by their tag: "The plan, he said, was a failure."

A reporting tag set off by commas inside the sentence it reports ("…, she
argued, …") splits one claim in two pieces. The rules see the clause on
one side of the tag, or the whole sentence with the tag inside it; this
stage makes either one claim whose pieces are the words before and after
the tag, so the tag is not content and the words before it are not left
to become a second claim.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from quotes._cues import CueMatch
from quotes._tree import Doc, Sent, Tok, is_punct

_TAG_DEPENDENTS = frozenset({"advmod", "obl", "nmod:tmod", "obl:tmod"})
"""Dependents of the cue verb that stay inside the tag ("he said on
Tuesday", "she later argued")."""

_OPENING = "\"'\u201c\u2018"


def split_at_tag(doc: Doc, cue: CueMatch, start: int, end: int,
                 ) -> list[tuple[int, int]] | None:
    """The pieces of the claim ``text[start:end]`` when *cue* is a tag set
    off by commas inside its sentence; else None.

    The claim either covers the tag (the tag is cut out) or begins right
    after it (the words from the sentence start to the tag are added).
    """
    if cue.speaker is None:
        return None
    sent = _sentence(doc, cue)
    tag = _tag_extent(sent, cue)
    if tag is None:
        return None
    lo, hi = tag
    toks = sent.toks
    left = (_first_word(toks), toks[lo - 2].end)
    right = toks[hi + 2].start if hi + 2 < len(toks) else None
    if right is None or left[0] >= left[1] or \
            any(c in doc.text[left[0]:left[1]] for c in _OPENING):
        return None
    comma_left, comma_right = toks[lo - 1].start, toks[hi + 1].end
    if start < comma_left and end > comma_right:
        return [(start, comma_left), _unquoted(doc.text, right, end)]
    if start >= comma_right and \
            doc.text[comma_right:start].strip(_OPENING + " \n") == "":
        return [left, (start, end)]
    return None


def tag_claim(doc: Doc, cue: CueMatch) -> list[tuple[int, int]] | None:
    """The pieces of the claim around *cue* when it is a verb set off by
    commas inside its sentence ("The plan, said Mayor Lee, was a
    failure"): the words before the tag and those after it, up to the
    sentence's closing punctuation; else None."""
    sent = _sentence(doc, cue)
    if cue.toks[0].upos != "VERB":
        return None
    tag = _tag_extent(sent, cue)
    if tag is None:
        return None
    words = [t for t in sent.toks[tag[1] + 2:] if not is_punct(t)]
    if not words:
        return None
    end = words[-1].end
    if doc.text[end:sent.toks[-1].end].strip(_OPENING + "\u201d\u2019") \
            not in {"", ".", "!", "?"}:
        end = sent.toks[-1].end  # a closing mark inside the last word
    return split_at_tag(doc, cue, words[0].start, end)


def _unquoted(text: str, start: int, end: int) -> tuple[int, int]:
    """``(start, end)`` without the marks of a quotation that is all of
    it, as a quotation's content goes without its marks."""
    piece = text[start:end]
    if piece[:1] not in "\"\u201c":
        return start, end
    close = max(piece.rfind("\""), piece.rfind("\u201d"))
    if close > 0 and not piece[close + 1:].strip(".,;!? ") and \
            not any(c in piece[1:close] for c in "\"\u201c\u201d"):
        return start + 1, start + close
    return start, end


def _tag_extent(sent: Sent, cue: CueMatch) -> tuple[int, int] | None:
    """Token positions (first, last) of the tag "he said" when a comma
    stands right before and right after it and words stand before it."""
    toks = sent.toks
    if any(t.i >= len(toks) or toks[t.i].start != t.start
           for t in cue.toks) or cue.toks[0].upos not in {"VERB", "AUX"}:
        return None  # a dash or a label standing for the cue
    where = {t.i: k for k, t in enumerate(toks)}
    speaker = cue.speaker
    if speaker is not None and speaker.rel in {"flat", "compound"} and \
            speaker.head >= 0:
        speaker = toks[where[speaker.head]]  # "Director Paulo Mendes"
    inside = set(_subtree(sent, speaker.i)) if speaker else set()
    for t in cue.toks:
        inside.add(t.i)
        for kid in sent.kids[t.i]:
            if toks[where[kid]].deprel in _TAG_DEPENDENTS:
                inside.update(_subtree(sent, kid))
    spots = sorted(where[i] for i in inside if i in where)
    lo, hi = spots[0], spots[-1]
    if spots != list(range(lo, hi + 1)) or lo < 2 or hi + 2 >= len(toks):
        return None
    if toks[lo - 1].text != "," or toks[hi + 1].text != ",":
        return None
    return lo, hi


def _subtree(sent: Sent, root: int) -> Iterable[int]:
    """The token indices of the subtree under *root*, *root* included."""
    return (t.i for t in sent.subtree(root))


def _sentence(doc: Doc, cue: CueMatch) -> Sent:
    """The sentence of *cue* (its index is the sentence's, not a position
    in a window's ``sents``)."""
    return next(s for s in doc.sents if s.index == cue.sent)


def _first_word(toks: Sequence[Tok]) -> int:
    """The start offset of the sentence's first token that is not an
    opening mark or dash."""
    for t in toks:
        if t.text not in {"\u2014", "\u2013", "-", "--"}:
            return t.start
    return toks[0].start

"""A light, typed copy of a stanza parse that the rules read.

Input: a stanza ``Document`` (with character offsets) and the text it was
parsed from; output: ``Doc`` with ``Sent`` and ``Tok`` records. Only this
module and ``_parse.py`` touch stanza objects.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Iterator, Sequence
from typing import Any

from attrs import field, frozen

from quotes.records import Span, as_tuple

FLAT_TREE = "# quotes: flat tree, not parsed"
"""The stanza comment of a sentence selective parsing did not parse."""

PUNCT_CHARS = frozenset(".,;:!?\"'“”‘’«»„‚‹›()[]{}—–-…`´")
HYPHENS = frozenset({"-", "\u2010", "\u2011"})
QUOTE_MARKS = frozenset({'"', "\u201c", "\u201d", "''", "``"})
"""Tokens that are double quotation marks."""


@frozen(kw_only=True)
class Tok:
    """One syntactic word: 0-based index, head index (-1 for the root)."""

    i: int
    text: str
    lemma: str
    upos: str
    xpos: str
    feats: str
    head: int
    deprel: str
    start: int
    end: int

    @property
    def rel(self) -> str:
        """The deprel without its subtype ("nsubj:pass" -> "nsubj")."""
        return self.deprel.split(":", 1)[0]


@frozen(kw_only=True)
class Sent:
    """A parsed sentence and its children index.

    ``parsed`` is False for a sentence that selective parsing left with a
    flat tree (``FLAT_TREE`` among its stanza comments).
    """

    index: int
    toks: tuple[Tok, ...] = field(converter=as_tuple)
    kids: tuple[tuple[int, ...], ...] = field(converter=as_tuple)
    parsed: bool = True

    @property
    def start(self) -> int:
        """Start offset of the first token."""
        return self.toks[0].start

    @property
    def end(self) -> int:
        """End offset of the last token."""
        return self.toks[-1].end

    def children(self, i: int, *rels: str) -> list[Tok]:
        """Dependents of token *i*, those with a deprel in *rels* if given."""
        out = [self.toks[k] for k in self.kids[i]]
        if rels:
            out = [t for t in out if t.deprel in rels or t.rel in rels]
        return out

    def subtree(self, i: int, *, skip: Iterable[int] = ()) -> list[Tok]:
        """Token *i* and its descendants, minus subtrees rooted in *skip*."""
        banned = set(skip)
        out: list[Tok] = []
        stack = [i]
        while stack:
            k = stack.pop()
            if k in banned:
                continue
            out.append(self.toks[k])
            stack.extend(self.kids[k])
        out.sort(key=lambda t: t.i)
        return out

    def ancestors(self, i: int) -> Iterator[Tok]:
        """Heads of token *i*, nearest first (guarded against cycles)."""
        seen = {i}
        k = self.toks[i].head
        while k >= 0 and k not in seen:
            seen.add(k)
            yield self.toks[k]
            k = self.toks[k].head


@frozen(kw_only=True)
class Doc:
    """The text and its sentences."""

    text: str
    sents: tuple[Sent, ...] = field(converter=as_tuple)

    def span(self, start: int, end: int) -> Span:
        """Return the ``Span`` of ``text[start:end]``."""
        return Span(start=start, end=end, text=self.text[start:end])

    def tokens_span(self, toks: Iterable[Tok]) -> Span | None:
        """The span from the first to the last of *toks*, trimmed of spaces."""
        toks = list(toks)
        if not toks:
            return None
        start = min(t.start for t in toks)
        end = max(t.end for t in toks)
        return self.trimmed(start, end)

    def trimmed(self, start: int, end: int) -> Span | None:
        """``text[start:end]`` without surrounding white space."""
        while start < end and self.text[start].isspace():
            start += 1
        while end > start and self.text[end - 1].isspace():
            end -= 1
        return self.span(start, end) if end > start else None


def is_reflexive(tok: Tok) -> bool:
    """An intensifying or reflexive pronoun ("Clinton herself said"):
    beside a noun, never the noun's phrase or a speaker of its own."""
    return tok.text.lower() in _REFLEXIVES


_REFLEXIVES = frozenset({"himself", "herself", "itself", "themselves"})


def is_tight_hyphen(toks: Sequence[Tok], k: int) -> bool:
    """``toks[k]`` is a hyphen written tight between two words
    ("Jean-Pierre", "Texas-based")."""
    if not 0 < k < len(toks) - 1:
        return False
    left, dash, right = toks[k - 1], toks[k], toks[k + 1]
    return dash.text in HYPHENS and left.end == dash.start and \
        dash.end == right.start


def is_punct(tok: Tok) -> bool:
    """True for punctuation tokens (by tag or by characters)."""
    return tok.upos == "PUNCT" or all(c in PUNCT_CHARS for c in tok.text)


def appositive_owner(sent: Sent, noun: Tok) -> Tok | None:
    """The name whose appositive ends in *noun*: "Arjun Mehta, a city
    councillor for the Hebbalgiri ward, who said": Mehta, not the ward.
    Climbs from a common noun through the nouns it modifies, then to the
    name the appositive is set off after (by the parse or by a comma)."""
    if noun.upos != "NOUN":
        return None
    for _ in range(3):
        if noun.rel != "nmod" or noun.head < 0 or \
                sent.toks[noun.head].upos != "NOUN":
            break
        noun = sent.toks[noun.head]
    if noun.rel == "appos" and noun.head >= 0 and \
            sent.toks[noun.head].upos == "PROPN":
        return sent.toks[noun.head]
    first = next(t.i for t in sent.subtree(noun.i) if not is_punct(t))
    if first >= 2 and sent.toks[first - 1].text == "," and \
            sent.toks[first - 2].upos == "PROPN":
        name = sent.toks[first - 2]
        while name.deprel in {"flat", "compound"} and name.head >= 0 and \
                sent.toks[name.head].upos == "PROPN":
            name = sent.toks[name.head]
        return name
    return None


def bracket_opening(toks: Sequence[Tok], close: int) -> int | None:
    """The index of the "(" of a short bracket ("(R-Ohio)", "(D)") whose
    ")" is ``toks[close]``; None when there is none."""
    if close < 2 or toks[close].text != ")":
        return None
    return next((j for j in range(close - 1, max(close - 6, 0), -1)
                 if toks[j].text == "("), None)


def _offsets(word: Any, token: Any) -> tuple[int, int]:
    """Character offsets of a word, falling back to its token's."""
    start, end = getattr(word, "start_char", None), getattr(
        word, "end_char", None)
    if start is None or end is None:
        start, end = token.start_char, token.end_char
    return int(start), int(end)


def _space_after(token: Any) -> str:
    misc = token.misc or ""
    for item in misc.split("|"):
        if item == "SpaceAfter=No":
            return ""
        if item.startswith("SpacesAfter="):
            raw = item.split("=", 1)[1]
            return raw.replace("\\s", " ").replace("\\n", "\n").replace(
                "\\t", "\t")
    return " "


def reconstruct_text(doc: Any) -> str:
    """Rebuild the raw text of a CoNLL-U document from its tokens.

    Paragraphs (``# newpar`` comments) are separated by a blank line.
    """
    parts: list[str] = []
    for k, sentence in enumerate(doc.sentences):
        comments = getattr(sentence, "comments", None) or []
        if k and any(c.startswith("# newpar") for c in comments):
            parts[-1] = parts[-1].rstrip(" ") + "\n\n" if parts else ""
        for token in sentence.tokens:
            parts.append(token.text + _space_after(token))
    return "".join(parts).rstrip()


def _aligned(doc: Any, text: str) -> list[list[tuple[int, int]]]:
    """Offsets of every token: its own if they fit *text*, else found by
    scanning *text*."""
    cursor = 0
    out = []
    for sentence in doc.sentences:
        spans = []
        for token in sentence.tokens:
            own = None
            if token.start_char is not None and token.end_char is not None:
                own = (int(token.start_char), int(token.end_char))
            if own is not None and text[own[0]:own[1]] == token.text:
                start, end = own
            else:
                # no offsets, or offsets into another text (a CoNLL-U
                # file whose text was rebuilt without its spacing)
                start = text.find(token.text, cursor, cursor + 200 +
                                  len(token.text))
                if start >= 0:
                    end = start + len(token.text)
                elif own is not None and 0 <= own[0] <= own[1] <= len(text):
                    start, end = own  # the token's text was normalised
                else:  # text differs from the tokens: keep going
                    start = end = min(cursor, len(text))
            cursor = max(cursor, end)
            spans.append((start, end))
        out.append(spans)
    return out


def from_stanza(doc: Any, text: str) -> Doc:
    """Copy a stanza Document into a ``Doc`` over *text*.

    Tokens without character offsets (CoNLL-U input) are aligned to *text*.
    """
    sents = []
    offsets = _aligned(doc, text)
    for s_index, sentence in enumerate(doc.sentences):
        toks: list[Tok] = []
        for t_index, token in enumerate(sentence.tokens):
            for word in token.words:
                start, end = offsets[s_index][t_index]
                if len(token.words) == 1 or word.start_char is None:
                    pass
                else:
                    start, end = _offsets(word, token)
                start = max(0, min(start, len(text)))
                end = max(start, min(end, len(text)))
                head = word.head if word.head is not None else 0
                upos, xpos = word.upos or "X", word.xpos or "_"
                if upos == "PUNCT" and (word.text or "")[:1].isupper():
                    upos, xpos = "PROPN", "NNP"  # "Declan Ó Briain"
                toks.append(Tok(
                    i=len(toks), text=word.text or "",
                    lemma=(word.lemma or word.text or "").lower(),
                    upos=upos, xpos=xpos,
                    feats=word.feats or "_", head=int(head) - 1,
                    deprel=word.deprel or "dep", start=start, end=end))
        if not toks:
            continue
        size = len(toks)
        fixed = [t if -1 <= t.head < size and t.head != t.i else
                 Tok(**{**_as_dict(t), "head": -1, "deprel": "root"})
                 for t in toks]
        fixed = _one_subject(fixed, _children(fixed))
        sents.append(Sent(index=s_index, toks=fixed,
                          kids=[tuple(k) for k in _children(fixed)],
                          parsed=FLAT_TREE not in (sentence.comments or ())))
    return Doc(text=text, sents=sents)


def _children(toks: list[Tok]) -> list[list[int]]:
    kids: list[list[int]] = [[] for _ in toks]
    for t in toks:
        if t.head >= 0:
            kids[t.head].append(t.i)
    return kids


_SUBJECTS = {"nsubj", "nsubj:pass"}


def _one_subject(toks: list[Tok], kids: list[list[int]]) -> list[Tok]:
    """Join two adjacent subjects of one predicate into one phrase.

    UD gives a predicate one subject, but a weak parse of "Pentagon press
    secretary John Kirby said" may hang "secretary" and "Kirby" from
    "said" as two; the first (a title) then becomes a ``compound`` of the
    second, as when the parse is right.
    """
    def span(i: int) -> tuple[int, int]:
        lo = hi = i
        stack = [i]
        while stack:
            for k in kids[stack.pop()]:
                lo, hi = min(lo, k), max(hi, k)
                stack.append(k)
        return lo, hi

    out = list(toks)
    for head in range(len(toks)):
        subjects = [k for k in kids[head] if toks[k].deprel in _SUBJECTS]
        for first, second in itertools.pairwise(subjects):
            if toks[first].upos in {"NOUN", "PROPN"} and \
                    toks[second].upos == "PROPN" and \
                    span(first)[1] + 1 == span(second)[0]:
                out[first] = Tok(**{**_as_dict(toks[first]),
                                    "head": second, "deprel": "compound"})
    return out


def _as_dict(tok: Tok) -> dict[str, Any]:
    return {f: getattr(tok, f) for f in (
        "i", "text", "lemma", "upos", "xpos", "feats", "head", "deprel",
        "start", "end")}


def shift(sent: Sent, offset: int, index: int) -> Sent:
    """Move a sentence parsed from a chunk to its place in the whole text."""
    toks = [Tok(**{**_as_dict(t), "start": t.start + offset,
                   "end": t.end + offset}) for t in sent.toks]
    return Sent(index=index, toks=toks, kids=sent.kids, parsed=sent.parsed)

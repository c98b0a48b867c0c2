"""Text as people have it: what the parser reads, and the way back.

Input: the text exactly as given. Output: a ``Plain`` holding the text the
parser and the rules read, where a leading byte-order mark is skipped and
the line breaks inside a hard-wrapped paragraph (lines folded at a fixed
width, as plain-text archives and wire copy are) are joined, and the map
from its offsets back to the given text; ``Plain.restore`` applies that map
to a ``Result``, so that every span indexes the text as given. A blank
line, or an indented line, still starts a paragraph, and so does a line
break after a line that does not look folded (text with one paragraph a
line keeps its paragraphs). Imports nothing from stanza.
"""

from __future__ import annotations

import bisect
import logging
import math
import re
from typing import Any, TypeVar

import attrs

from quotes.records import Result, Span

log = logging.getLogger(__name__)

BOM = "\ufeff"
MAX_WIDTH = 100
"""A line longer than this is not a folded line: a block of lines holding
one is left as it is (its line breaks end paragraphs)."""
MIN_WIDTH = 40
"""A line shorter than this is never taken for a folded line (headlines,
datelines and bylines stand on lines of their own)."""
LONG_LINES = 0.1
"""Text where more than this share of lines is longer than ``MAX_WIDTH``
has one paragraph a line: none of its line breaks is joined."""

_BREAK = re.compile(r"\r\n|\r|\n")
_SENTENCE_END = re.compile(r"[.!?…][\"'”’)\]]*$")
_HYPHENATED = re.compile(r"[^\W\d_]-$")
_FIRST_WORD = re.compile(r"[^ \t\r\n]+")
_OPENING = re.compile(r"[\"'“‘«„—–―•*-]")
_T = TypeVar("_T")


@attrs.frozen
class Plain:
    """The text the parser reads and the map back to the given text.

    ``to_given(i)`` is ``i`` plus the shift in force at normalized offset
    *i*: ``keys`` are the normalized offsets where the shift changes,
    ``shifts`` the shift from each on.
    """

    given: str
    text: str
    keys: tuple[int, ...] = ()
    shifts: tuple[int, ...] = ()

    @property
    def changed(self) -> bool:
        """Whether the parser reads anything other than the given text."""
        return self.text != self.given

    def to_given(self, offset: int) -> int:
        """The offset in the given text of normalized *offset* (a start)."""
        k = bisect.bisect_right(self.keys, offset) - 1
        return offset + (self.shifts[k] if k >= 0 else 0)

    def span(self, span: Span) -> Span:
        """*span* of the normalized text as a span of the given text."""
        start = self.to_given(span.start)
        end = self.to_given(span.end - 1) + 1 if span.end > span.start \
            else start
        return Span(start=start, end=end, text=self.given[start:end])

    def restore(self, result: Result) -> Result:
        """*result* of the normalized text with every span in the given
        text, and the given text kept."""
        if self.changed:
            result = self._remap(result)
        return attrs.evolve(result, text=self.given)

    def _remap(self, value: _T) -> _T:
        obj: Any = value
        if isinstance(obj, Span):
            obj = self.span(obj)
        elif isinstance(obj, tuple):
            obj = tuple(self._remap(v) for v in obj)
        elif attrs.has(type(obj)):
            changes = {}
            for f in attrs.fields(type(obj)):
                old = getattr(obj, f.name)
                new = self._remap(old)
                if f.init and new is not old:
                    changes[f.name] = new
            if changes:
                obj = attrs.evolve(obj, **changes)
        return obj  # type: ignore[no-any-return]

def normalize(given: str) -> Plain:
    """The text to parse for *given*: BOM skipped, folded lines joined."""
    edits: list[tuple[int, int, str]] = []
    if given.startswith(BOM):
        edits.append((0, 1, ""))
    edits.extend(_joins(given))
    if not edits:
        return Plain(given=given, text=given)
    parts: list[str] = []
    keys: list[int] = []
    shifts: list[int] = []
    at_given = at_text = 0
    for start, end, new in edits:
        parts += [given[at_given:start], new]
        at_text += start - at_given + len(new)
        at_given = end
        if at_given - at_text != (shifts[-1] if shifts else 0):
            keys.append(at_text)
            shifts.append(at_given - at_text)
    parts.append(given[at_given:])
    log.debug("input normalized: %d edits (%d line joins)", len(edits),
              len(edits) - given.startswith(BOM))
    return Plain(given=given, text="".join(parts), keys=tuple(keys),
                 shifts=tuple(shifts))


def _joins(text: str) -> list[tuple[int, int, str]]:
    """``(start, end, replacement)`` for each line break to join.

    Nothing is joined in text with many lines longer than ``MAX_WIDTH``
    (``LONG_LINES``). A break is a candidate when the lines on both sides
    hold text and the next is not indented; a block of lines between
    blank lines may be folded when none of its lines is longer than
    ``MAX_WIDTH`` and at least half its candidates are full. A line is
    full when it is at least ``MIN_WIDTH`` long and the next line's first
    word would not have fitted in the document's width (the 90th
    percentile of the candidates' lengths; a no-break space binds words).
    A full line of such a block is joined to the next if it does not end
    a sentence and the next does not open with a quote mark, dash or
    bullet, or else if the document has two or more full lines that
    neither end a sentence nor precede such an opening (a paragraph rarely
    ends mid-sentence; a fold rarely falls at a sentence end). A fold
    after a hyphenated word ("build-" / "up") joins with nothing between.
    """
    lines: list[tuple[int, int, int]] = []  # (start, end, break end)
    at = 0
    for m in _BREAK.finditer(text):
        lines.append((at, m.start(), m.end()))
        at = m.end()
    lines.append((at, len(text), len(text)))
    widths = [len(text[a:b].rstrip()) for a, b, _ in lines]
    filled = [w for w in widths if w]
    if sum(w > MAX_WIDTH for w in filled) > LONG_LINES * len(filled):
        return []  # a paragraph a line, not folded text
    blocks: list[list[int]] = []  # candidates of each block of lines
    block: list[int] = []
    for k in range(len(lines) + 1):
        if k < len(lines) and widths[k]:
            block.append(k)
            continue
        if block and max(widths[i] for i in block) <= MAX_WIDTH:
            blocks.append([i for i in block[:-1]
                           if not text[lines[i + 1][0]].isspace()])
        block = []
    found = sorted(widths[k] for b in blocks for k in b)
    if not found:
        return []
    width = found[math.ceil(0.9 * (len(found) - 1))]

    def full(k: int) -> bool:
        nxt = _FIRST_WORD.match(text, lines[k + 1][0])
        n = widths[k]
        return n >= MIN_WIDTH and n + 1 + len(nxt[0] if nxt else "") > width

    def ends(k: int) -> bool:  # where a paragraph may end as well
        return _SENTENCE_END.search(text, lines[k][0],
                                    lines[k][0] + widths[k]) is not None \
            or _OPENING.match(text, lines[k + 1][0]) is not None

    folded = [k for b in blocks if 2 * sum(map(full, b)) >= len(b)
              for k in b]
    open_full = sum(full(k) and not ends(k) for k in folded)
    edits = []
    for k in folded:
        if not full(k) or (ends(k) and open_full < 2):
            continue
        start, end, brk = lines[k]
        hyphen = _HYPHENATED.search(text, max(start, end - 2), end) and \
            text[brk:brk + 1].isalpha()
        edits.append((end, brk, "" if hyphen else " "))
    return edits


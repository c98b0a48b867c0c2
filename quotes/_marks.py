"""Pair quotation marks across a whole text, the way a news reader does.

Input: the raw text; output: ``QuoteRegion`` records for the outermost
quotations. Tolerates what news and scraped text do: a quote running over
several paragraphs that each reopen it and only the last closes it; marks
never closed (the quote ends with its paragraph); closing marks with no
opener (the quote starts with its paragraph); straight, curly, guillemet
(also German »reversed« ones), low-9 and corner marks; apostrophes that
look like single quotes.
Never raises on any ``str``.
"""

from __future__ import annotations

import functools
import logging
import re

from attrs import field, frozen

from quotes.records import as_tuple

log = logging.getLogger(__name__)

# mark -> (family, role): role "open", "close" or "both" (straight marks).
_MARKS: dict[str, tuple[str, str]] = {
    '"': ("double", "both"), "“": ("double", "open"),
    "”": ("double", "close"), "„": ("double", "open"),
    "‟": ("double", "open"), "«": ("guillemet", "open"),
    "»": ("guillemet", "close"), "「": ("corner", "open"),
    "」": ("corner", "close"), "『": ("corner2", "open"),
    "』": ("corner2", "close"), "〝": ("double", "open"),
    "〞": ("double", "close"), "＂": ("double", "both"),
    "'": ("single", "both"), "‘": ("single", "open"),
    "’": ("single", "close"), "‚": ("single", "open"),
    "‹": ("angle", "open"), "›": ("angle", "close"), "`": ("single", "open"),
}
_OPENERS_BEFORE = frozenset(" \t\n\r\u00a0\u2009\u200b([{—–-/:;,")
_LOW_NINE_PAIRS = frozenset({"„“", "‚‘"})
_REVERSIBLE = frozenset({"guillemet", "angle"})
_PARAGRAPH = re.compile(r"\n")


@frozen(kw_only=True)
class QuoteRegion:
    """One outermost quotation.

    ``start``/``end`` include the marks; ``inner`` is the quoted text
    without the outer marks; ``pieces`` holds one inner range a paragraph
    when the quote runs over several.
    """

    start: int
    end: int
    inner: tuple[int, int]
    pieces: tuple[tuple[int, int], ...] = field(converter=as_tuple)
    closed: bool = True
    opened: bool = True


def _is_letter(ch: str) -> bool:
    return ch.isalnum()


def _classify(text: str, i: int, single_open: bool) -> str | None:
    """Return "open", "close" or None (not a quote mark here) for text[i]."""
    ch = text[i]
    family, role = _MARKS[ch]
    prev = text[i - 1] if i > 0 else " "
    nxt = text[i + 1] if i + 1 < len(text) else " "
    if family == "single" and _is_letter(prev) and _is_letter(nxt):
        return None  # apostrophe inside a word: don't, O’Brien
    if ch == "’" or (ch == "'" and prev not in _OPENERS_BEFORE):
        # a closer only when a single quote is open and the mark ends a word
        if single_open and not _is_letter(nxt):
            return "close"
        return None
    if role == "both":
        if prev in _OPENERS_BEFORE or i == 0 or _MARKS.get(prev):
            return "open" if not nxt.isspace() else "close"
        return "close"
    if family == "single" and role == "open" and nxt.isspace():
        return None
    if family == "double" and role == "open" and prev in ",.!?" and \
            (nxt.isspace() or i + 1 == len(text)):
        return "close"  # a misprinted closer: '"It's unusual,“ said Noble'
    if family in _REVERSIBLE:
        # German and Danish print »…« and ›…‹: the direction comes from
        # the spaces around the mark
        if role == "close" and prev in _OPENERS_BEFORE and \
                not nxt.isspace() and nxt not in _MARKS:
            return "open"
        if role == "open" and i > 0 and not prev.isspace() and \
                prev not in "([{" and prev not in _MARKS and \
                not _is_letter(nxt):
            return "close"
    return role


def _paragraph_ends(text: str) -> list[int]:
    """Offsets where paragraphs end (each newline, and the text's end)."""
    return [m.start() for m in _PARAGRAPH.finditer(text)] + [len(text)]


# Doubled apostrophes ('') and backticks (``) stand for a double quote in
# older wire copy and archives (''Not now,'' he said); pairing sees them
# as '"' plus a filler that is neither a mark nor a space, so offsets keep
# their meaning, and the regions are then widened over the second char.
_DOUBLED = re.compile(r"(?<!')''(?!')|``")
_FILLER = "\u2060"


def find_quotes(text: str) -> list[QuoteRegion]:
    """Return the outermost quotations of *text*, in text order."""
    return list(_find_quotes(text))


@functools.lru_cache(maxsize=8)
def _find_quotes(text: str) -> tuple[QuoteRegion, ...]:
    # cached: the rules, the tagger and selective parsing pair one text
    shadow = _DOUBLED.sub('"' + _FILLER, text)
    regions = _pair_marks(shadow)
    if shadow == text:
        return tuple(regions)
    return tuple(_over_doubled(r, text) for r in regions)


def _over_doubled(region: QuoteRegion, text: str) -> QuoteRegion:
    """Widen *region* over the second char of doubled marks."""
    def doubled(i: int) -> bool:
        return 0 <= i < len(text) - 1 and _DOUBLED.match(text, i) is not None

    pieces = [(a + 1 if doubled(a - 1) else a, b) for a, b in region.pieces]
    pieces = [(a, max(a, b)) for a, b in pieces]
    end = region.end + 1 if region.closed and doubled(region.end - 1) \
        else region.end
    start_inner = pieces[0][0] if pieces else region.inner[0]
    return QuoteRegion(start=region.start, end=end,
                       inner=(start_inner, max(start_inner,
                                               region.inner[1])),
                       pieces=pieces, closed=region.closed,
                       opened=region.opened)


_MARK_OR_BREAK = re.compile("[" + re.escape("".join(_MARKS)) + "\n]")


def _pair_marks(text: str) -> list[QuoteRegion]:
    """Pair the (single-character) marks of *text* into regions."""
    regions: list[QuoteRegion] = []
    stack: list[tuple[str, int]] = []  # (family, offset) of open marks
    pieces: list[tuple[int, int]] = []  # finished paragraph pieces
    first_open = -1
    para_starts = [0] + [e + 1 for e in _paragraph_ends(text)[:-1]]
    para_ends = _paragraph_ends(text)
    p_index = 0

    def close(end_mark: int, closed: bool) -> None:
        nonlocal first_open, pieces
        start = first_open
        piece_start = stack[0][1] + 1
        all_pieces = [*pieces, (piece_start, end_mark)]
        end = end_mark + 1 if closed else end_mark
        regions.append(QuoteRegion(
            start=start, end=end, inner=(start + 1, end_mark),
            pieces=all_pieces, closed=closed))
        stack.clear()
        pieces = []
        first_open = -1

    i = 0
    while i < len(text):
        hit = _MARK_OR_BREAK.search(text, i)  # nothing else is read
        if hit is None:
            break
        i = hit.start()
        while p_index < len(para_ends) - 1 and i > para_ends[p_index]:
            p_index += 1
        ch = text[i]
        if ch == "\n" and stack:
            # a paragraph ends inside a quote: continue it if the next
            # paragraph reopens with a mark of the same family
            nxt = _next_paragraph_start(text, i)
            family = stack[0][0]
            if nxt < len(text) and text[nxt] in _MARKS and \
                    _MARKS[text[nxt]][0] == family and \
                    _classify(text, nxt, False) == "open":
                pieces.append((stack[0][1] + 1, _rstrip(text, i)))
                stack[:] = [(family, nxt)]
                i = nxt + 1
                continue
            log.debug("quote opened at %d not closed in its paragraph",
                      stack[0][1])
            close(_rstrip(text, i), closed=False)
            i += 1
            continue
        if ch in _MARKS:
            single_open = any(f == "single" for f, _ in stack)
            kind = _classify(text, i, single_open)
            family = _MARKS[ch][0]
            if stack and text[stack[-1][1]] + ch in _LOW_NINE_PAIRS:
                kind = "close"  # German „…“ and ‚…‘
            if kind == "open" and not (stack and stack[-1][0] == family
                                       and _MARKS[ch][1] == "both"):
                if not stack:
                    first_open = i
                stack.append((family, i))
            elif kind in {"open", "close"}:
                depth = _find_family(stack, family)
                if depth is None:
                    if not stack and family != "single":
                        _add_unopened(regions, text, i, para_starts[p_index])
                elif depth == 0:
                    close(i, closed=True)
                else:
                    del stack[depth:]
        i += 1
    if stack:
        close(_rstrip(text, len(text)), closed=False)
    return regions


def _find_family(stack: list[tuple[str, int]], family: str) -> int | None:
    for depth in range(len(stack) - 1, -1, -1):
        if stack[depth][0] == family:
            return depth
    return None


def _add_unopened(regions: list[QuoteRegion], text: str, i: int,
                  para_start: int) -> None:
    """A closing mark with no opener: the quote starts with its paragraph."""
    start = max(para_start, regions[-1].end if regions else 0)
    while start < i and text[start].isspace():
        start += 1
    if start >= i:
        return
    log.debug("closing mark at %d has no opener", i)
    regions.append(QuoteRegion(start=start, end=i + 1, inner=(start, i),
                               pieces=[(start, i)], opened=False))


def _next_paragraph_start(text: str, i: int) -> int:
    while i < len(text) and text[i].isspace():
        i += 1
    return i


def _rstrip(text: str, end: int) -> int:
    while end > 0 and text[end - 1].isspace():
        end -= 1
    return end

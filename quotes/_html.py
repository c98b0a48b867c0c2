"""The HTML view of a result: the text with its attributions marked.

``render(result, text)`` returns one self-contained HTML fragment (inline
CSS, no script, nothing fetched) that shows the document with each
claim's content, cue and speaker mention marked, one colour family per
speaker entity, and the speaker index as a table. Every piece of the
input is escaped. ``Result.to_html`` and ``Result._repr_html_`` call it.

Marks never rely on colour alone: contents are underlined, cues dotted
and framed, speaker mentions boxed with the resolved name as a badge,
unattributed quotations wavy-underlined and labelled. Each mark can take
keyboard focus and shows its details (speaker, role, kind, cue lemma,
confidence) on hover (``title``) and on focus (a CSS tooltip).
"""

from __future__ import annotations

import html
from collections.abc import Iterable, Iterator

from attrs import define, field

from quotes.records import Attribution, Result, Span

CONTENT = "content"
CUE = "cue"
SPEAKER = "speaker"
UNATTRIBUTED = "unattributed"
_ORDER = {SPEAKER: 0, CUE: 1, CONTENT: 2, UNATTRIBUTED: 3}
"""Of two marks over the same stretch, the lower number sits inside."""
_GOLDEN_ANGLE = 137.508
"""Hue step between entities: neighbours get far-apart hues."""

STYLE = """
.quotes-view{font-family:system-ui,sans-serif;line-height:1.9;color:#1a1a1a;
 background:#fff;max-width:52rem}
.quotes-view .q-text{white-space:pre-wrap;font-family:Georgia,serif;
 font-size:1.05rem;padding:.5rem 0}
.quotes-view mark{color:inherit;background:none;position:relative;
 padding:0 1px}
.quotes-view mark:focus{outline:3px solid #1a5fb4;outline-offset:1px}
.quotes-view .q-content{background:hsl(var(--h) 85% 92%);
 border-bottom:2px solid hsl(var(--h) 65% 35%)}
.quotes-view .q-cue{font-weight:700;border:1px dotted hsl(var(--h) 65% 30%);
 text-decoration:underline dotted;text-underline-offset:3px}
.quotes-view .q-speaker{background:hsl(var(--h) 80% 80%);
 border:2px solid hsl(var(--h) 65% 30%);border-radius:3px}
.quotes-view .q-speaker[data-name]::after{content:attr(data-name);
 font:600 .7rem system-ui,sans-serif;margin-left:3px;padding:0 3px;
 border-radius:2px;background:hsl(var(--h) 65% 30%);color:#fff;
 vertical-align:super}
.quotes-view .q-none{--h:0;filter:saturate(0)}
.quotes-view .q-unattributed{background:#eee;
 text-decoration:underline wavy #555;text-underline-offset:4px}
.quotes-view .q-unattributed::after{content:"unattributed";
 font:600 .7rem system-ui,sans-serif;margin-left:3px;padding:0 3px;
 background:#555;color:#fff;border-radius:2px;vertical-align:super}
.quotes-view mark:focus::before{content:attr(data-tip);position:absolute;
 left:0;top:100%;z-index:10;width:max-content;max-width:24rem;
 white-space:pre-wrap;font:.8rem/1.4 system-ui,sans-serif;color:#fff;
 background:#222;padding:.3rem .5rem;border-radius:4px}
.quotes-view table{border-collapse:collapse;margin:.5rem 0;font-size:.9rem}
.quotes-view th,.quotes-view td{border:1px solid #bbb;padding:.2rem .5rem;
 text-align:left;vertical-align:top}
.quotes-view .q-swatch{display:inline-block;width:.9rem;height:.9rem;
 margin-right:.4rem;vertical-align:middle;border-radius:2px;
 background:hsl(var(--h) 80% 80%);border:2px solid hsl(var(--h) 65% 30%)}
.quotes-view .q-legend mark{margin-right:.8rem}
.quotes-view .q-legend mark::after{display:none}
"""


@define(kw_only=True)
class Mark:
    """One marked stretch of the text and what it belongs to."""

    start: int
    end: int
    part: str
    """``content``, ``cue``, ``speaker`` or ``unattributed``."""
    entity: int | None = None
    tips: list[str] = field(factory=list)
    name: str | None = None
    """Shown as a badge on a speaker mention that does not spell it."""


def _describe(a: Attribution, number: int) -> str:
    """The details of claim *number* (1-based) in words."""
    lines = [f"claim {number} · {a.kind.value}"]
    if a.speaker is None:
        lines.append("speaker: not found")
    else:
        who = a.speaker.name or a.speaker.text
        lines.append(f"speaker: {who} (mention “{a.speaker.text}”)")
        lines.append(f"role: {a.speaker.role or 'none found'}")
    if a.cue is None:
        lines.append("cue: none")
    else:
        lines.append(f"cue: {a.cue.lemma} ({a.cue.cls})")
    lines.append(f"confidence: {a.confidence:.2f}")
    return "\n".join(lines)


def _content_spans(a: Attribution) -> tuple[Span, ...]:
    return a.content_pieces if len(a.content_pieces) > 1 else (a.content,)


def collect(result: Result) -> list[Mark]:
    """Every mark of *result*, one per distinct (start, end, part)."""
    marks: dict[tuple[int, int, str], Mark] = {}

    def add(span: Span, part: str, entity: int | None, tip: str,
            name: str | None = None) -> None:
        if span.end <= span.start:
            return
        key = (span.start, span.end, part)
        if key not in marks:
            marks[key] = Mark(start=span.start, end=span.end, part=part,
                              entity=entity, name=name)
        if tip not in marks[key].tips:
            marks[key].tips.append(tip)

    for number, a in enumerate(result.attributions, start=1):
        entity = a.speaker.entity if a.speaker else None
        details = _describe(a, number)
        for span in _content_spans(a):
            add(span, CONTENT, entity, f"content of {details}")
        if a.cue is not None:
            add(a.cue.span, CUE, entity, f"cue of {details}")
        if a.speaker is not None:
            name = a.speaker.name
            badge = name if name and name not in a.speaker.text else None
            add(a.speaker.span, SPEAKER, entity, f"speaker of {details}",
                badge)
    for ent in result.speakers:
        role = ", ".join(ent.roles) or "none found"
        for mention in ent.mentions:
            badge = ent.name if ent.name not in mention.text else None
            add(mention, SPEAKER, ent.entity,
                f"mention of {ent.name}\nroles: {role}", badge)
    for span in result.unattributed_quotes:
        add(span, UNATTRIBUTED, None,
            "unattributed quotation: no speaker or cue found for it")
    return list(marks.values())


def _open_tag(mark: Mark, focusable: bool) -> str:
    classes = [f"q-{mark.part}"]
    if mark.part != UNATTRIBUTED:
        classes.append("q-none" if mark.entity is None
                       else f"q-e{mark.entity}")
    tip = "\n".join(mark.tips)
    attrs = [f'class="{" ".join(classes)}"', f'title="{_attr(tip)}"',
             f'data-tip="{_attr(tip)}"']
    if mark.entity is not None:
        attrs.append(f'data-entity="{mark.entity}"')
    if mark.name and focusable:
        attrs.append(f'data-name="{_attr(mark.name)}"')
    if focusable:
        attrs.append('tabindex="0"')
    return f"<mark {' '.join(attrs)}>"


def _attr(value: str) -> str:
    """Escape *value* for a double-quoted attribute (newlines kept)."""
    return html.escape(value, quote=True).replace("\n", "&#10;")


def _text(value: str) -> str:
    return html.escape(value, quote=False)


def mark_up(text: str, marks: Iterable[Mark]) -> str:
    """Return *text* escaped, with each mark as a ``<mark>`` element.

    Marks may nest or cross: where a mark ends inside a later one, the
    later one is closed and reopened (the reopened part is not focusable
    again), so the output is always well-formed.
    """
    ordered = sorted(marks, key=lambda m: (m.start, -m.end,
                                           -_ORDER[m.part]))
    cuts = sorted({0, len(text)} | {m.start for m in ordered}
                  | {m.end for m in ordered})
    starting: dict[int, list[Mark]] = {}
    for m in ordered:
        starting.setdefault(m.start, []).append(m)
    out: list[str] = []
    stack: list[Mark] = []
    for k, pos in enumerate(cuts):
        ending = [m for m in stack if m.end == pos]
        if ending:
            # close down to the deepest ending mark, reopen the survivors
            depth = min(stack.index(m) for m in ending)
            above = stack[depth:]
            out.append("</mark>" * len(above))
            stack = stack[:depth]
            for m in above:
                if m.end != pos:
                    out.append(_open_tag(m, focusable=False))
                    stack.append(m)
        for m in starting.get(pos, ()):
            out.append(_open_tag(m, focusable=True))
            stack.append(m)
        if k + 1 < len(cuts):
            out.append(_text(text[pos:cuts[k + 1]]))
    out.append("</mark>" * len(stack))
    return "".join(out)


def _entity_style(entities: Iterable[int]) -> str:
    return "".join(
        f".quotes-view .q-e{e}{{--h:{round(e * _GOLDEN_ANGLE) % 360}}}"
        for e in entities)


def _speaker_table(result: Result) -> str:
    rows = []
    for ent in result.speakers:
        claims = len(result.attributions_of(ent.entity))
        roles = "; ".join(_text(r) for r in ent.roles) or "—"
        rows.append(
            f'<tr><td><span class="q-swatch q-e{ent.entity}" '
            f'aria-hidden="true"></span>{_text(ent.name)}</td>'
            f"<td>{roles}</td><td>{claims}</td></tr>")
    unknown = len(result.without_speaker)
    if unknown:
        rows.append(
            '<tr><td><span class="q-swatch q-none" aria-hidden="true">'
            "</span><em>speaker not found</em></td><td>—</td>"
            f"<td>{unknown}</td></tr>")
    if not rows:
        return "<p>No speakers found.</p>"
    return ("<table><caption>Speakers</caption><thead><tr>"
            '<th scope="col">Speaker</th><th scope="col">Roles</th>'
            '<th scope="col">Claims</th></tr></thead><tbody>'
            + "".join(rows) + "</tbody></table>")


_LEGEND = (
    '<p class="q-legend" aria-hidden="true">'
    '<mark class="q-content q-e0">content</mark>'
    '<mark class="q-cue q-e0">cue</mark>'
    '<mark class="q-speaker q-e0">speaker mention</mark>'
    '<mark class="q-unattributed">unattributed quotation</mark></p>')


def _spans(result: Result) -> Iterator[Span]:
    for a in result.attributions:
        yield a.content
        yield from a.content_pieces
        if a.cue is not None:
            yield a.cue.span
        if a.speaker is not None:
            yield a.speaker.span
    for ent in result.speakers:
        yield from ent.mentions
    yield from result.unattributed_quotes


def check_text(result: Result, text: str) -> None:
    """Raise ``ValueError`` if *result*'s spans do not come from *text*."""
    for span in _spans(result):
        if text[span.start:span.end] != span.text:
            msg = (f"text[{span.start}:{span.end}] is not {span.text!r}: "
                   "pass the text the result was made from")
            raise ValueError(msg)


def render(result: Result, text: str) -> str:
    """Return the HTML view of *result* over its document *text*."""
    check_text(result, text)
    marks = collect(result)
    entities = sorted({m.entity for m in marks if m.entity is not None}
                      | {s.entity for s in result.speakers} | {0})
    title = result.doc_id or "document"
    n_claims = len(result.attributions)
    n_loose = len(result.unattributed_quotes)
    summary = (f"{n_claims} claim{'s' * (n_claims != 1)}, "
               f"{len(result.speakers)} speaker"
               f"{'s' * (len(result.speakers) != 1)}, "
               f"{n_loose} unattributed quotation{'s' * (n_loose != 1)}")
    return (
        f'<div class="quotes-view" data-doc-id="{_attr(title)}">'
        f"<style>{STYLE}{_entity_style(entities)}</style>"
        f'<p class="q-summary"><strong>{_text(title)}</strong>: '
        f"{summary}. Focus or hover a mark for its details.</p>"
        f"{_LEGEND}"
        f'<div class="q-text">{mark_up(text, marks)}</div>'
        f"{_speaker_table(result)}</div>")


PAGE_START = (
    '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
    '<meta name="viewport" content="width=device-width, initial-scale=1">'
    "<title>quotes: who said what</title></head>"
    '<body style="margin:1.5rem">\n')
"""Opens a standalone page for one or more ``render`` fragments."""
PAGE_END = "</body></html>\n"
"""Closes ``PAGE_START``."""

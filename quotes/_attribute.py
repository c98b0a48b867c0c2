"""Attribution rules: a parsed ``Doc`` in, a ``Result`` out.

Flow: pair the quote marks of the whole text (``_marks``), find the cues
of each sentence (``_cues``), tie each cue to its content (a quotation or
a reported clause) and each remaining quotation to a nearby cue or to the
previous speaker, then resolve speakers to entities (``quotes.speakers``).
"""

from __future__ import annotations

import logging
import re
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from attrs import define, evolve, field

from quotes._cues import CueMatch, find_cues, time_phrase
from quotes._marks import QuoteRegion, find_quotes
from quotes._tree import Doc, Tok, is_punct
from quotes.lexicons import Lexicon
from quotes.records import (
    Attribution,
    Cue,
    Kind,
    Result,
    Speaker,
    SpeakerEntity,
)
from quotes.speakers.coref import EntityTable, PronounChooser
from quotes.speakers.mentions import (
    conjuncts,
    is_nominal,
    label_mention,
    mention_at,
    past_dateline,
    salient_mentions,
    split_name_role,
)
from quotes.speakers.model import Entity, Mention
from quotes.speakers.names import complete_names
from quotes.speakers.words import lexical_head

if TYPE_CHECKING:
    from quotes._learned import Proposer
    from quotes.speakers.roles import RoleChooser

log = logging.getLogger(__name__)

# confidence by evidence; see docs/usage.md "Confidence"
CONF_NAMED = 0.9
CONF_REFERRED = 0.8
CONF_NO_SPEAKER = 0.4
CONF_CONTINUATION = 0.6
CONF_HEADLINE = 0.7
CONF_PENALTY_COGNITION = 0.15
# "”…” ― Sonya Herridge": a name after a dash, at the end of its line
_DASH_NAME = re.compile(r"[^\S\n]*[―—–][^\S\n]*([A-Z][\w.'’-]*"
                        r"(?:[^\S\n]+[A-Z][\w.'’-]*){0,3})"
                        r"(?:,[^\n]{0,60})?[^\S\n]*(?=\n|$)")
# a speaker label opening a transcript line: "WALLACE: ...", "MR. LEE: ..."
# "Sanders: Clinton needs to ..." as a document's first line (a title)
_HEADLINE = re.compile(r"[ \t]*([A-Z][\w.'’-]*(?: [A-Z][\w.'’-]*){0,3})"
                       r"[ \t]*:[ \t]+(?=\S)")
_LABEL = re.compile(r"(?m)^[ \t\"“‘']*([A-Z][A-Z.'’ -]*[A-Z]\.?)[ \t]*:[ \t]+"
                    r"(?=\S)")
# a name and a colon opening a paragraph, a quotation right after it:
# "Rep. Ann Lee (D-Ohio): “...”", a headline "Ann Lee: ‘I Am Not Done.’"
_NAME_LABEL = re.compile(r"(?m)^[ \t]*((?:[A-Z][\w.'’-]*[ \t]+){0,3}"
                         r"[A-Z][\w.'’-]*)(?:[ \t]*\([A-Z][^()\n]{0,20}\))?"
                         r"[ \t]*:[ \t]*(?=[\"“‘])")
# the quotative of talk right before a quotation: "she was like, “…”",
# "I'm like “…”", "Nonna goes “…”", "we were all going “…”"
_QUOTATIVE = re.compile(
    r"(?:\b(?:am|is|are|was|were|be|been|being|['’](?:m|s|re))"
    r"(?:[^\S\n]+(?:just|all|totally|kind of|sort of|literally|like))?"
    r"[^\S\n]+(like)|\b(go|goes|going|went)(?:[^\S\n]+(?:like|all))?)"
    r"[^\S\n]*[,:]?[^\S\n]*$")


@define
class _Draft:
    """An attribution being assembled (mutable until frozen at the end)."""

    kind: Kind
    start: int
    end: int
    pieces: list[tuple[int, int]] = field(factory=list)
    cue: CueMatch | None = None
    continues: _Draft | None = None
    """The earlier quotation whose speaker this one takes over."""
    confidence: float = CONF_NAMED
    sentence: int = 0
    learned: bool = False
    """Proposed by the learned tagger, not by a rule."""
    found_by: str = "rules"
    """``Attribution.found_by``: rules, learned or both."""


def run(doc: Doc, lex: Lexicon, doc_id: str | None = None,
        propose: Proposer | None = None,
        roles: RoleChooser | None = None,
        pronouns: PronounChooser | None = None) -> Result:
    """Extract every attribution of a parsed document.

    *propose* (the learned tagger, ``_learned``) adds claims where the
    rules found none; *roles* (the role model, ``speakers.roles``) decides each
    speaker's role, where the rules take the most specific one; *pronouns*
    (``speakers.pronouns``) decides who a third-person pronoun is.
    """
    text = doc.text
    regions = find_quotes(text)
    sent_of = _sentence_index(doc)
    labels, used = _label_drafts(doc, regions)
    cues = [c for s in doc.sents for c in find_cues(s, lex)
            if not _inside_quote(c.toks[0].start, regions)
            and not any(d.start <= c.toks[0].start < d.end for d in labels)]
    drafts, used = _cue_drafts(doc, cues, regions, used)
    drafts += _quote_drafts(doc, cues, regions, used, drafts, sent_of, lex)
    drafts += labels
    drafts = _drop_nested(drafts, lex)
    for d in drafts:
        _interposed_tag(doc, d)
    if propose is not None:
        # the rules' speaker words are claimed too: no claim of the
        # tagger's is about them ("X was quoted by Y as saying": not "Y
        # quoted | X")
        speakers = [(d.cue.speaker.start, d.cue.speaker.end) for d in drafts
                    if d.cue is not None and d.cue.speaker is not None]
        found = propose(doc, [(d.start, d.end) for d in drafts] + speakers)
        for k in found.confirmed:
            if k < len(drafts):
                drafts[k].found_by = "both"
                if k in found.spans:
                    _tagger_range(doc.text, drafts[k], found.spans[k],
                                  drafts, regions)
        drafts += [_Draft(kind=p.kind, start=p.start, end=p.end,
                          pieces=[(p.start, p.end)], cue=p.cue,
                          sentence=p.cue.sent, confidence=p.confidence,
                          learned=True, found_by="learned")
                   for p in found.new]
        for d in drafts:
            if d.learned:
                _interposed_tag(doc, d)
    for d in drafts:
        _clause_before_quote(doc, d, drafts, regions)
        _clause_after_quote(doc, d, drafts)
    drafts.sort(key=lambda d: (d.start, d.end))
    return _finish(doc, lex, drafts, regions, doc_id, roles, pronouns)


# the rest of an interposed tag after its cue and speaker: "he said[,]",
# "he told me on Friday[,]", "the agency said in a June report[,]"
_TAG_REST = re.compile(r"[^,.;:!?\"“”‘’\n]{0,30},")
_OPENING_MARKS = frozenset("\"“‘«'")
_QUOTE_MARKS = ("\"", "“", "”", "«", "»", "''")  # not "’s"


def _interposed_tag(doc: Doc, draft: _Draft) -> None:
    """A reported claim split by its tag: "The museum, Mr. Bush said,
    celebrated his heroes." The claim is both sides of the tag, in two
    pieces ("The museum" and "celebrated his heroes"), however the parse
    attached the first; its range spans the tag, as a split quotation's.

    Only a tag set off by commas, after the sentence's first words and
    before the rest of the claim, with no quotation mark before it and no
    question put to the speaker ("Asked whether ..., she said, ...").
    """
    cue = draft.cue
    if draft.kind is Kind.DIRECT or cue is None or cue.speaker is None or \
            len(draft.pieces) != 1:
        return
    text = doc.text
    sent = next(s for s in doc.sents if s.index == cue.sent)
    tag_start = _clause_start(doc, cue)
    head = cue.speaker
    if head.rel in {"flat", "compound"} and 0 <= head.head < len(sent.toks):
        # "Director Paulo Mendes" parsed as a name under its title
        tag_start = min(tag_start, min(
            t.start for t in sent.subtree(head.head) if t.i <= head.i))
    # "The mayor's plan, Councillor Ravi Menon said, ...", parsed with
    # "plan" in the speaker's phrase: the tag starts after the comma
    comma = [t for t in sent.toks if tag_start <= t.start
             and t.end <= cue.speaker.start and t.text == ","]
    if comma:
        tag_start = sent.toks[comma[-1].i + 1].start
    tag_end = max(cue.toks[-1].end, cue.speaker.end)
    rest = _TAG_REST.match(text, tag_end)
    before = text[:tag_start].rstrip()
    if rest is None or not before.endswith(",") or \
            draft.end <= rest.end():
        return
    first = next((t for t in sent.toks if not is_punct(t)), None)
    if first is None or first.start >= len(before) - 1:
        return
    lead = (first.start, len(before) - 1)
    words = text[lead[0]:lead[1]]
    if any(mark in text[sent.start:lead[1]] for mark in _QUOTE_MARKS) or \
            words.lower().startswith(("asked", "when asked")):
        return
    if not (draft.start >= rest.end() - 1 or draft.start <= lead[0]):
        return  # the claim starts inside the tag or between its words
    tail = rest.end()
    while tail < draft.end and text[tail].isspace():
        tail += 1
    draft.start = lead[0]
    draft.pieces = [lead, (tail, draft.end)]


# where the words after a mixed claim's quotation stop: the clause's next
# comma, colon, dash or bracket
_CLAUSE_STOPS = frozenset({",", ";", ":", "—", "–", "--", "(", "["})
_CLOSING_MARKS = frozenset("\"”’'»")
_QUOTE_ENDS = frozenset(",.;:!?")


def _clause_after_quote(doc: Doc, draft: _Draft,
                        drafts: list[_Draft]) -> None:
    """A mixed claim whose quotation closes before its clause does runs on
    to the clause's end: 'He vowed to "fight on" until the convention.' is
    one claim up to "convention", as the gold cuts it, not one that stops
    at the closing mark.

    Only a rule's mixed claim that ends at a closing mark inside its
    sentence, with no comma or stop before the mark, and only up to the
    next comma, colon, dash, bracket or the sentence's end; not over
    another quote mark, the claim's own cue or speaker, or the start of
    another claim (the learned tagger's too: this runs after its
    proposals).
    """
    text = doc.text
    if draft.kind is not Kind.MIXED or draft.learned or \
            text[draft.end - 1] not in _CLOSING_MARKS or \
            text[:draft.end - 1].rstrip()[-1:] in _QUOTE_ENDS:
        return  # ('... “at any cost,” she said'): the clause ended inside
    sent = next((s for s in doc.sents
                 if s.toks and s.toks[0].start < draft.end <= s.toks[-1].end),
                None)
    if sent is None:
        return
    rest: list[Tok] = []
    for tok in sent.toks:
        if tok.start < draft.end:
            continue
        if tok.text in _CLAUSE_STOPS:
            break
        rest.append(tok)
    while rest and not any(ch.isalnum() for ch in rest[-1].text):
        rest.pop()
    if not rest:
        return
    end = rest[-1].end
    gap = text[draft.end:end]
    if any(mark in gap for mark in _QUOTE_MARKS):
        return
    cue = draft.cue
    if cue is not None and (
            draft.end <= cue.toks[0].start < end or
            (cue.speaker is not None and
             draft.end <= cue.speaker.start < end)):
        return
    if any(draft.end <= d.start < end for d in drafts if d is not draft):
        return
    draft.pieces = [(a, end if b == draft.end else b)
                    for a, b in draft.pieces]
    draft.end = end


# at most this many words of a quotation's clause before its opening mark
_MAX_LEAD_WORDS = 6
_LEAD_GLUE = frozenset({"case", "mark", "cc"})


def _clause_before_quote(doc: Doc, draft: _Draft, drafts: list[_Draft],
                         regions: list[QuoteRegion]) -> None:
    """A direct quote that starts in mid-clause, with its clause's first
    words right before the mark, is a mixed claim of the whole clause:
    'The new bridge “will not open before May,” the mayor said.' claims
    "The new bridge will not open ...", as the gold and ``_lead_in`` cut
    a cue clause's quotation.

    Only a rule's quote of one quotation that starts with a lower-case
    word, and only the words of the quotation's own clause (its root's
    dependents) that run up to the mark, at most ``_MAX_LEAD_WORDS``; not
    the claim's cue or speaker, nor another claim's words.
    """
    if draft.kind is not Kind.DIRECT or draft.learned or \
            len(draft.pieces) != 1:
        return
    text = doc.text
    region = next((r for r in regions if r.inner == (draft.start, draft.end)
                   and len(r.pieces) == 1), None)
    if region is None or not text[region.inner[0]:region.inner[1]] \
            .lstrip()[:1].islower():
        return
    sent = next((s for s in doc.sents if s.toks and
                 s.toks[0].start <= region.start < s.toks[-1].end), None)
    if sent is None:
        return
    inside = [t for t in sent.toks
              if draft.start <= t.start and t.end <= draft.end]
    ids = {t.i for t in inside}
    root = next((t for t in inside if t.head not in ids), None)
    if root is None:
        return
    clause = {t.i for t in sent.subtree(root.i)}
    lead: list[Tok] = []
    for tok in reversed([t for t in sent.toks if t.end <= region.start]):
        if tok.i not in clause:
            break
        lead.append(tok)
    # not a leading preposition, complementiser or conjunction ('for
    # Clinton’s “public option”', 'that “there were ...”')
    while lead and (lead[-1].rel in _LEAD_GLUE or
                    not any(ch.isalnum() for ch in lead[-1].text)):
        lead.pop()
    words = sum(any(ch.isalnum() for ch in t.text) for t in lead)
    if not words or words > _MAX_LEAD_WORDS:
        return
    start = lead[-1].start
    if not _free_range(draft, drafts, start, region.start):
        return
    draft.kind = Kind.MIXED
    draft.start = start
    draft.end = region.end
    draft.pieces = [(start, region.end)]


def _free_range(draft: _Draft, drafts: list[_Draft], start: int,
                end: int) -> bool:
    """*draft* may take the words from *start* to *end*: they overlap
    neither its cue, nor its speaker, nor another claim, and they do not
    begin in the speaker's appositive after a cue that comes first
    ("According to Lina Ortiz, a port spokeswoman, 40 ships ...")."""
    cue = draft.cue
    taken = [(d.start, d.end) for d in drafts if d is not draft]
    if cue is not None:
        taken.append((cue.toks[0].start, cue.toks[-1].end))
        speaker = cue.speaker
        if speaker is not None:
            taken.append((speaker.start, speaker.end))
            if cue.toks[-1].end <= speaker.start and \
                    speaker.end <= start < draft.start:
                return False
    return not any(a < end and start < b for a, b in taken)


# words a tagger's range leaves off a reported claim's end with no
# punctuation among them ("fled | on foot"): the tagger stopping short
_SHORT_TAIL = re.compile(r"[^,;:—–\"“”]*")


def _tagger_range(text: str, draft: _Draft, span: tuple[int, int],
                  drafts: list[_Draft], regions: list[QuoteRegion]) -> None:
    """A reported claim that the learned tagger confirmed takes the
    tagger's own content range. Where the two differ, on PolNeAR train the
    tagger's range was exactly the gold's about three times as often as
    the rules' (682 to 234) outside quotations, and about a quarter as
    often for quotations: its cut of a clause's edges ("..., however",
    "..., while 9 percent said ...") was learned from the gold, while the
    rules know the quote marks.

    Not a direct quote, nor a claim in pieces (an interposed tag), nor a
    range that is just a quotation's words, nor one ``_free_range``
    refuses. A range runs on past the rules' end only to punctuation or
    the text's end, and not for a noun
    cue ("Her claim that the mill would reopen | drew cheers"); a range
    that stops short of the rules' end with no punctuation in the words
    it leaves off ("fled | on foot") is the tagger stopping short. The
    kind follows the range: mixed where it holds a quotation, else
    indirect.
    """
    if draft.kind is Kind.DIRECT or len(draft.pieces) != 1:
        return
    start, end = span
    if end <= start or any(r.inner == span for r in regions):
        return
    cue = draft.cue
    if end > draft.end and ((cue is not None and _noun_cue(cue)) or
                            _mid_phrase(text, end)):
        return
    if end < draft.end and _SHORT_TAIL.fullmatch(text[end:draft.end]):
        return
    if not _free_range(draft, drafts, start, end):
        return
    draft.start, draft.end = start, end
    draft.pieces = [(start, end)]
    draft.kind = Kind.MIXED if any(r.start < end and start < r.end
                                   for r in regions) else Kind.INDIRECT


def _mid_phrase(text: str, end: int) -> bool:
    """True when a word follows *end* with no punctuation between."""
    rest = text[end:end + 40].lstrip(" ")
    return bool(rest) and rest[0].isalnum()


def _noun_cue(cue: CueMatch) -> bool:
    """A cue of nouns without a verb: "claim", "in a statement"."""
    return not any(t.upos in {"VERB", "AUX"} for t in cue.toks) and \
        any(t.upos == "NOUN" for t in cue.toks)


def _drop_nested(drafts: list[_Draft], lex: Lexicon) -> list[_Draft]:
    """Drop reported claims whose cue lies inside another claim's content,
    unless the cue is a verb of saying.

    In "Kirby said the move does not indicate that the U.S. believes ...",
    "indicate" and "believes" are part of what Kirby said, not claims of
    the move or of the U.S.; "Kirby said Biden told Putin ..." still
    reports Biden's words. Quotations are never dropped.
    """
    def nested(d: _Draft) -> bool:
        if d.kind is not Kind.INDIRECT or d.cue is None or \
                lex.reporting_verbs.get(d.cue.lemma, "speech") == "speech":
            return False
        at = d.cue.toks[0].start
        return any(o is not d and o.start <= at < o.end for o in drafts)

    def backwards(d: _Draft) -> bool:
        # "Sofia Marin, chair of the board, said the permit would be
        # denied": "denied" is inside what Marin said, and its left-hand
        # "content" is Marin's own attribution: a cycle, not a claim
        if d.cue is None or d.end > d.cue.toks[0].start:
            return False
        at = d.cue.toks[0].start
        return any(o is not d and o.cue is not None and o.start <= at < o.end
                   and d.start <= o.cue.toks[0].start < d.end
                   for o in drafts)

    return [d for d in drafts if not nested(d) and not backwards(d)]


def _sentence_index(doc: Doc) -> list[tuple[int, int, int]]:
    return [(s.start, s.end, s.index) for s in doc.sents]


def _inside_quote(offset: int, regions: list[QuoteRegion]) -> bool:
    return any(r.inner[0] <= offset < r.inner[1] for r in regions)


def _char_range(toks: tuple[Tok, ...]) -> tuple[int, int]:
    return min(t.start for t in toks), max(t.end for t in toks)


def _significant(text: str, start: int, end: int) -> set[int]:
    """Offsets of letters and digits in ``text[start:end]``."""
    return {i for i in range(start, end) if text[i].isalnum()}


def _label_drafts(doc: Doc, regions: list[QuoteRegion],
                  ) -> tuple[list[_Draft], set[int]]:
    """Transcript lines: "WALLACE: Let's start with ..." (a speaker label),
    and a name label before a quotation: "Rep. Ann Lee (D-Ohio): “...”".

    Returns the drafts and the quote regions they take up.
    """
    text = doc.text
    drafts: list[_Draft] = []
    used: set[int] = set()
    colons: set[int] = set()
    for m in [*_LABEL.finditer(text), *_NAME_LABEL.finditer(text)]:
        colon = m.end(1) + text[m.end(1):m.end()].index(":")
        line_end = text.find("\n", m.end())
        line_end = len(text) if line_end < 0 else line_end
        found = _label_cue(doc, m.start(1), m.end(1), colon, m.end(),
                           line_end)
        if found is None or colon in colons or (
                m.re is _NAME_LABEL and
                any(t.upos != "PROPN" for t in found[0].label)):
            continue  # a name label is proper nouns only
        colons.add(colon)
        cue, end = found
        start = m.end()
        for i, r in enumerate(regions):
            if r.start <= m.start(1) < r.end or m.end() <= r.start < end:
                used.add(i)
                end = max(end, min(r.inner[1], line_end))
                if r.start == m.end():  # the quotation's words, not marks
                    start = r.inner[0]
        drafts.append(_Draft(kind=Kind.DIRECT, start=start, end=end,
                             pieces=[(start, end)], cue=cue,
                             sentence=cue.sent))
    headline = _headline_draft(doc)
    if headline is not None and not any(
            d.start < headline.end and headline.start < d.end
            for d in drafts):
        drafts.append(headline)
    return drafts, used


def _headline_draft(doc: Doc) -> _Draft | None:
    """A title "Sanders: Clinton needs to change course" (paraphrase).

    Only the document's first line, when it is followed by more text and
    the part before the colon is a name or a noun ("Poll"), not a phrase
    ("The Latest", "Stealth Over Health").
    """
    text = doc.text
    line_end = text.find("\n")
    m = _HEADLINE.match(text)
    if m is None or line_end < 0 or m.end() > line_end:
        return None
    found = _label_cue(doc, m.start(1), m.end(1), m.end(1) + text[
        m.end(1):m.end()].index(":"), m.end(), line_end)
    if found is None or not all(t.upos in {"PROPN", "NOUN"}
                                for t in found[0].label):
        return None
    cue, end = found
    return _Draft(kind=Kind.INDIRECT, start=m.end(), end=end,
                  pieces=[(m.end(), end)], cue=cue, sentence=cue.sent,
                  confidence=CONF_HEADLINE)


def _label_cue(doc: Doc, start: int, end: int, colon: int, content: int,
               line_end: int) -> tuple[CueMatch, int] | None:
    """The cue (the colon) and speaker (the label) of a transcript line."""
    for sent in doc.sents:
        label = [t for t in sent.toks if start <= t.start and t.end <= end]
        marks = [t for t in sent.toks if t.start == colon]
        if label and marks:
            body = [t for s in doc.sents for t in s.toks
                    if content <= t.start and t.end <= line_end]
            if not body:
                return None
            stop = max((t.end for t in body
                        if not (is_punct(t) and t.text in "\"”’'")),
                       default=None)
            if stop is None:  # "WALLACE: ”": nothing but a quote mark
                return None
            return CueMatch(sent=sent.index, toks=marks, lemma=":",
                            cls="speech", speaker=label[-1],
                            content=tuple(body), label=label), stop
    return None


def _cue_drafts(doc: Doc, cues: list[CueMatch], regions: list[QuoteRegion],
                used: set[int]) -> tuple[list[_Draft], set[int]]:
    """Drafts for cues that have a clause: direct, mixed or indirect."""
    text = doc.text
    drafts: list[_Draft] = []
    used = set(used)
    for cue in cues:
        if not cue.content:
            continue
        start, end = _char_range(cue.content)
        own = set().union(*(_significant(text, t.start, t.end)
                            for t in cue.content))
        if not own:
            continue
        hits = [(i, r) for i, r in enumerate(regions)
                if r.inner[0] < end and start < r.inner[1] and i not in used]
        quoted = set().union(*(_significant(text, *r.inner)
                               for _, r in hits))
        if hits and len(own & quoted) >= 0.8 * len(own) and \
                not _lead_in(text, own - quoted, hits[0][1]):
            pieces = [p for _, r in hits for p in r.pieces]
            used.update(i for i, _ in hits)
            drafts.append(_Draft(kind=Kind.DIRECT, start=hits[0][1].inner[0],
                                 end=hits[-1][1].inner[1], pieces=pieces,
                                 cue=cue, sentence=cue.sent))
            continue
        kind = Kind.INDIRECT
        for i, r in hits:
            kind = Kind.MIXED
            used.add(i)
            start, end = min(start, r.start), max(end, r.end)
        drafts.append(_Draft(kind=kind, start=start, end=end,
                             pieces=[(start, end)], cue=cue,
                             sentence=cue.sent))
    return drafts, used


def _lead_in(text: str, unquoted: set[int], first: QuoteRegion) -> bool:
    """True when words of the cue's clause stand before its quotation.

    'He said the nation has become “more interested …”': the claim is the
    whole clause, a mixed one, not the quoted words alone.
    """
    lead = [i for i in unquoted if i < first.start and text[i].isalnum()]
    # words of the clause run up to the mark ("Clinton \"is ...\"", "she
    # recalled thinking, \"...\""), not an object far before it
    return bool(lead) and not any(
        ch.isalnum() for ch in text[max(lead) + 1:first.start])


def _quote_drafts(doc: Doc, cues: list[CueMatch], regions: list[QuoteRegion],
                  used: set[int], cue_drafts: list[_Draft],
                  sent_of: list[tuple[int, int, int]],
                  lex: Lexicon) -> list[_Draft]:
    """Drafts for quotations no cue clause claimed."""
    text = doc.text
    taken = {id(d.cue) for d in cue_drafts if d.cue is not None}
    drafts: list[_Draft] = []
    by_cue = {id(d.cue): d for d in cue_drafts if d.kind == Kind.DIRECT}
    previous: _Draft | None = None
    all_drafts = sorted(cue_drafts, key=lambda d: d.start)
    for i, region in enumerate(regions):
        if i in used:
            continue
        sentence = _sentence_at(sent_of, region.inner[0])
        head = _split_head(doc, region, list(by_cue.values()))
        if head is not None:
            # '"My hope," he said, "is that ..."': the first half of a
            # quotation split by the tag whose cue claimed the second
            head.start = region.inner[0]
            head.pieces[:0] = region.pieces
            head.sentence = sentence
            used.add(i)
            continue
        cue = _quotative_cue(doc, region) or \
            _cue_for_quote(doc, cues, region, regions, lex) or \
            _dash_cue(doc, region)
        if cue is not None and id(cue) in by_cue:
            # the second half of a quote split by its attribution
            draft = by_cue[id(cue)]
            draft.pieces.extend(region.pieces)
            draft.end = region.inner[1]
            used.add(i)
            continue
        if cue is not None and id(cue) not in taken:
            draft = _Draft(kind=Kind.DIRECT, start=region.inner[0],
                           end=region.inner[1], pieces=list(region.pieces),
                           cue=cue, sentence=sentence)
            by_cue[id(cue)] = draft
            taken.add(id(cue))
        else:
            earlier = [d for d in [*all_drafts, *drafts]
                       if d.end <= region.start]
            previous = max(earlier, key=lambda d: d.end, default=None)
            if previous is not None and previous.kind == Kind.DIRECT and \
                    _tag_between(doc, previous, region):
                # '"A," said Daniel Okafor. "B."': a quotation right
                # after an attributed one and its tag goes on with it,
                # however short
                previous.pieces.extend(region.pieces)
                previous.end = region.inner[1]
                used.add(i)
                continue
            if not _looks_like_speech(text, region):
                fragment = _mixed_for_fragment(doc, cues, region, taken)
                if fragment is not None:
                    taken.add(id(fragment.cue))
                    used.add(i)
                    drafts.append(fragment)
                continue
            if previous is not None and previous.kind == Kind.DIRECT and \
                    "\n" not in text[previous.end:region.start] and \
                    not _introduced(text, sent_of, previous.end, region):
                # "“A,” she said. “B.”": the quote goes on after the cue
                previous.pieces.extend(region.pieces)
                previous.end = region.inner[1]
                used.add(i)
                continue
            if previous is not None and _near(text, previous.end,
                                              region.start):
                # a quotation after a claim continues its speaker
                draft = _Draft(kind=Kind.DIRECT, start=region.inner[0],
                               end=region.inner[1],
                               pieces=list(region.pieces),
                               confidence=CONF_CONTINUATION,
                               sentence=sentence, continues=previous)
            else:
                draft = _Draft(kind=Kind.DIRECT, start=region.inner[0],
                               end=region.inner[1],
                               pieces=list(region.pieces),
                               confidence=CONF_NO_SPEAKER, sentence=sentence)
        used.add(i)
        drafts.append(draft)
    return drafts


def _split_head(doc: Doc, region: QuoteRegion,
                drafts: list[_Draft]) -> _Draft | None:
    """The direct claim whose cue's tag follows *region* and whose own
    quotation follows the tag, in one paragraph: '"A," he said, "B."'."""
    text = doc.text
    for draft in drafts:
        cue = draft.cue
        if cue is None or cue.speaker is None or draft.start < region.end \
                or draft.pieces[0][0] != draft.start:
            continue
        tag_start = min(cue.toks[0].start, _clause_start(doc, cue))
        tag_end = max(cue.toks[-1].end, cue.speaker.end)
        if tag_start < region.end or tag_end > draft.start or \
                not _only_glue(text[region.end:tag_start]) or \
                "\n" in text[region.end:draft.start]:
            continue
        rest = _TAG_REST.match(text, tag_end)
        gap = text[rest.end() if rest else tag_end:draft.start]
        if len(gap) <= 4 and all(ch.isspace() or ch in _OPENING_MARKS
                                 for ch in gap):
            return draft
    return None


def _dash_cue(doc: Doc, region: QuoteRegion) -> CueMatch | None:
    """ '“…” ― Sonya Herridge': a name after a dash ends the quote's line.

    The dash is the cue and the name the speaker (a label, as in a
    transcript); the line may go on after a comma (", 45, of Phoenix").
    """
    m = _DASH_NAME.match(doc.text, region.end)
    if m is None:
        return None
    near = [s for s in doc.sents if s.end > m.start() and s.start < m.end(1)]
    dash = [t for s in near for t in s.toks
            if m.start() <= t.start < m.start(1) and is_punct(t)]
    for sent in near:
        name = [t for t in sent.toks
                if m.start(1) <= t.start and t.end <= m.end(1)
                and not is_punct(t)]  # "― Steve Quinlan."
        if name and dash:
            return CueMatch(sent=sent.index, toks=dash[:1], lemma="―",
                            cls="speech", speaker=name[-1], content=(),
                            label=name)
    return None


def _quotative_cue(doc: Doc, region: QuoteRegion) -> CueMatch | None:
    """ 'She was like, “…”', 'Nonna goes “…”': the quotative of talk (a
    form of "be" and "like", or of "go") right before the quotation is its
    cue, and the nearest subject before it in its sentence the speaker.

    The parse makes little of "be like" (a discourse "like", a particle),
    so the surface decides; the quotation must open with a capital letter
    or a question, as a turn of talk does ("it was like “a dream”" is no
    quotation of anyone).
    """
    text = doc.text
    inner = text[region.inner[0]:region.inner[1]].lstrip()
    if not inner[:1].isupper():
        return None
    line_start = text.rfind("\n", 0, region.start) + 1
    m = _QUOTATIVE.search(text, max(line_start, region.start - 40),
                          region.start)
    if m is None:
        return None
    word = m.start(1) if m.group(1) else m.start(2)
    for sent in doc.sents:
        if not sent.start <= m.start() < sent.end:
            continue
        cue = [t for t in sent.toks if m.start() <= t.start < m.end()
               and not is_punct(t)]
        if not cue or not any(t.start == word for t in cue):
            return None
        first = cue[0].i
        subject = next((t for t in reversed(sent.toks[:first])
                        if t.deprel.startswith("nsubj")
                        and t.upos in {"PRON", "PROPN", "NOUN"}
                        and t.lemma not in {"it", "that", "this", "what"}),
                       None)
        if subject is None or any(t.text in _SENTENCE_ENDS
                                  for t in sent.toks[subject.i:first]):
            return None
        return CueMatch(sent=sent.index, toks=cue,
                        lemma="go" if m.group(2) else "be like",
                        cls="speech", speaker=subject, content=())
    return None


def _mixed_for_fragment(doc: Doc, cues: list[CueMatch],
                        region: QuoteRegion,
                        taken: set[int]) -> _Draft | None:
    """A quoted fragment after a cue of its sentence that found no clause.

    "X said the plan would "keep prices down."": when the parse did not
    give the cue its clause, the claim runs from the cue to the quote.
    """
    text = doc.text
    inner = text[region.inner[0]:region.inner[1]].strip()
    if not inner[:1].islower():
        return None
    candidates = [c for c in cues if id(c) not in taken and not c.content
                  and c.speaker is not None and c.toks[-1].end <= region.start
                  and "\n" not in text[c.toks[-1].end:region.start]
                  and not any(ch in ".!?" for ch in
                              text[c.toks[-1].end:region.start].strip())]
    if not candidates:
        return None
    cue = max(candidates, key=lambda c: c.toks[-1].end)
    start = cue.toks[-1].end
    while start < region.start and not text[start].isalnum():
        start += 1
    if text[start:start + 5].lower() == "that ":
        start += 5
    return _Draft(kind=Kind.MIXED, start=start, end=region.end,
                  pieces=[(start, region.end)], cue=cue,
                  sentence=cue.sent, confidence=CONF_REFERRED)


def _introduced(text: str, sent_of: list[tuple[int, int, int]],
                start: int, region: QuoteRegion) -> bool:
    """True when a sentence of its own, ending in a colon, introduces the
    quotation: in "“A,” said Pavit. [...] I heard my mother whispering:
    “B.”" B is no part of Pavit's quotation A.
    """
    return text[:region.start].rstrip().endswith(":") and \
        _sentence_between(sent_of, start, region.start)


def _sentence_between(sent_of: list[tuple[int, int, int]], start: int,
                      end: int) -> bool:
    """True when a whole sentence lies between two offsets."""
    return any(start <= s and e <= end for s, e, _ in sent_of)


def _sentence_at(sent_of: list[tuple[int, int, int]], offset: int) -> int:
    for start, end, index in sent_of:
        if start <= offset < end or offset < start:
            return index
    return sent_of[-1][2] if sent_of else 0


def _looks_like_speech(text: str, region: QuoteRegion) -> bool:
    """Whole-sentence quotations, not scare quotes or titles."""
    inner = text[region.inner[0]:region.inner[1]].strip()
    words = inner.split()
    before = text[:region.start].rstrip()
    if inner[:1].islower() and not before.endswith(":"):
        return False  # a fragment inside someone's sentence
    long_words = [w for w in words if len(w.strip(".,!?:;…")) > 3]
    if len(long_words) >= 2 and all(w[:1].isupper() for w in long_words) \
            and not before.endswith(":"):
        return False  # a title: "Coal Isn't the Villain."
    return len(words) >= 4 and (inner[-1:] in ".!?,…" or len(words) >= 8)


def _near(text: str, end: int, start: int) -> bool:
    """At most one paragraph break between two offsets."""
    return text.count("\n\n", end, start) <= 1 and \
        text.count("\n", end, start) <= 2


def _cue_for_quote(doc: Doc, cues: list[CueMatch], region: QuoteRegion,
                   regions: list[QuoteRegion], lex: Lexicon
                   ) -> CueMatch | None:
    """The cue that introduces or follows a quotation, if any.

    A cue after the quotation wins over one before it, except where the
    one before ends in a colon right at the quotation ("..., writing: “I
    have ...” I agree."): the colon introduces it.
    """
    text = doc.text
    before = _cue_before(doc, cues, region, regions, lex)
    if before is not None and \
            text[:region.start].rstrip().endswith(":"):
        return before
    after = [c for c in cues if (c.toks[0].start >= region.end and
             c.speaker is not None and not c.content) or
             (c.toks[0].start >= region.end and c.content_left)]
    for cue in sorted(after, key=lambda c: c.toks[0].start):
        gap = text[region.end:_clause_start(doc, cue)]
        if _only_glue(gap) and "\n" not in gap:
            return cue
        break
    return before


def _cue_before(doc: Doc, cues: list[CueMatch], region: QuoteRegion,
                regions: list[QuoteRegion], lex: Lexicon) -> CueMatch | None:
    """The cue whose tag introduces a quotation from before it; a time
    may close the tag ('"A," Ruiz said Tuesday, "b."')."""
    text = doc.text
    before = [c for c in cues if c.toks[-1].end <= region.start]
    if before:
        cue = max(before, key=lambda c: c.toks[-1].end)
        tail = max((t.end for t in cue.content), default=0)
        gap_start = max(cue.toks[-1].end, tail, _speaker_end(doc, cue,
                                                             region.start))
        if not _only_glue(text[gap_start:region.start]):
            sent = next(s for s in doc.sents if s.index == cue.sent)
            when = [t for t in sent.toks if gap_start <= t.start and
                    t.end <= region.start and not is_punct(t)]
            if when and time_phrase(when, lex.non_speakers):
                gap_start = when[-1].end  # "said on Tuesday, "
        gap = text[gap_start:region.start]
        sentence_gap = text[cue.toks[-1].end:region.start]
        if cue.speaker is not None and (
                _only_glue(gap) or (sentence_gap.rstrip().endswith(":") and
                                    not _sentence_between(
                                        _sentence_index(doc),
                                        cue.toks[-1].end, region.start))) \
                and gap.count("\n") <= 2 and \
                not any(gap_start <= r.start < region.start
                        for r in regions if r is not region):
            return cue
    return None


def _tag_between(doc: Doc, previous: _Draft, region: QuoteRegion) -> bool:
    """True when only *previous*'s own tag (its cue clause: the cue, the
    speaker and what hangs from them) and punctuation stand between it and
    the quotation *region*, in one paragraph, and the quotation opens a
    sentence."""
    cue = previous.cue
    text = doc.text
    inner = text[region.inner[0]:region.inner[1]].lstrip()
    if cue is None or cue.speaker is None or not inner[:1].isupper() or \
            not previous.end <= cue.toks[0].start < region.start or \
            "\n" in text[previous.end:region.start]:
        return False
    start = min(cue.toks[0].start, _clause_start(doc, cue))
    sent = next(s for s in doc.sents if s.index == cue.sent)
    end = max((t.end for t in sent.subtree(cue.toks[0].i)
               if t.start >= cue.toks[0].start and t.end <= region.start),
              default=cue.toks[-1].end)
    gap = text[previous.end:start] + text[end:region.start]
    return all(not ch.isalnum() for ch in gap) and \
        region.inner[0] >= sent.end


_SENTENCE_ENDS = frozenset({".", "!", "?", "…"})


def _speaker_end(doc: Doc, cue: CueMatch, limit: int) -> int:
    """Where an inverted tag ends (before *limit*): the last word of the
    cue's clause after the cue, in '"A," cautioned Dr. Nadia Khalil, a
    virologist, "b."', short of the sentence's end. 0 when the speaker
    stands before the cue."""
    if cue.speaker is None or cue.speaker.i < cue.toks[-1].i:
        return 0
    sent = next(s for s in doc.sents if s.index == cue.sent)
    return max((t.end for t in sent.subtree(cue.toks[0].i)
                if t.start >= cue.toks[0].start and t.end <= limit
                and t.text not in _SENTENCE_ENDS), default=0)


def _clause_start(doc: Doc, cue: CueMatch) -> int:
    """Where the cue's clause starts: its speaker or the cue itself."""
    starts = [cue.toks[0].start]
    if cue.speaker is not None:
        sent = next(s for s in doc.sents if s.index == cue.sent)
        starts.extend(t.start for t in sent.subtree(cue.speaker.i)
                      if t.i <= cue.speaker.i)
    return min(starts)


def _only_glue(gap: str) -> bool:
    """True when *gap* holds only spaces, commas, colons and dashes."""
    return all(ch.isspace() or ch in ",:;—–-" for ch in gap) and \
        len(gap) <= 6


def _finish(doc: Doc, lex: Lexicon, drafts: list[_Draft],
            regions: list[QuoteRegion], doc_id: str | None,
            roles: RoleChooser | None = None,
            pronouns: PronounChooser | None = None) -> Result:
    """Resolve speakers in text order and freeze the records."""
    text = doc.text
    table = EntityTable(lex, text, pronouns)
    sents = {s.index: s for s in doc.sents}
    speaker_mentions: dict[int, tuple[Mention, Entity | None]] = {}
    events: list[tuple[int, int, Any]] = []
    dropped: set[int] = set()
    for d_index, draft in enumerate(drafts):
        cue = draft.cue
        if cue is not None and cue.speaker is not None and \
                is_nominal(sents[cue.sent], cue.speaker):
            m = label_mention(cue.sent, cue.label, text, lex) if cue.label \
                else mention_at(sents[cue.sent], past_dateline(
                    sents[cue.sent], cue.speaker, text), text, lex)
            events.append((m.start, 0, (d_index, m)))
            if draft.start < m.start < draft.end <= m.end and \
                    draft.kind is not Kind.DIRECT:
                # "Children need sleep, psychologist Ana Ruiz said": the
                # speaker's role is not part of the content
                draft.end = m.start
                draft.pieces = [(a, min(b, m.start))
                                for a, b in draft.pieces if a < m.start]
        elif (draft.kind != Kind.DIRECT or draft.learned) and \
                draft.continues is None:  # a tagged title is nobody's claim
            log.debug("cue at %d dropped: no speaker", draft.start)
            dropped.add(d_index)
    for m, salient in salient_mentions(doc, lex, {e[2][1].head.start
                                                  for e in events}):
        if m.name and m.role and len(m.role.split()) == 1 and \
                _inside_quote(m.start, regions):
            m = evolve(m, role=None)  # "'Secretary Clinton believes'"
        rank = 3 if salient is None else 1 if salient else 2
        events.append((m.start, rank, (None, m)))
    events.sort(key=lambda e: (e[0], e[1]))
    resolved: dict[int, Entity | None] = {}
    for _, rank, (d_index, m) in events:
        if rank == 3:
            table.refer_back(m)
            continue
        ent = table.resolve(m, salient=rank < 2, speaker=d_index is not None)
        resolved.setdefault(m.head.start, ent)
        if d_index is not None:
            speaker_mentions[d_index] = (m, ent)
    table.name_described()
    complete_names(table.entities, table.text, table.lex)
    kept = [d for i, d in enumerate(drafts) if i not in dropped]
    position = {id(d): k for k, d in enumerate(kept)}
    partners = {position[id(drafts[i])]: [
        _partner_name(run, resolved, table)
        for run in conjuncts(sents[m.sent], m, lex)]
        for i, (m, _) in speaker_mentions.items()
        if i not in dropped and m.sent in sents}
    speaker_mentions = {position[id(drafts[i])]: v
                        for i, v in speaker_mentions.items()
                        if i not in dropped}
    return _freeze(doc, kept, speaker_mentions, partners, table, regions,
                   doc_id, roles)


def _partner_name(run: list[Tok], resolved: dict[int, Entity | None],
                  table: EntityTable) -> str | None:
    """The name of a joint speaker's other conjunct: its entity's ("Texas
    Rep. Louis Gohmert"), one named so before, or its own words ("state
    House Speaker Brian Bosma", a name the parse hung flat on "state")."""
    ent = next((e for t in reversed(run)
                if (e := resolved.get(t.start)) is not None and e.name),
               None) or table.named(run[-1].text)
    if ent is not None:
        return ent.full_name
    return split_name_role(run, table.text, table.lex)[0]


def _joint_name(names: list[str]) -> str:
    """ "A and B", "A, B and C"."""
    return names[0] if len(names) == 1 else \
        ", ".join(names[:-1]) + " and " + names[-1]


def _plural_role(role: str | None) -> bool:
    """A role that can stand for several people ("Senators", "Sens.")."""
    head = lexical_head(role or "").rstrip(".")
    return head.endswith("s") and not head.endswith("ss")


def _freeze(doc: Doc, drafts: list[_Draft],
            speaker_mentions: dict[int, tuple[Mention, Entity | None]],
            partners: dict[int, list[str | None]],
            table: EntityTable, regions: list[QuoteRegion],
            doc_id: str | None, roles: RoleChooser | None = None) -> Result:
    text = doc.text
    numbering: dict[int, int] = {}
    out: list[Attribution] = []
    index_of = {id(d): i for i, d in enumerate(drafts)}
    for i, draft in enumerate(drafts):
        source = index_of.get(id(_origin(draft)), i)
        m, ent = speaker_mentions.get(source, (None, None))
        speaker = None
        confidence = draft.confidence
        if m is not None:
            number = None
            if ent is not None:
                number = numbering.setdefault(ent.index, len(numbering))
            span = doc.span(m.start, m.end)
            role: str | None
            if ent is not None and ent.roles and ent.name is None and \
                    _own_description(m, table):
                role = m.role  # "E.U. leaders", not "Central European ..."
            elif ent is not None and ent.person and roles is not None:
                role = roles.choose(ent, text, table.lex, table.gives_role)
            elif ent is not None and ent.roles:
                role = ent.role
            else:
                role = m.role if ent is None or ent.person else None
                if role is not None and not table.gives_role(role):
                    role = None  # "a friend", "her daughter"
            name = _proper(ent.full_name if ent is not None else m.name,
                           ent.mentions if ent is not None else [m],
                           table.lex)
            others = [o for o in partners.get(source, []) if o]
            listed = name in others  # "Her two rivals, Sen. Ann Lee and
            # Rep. Bo Park, said": the mention's name is the first listed
            if name and others and \
                    len(others) == len(partners[source]) and (
                        not listed or (len(others) > 1 and
                                       m.head.xpos in {"NNS", "NNPS"})):
                # "Mr. Grassley and Mr. Leahy said"
                name = _joint_name(others if listed else [name, *others])
                role = next((r for r in ((role, m.role) if listed else
                                         (m.role,)) if _plural_role(r)),
                            None)  # the group's role, not one member's
            speaker = Speaker(span=span, name=name, role=role, entity=number)
            if source == i and (m.pronoun or m.name is None):
                confidence = min(confidence, CONF_REFERRED)
        elif draft.cue is not None and confidence > CONF_NO_SPEAKER:
            confidence = CONF_NO_SPEAKER
        cue = None
        if draft.cue is not None:
            c = draft.cue
            cue = Cue(span=doc.span(c.toks[0].start, c.toks[-1].end),
                      lemma=c.lemma, cls=c.cls)
            if c.cls in {"belief", "evidence"}:
                confidence -= CONF_PENALTY_COGNITION
        content = doc.trimmed(draft.start, draft.end)
        if content is None:
            continue
        pieces = [p for p in (doc.trimmed(s, e) for s, e in draft.pieces)
                  if p is not None]
        out.append(Attribution(
            kind=draft.kind, content=content, content_pieces=pieces, cue=cue,
            speaker=speaker, confidence=max(0.05, min(1.0, confidence)),
            sentence=draft.sentence, found_by=draft.found_by))
    speakers = []
    for ent_index, number in sorted(numbering.items(), key=lambda kv: kv[1]):
        ent = table.entities[ent_index]
        mentions = sorted({(m.start, m.end) for m in ent.mentions})
        speakers.append(SpeakerEntity(
            entity=number, name=ent.full_name or _fallback_name(text, ent),
            roles=list(ent.roles),
            mentions=[doc.span(s, e) for s, e in mentions]))
    claimed = [(a.content.start, a.content.end) for a in out]
    loose = [doc.span(*r.inner) for r in regions
             if not _covered(text, r.inner, claimed)]
    return Result(doc_id=doc_id, attributions=out, speakers=speakers,
                  unattributed_quotes=loose)


def _proper(name: str | None, mentions: Sequence[Mention],
            lex: Lexicon) -> str | None:
    """*name*, or None when it is only the words of a description: every
    word of it stands in the entity's *mentions* in lower case and not as
    a proper noun ("the indictment", "voters", "a new poll", "court
    documents"), so the speaker has no name, as "a spokesman" has none. A
    name resolved from elsewhere ("his campaign": "Cruz campaign"), one
    with a capital ("Reynolds", "the German government"; a sentence's
    first word may be either, so "Voters said" keeps its name), and an
    organisation named in lower case ("the national weather service":
    words before an organisation word) are kept."""
    if not name or any(c.isupper() for c in name[1:]):
        return name
    words = name.split()
    if len(words) > 1 and words[-1].casefold() in lex.org_words:
        return name
    toks = {t.text: t for m in mentions for t in m.toks}
    described = all(
        w.islower() and w in toks and toks[w].upos != "PROPN" and
        not toks[w].xpos.startswith("NNP") for w in words)
    return None if described else name


def _own_description(m: Mention, table: EntityTable) -> bool:
    """An unnamed speaker's mention describes it in words of its own
    ("E.U. leaders", "administration officials"): that description is its
    role here, not another mention's ("Central European leaders")."""
    return m.role is not None and len(m.role.split()) > 1 and \
        table.gives_role(m.role)


def _covered(text: str, inner: tuple[int, int],
             claimed: list[tuple[int, int]]) -> bool:
    """True when every letter and digit of ``text[inner]`` is claimed.

    A quotation only partly inside an attribution is still listed as
    unattributed, so no quoted words are silently lost.
    """
    near = [(s, e) for s, e in claimed if s < inner[1] and inner[0] < e]
    chars = [i for i in range(*inner) if text[i].isalnum()] or [
        i for i in range(*inner) if not text[i].isspace()]
    return all(any(s <= i < e for s, e in near) for i in chars)


def _origin(draft: _Draft) -> _Draft:
    """The first quotation of a run of continued quotations."""
    while draft.continues is not None:
        draft = draft.continues
    return draft


def _fallback_name(text: str, ent: Entity) -> str:
    first = ent.mentions[0] if ent.mentions else None
    return text[first.start:first.end] if first else ""


"""Result records: immutable attrs classes and their JSON form.

Owns the public data model (``Span``, ``Cue``, ``Speaker``, ``Attribution``,
``SpeakerEntity``, ``Result``) and ``Result.to_dict()``, the JSON object
documented in ``docs/schema.md``. Imports nothing from stanza.
"""

from __future__ import annotations

import enum
import json
import warnings
from collections.abc import Iterable
from typing import Any

from attrs import field, frozen, validators


def as_tuple(items: Iterable[Any]) -> tuple[Any, ...]:
    """Field converter: any iterable as a tuple (typed for mypy's attrs)."""
    return tuple(items)

SCHEMA_VERSION = 2
FOUND_BY = ("rules", "learned", "both")
"""The values of ``Attribution.found_by``."""
PIECE_SEPARATOR = " … "
"""What joins the pieces of a claim in ``Attribution.content_text``."""


class Kind(str, enum.Enum):
    """How a claim is reported."""

    DIRECT = "direct"
    """The claim is a quotation in quote marks."""
    MIXED = "mixed"
    """Reported speech that holds a quoted fragment."""
    INDIRECT = "indirect"
    """A paraphrase with no quote marks."""


@frozen(kw_only=True)
class Span:
    """A stretch of the input text: ``text[start:end] == span.text``."""

    start: int = field(validator=validators.ge(0))
    end: int = field()
    text: str = field(validator=validators.instance_of(str))

    @end.validator
    def _check_end(self, _attribute: object, value: int) -> None:
        if value < self.start or value - self.start != len(self.text):
            msg = f"bad span {self.start}:{value} for {self.text!r}"
            raise ValueError(msg)

    def to_dict(self) -> dict[str, Any]:
        """Return the JSON form ``{"start", "end", "text"}``."""
        return {"start": self.start, "end": self.end, "text": self.text}


@frozen(kw_only=True)
class Cue:
    """The reporting expression ("said", "according to") and its lemma."""

    span: Span
    lemma: str
    cls: str = "speech"
    """Lexicon class of the cue: ``speech``, ``statement``, ``belief``…"""

    def to_dict(self) -> dict[str, Any]:
        """Return the JSON form: the span plus ``lemma`` and ``class``."""
        return {**self.span.to_dict(), "lemma": self.lemma, "class": self.cls}


@frozen(kw_only=True)
class Speaker:
    """The mention that says the claim in its sentence, resolved."""

    span: Span
    name: str | None = None
    """Canonical name of the speaker's entity ("John Kirby")."""
    role: str | None = None
    """The entity's role or title ("Pentagon press secretary")."""
    entity: int | None = None
    """Index into ``Result.speakers``."""

    @property
    def text(self) -> str:
        """The mention as written ("He", "Kirby")."""
        return self.span.text

    @property
    def start(self) -> int:
        """Start offset of the mention."""
        return self.span.start

    @property
    def end(self) -> int:
        """End offset of the mention."""
        return self.span.end

    def to_dict(self) -> dict[str, Any]:
        """Return the JSON form of an attribution's ``speaker``."""
        return {
            **self.span.to_dict(),
            "name": self.name,
            "role": self.role,
            "entity": self.entity,
        }


@frozen(kw_only=True)
class Attribution:
    """One claim tied to its cue and speaker."""

    kind: Kind = field(converter=Kind)
    content: Span
    """The claim, without "that" and without the outer quote marks; for a
    claim in pieces, the range from its first piece to its last (the JSON
    ``content`` then lists the pieces).

    .. versionchanged:: 0.10.0
       The JSON form writes the pieces, not this range (schema 2).
    """
    content_pieces: tuple[Span, ...] = field(converter=as_tuple,
                                             factory=tuple)
    """The pieces of the content: one (``content`` itself) unless a quote
    is split by its attribution or goes on after it; never empty (an empty
    value becomes ``(content,)``)."""
    cue: Cue | None = None
    speaker: Speaker | None = None
    confidence: float = field(default=0.5, validator=[
        validators.ge(0.0), validators.le(1.0)])
    sentence: int = 0
    """Index of the sentence holding the start of the content."""
    found_by: str = field(default="rules",
                          validator=validators.in_(FOUND_BY))
    """What found the claim: ``"rules"``, ``"learned"`` (the learned
    tagger, where no rule claimed anything) or ``"both"`` (a rule's claim
    whose content the tagger tags as content too).

    .. versionadded:: 0.10.0
    """

    def __attrs_post_init__(self) -> None:
        if not self.content_pieces:
            object.__setattr__(self, "content_pieces", (self.content,))

    @property
    def content_text(self) -> str:
        """The claim's own words: the content's text, or for a claim in
        pieces its pieces joined by " … " (without the tag between them).

        .. versionadded:: 0.10.0
        """
        return PIECE_SEPARATOR.join(p.text for p in self.content_pieces)

    @property
    def pieces(self) -> tuple[Span, ...]:
        """Deprecated alias of ``content_pieces``.

        .. deprecated:: 0.9.0
           Use ``content_pieces``, the name the JSON form uses.
        """
        warnings.warn("Attribution.pieces is deprecated; use "
                      "Attribution.content_pieces", DeprecationWarning,
                      stacklevel=2)
        return self.content_pieces

    def to_dict(self) -> dict[str, Any]:
        """Return the JSON form of an attribution (``docs/schema.md``).

        Its ``content`` is the claim's own words: the ``content`` span, or
        the list of ``content_pieces`` when the claim is in several pieces
        (a quotation split by its tag), as benchmark gold writes it.
        """
        out: dict[str, Any] = {
            "kind": self.kind.value,
            "content": (self.content.to_dict()
                        if len(self.content_pieces) == 1
                        else [p.to_dict() for p in self.content_pieces]),
            "cue": self.cue.to_dict() if self.cue else None,
            "speaker": self.speaker.to_dict() if self.speaker else None,
            "content_pieces": [p.to_dict() for p in self.content_pieces],
            "confidence": round(self.confidence, 3),
            "found_by": self.found_by,
        }
        return out


@frozen(kw_only=True)
class SpeakerEntity:
    """One speaker of a document, with every mention and role found."""

    entity: int
    name: str
    roles: tuple[str, ...] = field(converter=as_tuple, factory=tuple)
    mentions: tuple[Span, ...] = field(converter=as_tuple, factory=tuple)

    def to_dict(self) -> dict[str, Any]:
        """Return the JSON form of a ``speakers`` item."""
        return {
            "entity": self.entity,
            "name": self.name,
            "roles": list(self.roles),
            "mentions": [m.to_dict() for m in self.mentions],
        }


@frozen(kw_only=True)
class Result:
    """Everything ``quotes`` found in one document."""

    doc_id: str | None = None
    attributions: tuple[Attribution, ...] = field(
        converter=as_tuple, factory=tuple)
    speakers: tuple[SpeakerEntity, ...] = field(
        converter=as_tuple, factory=tuple)
    unattributed_quotes: tuple[Span, ...] = field(
        converter=as_tuple, factory=tuple)
    """Quoted stretches that no attribution covers (titles, scare quotes)."""
    text: str | None = field(default=None, repr=False, eq=False)
    """The document text the spans index (set by ``extract`` and
    ``extract_doc``; not part of ``to_dict()``). Used by ``to_html``."""

    def attributions_of(self, entity: int) -> tuple[Attribution, ...]:
        """Return the attributions whose speaker is entity number *entity*."""
        return tuple(a for a in self.attributions
                     if a.speaker is not None and a.speaker.entity == entity)

    @property
    def without_speaker(self) -> tuple[Attribution, ...]:
        """Attributions whose speaker was not found."""
        return tuple(a for a in self.attributions if a.speaker is None)

    def to_frame(self) -> Any:
        """One row per attribution as a pandas ``DataFrame``.

        Needs the ``pandas`` extra; the columns are ``quotes.to_frame``'s.
        """
        from quotes._table import to_frame

        return to_frame(self)

    def to_dict(self) -> dict[str, Any]:
        """Return the JSON object of one document (``docs/schema.md``)."""
        return {
            "schema": SCHEMA_VERSION,
            "doc_id": self.doc_id,
            "attributions": [a.to_dict() for a in self.attributions],
            "speakers": [s.to_dict() for s in self.speakers],
            "unattributed_quotes": [q.to_dict()
                                    for q in self.unattributed_quotes],
        }

    def to_json(self, **kwargs: Any) -> str:
        """Return ``to_dict()`` as a JSON string (non-ASCII kept)."""
        return json.dumps(self.to_dict(), ensure_ascii=False, **kwargs)

    def to_html(self, text: str | None = None) -> str:
        """Return a self-contained HTML view of the text with its claims.

        Contents, cues and speaker mentions are marked, one colour family
        per speaker entity, with details on hover and keyboard focus; the
        speaker index follows as a table. All text is escaped.

        Args:
            text: the document text; default ``self.text`` (kept by
                ``extract`` and ``extract_doc``).

        Raises:
            ValueError: no text is known, or the spans do not index it.
        """
        from quotes._html import render

        text = self.text if text is None else text
        if text is None:
            msg = ("this Result does not keep its text; pass it: "
                   "result.to_html(text)")
            raise ValueError(msg)
        return render(self, text)

    def _repr_html_(self) -> str | None:
        """Jupyter's rich display: ``to_html()`` when the text is kept."""
        return None if self.text is None else self.to_html()

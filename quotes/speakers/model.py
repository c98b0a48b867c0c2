"""The speaker stages' values: a mention, and the entity it joins.

``Mention`` is one speaker (or salient person) phrase in one sentence, as
``mentions`` builds it; ``Entity`` the person or group that coreference
(``coref``) builds up from mentions. Imports only ``words`` of the speaker
stages.
"""

from __future__ import annotations

from attrs import define, field, frozen

from quotes._tree import Tok
from quotes.records import as_tuple
from quotes.speakers.words import most_specific_role, name_words

SPEAKER_WINDOW = 1500
"""Characters back within which a pronoun prefers an earlier speaker."""


@frozen(kw_only=True)
class Mention:
    """A speaker mention in one sentence."""

    sent: int
    toks: tuple[Tok, ...] = field(converter=as_tuple)
    head: Tok
    name: str | None
    role: str | None
    more_roles: tuple[str, ...] = ()
    """Other roles the mention gives: a title before the name when an
    appositive after it gives ``role``."""
    open_roles: tuple[str, ...] = ()
    """Role candidates found by the surface patterns of roles (an
    appositive, words before the name, a copular predicate) without the
    role-noun lexicon's check ("a cook at the Taj"): the role model weighs
    them; the rules ignore them."""
    pronoun: str | None = None
    plural: bool = False
    main: bool = False
    """The subject of its sentence's main clause."""
    restricted: bool = False
    """A description with a restrictive relative clause ("the officer who
    shot Scott"): it introduces someone, it does not refer back."""
    place: bool = False
    """Named as where something is ("lawsuits in the United States and
    Canada"): a place, which "the company" never refers back to."""

    @property
    def start(self) -> int:
        """Start offset of the mention."""
        return self.toks[0].start

    @property
    def end(self) -> int:
        """End offset of the mention."""
        return self.toks[-1].end


@define
class Entity:
    """A person or group being built up from its mentions."""

    index: int
    name: str | None = None
    roles: list[str] = field(factory=list)
    descriptions: list[str] = field(factory=list)
    """Descriptions that give no role ("her daughter", "protesters"): they
    tell who the entity is, and "the daughter" may refer back to them."""
    mentions: list[Mention] = field(factory=list)
    plural: bool = False
    person: bool = True
    head: str = ""
    last_salient: int = -1
    salient_count: int = 0
    """Mentions as a subject or speaker: how prominent the entity is."""
    last_seen: int = -1
    speaker: bool = False
    last_spoken: int = -1
    """Start of the entity's latest mention as a claim's speaker."""
    gender: str | None = None
    """"m" or "f" once a mention shows it ("Mrs.", "chairman", "she")."""
    parties: set[str] = field(factory=set)
    """Parties the text ties the entity to ("Republican Donald Trump")."""
    states: set[str] = field(factory=set)
    """US states the text ties the entity to ("Florida Sen. Marco Rubio",
    "Sen. Ted Cruz of Texas", "(I-Vt.)")."""
    titled: bool = False
    """A title that begins with "The" ("The New York Times")."""
    writer: bool = False
    """The writer of the text, whom "I" names (never "he", "she", "it")."""
    members: list[Entity] = field(factory=list)
    """The named people of a group the text conjoins ("Ann Lee and Bo
    Park"), whom "they" may refer to; empty for anyone else."""

    @property
    def person_like(self) -> bool:
        """A speaker, a role holder, or a full (two-word) name."""
        return self.person and (self.speaker or bool(self.roles) or
                                bool(self.descriptions) or
                                len(self.name_words) >= 2)

    @property
    def name_words(self) -> list[str]:
        """The canonical name's words, case-folded, without suffixes (none
        for a group: no surname joins it)."""
        return [] if self.members else name_words(self.name)

    @property
    def full_name(self) -> str | None:
        """The name as the speaker's name: "The" kept in a title; a group's
        members' names joined ("A and B", "A, B and C")."""
        if self.members:
            names = [m.full_name or "" for m in self.members]
            return names[0] if len(names) == 1 else \
                ", ".join(names[:-1]) + " and " + names[-1]
        return f"The {self.name}" if self.titled and self.name else self.name

    @property
    def role(self) -> str | None:
        """The most specific role found (see ``most_specific_role``)."""
        return most_specific_role(self.roles, named=self.name is not None)

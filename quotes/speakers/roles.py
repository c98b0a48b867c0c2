"""Roles: each speaker entity's role candidates, and the decision.

Rules generate the candidates: every role or description that a mention
of the entity carries, with the form it had there (a title before the
name, an appositive after it, a description, a pronoun's predicate) and
where it stood. A small logistic model (``quotes/model/roles.json``,
trained by ``training/roles.py`` on hand-annotated PolNeAR speakers)
scores each candidate from its features, and the best one above the
model's threshold is the entity's role on every claim it makes. Without
the model (rules only) the most specific role is taken
(``Entity.role``). Imports ``words`` and ``model`` of the speaker stages.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Protocol

from attrs import frozen

from quotes import _modelfile
from quotes.lexicons import Lexicon
from quotes.speakers.model import Entity
from quotes.speakers.words import FORMER, PARTY_WORDS, lexical_head

MODEL_FILE = "roles.json"

FORMS = ("title", "appos", "description", "pronoun", "outside")
"""How a candidate stood at its mention: a title before the name
("Sen. Ann Lee"), an appositive after it ("Ann Lee, the chairwoman"), a
description without a name ("the spokesman"), on a pronoun ("She serves
as the attorney general"), or outside the mention's words."""

_POSTMODIFIED = re.compile(r"\s(?:of|for|at|in|with|from|to|on)\s",
                           re.IGNORECASE)
_DANGLING = re.compile(r"\b(?:of|for|at|in|with|from|to|on|and|the|a|an)$",
                       re.IGNORECASE)


@frozen(kw_only=True)
class Candidate:
    """One role a mention of the entity gives, where it first appeared."""

    text: str
    start: int
    form: str
    order: int
    """Rank of its first appearance among the entity's candidates."""
    lexical: bool
    """Found by the rules (a role noun or title in it), not only by the
    surface pattern (``Mention.open_roles``)."""
    in_headline: bool


def candidates(ent: Entity, text: str,
               gives_role: Callable[[str], bool]) -> list[Candidate]:
    """The entity's candidates in text order, each text once.

    What the annotation conventions never call a role is left out: a
    description the lexicon marks as none (kinship, epithets: "her
    daughter", "a woman"), and a party label for a named person
    ("Democrat from Oregon").
    """
    headline = text.find("\n")
    seen: dict[str, Candidate] = {}
    for m in sorted(ent.mentions, key=lambda m: m.start):
        lexical = {r for r in (m.role, *m.more_roles) if r}
        for role in (m.role, *m.more_roles, *m.open_roles):
            if not role or role.casefold() in seen or \
                    _ruled_out(role, ent, gives_role):
                continue
            words = text[m.start:m.end]
            at = words.find(role)
            if m.pronoun is not None:
                form = "pronoun"
            elif at < 0:
                form = "outside"
            elif m.name is None or m.name not in words:
                form = "description"
            else:
                form = "title" if at < words.find(m.name) else "appos"
            seen[role.casefold()] = Candidate(
                text=role, start=m.start, form=form, order=len(seen),
                lexical=role in lexical,
                in_headline=0 <= m.start < headline)
    return list(seen.values())


def _ruled_out(role: str, ent: Entity,
               gives_role: Callable[[str], bool]) -> bool:
    """Kinship and epithets (``gives_role`` false), or a named person's
    party label ("Democrat from Oregon")."""
    return not gives_role(role) or (
        ent.name is not None and lexical_head(role).rstrip("s") in PARTY_WORDS)


def features(c: Candidate, cands: Sequence[Candidate], ent: Entity,
             lex: Lexicon) -> dict[str, float]:
    """The candidate's features, by name (binary unless said)."""
    words = c.text.split()
    head = lexical_head(c.text).strip(".,")
    longest = max(len(o.text.split()) for o in cands)
    picked = ent.role  # the rules' choice
    f = {
        "rules_pick": float(c.text == picked),
        "rules_none": float(picked is None),
        "bias": 1.0,
        f"form={c.form}": 1.0,
        "lexical": float(c.lexical),
        f"lexical_form={c.lexical}_{c.form}": 1.0,
        "first": float(c.order == 0),
        "last": float(c.order == len(cands) - 1),
        "order": min(c.order, 5) / 5,
        "alone": float(len(cands) == 1),
        f"words={min(len(words), 5)}": 1.0,
        "longest": float(len(words) == longest),
        "postmodified": float(bool(_POSTMODIFIED.search(c.text))),
        "dangling": float(bool(_DANGLING.search(c.text))),
        "former": float(bool(FORMER.search(c.text))),
        "possessive": float("'s" in c.text or "\u2019s" in c.text),
        "capitalised": float(words[0][:1].isupper()),
        "all_capitalised": float(all(w[:1].isupper() for w in words)),
        "digit": float(any(ch.isdigit() for ch in c.text)),
        "quote_mark": float(any(ch in "\"\u201c\u201d" for ch in c.text)),
        "hyphen_start": float(c.text[:1] in "-\u2013"),
        "headline": float(c.in_headline),
        "role_noun": float(head in lex.role_nouns or
                           head.rstrip("s") in lex.role_nouns),
        "title": float(head in lex.titles or f"{head}." in lex.titles),
        "plural_head": float(head.endswith("s") and not head.endswith("ss")),
        "named": float(ent.name is not None),
        "plural": float(ent.plural),
        "person": float(ent.person),
        "named_plural_head": float(ent.name is not None and
                                   head.endswith("s") and
                                   not head.endswith("ss")),
        f"head={head}": 1.0,
        f"form_named={c.form}_{ent.name is not None}": 1.0,
    }
    return f


class RoleChooser(Protocol):
    """Decides an entity's role (``RoleModel``; training records with it)."""

    def choose(self, ent: Entity, text: str, lex: Lexicon,
               gives_role: Callable[[str], bool]) -> str | None: ...


@frozen(kw_only=True)
class RoleModel(_modelfile.Logistic):
    """A logistic scorer over candidate features, and its threshold."""

    def choose(self, ent: Entity, text: str, lex: Lexicon,
               gives_role: Callable[[str], bool]) -> str | None:
        """The best candidate above the threshold, or None."""
        cands = candidates(ent, text, gives_role)
        if not cands:
            return None
        scored = [(self.probability(features(c, cands, ent, lex)), -c.order,
                   c.text) for c in cands]
        best = max(scored)
        return best[2] if best[0] >= self.threshold else None


def load(directory: str | Path | None = None) -> RoleModel:
    """The role model from *directory* (default: the bundled model).

    Raises:
        ModelNotAvailableError: the file is missing or corrupt.
    """
    return _load(_modelfile.path_of(MODEL_FILE, directory))


@functools.lru_cache(maxsize=4)
def _load(path: str) -> RoleModel:
    return RoleModel(**_modelfile.logistic_fields(path, "role model"))

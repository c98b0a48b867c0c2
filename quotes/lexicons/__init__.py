"""Word lists the extractor reads: reporting verbs, cue phrases, roles.

The lists are data files beside this module (see ``README.md`` here for
their format); ``Lexicon.default()`` loads them once, ``Lexicon.from_dir``
loads a user's own copy, and ``attrs.evolve`` changes single fields.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable
from importlib import resources
from pathlib import Path
from typing import Any

from attrs import field, frozen

from quotes.exceptions import LexiconError

_FILES = ("reporting_verbs.tsv", "cue_phrases.tsv", "role_nouns.txt",
          "honorifics.txt", "pronouns.tsv", "non_speakers.txt",
          "genders.tsv", "titles.txt", "org_words.txt", "first_names.tsv",
          "publications.txt", "no_role_nouns.txt", "title_words.tsv",
          "epithets.txt", "org_nouns.txt", "owned_orgs.tsv", "us_states.tsv")
_OPTIONAL = frozenset({"titles.txt", "org_words.txt", "first_names.tsv",
                       "publications.txt", "no_role_nouns.txt",
                       "title_words.tsv", "epithets.txt", "org_nouns.txt",
                       "owned_orgs.tsv", "us_states.tsv"})
"""Files added after the first release: a custom directory without them
uses the bundled ones."""


def _rows(path: str, text: str, ncols: int) -> list[tuple[str, ...]]:
    """Split a data file into rows of *ncols* TAB-separated columns."""
    rows = []
    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw.rstrip("\n")
        if not line.strip() or line.startswith("#"):
            continue
        cols = tuple(line.split("\t"))
        if len(cols) != ncols or any(c != c.strip() or not c for c in cols):
            msg = f"expected {ncols} TAB-separated columns, got {line!r}"
            raise LexiconError(msg, path=path, line=number)
        rows.append(cols)
    return rows


def _freeze_map(rows: list[tuple[str, ...]]) -> dict[str, str]:
    return {r[0]: r[1] for r in rows}


@frozen(kw_only=True)
class Pronoun:
    """Grammatical features of a personal pronoun."""

    number: str
    person: int
    gender: str


def _mapping(items: Any) -> dict[str, Any]:
    """Field converter: a mapping or pairs as a dict (typed for mypy)."""
    return dict(items)


def _words(items: Iterable[str]) -> frozenset[str]:
    """Field converter: words as a frozenset (typed for mypy)."""
    return frozenset(items)


@frozen(kw_only=True)
class Lexicon:
    """The word lists, as immutable mappings and sets."""

    reporting_verbs: dict[str, str] = field(converter=_mapping)
    """Verb lemma -> class (speech, statement, belief, evidence)."""
    noun_cues: dict[str, str] = field(converter=_mapping)
    """Noun lemma -> class ("statement", "claim")."""
    prep_cues: dict[str, str] = field(converter=_mapping)
    """Preposition phrase -> class ("according to")."""
    phrasal_cues: dict[str, str] = field(converter=_mapping, factory=dict)
    """Verb lemma and particle -> class ("shoot back"): a verb that reports
    speech only with its particle."""
    role_nouns: frozenset[str] = field(converter=_words)
    honorifics: frozenset[str] = field(converter=_words)
    pronouns: dict[str, Pronoun] = field(converter=_mapping)
    non_speakers: frozenset[str] = field(converter=_words)
    """Nouns that never head a speaker phrase (times, dates)."""
    genders: dict[str, str] = field(converter=_mapping, factory=dict)
    """Honorific or noun -> "m" or "f" ("mrs.", "chairman")."""
    titles: frozenset[str] = field(converter=_words, factory=frozenset)
    """Titles before a name ("sen.", "lt."): role, never name."""
    org_words: frozenset[str] = field(converter=_words, factory=frozenset)
    """Last words of organisation names ("foundation", "hotel")."""
    org_nouns: frozenset[str] = field(converter=_words, factory=frozenset)
    """Nouns for a kind of organisation ("company", "airline"): "the
    company" refers back to the organisation last named."""
    owned_orgs: dict[str, str] = field(converter=_mapping, factory=dict)
    """Noun after a possessive pronoun -> the word of the organisation's
    name ("his campaign" of Trump: "Trump campaign")."""
    first_names: dict[str, str] = field(converter=_mapping, factory=dict)
    """Common first name -> "m" or "f"."""
    publications: frozenset[str] = field(converter=_words,
                                         factory=frozenset)
    """Last words of titles that keep "The" ("The New York Times")."""
    no_role_nouns: frozenset[str] = field(converter=_words,
                                          factory=frozenset)
    """Person nouns that describe but give no role ("wife", "friend")."""
    title_words: dict[str, str] = field(converter=_mapping, factory=dict)
    """Abbreviated title -> the word it stands for ("sen." -> "senator")."""
    epithets: frozenset[str] = field(converter=_words, factory=frozenset)
    """Person nouns that are no position ("businessman", "woman")."""
    states: dict[str, str] = field(converter=_mapping, factory=dict)
    """A US state's name, abbreviation or postal code -> its name ("vt."
    -> "vermont")."""

    @classmethod
    def default(cls) -> Lexicon:
        """Return the lexicon shipped with ``quotes`` (loaded once)."""
        return _default()

    @classmethod
    def from_dir(cls, directory: str | Path) -> Lexicon:
        """Load the data files from *directory*.

        Raises:
            LexiconError: a file is malformed (path and line in the message).
            FileNotFoundError: a file is missing.
        """
        base = Path(directory)
        pkg = resources.files(__package__)
        texts = {n: ((pkg / n) if n in _OPTIONAL and not (base / n).exists()
                     else base / n).read_text(encoding="utf-8")
                 for n in _FILES}
        return cls._from_texts({str(base / n): t for n, t in texts.items()})

    @classmethod
    def _from_texts(cls, texts: dict[str, str]) -> Lexicon:
        by_name = {Path(p).name: (p, t) for p, t in texts.items()}

        def rows(name: str, ncols: int) -> list[tuple[str, ...]]:
            path, text = by_name[name]
            return _rows(path, text, ncols)

        cues = rows("cue_phrases.tsv", 3)
        return cls(
            reporting_verbs=_freeze_map(rows("reporting_verbs.tsv", 2)),
            noun_cues={r[1]: r[2] for r in cues if r[0] == "noun"},
            prep_cues={r[1]: r[2] for r in cues if r[0] == "prep"},
            phrasal_cues={r[1]: r[2] for r in cues if r[0] == "phrasal"},
            role_nouns={r[0] for r in rows("role_nouns.txt", 1)},
            honorifics={r[0] for r in rows("honorifics.txt", 1)},
            pronouns={r[0]: Pronoun(number=r[1], person=int(r[2]),
                                    gender=r[3])
                      for r in rows("pronouns.tsv", 4)},
            non_speakers={r[0] for r in rows("non_speakers.txt", 1)},
            genders=_freeze_map(rows("genders.tsv", 2)),
            titles={r[0] for r in rows("titles.txt", 1)},
            org_words={r[0] for r in rows("org_words.txt", 1)},
            org_nouns={r[0] for r in rows("org_nouns.txt", 1)},
            owned_orgs=_freeze_map(rows("owned_orgs.tsv", 2)),
            first_names=_freeze_map(rows("first_names.tsv", 2)),
            publications={r[0] for r in rows("publications.txt", 1)},
            no_role_nouns={r[0] for r in rows("no_role_nouns.txt", 1)},
            title_words=_freeze_map(rows("title_words.tsv", 2)),
            epithets={r[0] for r in rows("epithets.txt", 1)},
            states=_freeze_map(rows("us_states.tsv", 2)),
        )


@functools.cache
def _default() -> Lexicon:
    pkg = resources.files(__package__)
    texts = {n: (pkg / n).read_text(encoding="utf-8") for n in _FILES}
    return Lexicon._from_texts(texts)

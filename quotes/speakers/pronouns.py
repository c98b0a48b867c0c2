"""Who "he", "she" and "they" are: a learned choice among earlier entities.

The entity table offers every entity seen before the pronoun whose number
and gender fit, with the rules' own referent
(``coref.EntityTable._pronoun``); a linear model
(``quotes/model/pronouns.json``, fitted by ``training/pronouns.py`` on
hand-annotated PolNeAR speakers as a choice among the candidates and
"none") scores each from its features (how recently and how prominently
it was seen, whether it was quoted, whether it is the previous
sentence's subject or the latest claim's speaker, whether its name looks
like a person's, the rules' pick) and the best one above the threshold
is the referent. Without the model (rules only) the
rules decide. Imports ``model`` of the speaker stages (``coref`` for
types only: the table passes itself in).
"""

from __future__ import annotations

import functools
import math
import re
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from attrs import frozen

from quotes import _modelfile
from quotes.speakers.model import SPEAKER_WINDOW, Entity, Mention

if TYPE_CHECKING:
    from quotes.speakers.coref import EntityTable

MODEL_FILE = "pronouns.json"

_ACRONYM = re.compile(r"[A-Z][A-Z.&]+")
"""A name that is an acronym ("ISIS", "U.S."): an organisation or a
place, not "he" or "she"."""


def _bucket(value: float, edges: Sequence[float]) -> int:
    return next((k for k, edge in enumerate(edges) if value <= edge),
                len(edges))


def features(m: Mention, ent: Entity, pool: Sequence[Entity],
             picked: Entity | None, table: EntityTable) -> dict[str, float]:
    """The features of *ent* as the referent of pronoun *m*."""
    before = [x for x in ent.mentions if x.start < m.start]
    last_sent = max((x.sent for x in before), default=-99)
    by_seen = sorted(pool, key=lambda e: -e.last_seen)
    by_salient = sorted(pool, key=lambda e: -e.last_salient)
    gap = m.start - ent.last_seen
    breaks = table.text.count("\n", max(ent.last_seen, 0), m.start)
    genders = [e.gender for e in pool]
    salient_gap = m.start - ent.last_salient if ent.last_salient >= 0 \
        else 10 * SPEAKER_WINDOW
    spoken = [e.last_spoken for e in pool if e.last_spoken < m.start]
    last_speaker = 0 <= ent.last_spoken < m.start and \
        ent.last_spoken == max(spoken, default=-1)
    words = ent.name_words
    return {
        "bias": 1.0,
        "rules_pick": float(ent is picked),
        "rules_none": float(picked is None),
        f"seen_rank={min(by_seen.index(ent), 3)}": 1.0,
        f"salient_rank={min(by_salient.index(ent), 3)}": 1.0,
        f"gap={_bucket(gap, (50, 200, 600, 1500, 4000))}": 1.0,
        f"salient_gap={_bucket(salient_gap, (200, 600, 1500, 4000))}": 1.0,
        f"sentences={_bucket(m.sent - last_sent, (0, 1, 2, 4, 8))}": 1.0,
        "previous_main": float(any(
            x.main and m.sent - 1 <= x.sent <= m.sent for x in before)),
        "same_sentence": float(any(x.sent == m.sent for x in before)),
        "speaker": float(ent.speaker),
        "recent_speaker": float(ent.speaker and salient_gap < SPEAKER_WINDOW),
        "salience": math.log1p(ent.salient_count),
        "mentions": math.log1p(len(before)),
        "gender_known": float(ent.gender is not None),
        "only_of_gender": float(ent.gender is not None and
                                genders.count(ent.gender) == 1),
        f"breaks={_bucket(breaks, (0, 2, 4))}": 1.0,
        "named": float(ent.name is not None),
        "full_name": float(len(ent.name_words) >= 2),
        "has_role": float(bool(ent.roles)),
        "person": float(ent.person),
        "related": float(table._related(ent)),
        "main": float(m.main),
        "pool": min(len(pool), 6) / 6,
        "last_speaker": float(last_speaker),
        "spoke_in_paragraph": float(
            0 <= ent.last_spoken < m.start and
            "\n" not in table.text[ent.last_spoken:m.start]),
        "first_name": float(bool(words) and
                            words[0] in table.lex.first_names),
        "acronym": float(_ACRONYM.fullmatch(ent.name or "") is not None),
    }


@frozen(kw_only=True)
class PronounModel(_modelfile.Logistic):
    """A logistic scorer over referent features, and its threshold."""

    def choose(self, m: Mention, pool: list[Entity], picked: Entity | None,
               table: EntityTable) -> Entity | None:
        """The best-scoring entity above the threshold, or None."""
        if not pool:
            return picked
        scored = [(self.probability(features(m, e, pool, picked, table)),
                   e.last_seen, k) for k, e in enumerate(pool)]
        best = max(scored)
        return pool[best[2]] if best[0] >= self.threshold else None


def load(directory: str | Path | None = None) -> PronounModel:
    """The pronoun model from *directory* (default: the bundled model).

    Raises:
        ModelNotAvailableError: the file is missing or corrupt.
    """
    return _load(_modelfile.path_of(MODEL_FILE, directory))


@functools.lru_cache(maxsize=4)
def _load(path: str) -> PronounModel:
    return PronounModel(**_modelfile.logistic_fields(path, "pronoun model"))

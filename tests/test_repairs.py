"""Rules that repair common parser errors, on real misparses.

Each ``parsed/repair_*.conllu`` is a parse the bundled model really made,
kept as it came out: the rules must give the right answer in spite of it.
"""

from __future__ import annotations

from conftest import FIXTURES

import quotes
from quotes.testing import doc_from_conllu


def _extract(name: str) -> quotes.Result:
    conllu = (FIXTURES / "parsed" / f"{name}.conllu").read_text("utf-8")
    return quotes.extract_doc(doc_from_conllu(conllu), doc_id=name)


def test_subject_hung_from_the_cue_joins_the_content() -> None:
    """ "said around 2,000 troops would be deployed": 'troops' parsed as an
    obl of 'said' is still the subject of the reported clause."""
    conllu = (FIXTURES / "parsed" / "repair_stray_subject.conllu").read_text(
        "utf-8")
    row = next(r.split("\t") for r in conllu.splitlines()
               if r.startswith("9\ttroops"))
    assert row[7] == "obl"  # the misparse this rule is for
    (att,) = _extract("repair_stray_subject").attributions
    assert att.content.text.startswith("around 2,000 troops would be")
    assert att.speaker is not None
    assert att.speaker.name == "John Kirby"

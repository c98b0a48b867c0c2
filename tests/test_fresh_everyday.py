"""The bundled model on raw news text: the everyday suite.

``fixtures/fresh_everyday.json`` holds 80 short passages in eight families
of everyday news writing (times and places around the cue, long
descriptions, institutions and unnamed officials, runs of quotations,
sources and documents, negation and hedging, several speakers, sports,
business and culture registers), written for this project by a writer who
had read neither the rules nor the other suites. ``raw_report.py`` judges
them like the other suites (``python tests/raw_report.py --suite
fixtures/fresh_everyday.json`` lists every failing passage).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from raw_report import families, load_passages, malformed, rate, run

import quotes

SUITE = Path(__file__).resolve().parent.parent / "fixtures" / \
    "fresh_everyday.json"

MIN_FULLY_RIGHT = 0.8
"""Share of passages that must come out fully right. Measured once before
any change for it (code 411f833, with the conventions of the other suites
and of the PolNeAR gold applied to its annotations: fixtures/README.md):
61 / 80 = 0.762; after the families its odd-numbered passages showed
(CHANGELOG): 65 / 80 = 0.812. The even-numbered passages, whose misses
were never read, stayed at 29 / 40."""

PASSAGES = load_passages(SUITE)


@pytest.fixture(scope="module")
def judged() -> dict[str, tuple[quotes.Result, list[str]]]:
    """Every passage run once through the bundled model."""
    return run(quotes.Extractor(), PASSAGES)


def test_suite_well_formed() -> None:
    """80 passages, 10 per family, unique ids, each content found once."""
    assert len(PASSAGES) == 80
    assert len({p["id"] for p in PASSAGES}) == len(PASSAGES)
    assert malformed(PASSAGES) == []
    assert set(families(PASSAGES).values()) == {10}, families(PASSAGES)


@pytest.mark.model
def test_fully_right_rate(judged: dict[str, tuple[quotes.Result, list[str]]]
                          ) -> None:
    """The share of fully right passages stays at or above the threshold."""
    failing = sorted(i for i, (_, problems) in judged.items() if problems)
    assert rate(judged) >= MIN_FULLY_RIGHT, failing

"""The tokenizer postprocessor joins sentences cut inside a name."""

from __future__ import annotations

import pytest

from quotes._sentences import repair


@pytest.mark.parametrize(("cut", "whole"), [
    ([["Gov.", "Ellen"], ["Shaw", "said", "it", "."]],
     [["Gov.", "Ellen", "Shaw", "said", "it", "."]]),
    ([["Loretta", "E."], ["Lynch", "said", "so", "."]],
     [["Loretta", "E.", "Lynch", "said", "so", "."]]),
    ([["Prof", "."], ["Keith", "Armitage", "said", "."]],
     [["Prof.", "Keith", "Armitage", "said", "."]]),
    ([["Chief", "executive", "Daniel"], ["Hsu", "told", "them", "."]],
     [["Chief", "executive", "Daniel", "Hsu", "told", "them", "."]]),
    ([["the", "quarter", "ended", "Sept."], ["30", "was", "good", "."]],
     [["the", "quarter", "ended", "Sept.", "30", "was", "good", "."]]),
    ([["Anna"], ["Holm", "said", "it", "."]],
     [["Anna", "Holm", "said", "it", "."]]),
], ids=["title", "initial", "title-period", "unended-name", "date",
        "lone-first-name"])
def test_cut_names_are_joined(cut: list[list[str]],
                              whole: list[list[str]]) -> None:
    """A sentence cut after a title, an initial, inside a name or inside a
    date is one."""
    assert repair(cut) == whole


@pytest.mark.parametrize("sentences", [
    [["He", "left", "."], ["She", "stayed", "."]],
    [["Prices", "rose", "in", "the", "U.S."], ["the", "end", "."]],
    [["It", "was", "late", "."], ["Dr.", "Li", "agreed", "."]],
    [["Sales", "fell", "in", "Dec."], ["Prices", "rose", "."]],
    [["It", "ended", "in", "Oct", "."], ["2020", "was", "worse", "."]],
    [["Storm"], ["Anna", "said", "it", "rained", "."]],
    [["Anna", "!"], ["Holm", "waved", "."]],
], ids=["two-sentences", "lower-case-next", "title-opens-next",
        "month-ends-sentence", "year-opens-next", "one-word-headline",
        "exclamation"])
def test_real_sentence_ends_stay(sentences: list[list[str]]) -> None:
    """Ordinary sentence ends are left alone."""
    assert repair([list(s) for s in sentences]) == sentences


def test_capitalised_words_are_not_split() -> None:
    """ "Donna" stays one word; "can't" and "Cannot" stay multi-word."""
    words = [[("Donna", True), "Brazile", ("can't", True), ("Cannot", True)]]
    assert repair(words) == [["Donna", "Brazile", ("can't", True),
                              ("Cannot", True)]]

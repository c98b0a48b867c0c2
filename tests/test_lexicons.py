"""The lexicon data files are well formed, and custom lexicons load."""

from __future__ import annotations

from importlib import resources
from pathlib import Path

import attrs
import pytest
from conftest import fixture_result, load_cases

from quotes import Lexicon, LexiconError
from quotes.lexicons import _FILES

DATA = Path(str(resources.files("quotes.lexicons")))


@pytest.mark.parametrize("name", _FILES)
def test_lexicon_file_clean(name: str) -> None:
    """Each file has a header, sorted unique lower-case entries, no stray
    whitespace."""
    lines = (DATA / name).read_text(encoding="utf-8").splitlines()
    assert lines[0].startswith("#")
    rows = [ln for ln in lines if ln and not ln.startswith("#")]
    keys = [r.split("\t")[0] if name != "cue_phrases.tsv" else
            "\t".join(r.split("\t")[:2]) for r in rows]
    assert keys == sorted(keys)
    assert len(keys) == len(set(keys))
    for row in rows:
        assert row == row.strip()
        assert row.split("\t")[0] == row.split("\t")[0].lower()


def test_reporting_verbs_size() -> None:
    """At least 150 reporting-verb lemmas, each with a known class."""
    lex = Lexicon.default()
    assert len(lex.reporting_verbs) >= 150
    assert set(lex.reporting_verbs.values()) <= {
        "speech", "statement", "belief", "evidence", "intent", "stance"}
    assert lex.reporting_verbs["say"] == "speech"
    assert lex.prep_cues["according to"] == "speech"


def test_lexicon_from_dir_reports_line(tmp_path: Path) -> None:
    """A malformed row is reported with its file and line number."""
    for name in _FILES:
        (tmp_path / name).write_text((DATA / name).read_text("utf-8"),
                                     encoding="utf-8")
    with (tmp_path / "reporting_verbs.tsv").open("a", encoding="utf-8") as f:
        f.write("shout speech\n")
    with pytest.raises(LexiconError) as info:
        Lexicon.from_dir(tmp_path)
    assert info.value.line > 1
    assert "reporting_verbs.tsv" in str(info.value)


def test_shrinking_lexicon_drops_cue(monkeypatch: pytest.MonkeyPatch) -> None:
    """Without "clarify" in the lexicon, its attribution disappears."""
    case = next(c for c in load_cases() if c["name"] == "indirect_that")
    lex = Lexicon.default()
    verbs = {k: v for k, v in lex.reporting_verbs.items() if k != "clarify"}
    smaller = attrs.evolve(lex, reporting_verbs=verbs)
    monkeypatch.setattr(Lexicon, "default", classmethod(
        lambda cls: smaller))
    assert fixture_result(case["name"], case["text"]).attributions == ()


def test_genders_are_m_or_f() -> None:
    """Every gendered word maps to "m" or "f", honorifics included."""
    lex = Lexicon.default()
    assert set(lex.genders.values()) == {"m", "f"}
    assert lex.genders["mrs."] == "f"
    assert lex.genders["chairman"] == "m"

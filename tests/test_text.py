"""Input as people have it: hard-wrapped lines and a byte-order mark.

``quotes._text`` joins the line breaks of a folded paragraph and skips a
leading BOM before parsing; every span still indexes the text as given.
The rule-level tests need no model; the ``model`` tests compare folded
copies of fixture texts with the unfolded ones on the bundled model.
"""

from __future__ import annotations

import json
import re
import textwrap
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st
from strategies import hostile_text

import quotes
from quotes import _text
from quotes.records import Attribution, Result, Span, Speaker

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
SEED = (FIXTURES / "texts" / "seed.txt").read_text(encoding="utf-8")


def fold(text: str, width: int = 72) -> str:
    """*text* hard-wrapped at *width*, paragraphs apart by blank lines."""
    paragraphs = [p for p in re.split(r"\n\s*\n|\n", text) if p.strip()]
    return "\n\n".join(textwrap.fill(p, width) for p in paragraphs)


def _squash(value: str) -> str:
    # a fold after a hyphen ("six-" / "hour") is no space in the words
    return re.sub(r"\s+", " ", re.sub(r"-\n", "-", value)).strip()


@pytest.mark.parametrize("width", [60, 72, 79])
def test_folded_seed_reads_as_unfolded(width: int) -> None:
    """Each folded paragraph of the seed is joined back into one line."""
    folded = fold(SEED, width)
    assert "\n" in folded.split("\n\n")[0]
    plain = _text.normalize(folded)
    assert [_squash(p) for p in plain.text.split("\n\n")] == \
        [_squash(p) for p in SEED.split("\n\n")]
    assert "\n" not in plain.text.replace("\n\n", "")


def test_paragraph_a_line_is_kept() -> None:
    """Text with one paragraph a line, or short lines, is not joined."""
    long_lines = "\n".join(p.replace("\n", " ") for p in SEED.split("\n\n"))
    assert not _text.normalize(long_lines).changed
    short = ('Kang said landlords had waited long enough.\n'
             '"The courts are open again," she argued.')
    assert not _text.normalize(short).changed
    listing = ("Headline\nBy Ana Lima\n\nThe vote was close.")
    assert not _text.normalize(listing).changed
    signed = ("“He has empowered white racists to be open with their "
              "prejudice.”― Sonya Herridge\n“Mostly he promotes hate.” — "
              "Azucena González, 34, of Phoenix")
    assert not _text.normalize(signed).changed


def test_blank_and_indented_lines_start_paragraphs() -> None:
    """A blank line or an indented line ends the paragraph before it."""
    first = ("The council voted on Tuesday to close the old ferry terminal "
             "after a long\ndebate that went on for most of the night and "
             "into the early hours.")
    second = ("  Mayor Ana Lima said the terminal had lost money for years "
              "and that the\ncity could no longer pay for its repairs.")
    plain = _text.normalize(first + "\n" + second + "\n\nEnd.")
    assert plain.text == (first.replace("\n", " ") + "\n"
                          + second.replace("\n", " ") + "\n\nEnd.")


def test_hyphen_fold_joins_without_space() -> None:
    """A fold after a hyphenated word's hyphen rejoins the word."""
    text = ("The deployment follows months of a steady military build-\n"
            "up near the border, the ministry said in a statement on\n"
            "Friday, and more troops are expected to arrive soon.")
    plain = _text.normalize(text)
    assert "build-up near" in plain.text
    start = plain.text.index("build-up")
    span = plain.span(Span(start=start, end=start + 8, text="build-up"))
    assert span.text == "build-\nup"
    after = plain.span(Span(start=start + 9, end=start + 13, text="near"))
    assert text[after.start:after.end] == "near"


def test_bom_is_skipped_and_offsets_map_back() -> None:
    """A leading BOM is not parsed; offsets point into the text as given."""
    given = "\ufeffAnn Lee said prices were up."
    plain = _text.normalize(given)
    assert plain.text == "Ann Lee said prices were up."
    start = plain.text.index("prices")
    span = plain.span(Span(start=start, end=start + 6, text="prices"))
    assert given[span.start:span.end] == "prices"
    assert span.start == start + 1


def test_restore_remaps_every_span() -> None:
    """``Plain.restore`` moves every span of a result and keeps the text."""
    given = ("\ufeffSen. Ann Lee of the budget committee said on Tuesday "
             "the bill would\r\npass by June.\r\nxxxxxxxxxx")
    plain = _text.normalize(given)
    assert "would pass" in plain.text
    norm = plain.text
    claim = "the bill would pass by June"
    start = norm.index(claim)
    content = Span(start=start, end=start + len(claim), text=claim)
    name = Span(start=norm.index("Ann"), end=norm.index("Ann") + 7,
                text="Ann Lee")
    result = Result(attributions=(Attribution(
        kind="indirect", content=content,
        speaker=Speaker(span=name, name="Ann Lee")),))
    restored = plain.restore(result)
    assert restored.text == plain.given
    _check_spans(restored, plain.given)


_LINES = st.lists(st.one_of(
    hostile_text, st.text(alphabet="ab -\n", max_size=90),
    st.sampled_from(["", " ", "  indented", "a" * 70, "word-", "\ufeff"])),
    max_size=12)


@given(st.one_of(hostile_text, _LINES.map("\n".join),
                 _LINES.map("\r\n".join)))
def test_normalize_maps_every_offset(text: str) -> None:
    """Each parsed character is the given one at its mapped offset, or a
    space for a joined line break."""
    plain = _text.normalize(text)
    assert plain.text == text or plain.changed
    for i, ch in enumerate(plain.text):
        at = plain.to_given(i)
        assert text[at] == ch or (ch == " " and text[at] in "\r\n"), i
    span = plain.span(Span(start=0, end=len(plain.text), text=plain.text))
    assert text[span.start:span.end] == span.text


def _spans(value: Any) -> list[Span]:
    if isinstance(value, Span):
        return [value]
    if isinstance(value, tuple):
        return [s for v in value for s in _spans(v)]
    if hasattr(value, "__attrs_attrs__"):
        return [s for a in value.__attrs_attrs__
                for s in _spans(getattr(value, a.name))]
    return []


def _check_spans(result: Result, text: str) -> None:
    for span in _spans(result):
        assert text[span.start:span.end] == span.text, span


def _claims(result: Result) -> list[tuple[str, str, str | None, str | None]]:
    return [(a.kind.value, _squash(a.content.text),
             a.speaker.name if a.speaker else None,
             a.speaker.role if a.speaker else None)
            for a in result.attributions]


def _fresh_document() -> str:
    passages = json.loads((FIXTURES / "fresh_constructions.json")
                          .read_text(encoding="utf-8"))
    return "\n\n".join(p["text"] for p in passages)


@pytest.fixture(scope="module")
def extractor() -> quotes.Extractor:
    """One bundled-model extractor for the model tests."""
    return quotes.Extractor()


@pytest.mark.model
@pytest.mark.parametrize("name", ["seed", "fresh"])
def test_folded_text_same_attributions(extractor: quotes.Extractor,
                                       name: str) -> None:
    """Folded at 72 columns, a text gives the unfolded text's claims."""
    text = SEED if name == "seed" else _fresh_document()
    folded = fold(text)
    want = extractor.extract(text)
    got = extractor.extract(folded)
    assert _claims(got) == _claims(want)
    assert not any("\n" in (a.speaker.name or "")
                   for a in got.attributions if a.speaker)
    _check_spans(got, folded)


@pytest.mark.model
def test_folded_name(extractor: quotes.Extractor) -> None:
    """A name folded over two lines is one speaker, without the break."""
    text = ('"This is not a cosmetic problem, and we will not treat it as '
            'one," said Daniel\nOkafor. "It is structural."')
    got = extractor.extract(text)
    assert got.attributions
    assert {a.speaker and a.speaker.name for a in got.attributions} == \
        {"Daniel Okafor"}
    _check_spans(got, text)


@pytest.mark.model
def test_bom_file_offsets(extractor: quotes.Extractor,
                          tmp_path: Path) -> None:
    """A file read with its BOM gives offsets into the text as read."""
    path = tmp_path / "bom.txt"
    path.write_bytes(b"\xef\xbb\xbf" + SEED.encode("utf-8"))
    text = path.read_text(encoding="utf-8")
    assert text.startswith("\ufeff")
    got = extractor.extract(text)
    want = extractor.extract(SEED)
    assert got.attributions
    _check_spans(got, text)
    assert [a.content.start - 1 for a in got.attributions] == \
        [a.content.start for a in want.attributions]

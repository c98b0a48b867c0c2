"""Tabular output: CSV rows, DataFrames, and the CLI's csv, --jobs and
progress counter."""

from __future__ import annotations

import csv
import io
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import FIXTURES, fixture_result

import quotes
from quotes._table import COLUMNS, rows, write_csv
from quotes.cli import Progress, format_text, main

CONLLU = FIXTURES / "parsed" / "indirect_that.conllu"


def sample() -> list[quotes.Result]:
    """Two fixture documents with a speaker, a role and a split quote."""
    out = []
    for name in ("according_to_appositive", "direct_split"):
        text = (FIXTURES / "parsed" / f"{name}.conllu").read_text("utf-8")
        doc = quotes.testing.doc_from_conllu(text)
        out.append(fixture_result(name, doc.text))
    return out


def test_one_row_per_attribution_with_its_fields() -> None:
    results = sample()
    table = list(rows(results))
    assert len(table) == sum(len(r.attributions) for r in results)
    for row, (result, a) in zip(table, [(r, a) for r in results
                                         for a in r.attributions],
                                strict=True):
        assert row["doc_id"] == result.doc_id
        assert row["kind"] == a.kind.value
        assert row["content"] == a.content_text
        assert (row["start"], row["end"]) == (a.content.start, a.content.end)
        assert row["cue"] == (a.cue.lemma if a.cue else None)
        assert row["speaker_mention"] == (a.speaker.text if a.speaker
                                          else None)
        assert row["role"] == (a.speaker.role if a.speaker else None)
        assert row["entity"] == (a.speaker.entity if a.speaker else None)
        assert row["found_by"] == a.found_by


def test_split_quote_content_leaves_out_its_tag() -> None:
    """A claim in pieces has its pieces as content, joined by " … ", and
    its range as start and end."""
    text = '"We will respond," Kirby said, "if needed."'

    def span(part: str) -> quotes.Span:
        start = text.index(part)
        return quotes.Span(start=start, end=start + len(part), text=part)

    claim = quotes.Attribution(
        kind="direct", content=span('We will respond," Kirby said, "if '
                                    'needed.'),
        content_pieces=[span("We will respond,"), span("if needed.")])
    (row,) = rows(quotes.Result(doc_id="d", text=text,
                                attributions=[claim]))
    assert row["content"] == "We will respond, … if needed."
    assert (row["start"], row["end"]) == (1, 42)


@pytest.fixture(scope="module")
def extractor() -> quotes.Extractor:
    """One bundled-model extractor for the raw-text cases."""
    return quotes.Extractor()


@pytest.mark.model
def test_csv_and_text_of_raw_split_quotes(
        extractor: quotes.Extractor) -> None:
    """Raw text through the bundled model: CSV and the text format show
    the words of a quotation split by its tag, never the tag."""
    text = ('"This is not a cosmetic problem," said Daniel Okafor. '
            '"It is structural."\n\n“We will respond,” Kirby said, '
            '“if it is needed.”')
    result = extractor.extract(text, doc_id="d")
    out = io.StringIO()
    write_csv(result, out)
    back = list(csv.DictReader(io.StringIO(out.getvalue())))
    assert [(r["speaker"], r["content"]) for r in back] == [
        ("Daniel Okafor", "This is not a cosmetic problem, … It is "
                          "structural."),
        ("Kirby", "We will respond, … if it is needed.")]
    shown = format_text(result)
    assert "said Daniel" not in shown and "Kirby said" not in shown
    assert "Kirby [direct, said]: We will respond, … if it is needed." \
        in shown


def test_entity_column_counts_one_source_per_entity() -> None:
    """Two mentions of one speaker ("A spokeswoman", "the spokeswoman")
    share the entity column, so a groupby counts one source."""
    text = ("A spokeswoman said the plant was safe. "
            "The spokeswoman said it would reopen.")

    def attribution(start: int, end: int, cue: int) -> quotes.Attribution:
        mention = quotes.Span(start=start, end=end, text=text[start:end])
        said = quotes.Span(start=cue, end=cue + 4, text="said")
        return quotes.Attribution(
            kind="indirect",
            content=quotes.Span(start=cue + 5, end=cue + 10,
                                text=text[cue + 5:cue + 10]),
            cue=quotes.Cue(span=said, lemma="say"),
            speaker=quotes.Speaker(span=mention, role="spokeswoman",
                                   entity=0))
    second = text.index("The spokeswoman")
    result = quotes.Result(doc_id="d", attributions=[
        attribution(0, 13, 14), attribution(second, second + 15,
                                            second + 16)])
    table = list(rows(result))
    assert [r["speaker"] for r in table] == ["A spokeswoman",
                                            "The spokeswoman"]
    assert {r["entity"] for r in table} == {0}
    out = io.StringIO()
    write_csv(result, out)
    back = list(csv.DictReader(io.StringIO(out.getvalue())))
    assert [r["entity"] for r in back] == ["0", "0"]


def test_csv_has_a_row_for_a_document_without_attributions() -> None:
    """A document with no attribution still gets a row (doc_id only), so
    "no quotes" differs from "not processed"; the frame does not."""
    results = [quotes.Result(doc_id="empty"), *sample(),
               quotes.Result(doc_id="empty2")]
    out = io.StringIO()
    write_csv(results, out)
    back = list(csv.DictReader(io.StringIO(out.getvalue())))
    assert back[0] == dict.fromkeys(COLUMNS, "") | {"doc_id": "empty"}
    assert back[-1]["doc_id"] == "empty2"
    assert len(back) == 2 + len(list(rows(sample())))


def test_csv_round_trips_awkward_text() -> None:
    """Commas, quote marks and line breaks survive csv quoting."""
    span = quotes.Span(start=0, end=18, text='He said, "no"\nthen')
    a = quotes.Attribution(kind="direct", content=quotes.Span(
        start=0, end=len(span.text), text=span.text), confidence=0.9)
    result = quotes.Result(doc_id="x,y", attributions=[a])
    out = io.StringIO()
    write_csv([result, *sample()], out)
    back = list(csv.DictReader(io.StringIO(out.getvalue())))
    assert tuple(back[0]) == COLUMNS
    assert back[0]["content"] == span.text
    assert back[0]["doc_id"] == "x,y"
    assert back[0]["speaker"] == ""
    assert back[0]["confidence"] == "0.9"
    assert len(back) == 1 + len(list(rows(sample())))


def test_to_frame() -> None:
    pd = pytest.importorskip("pandas")
    results = sample()
    frame = quotes.to_frame(results)
    assert isinstance(frame, pd.DataFrame)
    assert list(frame.columns) == list(COLUMNS)
    assert str(frame["entity"].dtype) == "Int64"
    assert quotes.to_frame([quotes.Result(doc_id="empty")]).empty
    assert frame["content"].tolist() == [a.content_text for r in results
                                         for a in r.attributions]
    single = results[0].to_frame()
    assert single.equals(frame[frame.doc_id == results[0].doc_id])
    assert quotes.to_frame([]).empty


def test_import_quotes_needs_neither_pandas_nor_dask() -> None:
    code = ("import sys, quotes; print(sorted(m for m in ('pandas', 'dask')"
            " if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True,
                         text=True, check=True).stdout
    assert out.strip() == "[]"


def test_cli_csv(capsys: pytest.CaptureFixture[str]) -> None:
    """--format csv: one header, then one row per attribution."""
    assert main(["extract", "--conllu", "--format", "csv", str(CONLLU),
                 str(CONLLU)]) == 0
    captured = capsys.readouterr()
    back = list(csv.DictReader(io.StringIO(captured.out)))
    assert len(back) == 2
    assert back[0]["speaker"] == "Kirby"
    assert back[0]["cue"] == "clarify"
    assert "\r" not in captured.err  # stderr is not a terminal here


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_progress_only_on_a_terminal() -> None:
    tty, pipe = Terminal(), io.StringIO()
    for stream in (tty, pipe):
        progress = Progress(2, stream)
        progress.step()
        progress.clear()
        progress.step()
        progress.close()
    assert tty.getvalue() == "\r1/2 files\r\033[K\r2/2 files\n"
    assert pipe.getvalue() == ""


@pytest.mark.model
def test_cli_jobs_reports_each_failure_and_goes_on(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """--jobs 2: good files in order, a line per bad file, exit 1."""
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    a.write_text("Smith said the plan was dead.", encoding="utf-8")
    b.write_text('"It is over," said Jones.', encoding="utf-8")
    latin = tmp_path / "latin.txt"
    latin.write_bytes("Caf\xe9 owners said so.".encode("latin-1"))
    files = [a, tmp_path / "missing.txt", latin, b]
    assert main(["extract", "--jobs", "2", "--format", "csv",
                 *map(str, files)]) == 1
    captured = capsys.readouterr()
    back = list(csv.DictReader(io.StringIO(captured.out)))
    assert [r["doc_id"] for r in back] == ["a", "b"]
    assert [r["speaker"] for r in back] == ["Smith", "Jones"]
    assert "missing.txt: cannot read" in captured.err
    assert "latin.txt: not UTF-8" in captured.err
    assert "2 of 4 inputs failed" in captured.err

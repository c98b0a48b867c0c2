"""The command line: formats, stdin, errors and exit codes."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest
from conftest import FIXTURES

from quotes.cli import main

CONLLU = FIXTURES / "parsed" / "indirect_that.conllu"


def test_cli_jsonl_from_conllu(capsys: pytest.CaptureFixture[str]) -> None:
    """One JSON object per input, doc_id from the file stem."""
    assert main(["extract", "--conllu", str(CONLLU), str(CONLLU)]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == 2
    data = json.loads(lines[0])
    assert data["doc_id"] == "indirect_that"
    assert data["attributions"][0]["speaker"]["name"] == "Kirby"


def test_cli_text_format(capsys: pytest.CaptureFixture[str]) -> None:
    """The text format reads "speaker [kind, cue]: claim"."""
    assert main(["extract", "--conllu", "--format", "text",
                 str(CONLLU)]) == 0
    out = capsys.readouterr().out
    assert "Kirby [indirect, clarified]: the move would not be permanent" \
        in out


def test_cli_json_format(capsys: pytest.CaptureFixture[str]) -> None:
    """The json format is one array holding every document."""
    assert main(["extract", "--conllu", "--format", "json", str(CONLLU)]) \
        == 0
    data = json.loads(capsys.readouterr().out)
    assert isinstance(data, list)
    assert data[0]["doc_id"] == "indirect_that"


def test_cli_stdin(monkeypatch: pytest.MonkeyPatch,
                   capsys: pytest.CaptureFixture[str]) -> None:
    """``-`` reads the document from standard input."""
    monkeypatch.setattr("sys.stdin", io.StringIO(CONLLU.read_text("utf-8")))
    assert main(["extract", "--conllu", "-"]) == 0
    assert json.loads(capsys.readouterr().out)["doc_id"] == "stdin"


def test_cli_missing_file(capsys: pytest.CaptureFixture[str],
                          tmp_path: Path) -> None:
    """A missing file is our error: exit 1 and one line on stderr."""
    assert main(["extract", str(tmp_path / "nope.txt")]) == 1
    err = capsys.readouterr().err
    assert "cannot read" in err
    assert "Traceback" not in err


def test_cli_not_utf8(capsys: pytest.CaptureFixture[str],
                      tmp_path: Path) -> None:
    """A file that is not UTF-8 gets a clear error with the fix."""
    bad = tmp_path / "latin.txt"
    bad.write_bytes("caf\xe9 said".encode("latin-1"))
    assert main(["extract", str(bad)]) == 1
    assert "not UTF-8" in capsys.readouterr().err


def test_cli_usage_error() -> None:
    """A usage error exits with status 2."""
    with pytest.raises(SystemExit) as info:
        main(["extract", "--format", "xml", "a.txt"])
    assert info.value.code == 2

"""The command line: formats, stdin, errors and exit codes."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import FIXTURES, ROOT, fixture_result, load_cases

import quotes
from quotes import QuotesError
from quotes.cli import decode_input, format_text, main

CONLLU = FIXTURES / "parsed" / "indirect_that.conllu"
SPLIT = FIXTURES / "parsed" / "direct_split.conllu"
OFFLINE = {"HTTPS_PROXY": "http://127.0.0.1:9",
           "HTTP_PROXY": "http://127.0.0.1:9"}


def run_cli(*args: str, stdin: bytes | None = None,
            env: dict[str, str] | None = None,
            ) -> subprocess.CompletedProcess[str]:
    """Run ``python -m quotes`` (this checkout) as a user would."""
    base = {k: v for k, v in os.environ.items()
            if not k.startswith(("QUOTES_", "STANZA_"))
            and "PROXY" not in k.upper()}
    path = os.pathsep.join(p for p in (str(ROOT), base.get("PYTHONPATH"))
                           if p)
    full = {**base, "PYTHONPATH": path, "OMP_NUM_THREADS": "1",
            **(env or {})}
    done = subprocess.run([sys.executable, "-m", "quotes", *args],
                          input=stdin, capture_output=True, env=full,
                          timeout=600, check=False)
    return subprocess.CompletedProcess(
        done.args, done.returncode, done.stdout.decode("utf-8"),
        done.stderr.decode("utf-8"))


@pytest.fixture(scope="module")
def bad_files(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """A missing, a binary, a Latin-1 and a UTF-16 file."""
    d = tmp_path_factory.mktemp("bad")
    files = {"missing": d / "missing.txt", "binary": d / "binary.txt",
             "latin": d / "latin.txt", "utf16": d / "utf16.txt"}
    files["binary"].write_bytes(b"\x7fELF\x02\x01\x00\x00" + bytes(64))
    files["latin"].write_bytes("Ren\xe9 said so.".encode("latin-1"))
    files["utf16"].write_bytes("He said so.".encode("utf-16"))
    return files


@pytest.mark.parametrize("fmt", ["jsonl", "json", "text"])
def test_cli_many_files_keeps_going(fmt: str,
                                    bad_files: dict[str, Path]) -> None:
    """Every readable file is written, every bad one reported, exit 1."""
    paths = [bad_files["missing"], CONLLU, bad_files["binary"], SPLIT,
             bad_files["latin"], bad_files["utf16"]]
    done = run_cli("extract", "--conllu", "--format", fmt,
                   *map(str, paths))
    assert done.returncode == 1
    if fmt == "jsonl":
        docs = [json.loads(line) for line in done.stdout.splitlines()]
    elif fmt == "json":
        docs = json.loads(done.stdout)
    else:
        docs = [{"doc_id": line[2:]} for line in done.stdout.splitlines()
                if line.startswith("# ")]
    assert [d["doc_id"] for d in docs] == ["indirect_that", "direct_split"]
    err = done.stderr.splitlines()
    assert "Traceback" not in done.stderr
    assert len(err) == 5  # one line per bad file, then the count
    for line, path in zip(err, [p for p in paths if p.parent != FIXTURES
                                / "parsed"], strict=False):
        assert line.startswith(f"quotes: error: {path}: ")
    assert "cannot read" in err[0]
    assert "binary" in err[1] and "iconv" not in err[1]
    assert "not UTF-8" in err[2] and "iconv -f latin1" in err[2]
    assert "UTF-16" in err[3]
    assert err[4] == "quotes: 4 of 6 inputs failed"


def test_cli_only_bad_files_json(bad_files: dict[str, Path]) -> None:
    """With no readable file at all the JSON output is still an array."""
    done = run_cli("extract", "--format", "json", str(bad_files["missing"]),
                   str(bad_files["binary"]))
    assert done.returncode == 1
    assert json.loads(done.stdout) == []
    assert done.stderr.count("quotes: error:") == 2


@pytest.mark.parametrize("good", [True, False])
def test_cli_html_page_whole(good: bool, bad_files: dict[str, Path]) -> None:
    """--format html: one whole page even when files fail (or all do)."""
    paths = [bad_files["binary"], *([CONLLU] if good else []),
             bad_files["missing"]]
    done = run_cli("extract", "--conllu", "--format", "html",
                   *map(str, paths))
    assert done.returncode == 1
    assert done.stdout.startswith("<!DOCTYPE html>")
    assert done.stdout.count("<html") == 1
    assert done.stdout.rstrip().endswith("</html>")
    assert ("the move would not be permanent" in done.stdout) is good
    assert done.stderr.count("quotes: error:") == 2


def test_cli_stdin_bytes() -> None:
    """Standard input is read as UTF-8 bytes (a BOM is dropped)."""
    done = run_cli("extract", "--conllu", "-",
                   stdin=b"\xef\xbb\xbf" + CONLLU.read_bytes())
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["doc_id"] == "stdin"


def test_cli_stdin_not_utf8() -> None:
    """Standard input that is not UTF-8 is named as such."""
    done = run_cli("extract", "-", stdin="caf\xe9".encode("latin-1"))
    assert done.returncode == 1
    assert done.stderr.startswith("quotes: error: standard input: not "
                                  "UTF-8")


def test_cli_conllu_error_is_per_file(tmp_path: Path) -> None:
    """A CoNLL-U file that does not parse is one failure among others."""
    bad = tmp_path / "bad.conllu"
    bad.write_text("1\tHe\n", encoding="utf-8")
    done = run_cli("extract", "--conllu", str(bad), str(CONLLU))
    assert done.returncode == 1
    assert json.loads(done.stdout)["doc_id"] == "indirect_that"
    assert f"quotes: error: {bad}: CoNLL-U line 1" in done.stderr


@pytest.mark.model
def test_cli_model_many_files(tmp_path: Path) -> None:
    """Raw text with the bundled model: good files out, bad ones named."""
    good = tmp_path / "good.txt"
    good.write_text("Kirby said that the move was temporary.\n",
                    encoding="utf-8")
    missing = tmp_path / "gone.txt"
    done = run_cli("extract", str(missing), str(good), "--format", "json",
                   env={"HOME": str(tmp_path), **OFFLINE})
    assert done.returncode == 1, done.stderr
    (doc,) = json.loads(done.stdout)
    first = doc["attributions"][0]
    assert first["speaker"]["name"] == "Kirby"
    assert first["content"]["text"] == "the move was temporary"
    assert first["content_pieces"] == [first["content"]]
    assert done.stderr.splitlines()[0].startswith(
        f"quotes: error: {missing}: cannot read")


def test_cli_missing_model_dir_names_option(tmp_path: Path) -> None:
    """A missing --model-dir is named as the option the user typed."""
    text = tmp_path / "a.txt"
    text.write_text("He said so.", encoding="utf-8")
    done = run_cli("extract", "--model-dir", str(tmp_path / "none"),
                   "--format", "json", str(text), str(text))
    assert done.returncode == 1
    assert json.loads(done.stdout) == []  # the run stops, output stays valid
    assert done.stderr.count("quotes: error:") == 1
    assert "--model-dir" in done.stderr
    assert "ParseConfig" not in done.stderr
    assert "QUOTES_MODEL_DIR" not in done.stderr
    done = run_cli("extract", str(text),
                   env={"QUOTES_MODEL_DIR": str(tmp_path / "none")})
    assert "point QUOTES_MODEL_DIR at" in done.stderr
    assert "--model-dir" not in done.stderr


def test_cli_official_models_offline(tmp_path: Path) -> None:
    """--model-dir stanza offline: the network is needed once, or local."""
    text = tmp_path / "a.txt"
    text.write_text("He said so.", encoding="utf-8")
    done = run_cli("extract", "--model-dir", "stanza", str(text),
                   env={"HOME": str(tmp_path), **OFFLINE,
                        "STANZA_RESOURCES_DIR": str(tmp_path / "res")})
    assert done.returncode == 1
    (line,) = done.stderr.splitlines()
    assert "needs the network" in line
    assert "point --model-dir at it" in line
    assert line.endswith("bundled model, which works offline")
    assert "reinstall" not in line.lower()


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


@pytest.mark.parametrize(("data", "words"), [
    (b"\x00\x01PK binary", ["binary"]),
    (b"%PDF-1.7\n" + bytes(range(1, 32)) * 10, ["binary"]),
    ("caf\xe9".encode("cp1252"), ["not UTF-8", "iconv -f latin1"]),
    ("He said so.".encode("utf-16-be").join([b"\xfe\xff", b""]),
     ["UTF-16"]),
])
def test_decode_input_says_why(data: bytes, words: list[str]) -> None:
    """Binary, UTF-16 and Latin-1 inputs each get their own message."""
    with pytest.raises(QuotesError) as info:
        decode_input(data)
    assert all(w in str(info.value) for w in words)
    if "binary" in words:
        assert "iconv" not in str(info.value)


@pytest.mark.parametrize("data", [
    "Kirby said: \u201cYes.\u201d\tTabs\fand\r\nCRLF.".encode(),
    b"\xef\xbb\xbfA BOM is dropped.", b""])
def test_decode_input_text(data: bytes) -> None:
    """UTF-8 text (with a BOM, tabs, CRLF, or empty) decodes as is."""
    assert decode_input(data) == data.decode("utf-8-sig")


@pytest.mark.parametrize("name", ["scare_quote_not_attributed",
                                  "title_quote_not_speech"])
def test_text_format_shows_unattributed(name: str) -> None:
    """A quotation no attribution covers still shows in the text format."""
    case = next(c for c in load_cases() if c["name"] == name)
    out = format_text(fixture_result(name, case["text"]))
    assert "(no attributions)" in out
    for quote in case["unattributed"]:
        assert f"(unattributed): {quote}" in out


def test_text_format_leaves_the_tag_out() -> None:
    """A quotation split by its tag shows its pieces, not the tag."""
    case = next(c for c in load_cases() if c["name"] == "direct_split")
    out = format_text(fixture_result("direct_split", case["text"]))
    assert out.endswith(": We will respond, … if it is needed.")
    assert "Kirby said" not in out


def test_text_format_gives_a_role_the_mention_lacks() -> None:
    """Name — role, unless the mention as written holds the role already
    ("The judge", not "The judge — judge")."""
    text = "The judge said the case was closed. Officials agreed."

    def span(part: str) -> quotes.Span:
        start = text.index(part)
        return quotes.Span(start=start, end=start + len(part), text=part)

    def claim(mention: str, role: str, content: str) -> quotes.Attribution:
        return quotes.Attribution(
            kind="indirect", content=span(content),
            speaker=quotes.Speaker(span=span(mention), role=role))

    out = format_text(quotes.Result(doc_id="d", text=text, attributions=[
        claim("The judge", "judge", "the case was closed"),
        claim("Officials", "Ukrainian officials", "agreed"),
        claim("Officials", "offic", "agreed")]))  # words, not letters
    assert out.splitlines()[1:] == [
        "The judge [indirect, no cue]: the case was closed",
        "Officials — Ukrainian officials [indirect, no cue]: agreed",
        "Officials — offic [indirect, no cue]: agreed"]


def test_cli_usage_error() -> None:
    """A usage error exits with status 2."""
    with pytest.raises(SystemExit) as info:
        main(["extract", "--format", "xml", "a.txt"])
    assert info.value.code == 2

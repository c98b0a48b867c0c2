"""Clear errors of our own for bad models and bad CoNLL-U."""

from __future__ import annotations

from pathlib import Path

import pytest

import quotes
from quotes._parse import API_SETTING, ENV_VAR, PROCESSORS, bundled_model_dir
from quotes.testing import doc_from_conllu


def _model_dir(tmp_path: Path, *, skip: str = "", garbage: str = "") -> Path:
    for name in PROCESSORS:
        if name == skip:
            continue
        data = b"not a model" if name == garbage else b"PK\x03\x04"
        (tmp_path / f"{name}.pt").write_bytes(data)
    (tmp_path / "resources.json").write_text("{}", encoding="utf-8")
    return tmp_path


def test_model_file_missing(tmp_path: Path) -> None:
    """A missing model file is named, with the fix."""
    ex = quotes.Extractor(quotes.ParseConfig(
        model_dir=str(_model_dir(tmp_path, skip="depparse"))))
    with pytest.raises(quotes.ModelNotAvailableError) as info:
        ex.extract("He said so.")
    assert "depparse.pt" in str(info.value)
    assert f"point {API_SETTING} at" in str(info.value)
    assert ENV_VAR not in str(info.value)
    assert info.value.path is not None
    assert info.value.path.endswith("depparse.pt")


def test_model_file_corrupt(tmp_path: Path) -> None:
    """A corrupt model file is named as corrupt."""
    ex = quotes.Extractor(quotes.ParseConfig(
        model_dir=str(_model_dir(tmp_path, garbage="pos"))))
    with pytest.raises(quotes.ModelNotAvailableError, match=r"pos\.pt.*"
                       r"corrupt"):
        ex.extract("He said so.")


def test_model_unloadable(tmp_path: Path,
                          monkeypatch: pytest.MonkeyPatch) -> None:
    """Files that look right but do not load give our error, not torch's."""
    monkeypatch.setenv("QUOTES_MODEL_DIR", str(_model_dir(tmp_path)))
    with pytest.raises(quotes.ModelNotAvailableError,
                       match="could not load") as info:
        quotes.Extractor().extract("He said so.")
    assert f"point {ENV_VAR} at" in str(info.value)
    assert API_SETTING not in str(info.value)


def test_bundled_model_missing_says_reinstall(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """With no setting used, a broken bundled model: reinstall, or set one."""
    monkeypatch.delenv(ENV_VAR, raising=False)
    monkeypatch.setattr("quotes._parse.bundled_model_dir",
                        lambda: _model_dir(tmp_path, skip="mwt"))
    with pytest.raises(quotes.ModelNotAvailableError) as info:
        quotes.Extractor().extract("He said so.")
    message = str(info.value)
    assert "mwt.pt is missing" in message
    assert "reinstall quotes" in message
    assert ENV_VAR in message and API_SETTING in message


def test_resources_json_corrupt(tmp_path: Path) -> None:
    """A resources.json that is not JSON is reported with the fix."""
    d = _model_dir(tmp_path)
    (d / "resources.json").write_text("{oops", encoding="utf-8")
    with pytest.raises(quotes.ModelNotAvailableError, match="resources"):
        quotes.Extractor(quotes.ParseConfig(model_dir=str(d))).extract("x y")


@pytest.mark.parametrize(("conllu", "line"), [
    ("1\tHe\the\tPRON\tPRP\t_\t2\tnsubj\t_\t_\n2\tsaid\n", 2),
    ("# text = x\n1\tHe\the\tPRON\tPRP\t_\tX\tnsubj\t_\t_\n", 2),
    ("1\tHe\the\tPRON\tPRP\t_\t0\troot\t_\t_\n\nA\tb\tc\td\te\tf\t0\tg\th\ti\n",
     3),
])
def test_conllu_error_has_line(conllu: str, line: int) -> None:
    """CoNLL-U that does not parse raises ConlluError with the line."""
    with pytest.raises(quotes.ConlluError) as info:
        doc_from_conllu(conllu)
    assert info.value.line == line
    assert f"line {line}" in str(info.value)


def test_extract_doc_needs_a_document() -> None:
    """extract_doc refuses what is not a stanza Document."""
    with pytest.raises(TypeError, match="stanza Document"):
        quotes.extract_doc("He said so.")


@pytest.mark.parametrize("value", [None, 42, 3.5, ["He said so."],
                                   object()])
def test_text_must_be_str(value: object) -> None:
    """Anything but str is a TypeError naming the type, before any model."""
    with pytest.raises(TypeError, match="expected text as str") as info:
        quotes.extract(value)  # type: ignore[arg-type]
    assert type(value).__name__ in str(info.value)
    with pytest.raises(TypeError, match="expected text as str"):
        quotes.Extractor().extract(value)  # type: ignore[arg-type]


@pytest.mark.parametrize("config", ["stanza", {"model_dir": "stanza"}, 3])
def test_extractor_config_must_be_a_parse_config(config: object) -> None:
    """Extractor("stanza") fails at once, saying what to pass (it used to
    fail later with an AttributeError)."""
    with pytest.raises(TypeError, match="expected config as a ParseConfig"
                       ) as info:
        quotes.Extractor(config)  # type: ignore[arg-type]
    assert type(config).__name__ in str(info.value)
    if isinstance(config, str):
        assert "ParseConfig(model_dir='stanza')" in str(info.value)
    with pytest.raises(TypeError, match="expected lexicon as a Lexicon"):
        quotes.Extractor(lexicon="words.txt")  # type: ignore[arg-type]


@pytest.mark.parametrize("doc_id", [["x"], 7, b"x"])
def test_doc_id_must_be_str(doc_id: object, tmp_path: Path) -> None:
    """A doc_id that is not a str (or None) is a TypeError at once, not a
    list written into the JSON."""
    ex = quotes.Extractor(quotes.ParseConfig(
        model_dir=str(tmp_path / "nowhere")))
    with pytest.raises(TypeError, match="expected doc_id as str"):
        ex.extract("", doc_id=doc_id)  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="expected doc_id as str"):
        quotes.extract("", doc_id=doc_id)  # type: ignore[arg-type]
    conllu = (Path(__file__).parent.parent / "fixtures" / "parsed" /
              "indirect_that.conllu").read_text("utf-8")
    with pytest.raises(TypeError, match="expected doc_id as str"):
        quotes.extract_doc(doc_from_conllu(conllu),
                           doc_id=doc_id)  # type: ignore[arg-type]


@pytest.mark.parametrize("value", [b"He said so.", bytearray(b"x")])
def test_bytes_suggest_decode(value: bytes) -> None:
    """Bytes are refused with a hint to decode them first."""
    with pytest.raises(TypeError, match=r"decode"):
        quotes.extract(value)  # type: ignore[arg-type]


@pytest.mark.parametrize("text", ["", " ", "\n\n\t ", "\u00a0\u2009"])
def test_blank_text_needs_no_model(text: str, tmp_path: Path) -> None:
    """Empty or blank text gives an empty Result without loading a model."""
    ex = quotes.Extractor(quotes.ParseConfig(
        model_dir=str(tmp_path / "nowhere")))
    result = ex.extract(text, doc_id="blank")
    assert result == quotes.Result(doc_id="blank")
    assert ex._nlp is None


def test_model_dir_missing(tmp_path: Path) -> None:
    """A model directory that does not exist is named, with the fix."""
    missing = tmp_path / "no-such-model"
    with pytest.raises(quotes.ModelNotAvailableError) as info:
        quotes.Extractor(quotes.ParseConfig(model_dir=str(missing))).extract(
            "He said so.")
    assert str(missing) in str(info.value)
    assert f"point {API_SETTING} at" in str(info.value)
    assert isinstance(info.value, FileNotFoundError)


@pytest.mark.filterwarnings("ignore:Detected pickle protocol")
@pytest.mark.parametrize("data", [b"", b"\x00\x01garbage", b"\x80garbage",
                                  b"PK\x03\x04garbage"])
def test_model_file_garbage_is_named(tmp_path: Path, data: bytes) -> None:
    """A model file of garbage bytes (whatever torch raises) is named."""
    d = _model_dir(tmp_path)
    (d / "tokenize.pt").write_bytes(data)
    with pytest.raises(quotes.ModelNotAvailableError) as info:
        quotes.Extractor(quotes.ParseConfig(model_dir=str(d))).extract("x y")
    assert info.value.path == str(d / "tokenize.pt")
    assert "tokenize.pt" in str(info.value)
    assert f"point {API_SETTING} at" in str(info.value)
    assert "\n" not in str(info.value)


BUNDLED = bundled_model_dir()


@pytest.mark.model
@pytest.mark.skipif(not (BUNDLED / "depparse.pt").is_file(),
                    reason=f"{BUNDLED / 'depparse.pt'} is missing")
@pytest.mark.parametrize("how", ["truncated", "garbage"])
def test_model_file_corrupt_after_good_ones(tmp_path: Path, how: str) -> None:
    """A corrupt depparse.pt after four good files is the one named."""
    for f in BUNDLED.iterdir():
        (tmp_path / f.name).symlink_to(f)
    bad = tmp_path / "depparse.pt"
    bad.unlink()
    real = (BUNDLED / "depparse.pt").read_bytes()
    bad.write_bytes(real[:50_000] if how == "truncated" else
                    real[:4] + bytes(range(256)) * 40)
    with pytest.raises(quotes.ModelNotAvailableError) as info:
        quotes.Extractor(quotes.ParseConfig(
            model_dir=str(tmp_path))).extract("He said so.")
    assert info.value.path == str(bad)
    assert "depparse.pt" in str(info.value)
    assert "corrupt" in str(info.value)


@pytest.mark.parametrize("error", [
    quotes.ModelNotAvailableError, quotes.MissingAnnotationError,
    quotes.ConlluError, quotes.LexiconError])
def test_errors_derive_from_quotes_error(error: type[Exception]) -> None:
    """Every error of ours is a QuotesError (and a matching built-in)."""
    assert issubclass(error, quotes.QuotesError)
    assert issubclass(error, (ValueError, FileNotFoundError))

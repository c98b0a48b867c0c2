"""Clear errors of our own for bad models and bad CoNLL-U."""

from __future__ import annotations

from pathlib import Path

import pytest

import quotes
from quotes._parse import PROCESSORS
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
    assert "QUOTES_MODEL_DIR" in str(info.value)
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
                       match="could not load"):
        quotes.Extractor().extract("He said so.")


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

"""The public API: input checks, empty input, records, import cost."""

from __future__ import annotations

import subprocess
import sys

import pytest

import quotes


def test_extract_rejects_non_str() -> None:
    """A non-str raises TypeError naming the type."""
    with pytest.raises(TypeError, match="got int"):
        quotes.extract(42)  # type: ignore[arg-type]


def test_extract_rejects_bytes() -> None:
    """Bytes raise TypeError that suggests decoding."""
    with pytest.raises(TypeError, match="decode"):
        quotes.extract(b"He said so.")  # type: ignore[arg-type]


@pytest.mark.parametrize("text", ["", "   ", "\n\n\t"])
def test_extract_empty(text: str) -> None:
    """Empty or blank text gives an empty Result without loading a model."""
    result = quotes.Extractor(quotes.ParseConfig(
        model_dir="/nonexistent")).extract(text, doc_id="x")
    assert result.attributions == ()
    assert result.to_dict()["doc_id"] == "x"


def test_errors_share_a_base() -> None:
    """Every error of ours derives from QuotesError."""
    for err in (quotes.MissingAnnotationError, quotes.ModelNotAvailableError,
                quotes.LexiconError, quotes.ConlluError):
        assert issubclass(err, quotes.QuotesError)


def test_missing_model_dir() -> None:
    """A missing model directory is a ModelNotAvailableError with the fix."""
    ex = quotes.Extractor(quotes.ParseConfig(model_dir="/nonexistent/m"))
    with pytest.raises(quotes.ModelNotAvailableError,
                       match=r"ParseConfig\(model_dir=\.\.\.\)"):
        ex.extract("He said so.")


def test_span_checks_offsets() -> None:
    """A Span whose text does not fit its offsets is refused."""
    with pytest.raises(ValueError, match="bad span"):
        quotes.Span(start=0, end=3, text="ab")


def test_import_does_not_load_torch() -> None:
    """``import quotes`` stays light: neither stanza nor torch is loaded."""
    code = ("import sys, quotes; "
            "print('torch' in sys.modules, 'stanza' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], check=True,
                         capture_output=True, text=True).stdout
    assert out.split() == ["False", "False"]

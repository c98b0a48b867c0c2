"""quotes: who said what, in what role, in English news text.

>>> import quotes
>>> result = quotes.extract('"We will respond," Kirby said.')  # doctest: +SKIP
>>> result.attributions[0].speaker.name  # doctest: +SKIP
'Kirby'
"""

from __future__ import annotations

from typing import Any

from quotes._batch import Failure
from quotes._extract import Extractor, extract, extract_doc
from quotes._parse import ParseConfig
from quotes._table import to_frame
from quotes.exceptions import (
    ConlluError,
    ExtractionError,
    LexiconError,
    MissingAnnotationError,
    ModelNotAvailableError,
    QuotesError,
)
from quotes.lexicons import Lexicon
from quotes.records import (
    Attribution,
    Cue,
    Kind,
    Result,
    Span,
    Speaker,
    SpeakerEntity,
)

__all__ = [
    "Attribution",
    "ConlluError",
    "Cue",
    "ExtractionError",
    "Extractor",
    "Failure",
    "Kind",
    "Lexicon",
    "LexiconError",
    "MissingAnnotationError",
    "ModelNotAvailableError",
    "ParseConfig",
    "QuotesError",
    "Result",
    "Span",
    "Speaker",
    "SpeakerEntity",
    "extract",
    "extract_doc",
    "to_frame",
]


def __getattr__(name: str) -> Any:
    if name == "__version__":
        from importlib.metadata import PackageNotFoundError, version

        try:
            return version("quotes-attribution")
        except PackageNotFoundError:
            return "0.0.0"
    msg = f"module 'quotes' has no attribute {name!r}"
    raise AttributeError(msg)

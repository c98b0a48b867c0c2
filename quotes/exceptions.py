"""The exceptions ``quotes`` raises: all derive from ``QuotesError``."""

from __future__ import annotations


class QuotesError(Exception):
    """Base class of every error raised by ``quotes``."""


class MissingAnnotationError(QuotesError, ValueError):
    """A stanza Document lacks an annotation the extractor needs."""

    def __init__(self, message: str, *, missing: tuple[str, ...] = ()) -> None:
        super().__init__(message)
        self.missing = missing


class ModelNotAvailableError(QuotesError, FileNotFoundError):
    """The parsing model directory is missing or a model file is unusable."""

    def __init__(self, message: str, *, path: str | None = None) -> None:
        super().__init__(message)
        self.path = path


class LexiconError(QuotesError, ValueError):
    """A lexicon data file is malformed."""

    def __init__(self, message: str, *, path: str, line: int) -> None:
        super().__init__(f"{path}:{line}: {message}")
        self.path = path
        self.line = line


class ConlluError(QuotesError, ValueError):
    """A CoNLL-U input does not parse."""

    def __init__(self, message: str, *, line: int | None = None) -> None:
        where = f"line {line}: " if line is not None else ""
        super().__init__(f"CoNLL-U {where}{message}")
        self.line = line


class ExtractionError(QuotesError):
    """A document of ``Extractor.pipe`` failed (with ``on_error="raise"``)."""

    def __init__(self, message: str, *, index: int,
                 doc_id: str | None = None) -> None:
        super().__init__(message)
        self.index = index
        self.doc_id = doc_id


class MissingDependencyError(QuotesError, ImportError):
    """An optional dependency (pandas, dask) is not installed."""

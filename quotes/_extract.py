"""The public entry points: ``Extractor``, ``extract`` and ``extract_doc``.

Checks the input, reads it as people have it (``_text``: a byte-order mark
skipped, hard-wrapped lines joined, offsets mapped back), parses text in
paragraph chunks (bounded memory on long documents) and hands the parse to
the rules (``_windows``, ``_attribute``).
"""

from __future__ import annotations

import functools
import logging
import re
import threading
import time
from collections.abc import Iterable, Iterator
from typing import Any

import attrs

from quotes import (
    _batch,
    _calibrate,
    _learned,
    _select,
    _text,
    _tree,
    _windows,
)
from quotes._parse import (
    ParseConfig,
    Selector,
    check_annotations,
    make_pipeline,
    run_pipeline,
)
from quotes.lexicons import Lexicon
from quotes.records import Result
from quotes.speakers import pronouns as _pronouns
from quotes.speakers import roles as _roles

log = logging.getLogger(__name__)

CHUNK_CHARS = 20_000
"""Paragraphs are parsed in batches of about this many characters."""
_PARAGRAPH_BREAK = re.compile(r"\n\s*\n")
MAX_RUN_TOKENS = 250
"""A stretch of more tokens than this with no sentence end goes to the
parser in pieces: parsing time grows faster than quadratically with the
length of a sentence, so hostile text such as a thousand quote marks in a
row must not become one sentence (1,000 tokens took minutes)."""
_UNIT = re.compile(r"\w+|[^\w\s]")
_SENTENCE_END = frozenset(".!?…")
_CHARS_PER_TOKEN = 20


def _check_text(text: object) -> str:
    if isinstance(text, (bytes, bytearray)):
        msg = ("expected text as str, got bytes; decode it first, e.g. "
               "data.decode('utf-8')")
        raise TypeError(msg)
    if not isinstance(text, str):
        msg = f"expected text as str, got {type(text).__name__}"
        raise TypeError(msg)
    return text


def _check_doc_id(doc_id: object) -> str | None:
    if doc_id is not None and not isinstance(doc_id, str):
        msg = (f"expected doc_id as str or None, got "
               f"{type(doc_id).__name__}; e.g. doc_id=str(value)")
        raise TypeError(msg)
    return doc_id


def _runaway_cut(window: str, limit: int) -> int | None:
    """Where to cut *window* so no run of *limit* tokens lacks an end.

    A word counts one token per ``_CHARS_PER_TOKEN`` characters (a blob
    of base64 is many tokens to the tokenizer). Returns ``None`` when
    every stretch of *limit* tokens holds a sentence end or a blank line;
    else an offset > 0, at a space if one is near.
    """
    count = 0
    gap_start = 0
    for m in _UNIT.finditer(window):
        if "\n\n" in window[gap_start:m.start()]:
            count = 0
        gap_start = m.end()
        if m.group() in _SENTENCE_END:
            count = 0
            continue
        count += 1 + len(m.group()) // _CHARS_PER_TOKEN
        if count <= limit:
            continue
        if m.start() == 0:  # one huge word: cut inside it
            return min(m.end(), (limit - 1) * _CHARS_PER_TOKEN)
        space = max(window.rfind(" ", 0, m.start()),
                    window.rfind("\n", 0, m.start()))
        if space > 0 and m.start() - space < 200:
            return space + 1
        return m.start()
    return None


def chunks(text: str, size: int = CHUNK_CHARS,
           max_run: int = MAX_RUN_TOKENS) -> Iterator[tuple[int, str]]:
    """Split *text* at paragraph breaks into pieces of about *size* chars.

    Yields ``(offset, piece)``; a paragraph longer than *size* is split at
    line ends or, failing that, at spaces, so no piece grows unbounded.
    A piece also ends where *max_run* tokens pass with no sentence end
    (see ``MAX_RUN_TOKENS``).
    """
    start = 0
    length = len(text)
    while start < length:
        end = min(length, start + size)
        if end < length:
            window = text[start:end]
            cut = None
            for m in _PARAGRAPH_BREAK.finditer(window):
                cut = m.end()
            if cut is None or cut < size // 4:
                cut = max(window.rfind("\n"), window.rfind(" ")) + 1
            if cut <= 0:
                cut = len(window)
            end = start + cut
        runaway = _runaway_cut(text[start:end], max_run)
        if runaway is not None:
            log.debug("piece at %d cut at %d: %d tokens with no sentence "
                      "end", start, start + runaway, max_run)
            end = start + runaway
        yield start, text[start:end]
        start = end


class Extractor:
    """Extracts attributions, reusing one stanza pipeline.

    Args:
        config: which model to parse with (default: the bundled model,
            or ``$QUOTES_MODEL_DIR``).
        lexicon: the word lists (default: ``Lexicon.default()``).

    The pipeline is built on first use, so constructing an ``Extractor``
    is cheap; ``extract_doc`` never needs it.

    Raises:
        TypeError: *config* is not a ``ParseConfig`` or *lexicon* not a
            ``Lexicon``.

    .. versionchanged:: 0.10.0
       A wrong *config* or *lexicon* type raises at once.
    """

    def __init__(self, config: ParseConfig | None = None, *,
                 lexicon: Lexicon | None = None) -> None:
        if config is not None and not isinstance(config, ParseConfig):
            hint = (" (for the official stanza models: "
                    "ParseConfig(model_dir='stanza'))"
                    if isinstance(config, str) else "")
            msg = (f"expected config as a ParseConfig, got "
                   f"{type(config).__name__}{hint}")
            raise TypeError(msg)
        if lexicon is not None and not isinstance(lexicon, Lexicon):
            msg = (f"expected lexicon as a Lexicon, got "
                   f"{type(lexicon).__name__}; e.g. Lexicon.from_dir(path)")
            raise TypeError(msg)
        self.config = config or ParseConfig()
        self.lexicon = lexicon or Lexicon.default()
        self._nlp: Any = None
        self._propose: _learned.Proposer | None = None
        self._lock = threading.Lock()

    @property
    def pipeline(self) -> Any:
        """The stanza Pipeline (built on first access)."""
        with self._lock:
            if self._nlp is None:
                self._nlp = make_pipeline(self.config)
            return self._nlp

    @property
    def proposer(self) -> _learned.Proposer | None:
        """The learned tagger's proposer (loaded on first access), or
        ``None`` when ``config.learned`` is off."""
        if not self.config.learned:
            return None
        with self._lock:
            if self._propose is None:
                self._propose = _learned.make_proposer(_learned.load(),
                                                       self.lexicon)
            return self._propose

    @property
    def roles(self) -> _roles.RoleModel | None:
        """The learned role model, or ``None`` when ``config.learned`` is
        off (the rules then take the most specific role)."""
        return _roles.load() if self.config.learned else None

    @property
    def pronouns(self) -> _pronouns.PronounModel | None:
        """The learned pronoun model, or ``None`` when ``config.learned``
        is off (the rules then resolve pronouns)."""
        return _pronouns.load() if self.config.learned else None

    def _warm_up(self) -> None:
        """Load the models now (a worker process, before its first
        document, so that a time limit counts parsing only)."""
        _ = self.pipeline, self.proposer, self.roles, self.pronouns
        if self.config.learned:
            _calibrate.load()

    def parse(self, text: str) -> _tree.Doc:
        """Parse *text* into the rules' ``Doc``, chunk by chunk."""
        text = _check_text(text)
        sents: list[_tree.Sent] = []
        for offset, piece in chunks(text):
            if not piece.strip():
                continue
            log.debug("parsing characters %d-%d", offset,
                      offset + len(piece))
            parsed = run_pipeline(self.pipeline, piece,
                                  self._selector(piece))
            part = _tree.from_stanza(parsed, piece)
            sents.extend(_tree.shift(s, offset, len(sents))
                         for s in part.sents)
        return _tree.Doc(text=text, sents=sents)

    def _selector(self, piece: str) -> Selector | None:
        """The sentence selector of ``ParseConfig.selective``, or None."""
        if not self.config.selective:
            return None
        learned = (_learned.cue_finder(_learned.load(), self.lexicon)
                   if self.config.learned else None)
        return functools.partial(_select.needs_parse, piece,
                                 lex=self.lexicon, learned=learned)

    def extract(self, text: str, *, doc_id: str | None = None) -> Result:
        """Return every attribution in *text*.

        A leading byte-order mark is skipped and the line breaks of a
        hard-wrapped paragraph are joined before parsing (``_text``); the
        spans still index *text* as given.

        Raises:
            TypeError: *text* is not a ``str`` or *doc_id* not a ``str``
                or ``None``.
            ModelNotAvailableError: the parsing model or the learned
                tagger cannot be loaded.
        """
        text = _check_text(text)
        doc_id = _check_doc_id(doc_id)
        if not text.strip():
            return Result(doc_id=doc_id, text=text)
        propose = self.proposer  # a missing tagger fails before parsing
        roles, pronouns = self.roles, self.pronouns
        calibration = _calibrate.load() if self.config.learned else None
        started = time.perf_counter()
        plain = _text.normalize(text)
        doc = self.parse(plain.text)
        parsed = time.perf_counter()
        result = _windows.run(doc, self.lexicon, doc_id, propose=propose,
                              roles=roles, pronouns=pronouns)
        log.info("%s: parsed %d sentences in %.2f s, rules %.3f s",
                 doc_id or "document", len(doc.sents), parsed - started,
                 time.perf_counter() - parsed)
        if calibration is not None:
            result = calibration.apply(result)
        return plain.restore(result)

    def compare(self, text: str, *, doc_id: str | None = None,
                ) -> tuple[Result, Result]:
        """(rules only, rules + learned tagger) from one parse of *text*.

        Raises:
            TypeError: *text* is not a ``str``.
            ModelNotAvailableError: a model cannot be loaded.
        """
        text = _check_text(text)
        if not text.strip():
            return (Result(doc_id=doc_id, text=text),
                    Result(doc_id=doc_id, text=text))
        propose = self._propose if self._propose is not None else \
            _learned.make_proposer(_learned.load(), self.lexicon)
        roles, pronouns = _roles.load(), _pronouns.load()
        plain = _text.normalize(text)
        doc = self.parse(plain.text)
        return (plain.restore(_windows.run(doc, self.lexicon, doc_id)),
                plain.restore(_calibrate.load().apply(_windows.run(
                    doc, self.lexicon, doc_id, propose=propose, roles=roles,
                    pronouns=pronouns))))

    def extract_doc(self, doc: Any, *, text: str | None = None,
                    doc_id: str | None = None) -> Result:
        """Return the attributions of a parsed stanza ``Document``
        (with the learned tagger when ``config.learned`` is on)."""
        return extract_doc(doc, text=text, doc_id=doc_id,
                           lexicon=self.lexicon, learned=self.config.learned)

    def pipe(self, texts: Iterable[_batch.Item], *, batch_size: int = 4,
             n_process: int = 1, on_error: _batch.OnError = "raise",
             timeout: float | None = None,
             ) -> Iterator[Result | _batch.Failure]:
        """Yield a ``Result`` per text (or ``(text, doc_id)`` pair), in order.

        Streams: texts are read lazily and memory stays flat.
        ``n_process > 1`` parses in that many worker processes (started
        with ``spawn``: guard your script with ``if __name__ ==
        "__main__":``), each with its own pipeline; up to
        ``2 * batch_size * n_process`` documents are read ahead. With
        ``on_error="return"`` a document that fails yields a ``Failure``
        in its place and the others go on; with ``"raise"`` (the default)
        it raises ``ExtractionError``.

        Workers take one document at a time: a worker that dies is
        replaced and its document sent again, and a document a worker
        dies on twice yields a ``Failure`` named ``WorkerDied``. With
        *timeout* (seconds; default ``config.timeout``) a document over
        the limit yields a ``Failure`` named ``Timeout`` and its worker
        is replaced; a limit always parses in worker processes.

        Raises:
            TypeError: *texts* is a single ``str`` (pass ``[text]``).
            ValueError: an argument is out of range.
            ExtractionError: a document failed and ``on_error="raise"``.
            ModelNotAvailableError: the model cannot be loaded.

        .. versionchanged:: 0.10.0
           Survives dying workers; *timeout*; a bare string raises.
        """
        return _batch.pipe(self, texts, batch_size=batch_size,
                           n_process=n_process, on_error=on_error,
                           timeout=timeout)


_default: Extractor | None = None
_default_lock = threading.Lock()


def extract(text: str, *, doc_id: str | None = None) -> Result:
    """Return every attribution in *text* (uses a shared ``Extractor``).

    Raises:
        TypeError: *text* is not a ``str``.
        ModelNotAvailableError: the parsing model cannot be loaded.
    """
    global _default
    text = _check_text(text)
    doc_id = _check_doc_id(doc_id)
    with _default_lock:
        if _default is None:
            _default = Extractor()
    return _default.extract(text, doc_id=doc_id)


def extract_doc(doc: Any, *, text: str | None = None,
                doc_id: str | None = None,
                lexicon: Lexicon | None = None,
                learned: bool = False) -> Result:
    """Return the attributions of an already parsed stanza ``Document``.

    Args:
        doc: a stanza ``Document`` with tokenize, pos, lemma and depparse
            annotations (from a Pipeline, or from CoNLL-U via
            ``quotes.testing.doc_from_conllu``).
        text: the raw text; default ``doc.text``, else rebuilt from the
            tokens (CoNLL-U ``SpaceAfter`` and ``# newpar``).
        doc_id: copied into the result.
        lexicon: the word lists (default: ``Lexicon.default()``).
        learned: add the learned tagger's claims and let the role model
            decide roles (default: the rules alone, the pure function of
            the parse that fixtures test).

    Raises:
        MissingAnnotationError: the document lacks a needed annotation.
        ModelNotAvailableError: *learned* and the tagger cannot be loaded.
    """
    if not hasattr(doc, "sentences"):
        msg = f"expected a stanza Document, got {type(doc).__name__}"
        raise TypeError(msg)
    check_annotations(doc)
    raw = text if text is not None else getattr(doc, "text", None)
    if raw is None:
        raw = _tree.reconstruct_text(doc)
    raw = _check_text(raw)
    doc_id = _check_doc_id(doc_id)
    lexicon = lexicon or Lexicon.default()
    propose = _learned.make_proposer(_learned.load(), lexicon) if learned \
        else None
    roles = _roles.load() if learned else None
    pronouns = _pronouns.load() if learned else None
    result = _windows.run(_tree.from_stanza(doc, raw), lexicon, doc_id,
                          propose=propose, roles=roles, pronouns=pronouns)
    if learned:
        result = _calibrate.load().apply(result)
    return attrs.evolve(result, text=raw)

"""Many documents: ``Extractor.pipe`` in this process or in workers.

Input: an iterable of texts (or ``(text, doc_id)`` pairs); output: one
``Result`` per document, in input order, or a ``Failure`` in the place of
a document that raised. Inputs are read lazily and at most two batches per
worker are in flight, so memory stays flat for any number of documents.
Worker processes are started with ``spawn`` (safe with torch and on every
platform) and each builds its own pipeline once, with one torch thread
unless ``ParseConfig.threads`` says otherwise.
"""

from __future__ import annotations

import logging
import multiprocessing
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from typing import TYPE_CHECKING, Literal

from attrs import frozen

from quotes.exceptions import ExtractionError, ModelNotAvailableError
from quotes.lexicons import Lexicon
from quotes.records import Result

if TYPE_CHECKING:
    from quotes._extract import Extractor
    from quotes._parse import ParseConfig

log = logging.getLogger(__name__)

Item = str | tuple[str, str | None]
"""A text, or a ``(text, doc_id)`` pair."""
OnError = Literal["raise", "return"]
_Task = tuple[int, str, str | None]


@frozen(kw_only=True)
class Failure:
    """A document that could not be processed, in place of its ``Result``.

    ``error`` is the exception's type name, ``message`` its text; the
    exception itself stays in the process that raised it.
    """

    index: int
    """Position of the document in the input (from 0)."""
    doc_id: str | None
    error: str
    message: str

    def __str__(self) -> str:
        name = self.doc_id if self.doc_id is not None else f"#{self.index}"
        return f"document {name}: {self.error}: {self.message}"

    @classmethod
    def of(cls, index: int, doc_id: str | None,
           err: BaseException) -> Failure:
        """The failure record of *err* raised on document *index*."""
        return cls(index=index, doc_id=doc_id, error=type(err).__name__,
                   message=str(err))


def _split(item: object) -> tuple[object, str | None]:
    """``(text, doc_id)`` of an input item."""
    if isinstance(item, tuple) and len(item) == 2 and \
            (item[1] is None or isinstance(item[1], str)):
        return item[0], item[1]
    return item, None


def _check(index: int, item: object) -> _Task | Failure:
    """The task for *item*, or a ``Failure`` if it is not text."""
    text, doc_id = _split(item)
    if isinstance(text, str):
        return index, text, doc_id
    what = "bytes; decode it first" if isinstance(
        text, (bytes, bytearray)) else type(text).__name__
    return Failure(index=index, doc_id=doc_id, error="TypeError",
                   message=f"expected text as str, got {what}")


def _run(extractor: Extractor, task: _Task | Failure) -> Result | Failure:
    """Extract one document; any error but a missing model is a Failure."""
    if isinstance(task, Failure):
        return task
    index, text, doc_id = task
    try:
        return extractor.extract(text, doc_id=doc_id)
    except ModelNotAvailableError:
        raise
    except Exception as err:  # one bad document must not stop the rest
        log.debug("document %s failed", doc_id or index, exc_info=True)
        return Failure.of(index, doc_id, err)


def _deliver(out: Result | Failure, on_error: OnError) -> Result | Failure:
    if isinstance(out, Failure):
        if out.error == ModelNotAvailableError.__name__:
            raise ModelNotAvailableError(out.message)
        if on_error == "raise":
            raise ExtractionError(str(out), index=out.index,
                                  doc_id=out.doc_id)
        log.debug("%s", out)
    return out


def pipe(extractor: Extractor, items: Iterable[Item], *,
         batch_size: int = 4, n_process: int = 1,
         on_error: OnError = "raise") -> Iterator[Result | Failure]:
    """Yield the result of every document of *items*, in input order.

    Args:
        extractor: its configuration and lexicon are used; with
            ``n_process=1`` its own pipeline parses.
        items: texts, or ``(text, doc_id)`` pairs; read lazily.
        batch_size: documents sent to a worker at a time.
        n_process: worker processes (1: parse in this process).
        on_error: ``"raise"``: the first failing document raises
            ``ExtractionError``; ``"return"``: a ``Failure`` is yielded in
            its place and the other documents go on.

    Raises:
        ExtractionError: a document failed and ``on_error="raise"``.
        ModelNotAvailableError: the model cannot be loaded.
    """
    if on_error not in ("raise", "return"):
        msg = f"on_error must be 'raise' or 'return', not {on_error!r}"
        raise ValueError(msg)
    if batch_size < 1 or n_process < 1:
        msg = "batch_size and n_process must be at least 1"
        raise ValueError(msg)
    tasks = (_check(k, item) for k, item in enumerate(items))
    if n_process == 1:
        for task in tasks:
            yield _deliver(_run(extractor, task), on_error)
        return
    yield from _parallel(extractor, tasks, batch_size, n_process, on_error)


def _batches(tasks: Iterator[_Task | Failure],
             size: int) -> Iterator[list[_Task | Failure]]:
    batch: list[_Task | Failure] = []
    for task in tasks:
        batch.append(task)
        if len(batch) == size:
            yield batch
            batch = []
    if batch:
        yield batch


def _parallel(extractor: Extractor, tasks: Iterator[_Task | Failure],
              batch_size: int, n_process: int,
              on_error: OnError) -> Iterator[Result | Failure]:
    lexicon = None if extractor.lexicon is Lexicon.default() \
        else extractor.lexicon
    level = logging.getLogger().getEffectiveLevel()
    pool = ProcessPoolExecutor(
        n_process, mp_context=multiprocessing.get_context("spawn"),
        initializer=_init_worker, initargs=(extractor.config, lexicon, level))
    pending: deque[Future[list[Result | Failure]]] = deque()
    try:
        for batch in _batches(tasks, batch_size):
            pending.append(pool.submit(_work, batch))
            if len(pending) >= 2 * n_process:
                for out in pending.popleft().result():
                    yield _deliver(out, on_error)
        while pending:
            for out in pending.popleft().result():
                yield _deliver(out, on_error)
    finally:
        for future in pending:
            future.cancel()
        pool.shutdown(wait=True, cancel_futures=True)


_worker: Extractor | None = None


def _init_worker(config: ParseConfig, lexicon: Lexicon | None,
                 level: int) -> None:
    """Set up a worker process: logging and its (lazy) Extractor."""
    global _worker
    from quotes._extract import Extractor

    logging.basicConfig(level=level, format="%(levelname)s %(message)s")
    logging.getLogger("stanza").setLevel(max(level, logging.WARNING))
    _worker = Extractor(config, lexicon=lexicon)


def _work(batch: list[_Task | Failure]) -> list[Result | Failure]:
    """Extract a batch in a worker; a missing model is a Failure too."""
    assert _worker is not None, "worker not initialised"
    out: list[Result | Failure] = []
    for task in batch:
        try:
            out.append(_run(_worker, task))
        except ModelNotAvailableError as err:
            index, _, doc_id = task  # type: ignore[misc]
            out.append(Failure.of(index, doc_id, err))
    return out


"""Many documents: ``Extractor.pipe`` in this process or in workers.

Input: an iterable of texts (or ``(text, doc_id)`` pairs); output: one
``Result`` per document, in input order, or a ``Failure`` in the place of
a document that raised. Inputs are read lazily and a bounded number of
documents is read ahead, so memory stays flat for any number of documents.

Worker processes are started with ``spawn`` (safe with torch and on every
platform); each builds its own pipeline once, with one torch thread unless
``ParseConfig.threads`` says otherwise, and takes one document at a time,
so the parent always knows which document each worker is on. A worker
that dies (the out-of-memory killer, ``kill -9``) is replaced and its
document sent again; a document that a worker dies on twice comes back as
a ``Failure`` named ``WorkerDied``. A document over the time limit comes
back as a ``Failure`` named ``Timeout`` and its worker is replaced. No
other document is lost or reordered.
"""

from __future__ import annotations

import logging
import multiprocessing
import pickle
import signal
import time
from collections import deque
from collections.abc import Iterable, Iterator
from multiprocessing.connection import Connection, wait
from typing import TYPE_CHECKING, Any, Literal

from attrs import frozen

from quotes.exceptions import ExtractionError, ModelNotAvailableError
from quotes.lexicons import Lexicon
from quotes.records import Result

if TYPE_CHECKING:
    from multiprocessing.context import SpawnContext, SpawnProcess

    from quotes._extract import Extractor
    from quotes._parse import ParseConfig

log = logging.getLogger(__name__)

Item = str | tuple[str, str | None]
"""A text, or a ``(text, doc_id)`` pair."""
OnError = Literal["raise", "return"]
_Task = tuple[int, str, str | None]

WORKER_DIED = "WorkerDied"
"""``Failure.error`` of a document that a worker process died on twice."""
TIMEOUT = "Timeout"
"""``Failure.error`` of a document that ran over the time limit."""
MAX_STRIKES = 2
"""Deaths of a worker on one document before it is given up as a Failure."""
_MAX_START_DEATHS = 5
"""Workers dying in a row before their first document: a broken setup."""


@frozen(kw_only=True)
class Failure:
    """A document that could not be processed, in place of its ``Result``.

    ``error`` is the exception's type name (or ``"WorkerDied"``,
    ``"Timeout"``), ``message`` its text; the exception itself stays in
    the process that raised it.
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


def _split(item: object) -> tuple[object, object]:
    """``(text, doc_id)`` of an input item."""
    if isinstance(item, tuple) and len(item) == 2:
        return item[0], item[1]
    return item, None


def _check(index: int, item: object) -> _Task | Failure:
    """The task for *item*, or a ``Failure`` if it is not text."""
    text, doc_id = _split(item)
    if doc_id is not None and not isinstance(doc_id, str):
        return Failure(index=index, doc_id=None, error="TypeError",
                       message="expected doc_id as str or None, got "
                               f"{type(doc_id).__name__}")
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


def check_timeout(value: object) -> float | None:
    """*value* as a time limit in seconds (``None``: no limit).

    Raises:
        TypeError: *value* is not a number.
        ValueError: *value* is not above 0.
    """
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        msg = (f"timeout must be a number of seconds or None, got "
               f"{type(value).__name__}")
        raise TypeError(msg)
    if not value > 0:
        msg = f"timeout must be above 0 seconds, not {value!r}"
        raise ValueError(msg)
    return float(value)


def pipe(extractor: Extractor, items: Iterable[Item], *,
         batch_size: int = 4, n_process: int = 1,
         on_error: OnError = "raise",
         timeout: float | None = None) -> Iterator[Result | Failure]:
    """Yield the result of every document of *items*, in input order.

    The arguments are checked at once; the documents when iterated.

    Args:
        extractor: its configuration and lexicon are used; with
            ``n_process=1`` and no time limit its own pipeline parses;
            worker processes build an extractor of its class.
        items: texts, or ``(text, doc_id)`` pairs; read lazily.
        batch_size: with workers, up to ``2 * batch_size * n_process``
            documents are read ahead of the one to yield next.
        n_process: worker processes (1: parse in this process).
        on_error: ``"raise"``: the first failing document raises
            ``ExtractionError``; ``"return"``: a ``Failure`` is yielded in
            its place and the other documents go on.
        timeout: seconds one document may take (default:
            ``extractor.config.timeout``; ``None``: no limit). A limit
            needs a process to stop, so documents are then parsed in
            worker processes even with ``n_process=1``.

    Raises:
        TypeError: *items* is a single text, or *timeout* not a number.
        ValueError: an argument is out of range.
        ExtractionError: a document failed and ``on_error="raise"``.
        ModelNotAvailableError: the model cannot be loaded.
    """
    if isinstance(items, (str, bytes, bytearray)):
        msg = (f"expected an iterable of texts, got a single "
               f"{type(items).__name__} (it would be read one character "
               "at a time); pass a list: pipe([text])")
        raise TypeError(msg)
    if on_error not in ("raise", "return"):
        msg = f"on_error must be 'raise' or 'return', not {on_error!r}"
        raise ValueError(msg)
    if batch_size < 1 or n_process < 1:
        msg = "batch_size and n_process must be at least 1"
        raise ValueError(msg)
    limit = check_timeout(timeout if timeout is not None
                          else extractor.config.timeout)
    tasks = (_check(k, item) for k, item in enumerate(items))
    if n_process == 1 and limit is None:
        return _serial(extractor, tasks, on_error)
    return _parallel(extractor, tasks, window=2 * batch_size * n_process,
                     n_process=n_process, on_error=on_error, timeout=limit)


def _serial(extractor: Extractor, tasks: Iterator[_Task | Failure],
            on_error: OnError) -> Iterator[Result | Failure]:
    for task in tasks:
        yield _deliver(_run(extractor, task), on_error)


def _worker_class(extractor: Extractor) -> type[Extractor]:
    """The class workers build: *extractor*'s, if it can be pickled."""
    from quotes._extract import Extractor

    cls = type(extractor)
    try:
        pickle.dumps(cls)
    except Exception:  # a class defined in a function, say
        log.debug("workers use Extractor: %r cannot be pickled", cls)
        return Extractor
    return cls


def _died(code: int | None) -> str:
    """How a worker process ended, from its exit code."""
    if code is not None and code < 0:
        try:
            name = signal.Signals(-code).name
        except ValueError:
            name = "unknown signal"
        return f"killed by signal {-code} ({name})"
    return f"exit status {code}"


class _Worker:
    """One worker process, its pipe, and the document it is on."""

    def __init__(self, ctx: SpawnContext, setup: tuple[Any, ...]) -> None:
        self.conn, child = ctx.Pipe()
        self.process: SpawnProcess = ctx.Process(
            target=_serve, args=(child, *setup), daemon=True)
        self.process.start()
        child.close()
        self.ready = False
        self.task: _Task | None = None
        self.since: float | None = None
        """When the worker began its task (``None``: not yet)."""

    def give(self, task: _Task) -> None:
        """Send *task*; a dead worker keeps it until its death is seen."""
        self.task = task
        self.since = None
        try:
            self.conn.send(task)
        except OSError:
            log.debug("worker %s is gone", self.process.pid)

    def stop(self, *, kill: bool = False) -> None:
        """End the process: ask it to, or kill it at once."""
        if not kill and self.process.is_alive():
            try:
                self.conn.send(None)
            except OSError:
                kill = True
            else:
                self.process.join(5)
        if self.process.is_alive():
            self.process.kill()
        self.process.join()
        self.conn.close()


def _parallel(extractor: Extractor, tasks: Iterator[_Task | Failure], *,
              window: int, n_process: int, on_error: OnError,
              timeout: float | None) -> Iterator[Result | Failure]:
    lexicon = None if extractor.lexicon is Lexicon.default() \
        else extractor.lexicon
    level = logging.getLogger().getEffectiveLevel()
    ctx = multiprocessing.get_context("spawn")
    setup = (_worker_class(extractor), extractor.config, lexicon, level)
    workers = [_Worker(ctx, setup) for _ in range(n_process)]
    todo: deque[_Task] = deque()  # sent again first (appendleft)
    done: dict[int, Result | Failure] = {}
    strikes: dict[int, int] = {}
    read = delivered = start_deaths = 0
    exhausted = False

    def replace(worker: _Worker, *, kill: bool) -> None:
        worker.stop(kill=kill)
        workers[workers.index(worker)] = _Worker(ctx, setup)

    def lost(worker: _Worker) -> None:
        """*worker* died: replace it; send its document again or fail it."""
        nonlocal start_deaths
        worker.process.join()
        how = _died(worker.process.exitcode)
        task, began = worker.task, worker.since is not None
        if not worker.ready:
            start_deaths += 1
            if start_deaths > _MAX_START_DEATHS:
                msg = f"worker processes die while starting ({how})"
                raise RuntimeError(msg)
        replace(worker, kill=True)
        if task is None:
            log.warning("an idle worker process died, %s; replaced", how)
            return
        index, _, doc_id = task
        if not began:  # it died before reading the document: not its fault
            todo.appendleft(task)
            return
        strikes[index] = strikes.get(index, 0) + 1
        log.warning("worker process died on document %s, %s (%d of %d)",
                    doc_id or f"#{index}", how, strikes[index], MAX_STRIKES)
        if strikes[index] >= MAX_STRIKES:
            done[index] = Failure(
                index=index, doc_id=doc_id, error=WORKER_DIED,
                message=f"the worker process died on this document "
                        f"{strikes[index]} times; last: {how}")
        else:
            todo.appendleft(task)

    def receive(worker: _Worker) -> None:
        nonlocal start_deaths
        while worker.conn.poll():
            try:
                kind, value = worker.conn.recv()
            except (EOFError, OSError):
                return
            if kind == "ready":
                worker.ready = True
                start_deaths = 0
            elif kind == "error":
                msg = f"a worker process could not start: {value}"
                raise RuntimeError(msg)
            elif kind == "start":
                worker.since = time.monotonic()
            else:
                index, out = value
                done[index] = out
                worker.task = worker.since = None

    try:
        while True:
            while not exhausted and read - delivered < window:
                try:
                    task = next(tasks)
                except StopIteration:
                    exhausted = True
                    break
                read += 1
                if isinstance(task, Failure):
                    done[task.index] = task
                else:
                    todo.append(task)
            for worker in workers:
                if worker.task is None and todo:
                    worker.give(todo.popleft())
            while delivered in done:
                out = done.pop(delivered)
                delivered += 1
                yield _deliver(out, on_error)
            if exhausted and delivered == read:
                return
            if (not exhausted and read - delivered < window) or (
                    todo and any(w.task is None for w in workers)):
                continue
            wait_for: float | None = None
            if timeout is not None:
                now = time.monotonic()
                ends = [w.since + timeout - now for w in workers
                        if w.since is not None]
                wait_for = max(0.0, min(ends)) if ends else None
            handles: list[Any] = [w.conn for w in workers]
            handles += [w.process.sentinel for w in workers]
            wait(handles, wait_for)
            for worker in list(workers):
                receive(worker)
                if not worker.process.is_alive():
                    receive(worker)  # what it sent before it died
                    lost(worker)
                elif (timeout is not None and worker.since is not None
                        and time.monotonic() - worker.since > timeout):
                    assert worker.task is not None
                    index, _, doc_id = worker.task
                    log.warning("document %s ran over %g s; its worker is "
                                "replaced", doc_id or f"#{index}", timeout)
                    done[index] = Failure(
                        index=index, doc_id=doc_id, error=TIMEOUT,
                        message=f"took longer than the time limit of "
                                f"{timeout:g} s; its worker was stopped")
                    replace(worker, kill=True)
    finally:
        for worker in workers:  # one still loading or busy: no waiting
            worker.stop(kill=worker.task is not None or not worker.ready)


_worker: Extractor | None = None


def _init_worker(cls: type[Extractor], config: ParseConfig,
                 lexicon: Lexicon | None, level: int) -> None:
    """Set up a worker process: logging and its Extractor."""
    global _worker

    logging.basicConfig(level=level, format="%(levelname)s %(message)s")
    logging.getLogger("stanza").setLevel(max(level, logging.WARNING))
    _worker = cls(config, lexicon=lexicon)


def _serve(conn: Connection, cls: type[Extractor], config: ParseConfig,
           lexicon: Lexicon | None, level: int) -> None:
    """A worker process: one document at a time until told to stop.

    Messages to the parent: ``("ready", None)`` once the models are
    loaded, ``("start", index)`` as a document begins (its time limit
    counts from there) and ``("done", (index, Result | Failure))``.
    Ctrl-C is left to the parent, which stops its workers.
    """
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    model_error: ModelNotAvailableError | None = None
    try:
        _init_worker(cls, config, lexicon, level)
        assert _worker is not None
        _worker._warm_up()
    except ModelNotAvailableError as err:
        model_error = err
    except Exception as err:
        conn.send(("error", f"{type(err).__name__}: {err}"))
        return
    conn.send(("ready", None))
    while True:
        try:
            task = conn.recv()
        except (EOFError, OSError):  # the parent has gone
            return
        if task is None:
            return
        index, _, doc_id = task
        conn.send(("start", index))
        out: Result | Failure
        if model_error is not None:
            out = Failure.of(index, doc_id, model_error)
        else:
            assert _worker is not None
            try:
                out = _run(_worker, task)
            except ModelNotAvailableError as err:
                out = Failure.of(index, doc_id, err)
        conn.send(("done", (index, out)))

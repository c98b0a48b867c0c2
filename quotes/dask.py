"""Extraction over Dask collections: archives on a cluster.

Needs the ``dask`` extra (``pip install 'quotes-attribution[dask]'``);
``import quotes`` never imports this module. Each worker process builds
one pipeline per ``ParseConfig`` and keeps it for every partition it is
given. Run workers with one thread each and one process per core
(``LocalCluster(threads_per_worker=1)`` or ``dask worker --nthreads 1``):
each worker parses with ``ParseConfig.threads`` torch threads (default 1).

Example (see docs/usage.md)::

    from quotes.dask import extract_files
    results = extract_files(paths, npartitions=8)
    results.map(lambda r: r.to_json()).to_textfiles("out/*.jsonl")
"""

from __future__ import annotations

import hashlib
import pickle
import threading
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import attrs

from quotes import _batch, _table
from quotes._extract import Extractor
from quotes._parse import ParseConfig
from quotes.exceptions import ExtractionError, MissingDependencyError
from quotes.lexicons import Lexicon
from quotes.records import Result

try:
    import dask.bag as db
    import dask.dataframe  # noqa: F401  (extract_frame needs it)
except ImportError as err:  # pragma: no cover - depends on the install
    msg = ("quotes.dask needs dask: pip install "
           "'quotes-attribution[dask]'")
    raise MissingDependencyError(msg) from err

Outcome = Result | _batch.Failure

__all__ = ["extract_bag", "extract_files", "extract_frame"]

_extractors: dict[tuple[ParseConfig, str | None], Extractor] = {}
_lock = threading.Lock()


def _extractor(config: ParseConfig | None,
               lexicon: Lexicon | None) -> Extractor:
    """This process's Extractor for *config* and *lexicon* (made once).

    ``config.timeout`` is dropped: a time limit needs worker processes of
    its own, which a (daemonic) Dask worker cannot start.
    """
    config = attrs.evolve(config or ParseConfig(), timeout=None)
    # a lexicon arrives as a new copy with every task: key it by content
    key = (config, None if lexicon is None else
           hashlib.sha1(pickle.dumps(lexicon)).hexdigest())
    with _lock:
        if key not in _extractors:
            _extractors[key] = Extractor(config, lexicon=lexicon)
        return _extractors[key]


def _texts_partition(items: Iterable[Any], config: ParseConfig | None,
                     lexicon: Lexicon | None,
                     on_error: _batch.OnError) -> list[Outcome]:
    ex = _extractor(config, lexicon)
    return list(_batch.pipe(ex, items, on_error=on_error))


def _read(path: str | Path) -> tuple[str, str]:
    p = Path(path)
    return p.read_bytes().decode("utf-8-sig"), p.stem


def _files_partition(paths: Iterable[str | Path], config: ParseConfig | None,
                     lexicon: Lexicon | None,
                     on_error: _batch.OnError) -> list[Outcome]:
    ex = _extractor(config, lexicon)
    out: list[Outcome] = []
    for index, path in enumerate(paths):
        try:
            text, doc_id = _read(path)
        except (OSError, UnicodeDecodeError) as err:
            failure = _batch.Failure.of(index, Path(path).stem, err)
            if on_error == "raise":
                raise ExtractionError(f"{path}: {err}", index=index,
                                      doc_id=failure.doc_id) from err
            out.append(failure)
            continue
        out.extend(_batch.pipe(ex, [(text, doc_id)], on_error=on_error))
    return out


def _custom(lexicon: Lexicon | None) -> Lexicon | None:
    """*lexicon*, or ``None`` for the default (each worker loads its own)."""
    return None if lexicon is Lexicon.default() else lexicon


def extract_bag(bag: Any, *, config: ParseConfig | None = None,
                lexicon: Lexicon | None = None,
                on_error: _batch.OnError = "raise") -> Any:
    """A ``dask.bag.Bag`` of ``Result`` from a bag of texts or
    ``(text, doc_id)`` pairs.

    With ``on_error="return"`` a failing document gives a
    ``quotes.Failure`` (its ``index`` counts within the partition).
    """
    return bag.map_partitions(_texts_partition, config,
                              _custom(lexicon), on_error)


def extract_files(paths: Any, *,
                  config: ParseConfig | None = None,
                  lexicon: Lexicon | None = None,
                  on_error: _batch.OnError = "raise",
                  npartitions: int | None = None) -> Any:
    """A bag of ``Result`` from UTF-8 text files (``doc_id``: the stem).

    *paths* is a ``dask.bag.Bag`` of paths, or any iterable of them (a bag
    of *npartitions* partitions). The workers read the files.
    """
    if not isinstance(paths, db.Bag):
        paths = db.from_sequence([str(p) for p in paths],
                                 npartitions=npartitions)
    return paths.map_partitions(_files_partition, config,
                                _custom(lexicon), on_error)


def _frame_partition(part: Any, text: str, doc_id: str | None,
                     config: ParseConfig | None,
                     lexicon: Lexicon | None) -> Any:
    ids = part[doc_id].astype(str) if doc_id else [None] * len(part)
    items = list(zip(part[text], ids, strict=True))
    results = _texts_partition(items, config, lexicon, "raise")
    return _table.to_frame(r for r in results if isinstance(r, Result))


def extract_frame(frame: Any, text: str, *,
                  doc_id: str | None = None,
                  config: ParseConfig | None = None,
                  lexicon: Lexicon | None = None) -> Any:
    """A dask DataFrame with one row per attribution of the documents in
    the *text* column of the dask DataFrame *frame*.

    The rows have the columns of ``quotes.to_frame``; ``doc_id`` is taken
    from the column *doc_id* if given. A failing document raises
    ``ExtractionError`` when the frame is computed.
    """
    meta = _table.to_frame([])
    return frame.map_partitions(_frame_partition, text, doc_id, config,
                                _custom(lexicon), meta=meta)

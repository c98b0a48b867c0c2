"""Tabular export: one row per attribution, as CSV or a pandas DataFrame.

Input: ``Result`` records; output: flat rows with the columns of
``COLUMNS``. In CSV a document with no attribution has one row with only
its ``doc_id``, so every input is accounted for. pandas is an optional
extra (``quotes[pandas]``), imported only by ``to_frame``.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable, Iterator
from typing import Any, TextIO

from quotes.exceptions import MissingDependencyError
from quotes.records import Attribution, Result

COLUMNS = ("doc_id", "kind", "speaker", "entity", "speaker_mention", "role",
           "cue", "content", "start", "end", "speaker_start", "speaker_end",
           "confidence", "found_by")
"""The columns: ``speaker`` is the resolved name (else the mention as
written), ``entity`` the speaker's number in ``Result.speakers`` (the same
for "A spokeswoman" and "the spokeswoman" of one document: group by
``doc_id`` and ``entity`` to count sources), ``cue`` the cue's lemma,
``content`` the claim's words (``Attribution.content_text``: a quotation
split by its tag is its pieces joined by " … "), ``start``/``end`` the
offsets of its first and last character, ``speaker_start``/``speaker_end``
the mention's (empty when unknown), ``found_by`` what found the claim
(rules, learned or both)."""

_INTEGERS = ("entity", "start", "end", "speaker_start", "speaker_end")
DTYPES = {c: "Int64" if c in _INTEGERS else "string" for c in COLUMNS} | {
    "confidence": "float64"}
"""pandas dtypes of ``to_frame``'s columns (missing values are ``<NA>``)."""


def row(result: Result, a: Attribution) -> dict[str, Any]:
    """The row of attribution *a* of *result*."""
    s = a.speaker
    return {
        "doc_id": result.doc_id,
        "kind": a.kind.value,
        "speaker": (s.name or s.text) if s else None,
        "entity": s.entity if s else None,
        "speaker_mention": s.text if s else None,
        "role": s.role if s else None,
        "cue": a.cue.lemma if a.cue else None,
        "content": a.content_text,
        "start": a.content.start,
        "end": a.content.end,
        "speaker_start": s.start if s else None,
        "speaker_end": s.end if s else None,
        "confidence": round(a.confidence, 3),
        "found_by": a.found_by,
    }


def rows(results: Result | Iterable[Result], *,
         empty: bool = False) -> Iterator[dict[str, Any]]:
    """One row per attribution of every result, in order.

    With *empty*, a result with no attribution gives one row holding its
    ``doc_id`` and nothing else.
    """
    if isinstance(results, Result):
        results = (results,)
    for result in results:
        for a in result.attributions:
            yield row(result, a)
        if empty and not result.attributions:
            yield dict.fromkeys(COLUMNS) | {"doc_id": result.doc_id}


def write_csv(results: Result | Iterable[Result], out: TextIO, *,
              header: bool = True) -> None:
    """Write one CSV row per attribution to *out*, after a header line;
    a document with no attribution gets a row with its ``doc_id`` only.

    .. versionchanged:: 0.10.0
       The ``entity`` column; a row for a document with no attribution.
    """
    writer = csv.DictWriter(out, fieldnames=COLUMNS, lineterminator="\n")
    if header:
        writer.writeheader()
    writer.writerows(rows(results, empty=True))


def to_frame(results: Result | Iterable[Result]) -> Any:
    """A pandas ``DataFrame`` with one row per attribution.

    .. versionchanged:: 0.10.0
       The ``entity`` column.

    Raises:
        MissingDependencyError: pandas is not installed (``pip install
            'quotes-attribution[pandas]'``).
    """
    try:
        import pandas as pd
    except ImportError as err:
        msg = ("to_frame needs pandas: pip install "
               "'quotes-attribution[pandas]'")
        raise MissingDependencyError(msg) from err
    frame = pd.DataFrame(list(rows(results)), columns=list(COLUMNS))
    return frame.astype(DTYPES)

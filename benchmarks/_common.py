"""Shared by the benchmark runners: read gold, write predictions and stats."""

from __future__ import annotations

import json
import resource
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any


def documents(gold: Path) -> Iterator[dict[str, Any]]:
    """Gold documents of a JSON-lines or single-object JSON file."""
    raw = gold.read_text(encoding="utf-8").strip()
    if raw.startswith("{") and "\n{" not in raw:
        yield json.loads(raw)
        return
    for line in raw.splitlines():
        if line.strip():
            yield json.loads(line)


def run(gold: Path, out: Path,
        extract: Callable[[str, str], dict[str, Any]],
        model: str = "") -> None:
    """Write predictions to *out* and ``<out>.stats.json`` beside it.

    A document whose extraction raises is counted in ``failed_docs`` and
    written with no attributions.
    """
    words = 0
    seconds = 0.0
    failures = 0
    docs = 0
    with out.open("w", encoding="utf-8") as f:
        for doc in documents(gold):
            start = time.perf_counter()
            try:
                pred = extract(doc["text"], doc["doc_id"])
            except Exception as err:  # counted and reported
                print(f"{doc['doc_id']}: {type(err).__name__}: {err}",
                      file=sys.stderr)
                pred = {"doc_id": doc["doc_id"], "attributions": []}
                failures += 1
            seconds += time.perf_counter() - start
            words += len(doc["text"].split())
            f.write(json.dumps(pred, ensure_ascii=False) + "\n")
            docs += 1
            print(f"{out.name}: {docs} documents done", file=sys.stderr,
                  flush=True)
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    stats = {"words": words, "seconds": round(seconds, 2),
             "words_per_s": round(words / seconds, 1) if seconds else None,
             "peak_rss_mb": round(peak_mb, 1), "failed_docs": failures,
             "docs": docs, "model": model}
    Path(f"{out}.stats.json").write_text(json.dumps(stats), "utf-8")

"""Parse documents once with the bundled model and keep the rules' trees.

    python -m training.parse_cache GOLD.jsonl OUT.pkl [--only-speakers]

Writes ``{doc_id: quotes._tree.Doc}`` as a pickle, so training and
measuring the role stage can rerun the rules in seconds instead of
re-parsing. A second run with the same OUT parses only what is missing.
"""

from __future__ import annotations

import argparse
import json
import logging
import pickle
import sys
from pathlib import Path
from typing import Any

import quotes
from quotes._parse import set_threads

log = logging.getLogger("training.parse_cache")


def read_docs(path: Path, *, only_speakers: bool = False,
              ) -> list[dict[str, Any]]:
    """Documents of a JSON-lines gold file (those with a hand-annotated
    speaker when *only_speakers*)."""
    docs = []
    with path.open(encoding="utf-8") as f:
        for line in f:
            if line.strip():
                doc = json.loads(line)
                if not only_speakers or any(
                        a.get("speaker") for a in doc["attributions"]):
                    docs.append(doc)
    return docs


def cache(docs: list[dict[str, Any]], out: Path) -> dict[str, Any]:
    """Parse every document not yet in *out*; save after each tenth."""
    trees: dict[str, Any] = {}
    if out.exists():
        with out.open("rb") as f:
            trees = pickle.load(f)
    extractor = quotes.Extractor()
    todo = [d for d in docs if d["doc_id"] not in trees]
    for i, doc in enumerate(todo, 1):
        trees[doc["doc_id"]] = extractor.parse(doc["text"])
        if i % 10 == 0 or i == len(todo):
            tmp = out.with_suffix(".tmp")
            with tmp.open("wb") as f:
                pickle.dump(trees, f)
            tmp.replace(out)
            log.info("%d / %d parsed", i, len(todo))
    return trees


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("gold", type=Path)
    parser.add_argument("out", type=Path)
    parser.add_argument("--only-speakers", action="store_true",
                        help="only documents with hand-annotated speakers")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(message)s")
    set_threads(1)
    cache(read_docs(args.gold, only_speakers=args.only_speakers), args.out)
    return 0


if __name__ == "__main__":
    sys.exit(main())

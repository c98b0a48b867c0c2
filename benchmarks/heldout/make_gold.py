"""Join the held-out speaker annotations with PolNeAR train into gold.

    python benchmarks/heldout/make_gold.py OUT.jsonl [--polnear PATH]

Reads ``polnear_train_speakers.jsonl`` (beside this script: doc_id,
attribution id, speaker) and the PolNeAR train records from ``../shared``
(never copied into the repository), and writes the annotated documents, in
annotation order, as JSON lines to OUT: each train record with ``speaker``
set on every attribution. OUT holds article text, so keep it outside the
repository (e.g. ``/tmp/heldout_gold.jsonl``).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
ANNOTATIONS = HERE / "polnear_train_speakers.jsonl"
SECOND = HERE / "second_annotator.jsonl"
DEFAULT_TRAIN = (HERE.parents[2] / "shared" / "bench" / "polnear"
                 / "train.jsonl")


def read_annotations(path: Path) -> dict[str, dict[str, Any]]:
    """Speakers by document id, then attribution id, in file order."""
    by_doc: dict[str, dict[str, Any]] = {}
    with path.open(encoding="utf-8") as f:
        for line in f:
            if line.strip():
                row = json.loads(line)
                by_doc.setdefault(row["doc_id"], {})[row["id"]] = (
                    row["speaker"])
    return by_doc


def read_train(path: Path, wanted: set[str]) -> dict[str, dict[str, Any]]:
    """The PolNeAR train records whose doc_id is in *wanted*."""
    docs: dict[str, dict[str, Any]] = {}
    with path.open(encoding="utf-8") as f:
        for line in f:
            if line.strip():
                doc = json.loads(line)
                if doc["doc_id"] in wanted:
                    docs[doc["doc_id"]] = doc
    return docs


def join(annotations: dict[str, dict[str, Any]],
         train: dict[str, dict[str, Any]]) -> list[dict[str, Any]]:
    """Train records with their speakers set; errors on any mismatch."""
    missing = [d for d in annotations if d not in train]
    if missing:
        raise SystemExit(f"not in PolNeAR train: {', '.join(missing)}")
    gold = []
    for doc_id, speakers in annotations.items():
        doc = train[doc_id]
        ids = {a["id"] for a in doc["attributions"]}
        if ids != set(speakers):
            raise SystemExit(f"{doc_id}: attribution ids differ from "
                             f"the annotations: {sorted(ids ^ set(speakers))}")
        for attribution in doc["attributions"]:
            attribution["speaker"] = speakers[attribution["id"]]
        gold.append(doc)
    return gold


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path,
                        help="gold JSON lines to write (outside the repo)")
    parser.add_argument("--annotations", type=Path, default=ANNOTATIONS,
                        help="speaker annotations to join (default "
                        f"{ANNOTATIONS.name}; {SECOND.name} holds the "
                        "second annotator's)")
    parser.add_argument("--polnear", type=Path, default=DEFAULT_TRAIN,
                        help=f"PolNeAR train.jsonl (default {DEFAULT_TRAIN})")
    args = parser.parse_args(argv)
    if not args.polnear.is_file():
        print(f"error: PolNeAR train not found at {args.polnear}; it is "
              "read from ../shared (beside the repository) or --polnear",
              file=sys.stderr)
        return 2
    annotations = read_annotations(args.annotations)
    gold = join(annotations, read_train(args.polnear, set(annotations)))
    with args.out.open("w", encoding="utf-8") as f:
        for doc in gold:
            f.write(json.dumps(doc, ensure_ascii=False) + "\n")
    n = sum(len(d["attributions"]) for d in gold)
    print(f"{args.out}: {len(gold)} documents, {n} attributions",
          file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Hard-wrapped copies of a gold file, for scoring folded text.

Reads gold JSON lines (``doc_id``, ``text``, ``attributions``; e.g.
``../shared/bench/polnear/dev.jsonl``, read at run time and never copied
into the repository) and writes the same documents with every line folded
at ``--width`` columns, as plain-text archives and wire copy are: at each
fold a space becomes a line break, so every offset of the gold still
points at the same character, and ``quotes evaluate`` scores the folded
copy against the same attributions. Usage, from the repository root::

    python benchmarks/fold_gold.py ../shared/bench/polnear/dev.jsonl \\
        /tmp/dev_folded.jsonl
    quotes evaluate /tmp/dev_folded.jsonl

Issue 22 asks folded text to score within 0.01 of the unfolded text.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path


def fold(text: str, width: int = 72) -> str:
    """*text* with each line broken at its last space before *width*
    columns (the same length: spaces become line breaks)."""
    chars = list(text)
    line_start, last_space = 0, -1
    for i, ch in enumerate(text):
        if ch == "\n":
            line_start, last_space = i + 1, -1
            continue
        if ch == " ":
            last_space = i
        if i - line_start >= width and last_space > line_start:
            chars[last_space] = "\n"
            line_start, last_space = last_space + 1, -1
    return "".join(chars)


def main(argv: list[str] | None = None) -> int:
    """Write the folded copy of the gold file."""
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("gold", type=Path)
    ap.add_argument("out", type=Path)
    ap.add_argument("--width", type=int, default=72)
    args = ap.parse_args(argv)
    with args.gold.open(encoding="utf-8") as src, \
            args.out.open("w", encoding="utf-8") as out:
        for line in src:
            doc = json.loads(line)
            doc["text"] = fold(doc["text"], args.width)
            out.write(json.dumps(doc, ensure_ascii=False) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())

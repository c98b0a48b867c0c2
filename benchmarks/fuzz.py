"""Fuzz the rules with generated hostile inputs (no neural model).

Each input is a hostile or news-like text with random well-formed
dependency trees over it (``tests/strategies.py``). It goes through
``_marks.find_quotes`` and ``_attribute.run``; the run checks that nothing
raises, every span indexes the text, the JSON form round-trips and no
paired quotation is lost. Failures are written to ``--out`` as JSON lines
(seed and text) so they can be replayed.

Usage::

    python benchmarks/fuzz.py --count 100000 --seed 0
    python benchmarks/fuzz.py --replay SEED   # show one failing input
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
import time
import traceback
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "tests")]

from strategies import random_doc  # noqa: E402

from quotes import _attribute  # noqa: E402
from quotes._marks import find_quotes  # noqa: E402
from quotes._tree import Doc  # noqa: E402
from quotes.lexicons import Lexicon  # noqa: E402


def check(doc: Doc, lex: Lexicon) -> None:
    """Run the rules on *doc* and assert the hostile-input invariants."""
    text = doc.text
    regions = find_quotes(text)
    for r in regions:
        assert 0 <= r.start <= r.inner[0] <= r.inner[1] <= r.end <= len(text)
    result = _attribute.run(doc, lex, "fuzz")
    ranges = [(q.start, q.end) for q in result.unattributed_quotes]
    spans = list(result.unattributed_quotes)
    for a in result.attributions:
        spans += [a.content, *a.content_pieces]
        ranges += [(p.start, p.end) for p in (a.content, *a.content_pieces)]
        if a.cue is not None:
            spans.append(a.cue.span)
        if a.speaker is not None:
            spans.append(a.speaker.span)
    for s in spans:
        assert text[s.start:s.end] == s.text, s
    for r in regions:
        lost = [i for i in range(*r.inner) if text[i].isalnum() and
                not any(a <= i < b for a, b in ranges)]
        assert not lost, f"quotation {r.inner} lost"
    form = result.to_dict()
    assert json.loads(json.dumps(form, ensure_ascii=False)) == form


def main(argv: list[str] | None = None) -> int:
    """Run the fuzz loop; return 1 if any input failed."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--count", type=int, default=100_000)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--out", type=Path, default=None,
                        help="write failures here as JSON lines")
    parser.add_argument("--replay", type=int, default=None,
                        help="rerun the input of this seed and show it")
    args = parser.parse_args(argv)
    lex = Lexicon.default()
    if args.replay is not None:
        doc = random_doc(random.Random(args.replay))
        print(repr(doc.text))
        print(_attribute.run(doc, lex, "fuzz").to_json(indent=1))
        check(doc, lex)
        return 0
    failures: list[dict[str, object]] = []
    chars = 0
    began = time.perf_counter()
    for n in range(args.count):
        seed = args.seed * 1_000_003 + n
        doc = random_doc(random.Random(seed))
        chars += len(doc.text)
        try:
            check(doc, lex)
        except Exception as err:  # report every failure
            failures.append({"seed": seed, "text": doc.text,
                             "error": repr(err),
                             "where": traceback.format_exc(limit=-2)})
    took = time.perf_counter() - began
    kinds: dict[str, int] = {}
    for f in failures:
        key = re.sub(r"\d+", "N", str(f["error"]))[:80]
        kinds[key] = kinds.get(key, 0) + 1
    report = {"inputs": args.count, "chars": chars, "seconds": round(took, 1),
              "failures": len(failures), "kinds": kinds}
    print(json.dumps(report, ensure_ascii=False, indent=1))
    if args.out is not None:
        with args.out.open("w", encoding="utf-8") as out:
            for f in failures:
                out.write(json.dumps(f, ensure_ascii=False) + "\n")
    return 1 if failures else 0


if __name__ == "__main__":
    raise SystemExit(main())

"""Fit the confidence calibration (``quotes/model/confidence.json``).

    python -m training.confidence          # after training.pronouns, .roles

Runs the default extraction (rules, learned tagger, role and pronoun
models) on the cached parses of the PolNeAR train articles with
hand-annotated speakers and of dev (``training.parse_cache``), and counts,
per tenth of the evidence score and per finder (rules, learned, both), how
many claims were right: their content matches a gold claim (character
Jaccard >= 0.5, the scorer's alignment) and their speaker is the gold one
(by name; for a gold claim without a source, no speaker). Unmatched claims
are wrong. The shares, made non-decreasing, are the calibrated values.
``--report GOLD CACHE`` prints the reliability table of the shipped
calibration on other articles (calibrated confidence against share right).
"""

from __future__ import annotations

import argparse
import json
import pickle
import sys
from collections import Counter
from pathlib import Path
from typing import Any

from quotes import _calibrate, _learned, _windows
from quotes.evaluate import _norm, _overlap, content_chars, match
from quotes.lexicons import Lexicon
from quotes.speakers import pronouns as _pronouns
from quotes.speakers import roles as _roles
from training.roles import SHARED, read_gold


def judged(trees: dict[str, Any], gold: dict[str, dict[str, Any]],
           ) -> list[tuple[str, float, bool]]:
    """(finder, evidence score, right) for every predicted claim."""
    lex = Lexicon.default()
    propose = _learned.make_proposer(_learned.load(), lex)
    roles, pronouns = _roles.load(), _pronouns.load()
    out = []
    for doc_id, tree in trees.items():
        g = gold[doc_id]
        text = g["text"]
        res = _windows.run(tree, lex, doc_id, propose=propose, roles=roles,
                           pronouns=pronouns).to_dict()
        gatts = [a for a in g["attributions"] if a.get("content")]
        patts = res["attributions"]
        right = set()
        for gi, pi, _ in match([content_chars(text, a["content"])
                                for a in gatts],
                               [content_chars(text, a["content"])
                                for a in patts]):
            ga, pa = gatts[gi], patts[pi]
            gsp, psp = ga.get("speaker") or {}, pa.get("speaker") or {}
            if gsp.get("name"):
                ok = bool(psp) and _norm(psp.get("name")) == _norm(
                    gsp["name"])
            elif ga.get("source"):
                ok = bool(psp) and _overlap(psp, ga["source"])
            else:
                ok = not psp
            if ok:
                right.add(pi)
        out += [(a.get("found_by", "rules"), float(a["confidence"]),
                 k in right) for k, a in enumerate(patts)]
    return out


def fit(claims: list[tuple[str, float, bool]]) -> _calibrate.Calibration:
    """Calibrated values per finder, and over all claims."""
    table = {}
    for finder in ("all", *sorted({f for f, _, _ in claims})):
        mine = [c for c in claims if finder in {"all", c[0]}]
        total = Counter(_calibrate.bin_of(raw) for _, raw, _ in mine)
        right = Counter(_calibrate.bin_of(raw) for _, raw, ok in mine if ok)
        table[finder] = tuple(_calibrate.monotone(
            [right[k] for k in range(_calibrate.BINS)],
            [total[k] for k in range(_calibrate.BINS)]))
    return _calibrate.Calibration(table=table)


def reliability(claims: list[tuple[str, float, bool]],
                cal: _calibrate.Calibration) -> list[str]:
    """Rows of calibrated confidence (by tenth) against share right."""
    rows = []
    by: dict[int, list[bool]] = {}
    for finder, raw, ok in claims:
        by.setdefault(_calibrate.bin_of(cal.value(finder, raw)), []).append(
            ok)
    for k in sorted(by):
        oks = by[k]
        rows.append(f"| {k / 10:.1f}-{(k + 1) / 10:.1f} | {len(oks)} | "
                    f"{sum(oks) / len(oks):.3f} |")
    return rows


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--train", type=Path,
                        default=Path("build/roles/train.pkl"))
    parser.add_argument("--tune", type=Path,
                        default=Path("build/roles/dev.pkl"))
    parser.add_argument("--out", type=Path,
                        default=Path("quotes/model") / _calibrate.MODEL_FILE)
    parser.add_argument("--report", nargs=2, type=Path,
                        metavar=("GOLD", "CACHE"),
                        help="print the shipped calibration's reliability "
                        "table on these articles instead of fitting")
    args = parser.parse_args(argv)
    if args.report:
        with args.report[1].open("rb") as f:
            trees = pickle.load(f)
        claims = judged(trees, read_gold(args.report[0]))
        print("| confidence | claims | share right |\n|---|---:|---:|")
        print("\n".join(reliability(claims, _calibrate.load())))
        return 0
    claims = []
    for cache, gold in ((args.train, SHARED / "train.jsonl"),
                        (args.tune, SHARED / "dev.jsonl")):
        with cache.open("rb") as f:
            claims += judged(pickle.load(f), read_gold(gold))
    cal = fit(claims)
    args.out.write_text(json.dumps(cal.to_json(), indent=0) + "\n",
                        encoding="utf-8")
    print(f"wrote {args.out} from {len(claims)} claims", file=sys.stderr)
    print("\n".join(reliability(claims, cal)))
    return 0


if __name__ == "__main__":
    sys.exit(main())

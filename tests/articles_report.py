"""Judge the article suite per attribution; run as a script to list misses.

``fixtures/fresh_articles.json`` holds short news articles written for this
project by a writer who had not read the rules or the other suites, each
with every attribution annotated by ``../shared/bench/ROLES.md`` (kind,
content, speaker name, role). Unlike the passage suites, an article is
judged claim by claim: a gold claim is *found* when a predicted content
matches it (character Jaccard >= 0.5, the benchmark's rule); a found
claim's *name* is right when it equals the gold name (None for unnamed
speakers and documents), its *role* near when ``role_near`` says so.

Usage (from the repository root)::

    python tests/articles_report.py              # misses, then figures
    python tests/articles_report.py --ids 1-15   # articles 1 to 15 only
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path
from typing import Any

import quotes
from quotes.evaluate import jaccard, role_near

SUITE = Path(__file__).resolve().parent.parent / "fixtures" / \
    "fresh_articles.json"
MIN_JACCARD = 0.5


def load_articles(path: Path = SUITE) -> list[dict[str, Any]]:
    """The suite's articles, in file order."""
    return list(json.loads(path.read_text(encoding="utf-8")))


def _norm(value: str | None) -> str:
    return " ".join((value or "").casefold().split())


def judge(article: dict[str, Any], result: quotes.Result,
          ) -> tuple[Counter[str], list[str]]:
    """Counts (gold, found, extra, name_ok, role_n, role_ok, role_pred,
    role_pred_ok) for one article, and a line per miss."""
    text = article["text"]
    c: Counter[str] = Counter()
    misses: list[str] = []
    preds = [(a, frozenset(i for sp in (a.content_pieces or (a.content,))
                           for i in range(sp.start, sp.end)))
             for a in result.attributions]
    used: set[int] = set()
    for want in article["expect"]:
        c["gold"] += 1
        start = text.index(want["content"])
        gold = frozenset(range(start, start + len(want["content"])))
        best, k = max(((jaccard(gold, chars), i)
                       for i, (_, chars) in enumerate(preds)
                       if i not in used), default=(0.0, -1))
        if best < MIN_JACCARD:
            misses.append(f"missed {want['content'][:60]!r}")
            continue
        used.add(k)
        c["found"] += 1
        got = preds[k][0].speaker
        name = got.name if got else None
        role = got.role if got else None
        c["name_ok"] += _norm(name) == _norm(want["speaker"])
        if want["role"]:
            c["role_n"] += 1
            c["role_ok"] += bool(role) and role_near(role, want["role"])
        if role:
            c["role_pred"] += 1
            c["role_pred_ok"] += bool(want["role"]) and \
                role_near(role, want["role"])
        role_right = bool(role) and bool(want["role"]) and \
            role_near(role, want["role"])
        if _norm(name) != _norm(want["speaker"]) or (
                bool(role or want["role"]) and not role_right):
            misses.append(f"speaker {want['content'][:40]!r}: want "
                          f"{want['speaker']!r} / {want['role']!r}, got "
                          f"{name!r} / {role!r}")
    for i, (a, _) in enumerate(preds):
        if i not in used:
            c["extra"] += 1
            misses.append(f"extra {a.content_text[:60]!r}")
    return c, misses


def figures(c: Counter[str]) -> dict[str, float]:
    """Claim precision, recall and F1, and the name and role rates."""
    p = c["found"] / max(c["found"] + c["extra"], 1)
    r = c["found"] / max(c["gold"], 1)
    return {"precision": p, "recall": r,
            "f1": 2 * p * r / (p + r) if p + r else 0.0,
            "name": c["name_ok"] / max(c["found"], 1),
            "role_near": c["role_ok"] / max(c["role_n"], 1),
            "role_precision": c["role_pred_ok"] / max(c["role_pred"], 1)}


def run(articles: list[dict[str, Any]], extractor: quotes.Extractor,
        ) -> tuple[Counter[str], dict[str, list[str]]]:
    """Summed counts over *articles* and each article's misses."""
    total: Counter[str] = Counter()
    misses = {}
    for article in articles:
        c, m = judge(article, extractor.extract(article["text"]))
        total += c
        misses[article["id"]] = m
    return total, misses


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--suite", type=Path, default=SUITE)
    ap.add_argument("--ids", help="a range of article numbers, e.g. 1-15")
    args = ap.parse_args(argv)
    articles = load_articles(args.suite)
    if args.ids:
        lo, hi = (int(x) for x in args.ids.split("-"))
        articles = [a for a in articles
                    if lo <= int(a["id"].rsplit("_", 1)[1]) <= hi]
    total, misses = run(articles, quotes.Extractor())
    for doc_id, lines in misses.items():
        for line in lines:
            print(f"{doc_id}  {line}")
    print(f"articles {len(articles)}, claims {total['gold']}, found "
          f"{total['found']}, extra {total['extra']}")
    print("  ".join(f"{k} {v:.3f}" for k, v in figures(total).items()))
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Judge the raw-text construction suite; run as a script to list failures.

``fixtures/raw_constructions.json`` holds short news passages written for
this project, each with its expected attributions (kind, content, speaker
name, role). A passage is *fully right* when every expected attribution is
found with the same kind, its content matches (exactly, or character
Jaccard >= 0.9 after the scorer's trimming), its speaker name and role match
(case-insensitive, whitespace normalised), and nothing else is attributed.

Usage (from the repository root)::

    python tests/raw_report.py                 # failures, then rates
    python tests/raw_report.py --parse         # ... with each failure's parse
    python tests/raw_report.py --only names    # ids starting with "names"
    python tests/raw_report.py --passing       # ids of the passages that pass
    python tests/raw_report.py --suite fixtures/fresh_constructions.json

``tests/test_raw_constructions.py`` uses the same functions.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import quotes
from quotes.evaluate import content_chars, jaccard

SUITE = Path(__file__).resolve().parent.parent / "fixtures" / \
    "raw_constructions.json"
MIN_JACCARD = 0.9


def load_passages(path: Path = SUITE) -> list[dict[str, Any]]:
    """The passages of the suite, in file order."""
    return list(json.loads(path.read_text(encoding="utf-8")))


KINDS = frozenset({"direct", "mixed", "indirect"})


def malformed(passages: Iterable[dict[str, Any]]) -> list[str]:
    """Ids of passages whose expectations are not well formed: other
    fields than kind, content, speaker and role, an unknown kind, or a
    content not found exactly once in the text (an empty list of
    expectations means nothing may be attributed)."""
    return [p["id"] for p in passages if any(
        set(want) != {"kind", "content", "speaker", "role"} or
        want["kind"] not in KINDS or p["text"].count(want["content"]) != 1
        for want in p["expect"])]


def families(passages: Iterable[dict[str, Any]]) -> Counter[str]:
    """Passages per construction family."""
    return Counter(p["construction"] for p in passages)


def _norm(value: str | None) -> str | None:
    if value is None:
        return None
    return re.sub(r"\s+", " ", value).strip().lower()


def _chars(text: str, start: int, end: int) -> frozenset[int]:
    return content_chars(text, {"start": start, "end": end})


def _content_ok(text: str, want: str, got: quotes.Attribution) -> bool:
    if got.content.text == want:
        return True
    start = text.find(want)
    gold = _chars(text, start, start + len(want))
    pred = _chars(text, got.content.start, got.content.end)
    return jaccard(gold, pred) >= MIN_JACCARD


def _speaker(a: quotes.Attribution) -> tuple[str | None, str | None]:
    if a.speaker is None:
        return None, None
    return a.speaker.name, a.speaker.role


def judge(passage: dict[str, Any], result: quotes.Result) -> list[str]:
    """The problems of *result* on *passage* (empty when fully right)."""
    text = passage["text"]
    left = list(result.attributions)
    problems = []
    for want in passage["expect"]:
        match = next((a for a in left
                      if _content_ok(text, want["content"], a)), None)
        if match is None:
            problems.append(f"missing {want['kind']}: {want['content']!r}")
            continue
        left.remove(match)
        name, role = _speaker(match)
        if match.kind.value != want["kind"]:
            problems.append(f"kind {match.kind.value} != {want['kind']}")
        if _norm(name) != _norm(want["speaker"]):
            problems.append(f"speaker {name!r} != {want['speaker']!r}")
        if _norm(role) != _norm(want["role"]):
            problems.append(f"role {role!r} != {want['role']!r}")
    problems.extend(f"extra {a.kind.value}: {a.content.text!r}"
                    for a in left)
    return problems


def run(extractor: quotes.Extractor, passages: Iterable[dict[str, Any]]
        ) -> dict[str, tuple[quotes.Result, list[str]]]:
    """Extract from every passage: ``{id: (result, problems)}``."""
    out = {}
    for p in passages:
        result = extractor.extract(p["text"], doc_id=p["id"])
        out[p["id"]] = (result, judge(p, result))
    return out


def rate(judged: dict[str, tuple[quotes.Result, list[str]]]) -> float:
    """The share of passages that are fully right."""
    return sum(not problems for _, problems in judged.values()) / len(judged)


def _describe(a: quotes.Attribution) -> str:
    name, role = _speaker(a)
    mention = a.speaker.text if a.speaker else None
    cue = a.cue.span.text if a.cue else None
    return (f"{a.kind.value:8} {a.content.text!r}  <- {mention!r} "
            f"[name {name!r}, role {role!r}] cue {cue!r}")


def _show_parse(extractor: quotes.Extractor, text: str) -> None:
    """Print each sentence as ``n:word/UPOS/deprel>head`` (0 = root)."""
    for sent in extractor.parse(text).sents:
        print("    | " + "  ".join(
            f"{t.i + 1}:{t.text}/{t.upos}/{t.deprel}>{t.head + 1}"
            for t in sent.toks))


def main(argv: list[str] | None = None) -> int:
    """Print each failing passage with what was expected and what came out."""
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--suite", type=Path, default=SUITE,
                    help="passages to judge (default: %(default)s)")
    ap.add_argument("--only", default="", help="id prefix to run")
    ap.add_argument("--parse", action="store_true",
                    help="show the parse of each failing passage")
    ap.add_argument("--passing", action="store_true",
                    help="print only the ids of passing passages")
    args = ap.parse_args(argv)
    passages = [p for p in load_passages(args.suite)
                if p["id"].startswith(args.only)]
    extractor = quotes.Extractor()
    judged = run(extractor, passages)
    if args.passing:
        print("\n".join(i for i, (_, prob) in judged.items() if not prob))
        return 0
    per_construction: Counter[str] = Counter()
    failed: Counter[str] = Counter()
    for p in passages:
        result, problems = judged[p["id"]]
        per_construction[p["construction"]] += 1
        if not problems:
            continue
        failed[p["construction"]] += 1
        print(f"--- {p['id']}: {p['text']}")
        for want in p["expect"]:
            print(f"  want {want['kind']:8} {want['content']!r}  "
                  f"[name {want['speaker']!r}, role {want['role']!r}]")
        for a in result.attributions:
            print(f"  got  {_describe(a)}")
        for q in result.unattributed_quotes:
            print(f"  got  unattributed {q.text!r}")
        print("  why  " + "; ".join(problems))
        if args.parse:
            _show_parse(extractor, p["text"])
    print("\nfailed / passages by construction:")
    for name, n in per_construction.items():
        print(f"  {name:24} {failed[name]:3d} / {n}")
    print(f"fully right: {len(judged) - sum(failed.values())} / "
          f"{len(judged)} = {rate(judged):.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

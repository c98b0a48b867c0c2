"""Benchmark quotes beside textacy on the same documents, in one run.

    python benchmarks/run.py [--only quotes] [--out build/bench]

Runs each tool in its own process over PolNeAR dev, GUM dev and the seed
article (from ``../shared``), scores every prediction file with
``quotes.evaluate`` and writes ``docs/benchmarks.md``. textacy runs in
``benchmarks/.venv`` (made by ``benchmarks/setup.sh``); it is skipped with
a note when that environment is missing.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from collections import Counter
from pathlib import Path
from typing import Any

from quotes import evaluate

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
SHARED = ROOT.parent / "shared"
DATASETS = {
    "polnear-dev": SHARED / "bench" / "polnear" / "dev.jsonl",
    "gum-dev": SHARED / "bench" / "gum" / "gum_dev.jsonl",
    "seed": SHARED / "seed" / "seed_gold.json",
}
TOOLS = {
    "quotes": (Path(sys.executable), HERE / "run_quotes.py"),
    "textacy": (HERE / ".venv" / "bin" / "python", HERE / "run_textacy.py"),
}
KNOWN = "textacy 0.20, Gender Gap Tracker rules 0.48, BBC Citron 0.48"
GUM_GENRES = ("news", "interview", "speech")


def run_tool(tool: str, dataset: str, out_dir: Path) -> Path | None:
    """Run one tool over one dataset; return its prediction file."""
    python, script = TOOLS[tool]
    if not python.exists():
        print(f"skip {tool}: {python} missing (run benchmarks/setup.sh)",
              file=sys.stderr)
        return None
    out = out_dir / f"{tool}-{dataset}.jsonl"
    print(f"{tool} on {dataset} ...", file=sys.stderr, flush=True)
    subprocess.run([str(python), str(script), str(DATASETS[dataset]),
                    str(out)], check=True, cwd=HERE)
    return out


def misses(gold: dict[str, Any], pred: dict[str, Any],
           top: int = 20) -> list[tuple[str, str, str, int]]:
    """The commonest missed gold attributions: (kind, cue, why, count)."""
    rows: Counter[tuple[str, str, str]] = Counter()
    for doc_id, g in gold.items():
        text = g["text"]
        preds = [evaluate._chars(text, a.get("content"))  # noqa: SLF001
                 for a in (pred.get(doc_id) or {}).get("attributions", [])]
        for a in g.get("attributions", []):
            chars = evaluate._chars(text, a.get("content"))  # noqa: SLF001
            if not chars:
                continue
            best = max((len(chars & p) / len(chars | p) for p in preds if p),
                       default=0.0)
            if best >= 0.5:
                continue
            cue = evaluate._cue_text(text, a.get("cue")).lower()  # noqa: SLF001
            why = ("found, boundaries differ" if best > 0.1 else
                   "not found")
            rows[(a.get("kind") or "?", cue or "(none)", why)] += 1
    return [(*k, n) for k, n in rows.most_common(top)]


def _f(v: float | None) -> str:
    return "–" if v is None else f"{v:.3f}"


def main() -> int:
    """Run the tools, score them, write docs/benchmarks.md."""
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--only", choices=tuple(TOOLS), action="append")
    ap.add_argument("--out", type=Path, default=ROOT / "build" / "bench")
    args = ap.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    tools = args.only or list(TOOLS)
    rows = []
    extra: list[str] = []
    polnear_misses: list[tuple[str, str, str, int]] = []
    for dataset, gold_path in DATASETS.items():
        if not gold_path.exists():
            continue
        gold = evaluate.load(gold_path)
        for tool in tools:
            out = run_tool(tool, dataset, args.out)
            if out is None:
                continue
            pred = evaluate.load(out)
            stats = json.loads(Path(f"{out}.stats.json").read_text("utf-8"))
            speech = dataset == "gum-dev"
            res = evaluate.score(gold, pred, speech_only=speech,
                                 group_by="genre" if speech else None)
            rows.append((tool, dataset + (" (speech only)" if speech
                                          else ""), res, stats))
            if speech:
                for genre in GUM_GENRES:
                    sub = res["groups"].get(genre)
                    if sub:
                        rows.append((tool, f"gum-dev {genre} (speech only)",
                                     sub, None))
            if dataset == "polnear-dev":
                s2 = evaluate.score(gold, pred, speech_only=True)
                rows.append((tool, "polnear-dev (speech only)", s2, None))
                if tool == "quotes":
                    polnear_misses = misses(gold, pred)
                    extra.append(
                        "Recall by kind on PolNeAR dev (quotes): " + ", ".join(
                            f"{k} {v:.3f}"
                            for k, v in res["recall_by_kind"].items()))
    lines = [
        "# Benchmarks", "",
        "Produced by `python benchmarks/run.py` (after "
        "`bash benchmarks/setup.sh` for textacy), on one 2-core machine; "
        "each tool ran in its own process over the same documents.", "",
        "| tool | data | content P | R | F1 | speaker | role | e2e F1 | "
        "words/s | peak MB |",
        "|---|---|---|---|---|---|---|---|---|---|",
    ]
    for tool, data, res, stats in rows:
        c = res["content"]
        lines.append(
            f"| {tool} | {data} | {c['p']:.3f} | {c['r']:.3f} | "
            f"{c['f1']:.3f} | {_f(res['speaker'])} | {_f(res['role'])} | "
            f"{res['e2e']['f1']:.3f} | "
            f"{stats['words_per_s'] if stats else ''} | "
            f"{stats['peak_rss_mb'] if stats else ''} |")
    lines += ["", f"Published content F1 on PolNeAR dev: {KNOWN}.", "",
              *extra, "",
              "Content matches when character Jaccard >= 0.5 (one-to-one); "
              "speaker is right by name or by overlapping mention; words/s "
              "counts parsing and extraction, not model loading.", ""]
    if polnear_misses:
        lines += ["## Commonest misses on PolNeAR dev (quotes)", "",
                  "| kind | cue | why | count |", "|---|---|---|---|"]
        lines += [f"| {k} | {cue} | {why} | {n} |"
                  for k, cue, why, n in polnear_misses]
    (ROOT / "docs" / "benchmarks.md").write_text("\n".join(lines) + "\n",
                                                 encoding="utf-8")
    print("\n".join(lines))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

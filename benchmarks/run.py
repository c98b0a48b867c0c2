"""Benchmark quotes beside textacy on the same documents, in one run.

    nice -n 10 python benchmarks/run.py [--only quotes] [--out DIR]

Runs each tool in its own process over PolNeAR dev, GUM dev and the seed
article (read from ``../shared`` at run time, never copied), scores every
prediction file with ``quotes.evaluate`` and writes ``docs/benchmarks.md``:
accuracy, throughput (words/s, peak resident memory), recall by kind and
the commonest misses of quotes on PolNeAR dev. textacy runs in
``benchmarks/.venv`` (made by ``benchmarks/setup.sh``); it is skipped with
a note when that environment is missing. Predictions hold spans of the
benchmark texts, so they go to a temporary directory outside the repo.
``--reuse`` re-scores prediction files already in ``--out`` instead of
running the tools again.
"""

from __future__ import annotations

import argparse
import datetime
import json
import os
import pickle
import re
import subprocess
import sys
import tempfile
from collections import Counter
from pathlib import Path
from typing import Any

from quotes import Lexicon, _windows, evaluate

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
PUBLISHED = {"textacy": 0.20, "Gender Gap Tracker rules": 0.48,
             "BBC Citron": 0.48}
"""Content F1 on PolNeAR dev reported elsewhere, printed beside ours."""
GUM_GENRES = ("news", "interview", "speech")
OUT = Path(tempfile.gettempdir()) / "quotes-bench"
_NOMINAL = {"NOUN", "PROPN", "PRON", "NUM", "DET"}
_HEADS = ("NP content", "clause content", "content not parsed")
_IRREGULAR = {"said": "say", "says": "say", "told": "tell",
              "wrote": "write", "written": "write", "thought": "think",
              "felt": "feel", "knew": "know", "known": "know",
              "heard": "hear", "saw": "see", "seen": "see", "found": "find",
              "shown": "show", "spoke": "speak", "meant": "mean",
              "understood": "understand", "taught": "teach",
              "gave": "give", "given": "give", "led": "lead",
              "held": "hold", "made": "make", "read": "read"}
_SENTENCE_BREAK = re.compile(r"[.!?][\"'\u201d\u2019]?\s+[\"\u201c]?[A-Z]")


def run_tool(tool: str, dataset: str, out_dir: Path,
             reuse: bool) -> Path | None:
    """Run one tool over one dataset; return its prediction file."""
    python, script = TOOLS[tool]
    out = out_dir / f"{tool}-{dataset}.jsonl"
    if reuse and out.exists() and Path(f"{out}.stats.json").exists():
        return out
    if not python.exists():
        print(f"skip {tool}: {python} missing (run benchmarks/setup.sh)",
              file=sys.stderr)
        return None
    print(f"{tool} on {dataset} ...", file=sys.stderr, flush=True)
    env = {**os.environ, "OMP_NUM_THREADS": "1"}
    subprocess.run([str(python), str(script), str(DATASETS[dataset]),
                    str(out)], check=True, cwd=HERE, env=env)
    return out


def _lemmas(word: str) -> set[str]:
    """Crude lemma guesses for a cue word (the gold has no lemmas)."""
    w = word.lower()
    out = {w, _IRREGULAR.get(w, w)}
    for suffix, repl in (("ies", "y"), ("ied", "y"), ("es", ""), ("s", ""),
                         ("ed", ""), ("ed", "e"), ("d", ""), ("ing", ""),
                         ("ing", "e")):
        if w.endswith(suffix) and len(w) > len(suffix) + 2:
            out.add(w[: -len(suffix)] + repl)
    return out


def cue_lemma(cue: str, lexicon: Lexicon) -> str | None:
    """The lexicon entry a gold cue falls under, or None when none does."""
    if cue in lexicon.prep_cues or cue == ":":
        return cue
    cues = lexicon.reporting_verbs.keys() | lexicon.noun_cues.keys()
    for word in re.findall(r"[\w'-]+", cue):
        found = sorted(_lemmas(word) & cues)
        if found:
            return found[0]
    return None


def content_head(parse: Any, content: list[tuple[int, int]]) -> str:
    """"NP content (obj)" or "clause content (ccomp)": the first word of
    the gold content whose head lies outside it, in quotes' own parse."""
    for sent in parse.sents:
        inside = [any(s <= t.start < e for s, e in content)
                  for t in sent.toks]
        for t in sent.toks:
            if inside[t.i] and (t.head < 0 or not inside[t.head]):
                what = "NP" if t.upos in _NOMINAL else "clause"
                return f"{what} content ({t.rel})"
    return "content not parsed"


def describe(text: str, miss: evaluate.Miss, preds: list[dict[str, Any]],
             lexicon: Lexicon,
             parse: Any = None) -> tuple[str, str, str, str]:
    """(kind, cue, construction, why) of one missed gold attribution.

    *preds* are the document's predicted attributions; *parse* is quotes'
    parse of the document (a ``quotes._tree.Doc``), when kept.
    """
    gold = miss.gold
    cue = " ".join(evaluate.cue_text(text, gold.get("cue")).lower().split())
    lemma = cue_lemma(cue, lexicon) if cue else None
    words = cue.split()
    cue_label = (lemma or " ".join(words[:3]) +
                 (" ..." if len(words) > 3 else "")) if cue else "(no cue)"
    content = evaluate._pieces(gold.get("content"))
    cue_at = evaluate._pieces(gold.get("cue"))
    parts = []
    if len(content) > 1:
        parts.append("split content")
    if content and cue_at:
        start = min(s for s, _ in content)
        end = max(e for _, e in content)
        if cue_at[0][0] >= end:
            parts.append("cue after")
        elif cue_at[0][1] <= start:
            parts.append("cue before")
        else:
            parts.append("cue inside")
    if any(_SENTENCE_BREAK.search(text[s:e]) for s, e in content):
        parts.append("several sentences")
    if parse is not None:
        parts.append(content_head(parse, content))
    gs = evaluate.content_chars(text, gold.get("content"))
    if miss.best is None:
        if cue and lemma is None:
            why = "cue not in lexicon"
        elif any(evaluate._overlap(a.get("cue"),
                                   gold.get("cue")) for a in preds):
            why = "cue found, content elsewhere"
        else:
            why = "known cue, nothing extracted"
    elif miss.taken:
        why = "overlapping prediction matched another gold"
    else:
        ps = evaluate.content_chars(text, miss.best.get("content"))
        inter = len(gs & ps)
        if inter >= 0.8 * len(gs):
            why = "predicted content too long"
        elif inter >= 0.8 * len(ps):
            why = "predicted content too short"
        else:
            why = "content boundaries differ"
    return (gold.get("kind") or "?", cue_label,
            ", ".join(parts) or "-", why)


def _attributions(pred: dict[str, Any], doc_id: str) -> list[dict[str, Any]]:
    return list((pred.get(doc_id) or {}).get("attributions") or [])


def _parse(parsed: Path | None, doc_id: str) -> Any:
    """The parse run_quotes.py kept for *doc_id*, or None."""
    path = parsed / f"{doc_id}.pkl" if parsed else None
    if path is None or not path.exists():
        return None
    with path.open("rb") as f:
        return pickle.load(f)  # our own file, written by run_quotes.py


def commonest_misses(gold: dict[str, Any], pred: dict[str, Any],
                     parsed: Path | None = None, top: int = 20,
                     ) -> tuple[list[tuple[str, str, str, str, int]],
                                Counter[str], Counter[str]]:
    """The *top* commonest kinds of missed gold attribution with counts,
    and the number of misses for each reason and each content head."""
    lexicon = Lexicon.default()
    rows: Counter[tuple[str, str, str, str]] = Counter()
    for miss in evaluate.missed(gold, pred):
        rows[describe(gold[miss.doc_id]["text"], miss,
                      _attributions(pred, miss.doc_id), lexicon,
                      _parse(parsed, miss.doc_id))] += 1
    reasons: Counter[str] = Counter()
    heads: Counter[str] = Counter()
    for (_, _, construction, why), n in rows.items():
        reasons[why] += n
        for part in construction.split(", "):
            if part.startswith(_HEADS):
                heads[part] += n
                heads[part.split(" (")[0]] += n
    return [(*k, n) for k, n in rows.most_common(top)], reasons, heads


def score_rows(tool: str, dataset: str, gold: dict[str, Any],
               pred: dict[str, Any],
               rows: list[tuple[str, str, dict[str, Any]]]) -> list[str]:
    """Append the accuracy rows of one run to *rows*; return its row of
    recall by kind (PolNeAR only)."""
    if dataset == "gum-dev":
        res = evaluate.score(gold, pred, speech_only=True, group_by="genre")
        rows.append((tool, "GUM dev, speech only", res))
        rows += [(tool, f"GUM dev {g}, speech only", res["groups"][g])
                 for g in GUM_GENRES if g in res["groups"]]
        return []
    if dataset == "seed":
        rows.append((tool, "seed article", evaluate.score(gold, pred)))
        return []
    res = evaluate.score(gold, pred)
    rows.append((tool, "PolNeAR dev", res))
    rows.append((tool, "PolNeAR dev, speech only",
                 evaluate.score(gold, pred, speech_only=True)))
    return [f"| {tool} | " + " | ".join(
        f"{res['recall_by_kind'].get(k, 0.0):.3f}"
        for k in ("direct", "mixed", "indirect")) + " |"]


def rules_only(gold: dict[str, Any], parsed: Path) -> dict[str, Any]:
    """Rules-only predictions (no learned tagger) from the kept parses."""
    lexicon = Lexicon.default()
    out = {}
    for doc_id in gold:
        doc = _parse(parsed, doc_id)
        if doc is not None:
            out[doc_id] = _windows.run(doc, lexicon, doc_id).to_dict()
    return out


def _f(v: float | None) -> str:
    return "n/a" if v is None else f"{v:.3f}"


def accuracy_table(rows: list[tuple[str, str, dict[str, Any]]]) -> list[str]:
    """Markdown rows of the accuracy table."""
    out = ["| tool | data | gold | pred | content P | R | F1 | exact F1 "
           "| cue | speaker | role | e2e F1 |",
           "|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"]
    for tool, data, res in rows:
        c = res["content"]
        out.append(
            f"| {tool} | {data} | {res['gold']} | {res['pred']} | "
            f"{c['p']:.3f} | {c['r']:.3f} | **{c['f1']:.3f}** | "
            f"{res['content_exact']['f1']:.3f} | {_f(res['cue'])} | "
            f"{_f(res['speaker'])} | {_f(res['role'])} | "
            f"{res['e2e']['f1']:.3f} |")
    return out


def speed_table(stats: list[tuple[str, str, dict[str, Any]]]) -> list[str]:
    """Markdown rows of the throughput table."""
    out = ["| tool | data | docs | failed docs | words | seconds | "
           "words/s | peak RSS MB |",
           "|---|---|---:|---:|---:|---:|---:|---:|"]
    for tool, data, s in stats:
        out.append(f"| {tool} | {data} | {s.get('docs', '')} | "
                   f"{s['failed_docs']} | {s['words']} | {s['seconds']} | "
                   f"{s['words_per_s']} | {s['peak_rss_mb']} |")
    return out


def main() -> int:
    """Run the tools, score them, write docs/benchmarks.md."""
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--only", choices=tuple(TOOLS), action="append",
                    help="run only this tool (repeatable)")
    ap.add_argument("--out", type=Path, default=OUT,
                    help=f"where predictions go (default: {OUT})")
    ap.add_argument("--reuse", action="store_true",
                    help="re-score predictions already in --out")
    ap.add_argument("--top", type=int, default=20,
                    help="rows in the table of misses (default: 20)")
    ap.add_argument("--doc", type=Path, default=ROOT / "docs" /
                    "benchmarks.md", help="the report to write")
    args = ap.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    tools = args.only or list(TOOLS)
    rows: list[tuple[str, str, dict[str, Any]]] = []
    speed: list[tuple[str, str, dict[str, Any]]] = []
    models: dict[str, str] = {}
    kinds: list[str] = []
    misses: list[str] = []
    for dataset, gold_path in DATASETS.items():
        if not gold_path.exists():
            print(f"skip {dataset}: {gold_path} missing", file=sys.stderr)
            continue
        gold = evaluate.load(gold_path)
        for tool in tools:
            out = run_tool(tool, dataset, args.out, args.reuse)
            if out is None:
                continue
            stats = json.loads(Path(f"{out}.stats.json").read_text("utf-8"))
            speed.append((tool, dataset, stats))
            models[tool] = stats.get("model") or models.get(tool, "")
            runs = [(tool, evaluate.load(out))]
            if tool == "quotes":  # side by side: the rules alone
                runs.append(("quotes rules-only", rules_only(
                    gold, Path(f"{out}.parsed"))))
            for name, pred in runs:
                kinds += score_rows(name, dataset, gold, pred, rows)
            pred = runs[0][1]
            if dataset == "polnear-dev" and tool == "quotes":
                top, reasons, heads = commonest_misses(
                    gold, pred, Path(f"{out}.parsed"), args.top)
                misses = [
                    "| kind | cue | construction | why missed | count |",
                    "|---|---|---|---|---:|",
                    *(f"| {k} | {c} | {con} | {why} | {n} |"
                      for k, c, con, why, n in top),
                    "", "All misses by reason: " + ", ".join(
                        f"{w} {n}" for w, n in reasons.most_common()) + ".",
                    "", "All misses by what heads the gold content: " +
                    ", ".join(f"{w} {n}" for w, n in heads.most_common(14))
                    + "."]
    ours = {t: r["content"]["f1"] for t, d, r in rows if d == "PolNeAR dev"}
    published = [f"| {t} (published) | {f:.2f} |"
                 for t, f in PUBLISHED.items()]
    lines = [
        "# Benchmarks", "",
        "Produced by this command, from the repository root, on "
        f"{datetime.date.today().isoformat()}:", "",
        "```sh",
        "bash benchmarks/setup.sh        # textacy's own venv, once",
        "nice -n 10 python benchmarks/run.py",
        "```", "",
        "Each tool ran in its own process, on one CPU thread, over the same "
        "documents (read from `../shared`, never copied into the repo). "
        "Models:", "",
        *(f"- {t}: {m}" for t, m in models.items()), "",
        "Content matches when the character Jaccard index of gold and "
        "predicted content is at least 0.5 after trimming a leading "
        "\"that\", quote marks and edge punctuation; pairs are aligned "
        "one-to-one, best first (the rules of `shared/bench/score.py`, "
        "reimplemented in `quotes.evaluate`). *cue*, *speaker* and *role* "
        "are shares of matched pairs; a speaker is right by name or by an "
        "overlapping mention; *e2e* counts a pair only when content and "
        "speaker are both right. *Speech only* rows keep only gold "
        "attributions with a verb of saying (GUM's `speech` flag; for "
        "PolNeAR, the cue list of `score.py`) but still count every "
        "prediction, so their precision is a lower bound.", "",
        "## Accuracy", "", *accuracy_table(rows), "",
        "Content F1 on PolNeAR dev beside published figures:", "",
        "| tool | content F1 |", "|---|---:|",
        *(f"| {t} (measured here) | {f:.3f} |" for t, f in ours.items()),
        *published, "",
        "## Throughput", "",
        "Words are whitespace-separated tokens of the input; seconds count "
        "parsing and extraction, not model loading; peak RSS is the "
        "process's maximum resident memory, model included. Machine: "
        f"{os.cpu_count()} CPU cores, each tool on one thread; anything "
        "else running at the time lowers the speeds.", "",
        *speed_table(speed), "",
        "textacy's `direct_quotations` raises on a document with an odd "
        "number of quote marks; such documents count as *failed docs* "
        "and score as having no quotations.", "",
        "## Recall by kind on PolNeAR dev", "",
        "| tool | direct | mixed | indirect |", "|---|---:|---:|---:|",
        *kinds, "",
    ]
    if misses:
        lines += [
            f"## The {args.top} commonest misses of quotes on PolNeAR dev",
            "",
            "Missed gold attributions grouped by kind, cue (the lexicon "
            "lemma when quotes knows the cue, else its first three words "
            "in lower case), construction (where the cue stands; content "
            "split around the cue; content over several sentences; what "
            "heads the gold content in quotes' own parse: a noun phrase or "
            "a clause, and its relation) and the reason: no prediction "
            "overlaps it (*cue not in lexicon* when quotes' lexicon lacks "
            "the cue, *cue found, content elsewhere* when a prediction has "
            "that cue, else *known cue, nothing extracted*) or the closest "
            "prediction has other boundaries.", "",
            *misses, ""]
    notes = HERE / "analysis.md"
    if notes.exists():
        lines += [notes.read_text(encoding="utf-8").rstrip(), ""]
    args.doc.write_text("\n".join(lines), encoding="utf-8")
    print("\n".join(lines))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

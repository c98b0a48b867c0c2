"""Words per second and peak memory of each way of running ``quotes``.

On the same documents (PolNeAR dev texts, read from ``../shared`` at run
time and never copied into the repository), each mode runs in a fresh
process on one torch thread and reports words/s and peak resident memory:

- ``rules``: extraction alone on documents parsed beforehand (loaded from
  a pickle of the parses that ``full`` wrote; no model in memory);
- ``stock``: full parse + extraction with stanza's own parser code
  (the parse of releases up to 0.9);
- ``full``: full parse + extraction (the default: ``quotes._fastparse``
  in float32, the same trees as ``stock``);
- ``bf16``: as ``full``, with ``ParseConfig(precision="bfloat16")``;
- ``selective``: ``ParseConfig(selective=True, precision="bfloat16")``
  + extraction;
- ``int8``: ``ParseConfig(selective=True, precision="int8")`` +
  extraction (the fastest);
- ``jobs1`` and ``jobs2``: ``Extractor.pipe(n_process=1)`` and
  ``Extractor.pipe(n_process=2)``, default configuration, wall time
  including model loading (and the workers' start).

``--stream 200,2000`` instead streams that many documents through
``Extractor.pipe`` (the texts cut to their first 150 words and cycled, so
the counts, not the lengths, differ; selective bfloat16 parse) and reports
the peak memory of each count: streaming keeps it flat.

``--against REV`` also runs ``full`` and ``int8`` with the code of git
revision *REV* (exported with ``git archive`` into a temporary directory),
in the same rounds, and prints how many times faster this checkout is:
the way to compare a change with the release before it on one machine.

Model loading is not timed except in ``jobs2``. The modes run in turn,
``--rounds`` times, and the fastest run of each is kept, which evens out
some of the noise of a shared machine. Usage, from the repository root::

    python benchmarks/speed.py                 # the first 20 documents
    python benchmarks/speed.py --limit 0       # all 84

Prints a Markdown table; the absolute figures depend on what else the
machine runs, so compare the ratios of one run.
"""

from __future__ import annotations

import argparse
import json
import pickle
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
GOLD = ROOT.parent / "shared" / "bench" / "polnear" / "dev.jsonl"
MODES = ("stock", "full", "bf16", "selective", "int8", "rules", "jobs1",
         "jobs2")
CONFIGS: dict[str, dict[str, Any]] = {
    "stock": {}, "full": {}, "bf16": {"precision": "bfloat16"},
    "selective": {"selective": True, "precision": "bfloat16"},
    "int8": {"selective": True, "precision": "int8"}}


def texts(gold: Path, limit: int) -> list[tuple[str, str]]:
    """(text, doc_id) of the first *limit* documents (0: all)."""
    docs = [json.loads(line) for line in
            gold.read_text(encoding="utf-8").splitlines() if line.strip()]
    docs = docs[:limit] if limit else docs
    return [(d["text"], d["doc_id"]) for d in docs]


def _peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def measure(mode: str, items: list[tuple[str, str]],
            parses: Path) -> dict[str, Any]:
    """Run *mode* in this process; return seconds and memory."""
    import quotes
    from quotes import _parse, _windows

    if mode == "rules":
        docs = pickle.loads(parses.read_bytes())
        lex = quotes.Lexicon.default()
        start = time.perf_counter()
        for (_, doc_id), doc in zip(items, docs, strict=True):
            _windows.run(doc, lex, doc_id)
        return {"seconds": time.perf_counter() - start}
    if mode.startswith("jobs"):
        start = time.perf_counter()
        ex = quotes.Extractor()
        for _ in ex.pipe(items, n_process=int(mode[-1]), batch_size=1):
            pass
        child = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
        return {"seconds": time.perf_counter() - start,
                "child_peak_mb": child / 1024}
    if mode == "stock":
        _parse.use_fast_parser = lambda nlp: 0  # type: ignore[attr-defined]
    ex = quotes.Extractor(quotes.ParseConfig(**CONFIGS[mode]))
    ex.extract("Kirby said so.")  # load the model outside the timing
    parse_s = rules_s = 0.0
    kept = []
    for text, doc_id in items:
        start = time.perf_counter()
        doc = ex.parse(text)
        middle = time.perf_counter()
        _windows.run(doc, ex.lexicon, doc_id)
        parse_s += middle - start
        rules_s += time.perf_counter() - middle
        kept.append(doc)
    out = {"seconds": parse_s + rules_s, "parse_s": parse_s,
           "rules_s": rules_s}
    if mode == "full":
        parses.write_bytes(pickle.dumps(kept))
        propose = ex.proposer
        start = time.perf_counter()
        for (_, doc_id), doc in zip(items, kept, strict=True):
            _windows.run(doc, ex.lexicon, doc_id, propose=propose)
        out["learned_s"] = time.perf_counter() - start
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--gold", type=Path, default=GOLD)
    parser.add_argument("--limit", type=int, default=20,
                        help="first N documents (0: all; default 20)")
    parser.add_argument("--rounds", type=int, default=2,
                        help="run every mode this many times, in turn, "
                             "and keep the fastest (default 2)")
    parser.add_argument("--stream", metavar="N,N",
                        help="report the peak memory of streaming these "
                             "numbers of documents instead")
    parser.add_argument("--modes", default=",".join(MODES),
                        help="comma-separated modes to run (default: all; "
                             "stock and full are always run)")
    parser.add_argument("--against", metavar="REV",
                        help="also run full and int8 with the code of git "
                             "revision REV and compare")
    parser.add_argument("--mode", choices=MODES, help=argparse.SUPPRESS)
    parser.add_argument("--parses", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--count", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    items = texts(args.gold, args.limit)
    if args.count:
        out = stream(items, args.count)
        out["peak_mb"] = _peak_mb()
        print(json.dumps(out))
        return
    if args.stream:
        print(stream_report(args, [int(n) for n in args.stream.split(",")]))
        return
    if args.mode:
        out = measure(args.mode, items, args.parses)
        out["peak_mb"] = _peak_mb()
        print(json.dumps(out))
        return
    chosen = {"stock", "full", *args.modes.split(",")}
    unknown = sorted(chosen - set(MODES))
    if unknown:
        parser.error(f"unknown modes: {', '.join(unknown)}")
    words = sum(len(t.split()) for t, _ in items)
    rows: dict[str, dict[str, Any]] = {}
    with tempfile.TemporaryDirectory() as tmp:
        parses = Path(tmp) / "parses.pickle"
        runs = [(mode, Path(__file__)) for mode in MODES if mode in chosen]
        if args.against:
            before = checkout(args.against, Path(tmp))
            runs += [(f"{mode}@", before) for mode in ("full", "int8")]
        for round_ in range(args.rounds):
            for mode, script in runs:
                cmd = [sys.executable, str(script), "--mode",
                       mode.rstrip("@"), "--limit", str(args.limit),
                       "--gold", str(args.gold), "--parses", str(parses)]
                print(f"round {round_ + 1}: {mode} ...", file=sys.stderr,
                      flush=True)
                done = subprocess.run(
                    cmd, capture_output=True, text=True, check=True,
                    env={**_env(), "OMP_NUM_THREADS": "1"})
                got = json.loads(done.stdout.splitlines()[-1])
                if mode not in rows or \
                        got["seconds"] < rows[mode]["seconds"]:
                    rows[mode] = got
    print(report(rows, words, len(items), args.rounds))
    if args.against:
        print(f"\nAgainst {args.against}, words/s of this checkout over "
              "those of the revision, in this run:")
        for mode in ("full", "int8"):
            if mode in rows:
                gain = rows[mode + "@"]["seconds"] / rows[mode]["seconds"]
                print(f"- {LABELS[mode]}: {gain:.2f} times")
    if "jobs2" in rows:
        print(f"\nTwo processes of pure matrix products did "
              f"{ceiling():.2f} times the work of one in the same time on "
              "this machine (the ceiling for `--jobs 2`).")


def stream(items: list[tuple[str, str]], count: int) -> dict[str, Any]:
    """Stream *count* documents (cut to 150 words, cycled) through pipe."""
    import itertools

    import quotes

    short = [(" ".join(text.split()[:150]), doc_id) for text, doc_id in items]
    docs = ((text, f"{doc_id}-{i}") for i, (text, doc_id) in
            enumerate(itertools.islice(itertools.cycle(short), count)))
    ex = quotes.Extractor(quotes.ParseConfig(selective=True,
                                             precision="bfloat16"))
    start = time.perf_counter()
    found = 0
    for result in ex.pipe(docs):
        if isinstance(result, quotes.Result):
            found += len(result.attributions)
    return {"seconds": time.perf_counter() - start, "attributions": found}


def stream_report(args: argparse.Namespace, counts: list[int]) -> str:
    """Run ``stream`` for each count in a fresh process; a Markdown table."""
    lines = ["| documents | seconds | attributions | peak RSS MB |",
             "|---:|---:|---:|---:|"]
    for count in counts:
        cmd = [sys.executable, __file__, "--count", str(count), "--limit",
               str(args.limit), "--gold", str(args.gold)]
        print(f"streaming {count} documents ...", file=sys.stderr,
              flush=True)
        done = subprocess.run(cmd, capture_output=True, text=True,
                              check=True,
                              env={**_env(), "OMP_NUM_THREADS": "1"})
        got = json.loads(done.stdout.splitlines()[-1])
        lines.append(f"| {count:,} | {got['seconds']:.1f} | "
                     f"{got['attributions']:,} | {got['peak_mb']:,.0f} |")
    return "\n".join(lines)


def checkout(rev: str, tmp: Path) -> Path:
    """Export git revision *rev* under *tmp*; return its ``speed.py``."""
    where = tmp / "against"
    where.mkdir()
    archive = subprocess.run(["git", "-C", str(ROOT), "archive", rev],
                             capture_output=True, check=True).stdout
    subprocess.run(["tar", "-x", "-C", str(where)], input=archive,
                   check=True)
    return where / "benchmarks" / "speed.py"


_BUSY = ("import torch, time; torch.set_num_threads(1); "
         "a = torch.randn(512, 512); t = time.perf_counter(); "
         "[a @ a for _ in range(400)]; print(time.perf_counter() - t)")


def ceiling() -> float:
    """How much faster two processes of pure matrix products finish their
    work than one does twice: the most ``--jobs 2`` can gain here."""
    def run(copies: int) -> float:
        start = time.perf_counter()
        procs = [subprocess.Popen([sys.executable, "-c", _BUSY],
                                  stdout=subprocess.DEVNULL)
                 for _ in range(copies)]
        for proc in procs:
            proc.wait()
        return time.perf_counter() - start

    return 2 * run(1) / run(2)


def _env() -> dict[str, str]:
    import os

    return {k: v for k, v in os.environ.items() if k != "OMP_NUM_THREADS"}


LABELS = {
    "rules": "extraction on pre-parsed documents",
    "stock": "full parse + extraction, stanza's own parser code",
    "full": "full parse + extraction (default: float32, same trees)",
    "bf16": "full parse in bfloat16 + extraction",
    "selective": "selective parse in bfloat16 + extraction",
    "int8": "selective parse, int8 LSTMs + extraction",
    "jobs1": "full parse + extraction, `--jobs 1` (wall, with loading)",
    "jobs2": "full parse + extraction, `--jobs 2` (wall, with start-up)",
    "full@": "full parse + extraction, default, at the `--against` revision",
    "int8@": "selective parse, int8 LSTMs + extraction, at the `--against` "
             "revision",
}


def report(rows: dict[str, dict[str, Any]], words: int, docs: int,
           rounds: int) -> str:
    """The Markdown table of one run."""
    base = words / rows["stock"]["seconds"]
    lines = [f"{docs} PolNeAR dev documents, {words:,} words; the fastest "
             f"of {rounds} rounds per mode.", "",
             "| mode | seconds | words/s | × stock | peak RSS MB |",
             "|---|---:|---:|---:|---:|"]
    for mode in (m for m in (*MODES, "full@", "int8@") if m in rows):
        r = rows[mode]
        rate = words / r["seconds"]
        peak = f"{r['peak_mb']:,.0f}"
        if "child_peak_mb" in r:
            peak += f" (+ {r['child_peak_mb']:,.0f} per worker)"
        lines.append(f"| {LABELS[mode]} | {r['seconds']:.1f} | {rate:,.0f} "
                     f"| {rate / base:.2f} | {peak} |")
    full = rows["full"]
    lines += ["", f"Rules: {100 * full['rules_s'] / full['parse_s']:.1f}% "
              "of parsing time in the default mode; rules + learned "
              f"tagger: {100 * full['learned_s'] / full['parse_s']:.1f}%."]
    return "\n".join(lines)


if __name__ == "__main__":
    main()

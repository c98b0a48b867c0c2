"""Time and memory of ``Extractor.extract`` on long generated documents.

Builds news-like texts of the given sizes from our own template sentences
(no third-party text), extracts from each in a fresh subprocess and
reports seconds, characters per second and peak resident memory (the
growth over a warmed-up pipeline), so linear time and bounded memory
show at a glance. Needs a model: ``QUOTES_MODEL_DIR`` or the bundled one.

Usage::

    python benchmarks/long_doc.py --sizes 0.1,0.2,0.5      # MB
    python benchmarks/long_doc.py                          # 0.5,1,2,5 MB
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

NAMES = ["John Kirby", "Anna Lindqvist", "Marta Oduya", "Li Wen",
         "Tomas Berg", "Priya Nair", "Samuel Okafor", "Ines Duarte"]
ROLES = ["spokesman", "minister", "mayor", "analyst", "union leader",
         "senator", "director"]
GROUPS = ["the ministry", "the council", "the company", "the union",
          "the agency"]
CLAIMS = ["the plan would keep prices down", "talks will resume on Monday",
          "nobody knows what the rebels want", "this is unacceptable",
          "the budget had been cut twice", "we will respond in time",
          "the bridge must close for repairs", "the data were incomplete"]
VERBS = ["said", "added", "warned", "told reporters", "insisted"]
FILLER = ["The meeting lasted four hours.", "Markets closed lower.",
          "Rain is expected on Friday.",
          "The report runs to 200 pages and covers six regions."]


def sentence(rnd: random.Random) -> str:
    """One news sentence, often with a quotation or a reported claim."""
    name, role = rnd.choice(NAMES), rnd.choice(ROLES)
    claim, verb = rnd.choice(CLAIMS), rnd.choice(VERBS)
    quote = claim[0].upper() + claim[1:]
    return rnd.choice([
        f"“{quote},” {name} {verb}.",
        f"{name}, the {role} of {rnd.choice(GROUPS)}, {verb} that {claim}.",
        f"The {role} {verb}: “{quote}.”",
        f"According to {name}, {claim}.",
        f"“{quote}.” He {verb} it twice.",
        rnd.choice(FILLER),
    ])


def news_text(size: int, seed: int = 0) -> str:
    """A news-like text of about *size* characters, in paragraphs."""
    rnd = random.Random(seed)
    paragraphs: list[str] = []
    total = 0
    while total < size:
        para = " ".join(sentence(rnd) for _ in range(rnd.randint(1, 4)))
        paragraphs.append(para)
        total += len(para) + 2
    return "\n\n".join(paragraphs)[:size]


def _rss_mb() -> float:
    """Peak resident memory of this process so far, in MB (Linux: KiB)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def measure(size_mb: float, threads: int) -> dict[str, float]:
    """Extract from one generated text; return its numbers."""
    import torch

    import quotes

    torch.set_num_threads(threads)
    ex = quotes.Extractor()
    ex.extract(news_text(5_000, seed=1))  # build and warm the pipeline
    base = _rss_mb()
    text = news_text(int(size_mb * 1_000_000))
    began = time.perf_counter()
    result = ex.extract(text)
    took = time.perf_counter() - began
    peak = _rss_mb()
    return {"mb": size_mb, "chars": len(text), "seconds": round(took, 1),
            "chars_per_s": round(len(text) / took),
            "attributions": len(result.attributions),
            "rss_warm_mb": round(base), "rss_peak_mb": round(peak),
            "rss_growth_mb": round(peak - base)}


def main(argv: list[str] | None = None) -> int:
    """Run each size in a fresh subprocess and print a table."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", default="0.5,1,2,5",
                        help="comma-separated sizes in MB")
    parser.add_argument("--threads", type=int, default=1,
                        help="torch threads (default 1: a shared machine)")
    parser.add_argument("--one", type=float, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.one is not None:
        print(json.dumps(measure(args.one, args.threads)))
        return 0
    rows = []
    for size in (float(s) for s in args.sizes.split(",")):
        out = subprocess.run(
            [sys.executable, __file__, "--one", str(size), "--threads",
             str(args.threads)], capture_output=True, text=True, check=True)
        row = json.loads(out.stdout.strip().splitlines()[-1])
        rows.append(row)
        print(json.dumps(row), flush=True)
    first = rows[0]
    for row in rows[1:]:
        ratio = (row["seconds"] / max(first["seconds"], 0.1)) / (
            row["chars"] / first["chars"])
        print(f"{row['mb']} MB: time per char is {ratio:.2f}x that of "
              f"{first['mb']} MB (1.00 = linear)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

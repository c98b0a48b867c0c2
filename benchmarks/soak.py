"""Soak test of ``Extractor.pipe``: many documents, dying workers, bad ones.

Runs ``--docs`` documents (default 2,000: short synthetic news sentences
mixed with paragraphs of the seed article, ``fixtures/texts/seed.txt``)
through ``Extractor.pipe`` with ``--jobs`` worker processes and the
bundled model, while a thread kills a random worker with SIGKILL at random
moments (on average every ``--kill-every`` seconds), and among the
documents some raise and some hang (a ``--timeout`` stops them). Prints
documents in, results, failures by kind, lost (must be 0), documents out
of order (must be 0) and peak memory; exits 1 if any is lost or out of
order.

    python benchmarks/soak.py                 # from the repository root
    python benchmarks/soak.py --docs 200 --kill-every 5   # a quick one
"""

from __future__ import annotations

import argparse
import collections
import os
import random
import resource
import signal
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import quotes

ROOT = Path(__file__).resolve().parent.parent
RAISE = "SOAK-RAISE"
HANG = "SOAK-HANG"

NAMES = ["John Kirby", "Maria Lopez", "Ahmed Khan", "Sarah Chen",
         "Tom Becker", "Ana Silva", "Peter Novak", "Grace Obi"]
ROLES = ["the Pentagon press secretary", "a spokeswoman for the ministry",
         "the city's mayor", "an analyst at the institute",
         "the union's president", "a senior official"]
CLAIMS = ["the plan was dead", "talks would resume next week",
          "the budget had been cut", "no one was hurt in the fire",
          "the vote was a mistake", "prices would rise again"]


class SoakExtractor(quotes.Extractor):
    """The real extractor, except for the soak's raising and hanging
    documents (workers build this class: it is picklable by name)."""

    def extract(self, text: str, *, doc_id: str | None = None,
                ) -> quotes.Result:
        if text.startswith(RAISE):
            msg = "a document that raises"
            raise ValueError(msg)
        if text.startswith(HANG):
            time.sleep(3600)
        return super().extract(text, doc_id=doc_id)


def synthetic(rng: random.Random) -> str:
    """Two to five short news sentences with attributions."""
    out = []
    for _ in range(rng.randint(2, 5)):
        name, role = rng.choice(NAMES), rng.choice(ROLES)
        claim = rng.choice(CLAIMS)
        out.append(rng.choice([
            f"{name}, {role}, said {claim}.",
            f'"{claim.capitalize()}," said {name}, {role}.',
            f"According to {name}, {claim}.",
            f'{name.split()[-1]} told reporters: "{claim.capitalize()}."',
            f"The weather was mild on {rng.choice(['Monday', 'Friday'])}.",
        ]))
    return " ".join(out)


def documents(n: int, rng: random.Random, raise_every: int,
              hang_every: int) -> Iterator[tuple[str, str]]:
    """``n`` ``(text, doc_id)`` pairs: synthetic, seed paragraphs, and a
    raising one every *raise_every*, a hanging one every *hang_every*."""
    seed = (ROOT / "fixtures" / "texts" / "seed.txt").read_text("utf-8")
    paragraphs = [p.strip() for p in seed.split("\n\n") if p.strip()]
    for k in range(n):
        if k % hang_every == hang_every // 2:
            text = HANG
        elif k % raise_every == raise_every // 3:
            text = RAISE
        elif k % 4 == 0:
            text = rng.choice(paragraphs)
        else:
            text = synthetic(rng)
        yield text, f"d{k:05d}"


def workers() -> list[int]:
    """The pids of this process's spawned worker processes."""
    pids = []
    for task in Path("/proc/self/task").iterdir():
        try:
            children = (task / "children").read_text().split()
        except OSError:
            continue
        for pid in children:
            try:
                cmd = Path(f"/proc/{pid}/cmdline").read_bytes()
            except OSError:
                continue
            if b"spawn_main" in cmd:
                pids.append(int(pid))
    return pids


def peak_kib(pid: int) -> int:
    """A process's peak resident memory (VmHWM) in KiB, 0 if gone."""
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1])
    except OSError:
        pass
    return 0


class Killer(threading.Thread):
    """Kills a random worker at random moments; records worker peaks."""

    def __init__(self, mean: float, rng: random.Random) -> None:
        super().__init__(daemon=True)
        self.mean, self.rng = mean, rng
        self.stop = threading.Event()
        self.kills = 0
        self.worker_peak = 0

    def run(self) -> None:
        next_kill = time.monotonic() + self.rng.expovariate(1 / self.mean)
        while not self.stop.wait(0.5):
            pids = workers()
            for pid in pids:
                self.worker_peak = max(self.worker_peak, peak_kib(pid))
            if time.monotonic() >= next_kill and pids:
                try:
                    os.kill(self.rng.choice(pids), signal.SIGKILL)
                    self.kills += 1
                except ProcessLookupError:
                    pass
                next_kill = time.monotonic() + self.rng.expovariate(
                    1 / self.mean)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--docs", type=int, default=2000)
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--timeout", type=float, default=20.0)
    parser.add_argument("--kill-every", type=float, default=20.0,
                        help="mean seconds between worker kills")
    parser.add_argument("--raise-every", type=int, default=250)
    parser.add_argument("--hang-every", type=int, default=500)
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    killer = Killer(args.kill_every, random.Random(args.seed + 1))
    ex = SoakExtractor()
    started = time.monotonic()
    killer.start()
    outs = list(ex.pipe(documents(args.docs, rng, args.raise_every,
                                  args.hang_every),
                        n_process=args.jobs, on_error="return",
                        timeout=args.timeout))
    killer.stop.set()
    killer.join()
    seconds = time.monotonic() - started
    failures = collections.Counter(o.error for o in outs
                                   if isinstance(o, quotes.Failure))
    results = [o for o in outs if isinstance(o, quotes.Result)]
    expected_ids = [f"d{k:05d}" for k in range(args.docs)]
    out_of_order = sum(o.doc_id != d for o, d in zip(outs, expected_ids,
                                                       strict=False))
    lost = args.docs - len(outs)
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    print(f"quotes {quotes.__version__}, {args.jobs} workers, timeout "
          f"{args.timeout:g} s, a worker killed every "
          f"{args.kill_every:g} s on average (seed {args.seed})")
    print(f"documents in:      {args.docs}")
    print(f"results:           {len(results)} "
          f"({sum(bool(r.attributions) for r in results)} with "
          "attributions)")
    print(f"failures:          {sum(failures.values())} "
          f"({', '.join(f'{k} {v}' for k, v in sorted(failures.items()))})")
    print(f"lost:              {lost}")
    print(f"out of order:      {out_of_order}")
    print(f"workers killed:    {killer.kills}")
    print(f"time:              {seconds:.0f} s "
          f"({args.docs / seconds:.1f} documents/s)")
    print(f"peak memory:       parent "
          f"{resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024}"
          f" MiB, largest worker "
          f"{max(killer.worker_peak, children) // 1024} MiB")
    return 1 if lost or out_of_order else 0


if __name__ == "__main__":
    sys.exit(main())

"""Train the role model (``quotes/model/roles.json``).

One command, CPU, fixed seed, a few minutes once the parses are cached::

    python -m training.parse_cache ../shared/bench/polnear/train.jsonl \\
        build/roles/train.pkl --only-speakers
    python -m training.parse_cache ../shared/bench/polnear/dev.jsonl \\
        build/roles/dev.pkl
    python -m training.roles                  # -> quotes/model/roles.json

Steps: run the rules, the learned tagger and the pronoun model
(``training.pronouns``, trained first) on each cached parse, with a
recording chooser that keeps every speaker entity's role candidates
(``quotes.speakers.roles.candidates``); match each predicted claim to the
gold one (content overlap, as the scorer does) and, where the speaker is
the gold one, label each candidate by whether it is near the gold role (the
scorer's ``role_near``; a gold role of null makes every candidate
negative). A logistic regression over the candidates' features is fitted
on the training articles (L2, full-batch gradient descent, seeded); the
threshold is the one that maximises the harmonic mean of role_near and
role precision over 5-fold cross-validated predictions (folds by article,
the training and tuning articles together: PolNeAR train with speakers,
and dev), and the shipped model is then fitted on all of them.
``--half`` trains on every other training article (the learning curve).

Training data: PolNeAR (Newell, Margolin & Ruths, LREC 2018) train
articles with hand-annotated speakers. Its annotations carry no stated
licence: the weights are for research use (see quotes/model/LICENSE.md).
"""

from __future__ import annotations

import argparse
import json
import logging
import pickle
import sys
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

import numpy as np

from quotes import _learned, _windows
from quotes.evaluate import _norm, content_chars, match, role_near
from quotes.lexicons import Lexicon
from quotes.speakers import pronouns as _pronouns
from quotes.speakers import roles as _roles
from quotes.speakers.model import Entity

log = logging.getLogger("training.roles")

SHARED = Path(__file__).resolve().parents[2] / "shared" / "bench" / "polnear"
MIN_COUNT = 3
"""A head word becomes a feature when it heads this many candidates."""


class Recorder:
    """A chooser that keeps each entity's candidates and returns a key
    (read back from the claim's role) instead of a role."""

    def __init__(self, lex: Lexicon) -> None:
        self.lex = lex
        self.seen: list[tuple[list[_roles.Candidate],
                              list[dict[str, float]], str | None]] = []

    def choose(self, ent: Entity, text: str, lex: Lexicon,
               gives_role: Callable[[str], bool]) -> str | None:
        cands = _roles.candidates(ent, text, gives_role)
        feats = [_roles.features(c, cands, ent, lex) for c in cands]
        self.seen.append((cands, feats, ent.role))
        return f"\x00{len(self.seen) - 1}"


def read_gold(path: Path) -> dict[str, dict[str, Any]]:
    """Gold documents by id."""
    with path.open(encoding="utf-8") as f:
        return {d["doc_id"]: d for d in map(json.loads, f) if d}


def examples(trees: dict[str, Any], gold: dict[str, dict[str, Any]],
             lex: Lexicon) -> list[dict[str, Any]]:
    """One example per predicted claim with a right speaker: its
    candidates' features, their labels and the gold role."""
    propose = _learned.make_proposer(_learned.load(), lex)
    pronouns = _pronouns.load()  # the entities the role model will see
    out = []
    for doc_id, tree in trees.items():
        g = gold[doc_id]
        rec = Recorder(lex)
        res = _windows.run(tree, lex, doc_id, propose=propose,
                           roles=rec, pronouns=pronouns).to_dict()
        text = g["text"]
        gatts = [a for a in g["attributions"] if a.get("content")]
        patts = res["attributions"]
        pairs = match([content_chars(text, a["content"]) for a in gatts],
                      [content_chars(text, a["content"]) for a in patts])
        for gi, pi, _ in pairs:
            gsp = gatts[gi].get("speaker")
            psp = patts[pi].get("speaker")
            if not gsp or not psp or not str(psp.get("role") or "").startswith(
                    "\x00"):
                continue
            if gsp.get("name"):
                right = _norm(gsp["name"]) == _norm(psp.get("name"))
            else:
                right = psp.get("name") is None
            if not right:
                continue
            cands, feats, rules = rec.seen[int(psp["role"][1:])]
            want = gsp.get("role")
            out.append({"doc": doc_id, "gold": want, "rules": rules,
                        "texts": [c.text for c in cands], "feats": feats,
                        "labels": [bool(want) and role_near(c.text, want)
                                   for c in cands]})
    return out


def vocabulary(train: list[dict[str, Any]]) -> list[str]:
    """Feature names: every non-lexical one, and head words seen often."""
    counts: Counter[str] = Counter(k for ex in train for f in ex["feats"]
                                   for k in f)
    return sorted(k for k, n in counts.items()
                  if not k.startswith("head=") or n >= MIN_COUNT)


def matrix(data: list[dict[str, Any]], names: list[str],
           ) -> tuple[np.ndarray, np.ndarray]:
    """Candidates as rows of features, with their labels."""
    index = {k: i for i, k in enumerate(names)}
    rows = [f for ex in data for f in ex["feats"]]
    x = np.zeros((len(rows), len(names)), dtype=np.float64)
    for r, f in enumerate(rows):
        for k, v in f.items():
            if k in index:
                x[r, index[k]] = v
    y = np.array([lab for ex in data for lab in ex["labels"]], dtype=float)
    return x, y


def fit(x: np.ndarray, y: np.ndarray, *, l2: float = 1.0,
        steps: int = 3000, lr: float = 0.5) -> np.ndarray:
    """Logistic regression weights (full-batch gradient descent)."""
    w = np.zeros(x.shape[1])
    n = len(y)
    for _ in range(steps):
        p = 1 / (1 + np.exp(-np.clip(x @ w, -30, 30)))
        grad = x.T @ (p - y) / n + l2 * w / n
        w -= lr * grad
    return w


def figures(pred: list[str | None], data: list[dict[str, Any]],
            ) -> tuple[float, float]:
    """(role_near, role precision) over the recorded claims."""
    near = sum(role_near(p, ex["gold"])
               for p, ex in zip(pred, data, strict=True) if ex["gold"])
    wanted = sum(1 for ex in data if ex["gold"])
    given = [(p, ex) for p, ex in zip(pred, data, strict=True) if p]
    ok = sum(role_near(p, ex["gold"]) for p, ex in given)
    return near / max(wanted, 1), ok / max(len(given), 1)


def crossvalidate(data: list[dict[str, Any]], folds: int, l2: float,
                  ) -> tuple[float, dict[str, tuple[float, float]]]:
    """Fit on all folds but one (split by article), predict the one left
    out; return the threshold that is best on the pooled predictions, and
    (role_near, precision) of the rules and of the model at it."""
    docs = sorted({ex["doc"] for ex in data})
    scored: list[tuple[list[float], dict[str, Any]]] = []
    for k in range(folds):
        out = set(docs[k::folds])
        fit_on = [ex for ex in data if ex["doc"] not in out]
        names = vocabulary(fit_on)
        w = fit(*matrix(fit_on, names), l2=l2)
        weights = dict(zip(names, map(float, w), strict=True))
        model = _roles.RoleModel(weights=weights, threshold=0.0)
        scored += [([model.probability(f) for f in ex["feats"]], ex)
                   for ex in data if ex["doc"] in out]
    best = (-1.0, 0.5, (0.0, 0.0))
    for t in np.arange(0.05, 0.95, 0.025):
        pred = [max(((p, -k, txt) for k, (p, txt) in enumerate(
                    zip(ps, ex["texts"], strict=True))), default=None)
                for ps, ex in scored]
        chosen = [b[2] if b is not None and b[0] >= t else None for b in pred]
        near, prec = figures(chosen, [ex for _, ex in scored])
        h = 2 * near * prec / (near + prec) if near + prec else 0.0
        if h > best[0]:
            best = (h, float(t), (near, prec))
    rules = figures([ex["rules"] for _, ex in scored],
                    [ex for _, ex in scored])
    return best[1], {"rules": rules, "model": best[2]}


def data_arguments(description: str, model_file: str,
                   ) -> argparse.ArgumentParser:
    """The options the role and pronoun trainers share: cached parses and
    gold of the training and tuning articles, output, L2, folds."""
    parser = argparse.ArgumentParser(description=description)
    parser.add_argument("--train", type=Path,
                        default=Path("build/roles/train.pkl"))
    parser.add_argument("--train-gold", type=Path,
                        default=SHARED / "train.jsonl")
    parser.add_argument("--tune", type=Path,
                        default=Path("build/roles/dev.pkl"))
    parser.add_argument("--tune-gold", type=Path, default=SHARED / "dev.jsonl")
    parser.add_argument("--out", type=Path,
                        default=Path("quotes/model") / model_file)
    parser.add_argument("--l2", type=float, default=1.0)
    parser.add_argument("--folds", type=int, default=5,
                        help="folds by article for the threshold and the "
                        "cross-validated figures (default 5)")
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = data_arguments(__doc__.splitlines()[0], _roles.MODEL_FILE)
    parser.add_argument("--half", action="store_true",
                        help="train on every other training article")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(message)s")
    lex = Lexicon.default()
    with args.train.open("rb") as f:
        trees = pickle.load(f)
    if args.half:
        trees = dict(list(trees.items())[::2])
    with args.tune.open("rb") as f:
        tune_trees = pickle.load(f)
    train = examples(trees, read_gold(args.train_gold), lex)
    dev = examples(tune_trees, read_gold(args.tune_gold), lex)
    with (args.train.parent / "examples.pkl").open("wb") as f:
        pickle.dump({"train": train, "tune": dev}, f)
    log.info("%d training claims (%d articles), %d tuning claims",
             len(train), len(trees), len(dev))
    data = train + dev
    threshold, figs = crossvalidate(data, args.folds, args.l2)
    for label, (near, prec) in figs.items():
        log.info("%d-fold, claims of %d articles, %s: role_near %.3f "
                 "precision %.3f", args.folds, len({ex["doc"] for ex in data}),
                 label, near, prec)
    names = vocabulary(data)
    w = fit(*matrix(data, names), l2=args.l2)
    weights = {k: round(float(v), 4) for k, v in zip(names, w, strict=True)
               if abs(v) >= 1e-4}
    model = _roles.RoleModel(weights=weights, threshold=threshold)
    args.out.write_text(json.dumps(model.to_json(), indent=0) + "\n",
                        encoding="utf-8")
    log.info("wrote %s (%d weights)", args.out, len(weights))
    return 0


if __name__ == "__main__":
    sys.exit(main())

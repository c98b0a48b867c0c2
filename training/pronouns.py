"""Train the pronoun model (``quotes/model/pronouns.json``).

One command, CPU, a few minutes once the parses are cached (see
``training/roles.py`` for ``training.parse_cache``)::

    python -m training.pronouns               # -> quotes/model/pronouns.json

Steps: run the rules and the learned tagger on each cached parse with a
recording chooser that keeps, for every third-person pronoun, the entities
it could refer to and their features
(``quotes.speakers.pronouns.features``), and answers as the rules do.
Each predicted claim whose speaker is such a pronoun is matched to its
gold claim (content overlap, as the scorer does); where the gold speaker
is named, a candidate is positive when its final
canonical name is the gold name. A conditional logit (``fit_choice``:
one softmax over the pronoun's candidates and "none") is fitted on PolNeAR
train articles with speakers and PolNeAR dev; it scores candidates with
the same linear form as a logistic regression, so the model file and the
run-time code are the same, but it learns the choice among candidates
that the model makes (5-fold: 0.858 of pronoun speakers right against
0.839 for a logistic regression over single candidates). The threshold
(below it: no referent) is the one with the most right speakers over
5-fold cross-validated predictions (folds by article), which are reported
beside the rules' own.

Training data: PolNeAR (Newell, Margolin & Ruths, LREC 2018); the weights
are for research use (see quotes/model/LICENSE.md).
"""

from __future__ import annotations

import json
import logging
import pickle
import sys
from typing import Any

import numpy as np

from quotes import _learned, _windows
from quotes.evaluate import _norm, content_chars, match
from quotes.lexicons import Lexicon
from quotes.speakers import pronouns as _pronouns
from quotes.speakers.coref import EntityTable
from quotes.speakers.model import Entity, Mention
from training.roles import data_arguments, matrix, read_gold

log = logging.getLogger("training.pronouns")


class Recorder:
    """A chooser that keeps every pronoun's candidates and answers as the
    rules do."""

    def __init__(self) -> None:
        self.seen: dict[tuple[int, int], tuple[list[Entity],
                                               list[dict[str, float]],
                                               Entity | None]] = {}

    def choose(self, m: Mention, pool: list[Entity], picked: Entity | None,
               table: EntityTable) -> Entity | None:
        feats = [_pronouns.features(m, e, pool, picked, table) for e in pool]
        self.seen[m.start, m.end] = (list(pool), feats, picked)
        return picked


def examples(trees: dict[str, Any], gold: dict[str, dict[str, Any]],
             lex: Lexicon) -> list[dict[str, Any]]:
    """One example per predicted claim whose speaker is a recorded pronoun
    and whose gold speaker is named."""
    propose = _learned.make_proposer(_learned.load(), lex)
    out = []
    for doc_id, tree in trees.items():
        g = gold[doc_id]
        rec = Recorder()
        res = _windows.run(tree, lex, doc_id, propose=propose,
                           pronouns=rec).to_dict()
        text = g["text"]
        gatts = [a for a in g["attributions"] if a.get("content")]
        patts = res["attributions"]
        pairs = match([content_chars(text, a["content"]) for a in gatts],
                      [content_chars(text, a["content"]) for a in patts])
        for gi, pi, _ in pairs:
            gsp = gatts[gi].get("speaker") or {}
            psp = patts[pi].get("speaker") or {}
            key = (psp.get("start"), psp.get("end"))
            if not gsp.get("name") or key not in rec.seen:
                continue
            pool, feats, picked = rec.seen[key]  # type: ignore[index]
            want = _norm(gsp["name"])
            out.append({
                "doc": doc_id, "feats": feats,
                "labels": [_norm(e.full_name) == want for e in pool],
                "rules_ok": picked is not None and
                _norm(picked.full_name) == want})
    return out


def fit_choice(data: list[dict[str, Any]], names: list[str], *,
               l2: float = 1.0, steps: int = 600, lr: float = 0.05,
               ) -> np.ndarray:
    """Weights of a choice among each example's candidates or none.

    A conditional logit: each example's candidates and a "none"
    alternative whose score is 0 share one softmax, and the loss is the
    negative log of the probability of its positive candidates (of none
    when it has none). It fits the decision the model makes at run time,
    one candidate or none per example, where ``training.roles.fit`` scores
    candidates one by one. Full-batch Adam, deterministic."""
    x, y = matrix(data, names)
    group = np.array([e for e, ex in enumerate(data) for _ in ex["labels"]],
                     dtype=np.int64)
    n = len(data)
    positives = np.bincount(group, weights=y, minlength=n)
    target = np.where(positives[group] > 0,
                      y / np.maximum(positives[group], 1), 0.0)
    w = np.zeros(x.shape[1])
    m, v = np.zeros_like(w), np.zeros_like(w)
    for t in range(1, steps + 1):
        score = x @ w
        top = np.zeros(n)  # the none alternative scores 0
        np.maximum.at(top, group, score)
        e = np.exp(score - top[group])
        total = np.bincount(group, weights=e, minlength=n) + np.exp(-top)
        grad = x.T @ (e / total[group] - target) / n + l2 * w / n
        m = 0.9 * m + 0.1 * grad
        v = 0.999 * v + 0.001 * grad ** 2
        w -= lr * (m / (1 - 0.9 ** t)) / (np.sqrt(v / (1 - 0.999 ** t)) +
                                          1e-8)
    return w


def crossvalidate(data: list[dict[str, Any]], folds: int, l2: float,
                  ) -> tuple[float, dict[str, float]]:
    """Threshold with the most right referents over cross-validated
    predictions, and the share right for the rules and for the model."""
    docs = sorted({ex["doc"] for ex in data})
    scored: list[tuple[list[float], dict[str, Any]]] = []
    for k in range(folds):
        out = set(docs[k::folds])
        fit_on = [ex for ex in data if ex["doc"] not in out]
        names = sorted({n for ex in fit_on for f in ex["feats"] for n in f})
        w = fit_choice(fit_on, names, l2=l2)
        model = _pronouns.PronounModel(
            weights=dict(zip(names, map(float, w), strict=True)),
            threshold=0.0)
        scored += [([model.probability(f) for f in ex["feats"]], ex)
                   for ex in data if ex["doc"] in out]
    best = (-1.0, 0.5)
    for t in np.arange(0.0, 0.9, 0.025):
        right = 0
        for ps, ex in scored:
            if ps and max(ps) >= t:
                right += ex["labels"][int(np.argmax(ps))]
        best = max(best, (right / len(scored), float(t)))
    rules = sum(ex["rules_ok"] for _, ex in scored) / len(scored)
    return best[1], {"rules": rules, "model": best[0]}


def main(argv: list[str] | None = None) -> int:
    parser = data_arguments(__doc__.splitlines()[0], _pronouns.MODEL_FILE)
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(message)s")
    lex = Lexicon.default()
    data: list[dict[str, Any]] = []
    for trees_path, gold_path in ((args.train, args.train_gold),
                                  (args.tune, args.tune_gold)):
        with trees_path.open("rb") as f:
            trees = pickle.load(f)
        data += examples(trees, read_gold(gold_path), lex)
    log.info("%d pronoun claims with a named gold speaker", len(data))
    threshold, figs = crossvalidate(data, args.folds, args.l2)
    log.info("%d-fold, pronoun speakers right: rules %.3f, model %.3f "
             "(threshold %.3f)", args.folds, figs["rules"], figs["model"],
             threshold)
    names = sorted({n for ex in data for f in ex["feats"] for n in f})
    w = fit_choice(data, names, l2=args.l2)
    model = _pronouns.PronounModel(
        weights={k: round(float(v), 4)
                 for k, v in zip(names, w, strict=True) if abs(v) >= 1e-4},
        threshold=threshold)
    args.out.write_text(json.dumps(model.to_json(), indent=0) + "\n",
                        encoding="utf-8")
    log.info("wrote %s (%d weights)", args.out, len(model.weights))
    return 0


if __name__ == "__main__":
    sys.exit(main())

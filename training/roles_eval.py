"""Score speakers and roles on cached parses, rules' roles and the model's.

    python -m training.roles_eval build/roles/dev.pkl \
        ../shared/bench/polnear/dev.jsonl

Runs the rules and the learned tagger on each cached parse (see
``training.parse_cache``) twice, with the rules' roles and pronouns, and
with the role and pronoun models, and prints the scorer's speaker (by name),
role, role_near and role_precision for both. The figures equal those of
``quotes evaluate GOLD --speaker-by name`` on the same parses.
"""

from __future__ import annotations

import argparse
import pickle
import sys
from pathlib import Path

from quotes import _learned, _windows
from quotes.evaluate import load, score
from quotes.lexicons import Lexicon
from quotes.speakers import pronouns as _pronouns
from quotes.speakers import roles as _roles


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("cache", type=Path)
    parser.add_argument("gold", type=Path)
    parser.add_argument("--model", type=Path, default=None,
                        help="directory of roles.json (default: bundled)")
    parser.add_argument("--which", choices=("rules", "model", "both"),
                        default="both")
    args = parser.parse_args(argv)
    lex = Lexicon.default()
    with args.cache.open("rb") as f:
        trees = pickle.load(f)
    gold = {k: v for k, v in load(args.gold).items() if k in trees}
    propose = _learned.make_proposer(_learned.load(), lex)
    models = (_roles.load(args.model), _pronouns.load(args.model))
    runs = {"rules": (None, None), "model": models}
    if args.which != "both":
        runs = {args.which: runs[args.which]}
    for label, (roles, pronouns) in runs.items():
        pred = {doc_id: _windows.run(tree, lex, doc_id, propose=propose,
                                     roles=roles, pronouns=pronouns
                                     ).to_dict()
                for doc_id, tree in trees.items() if doc_id in gold}
        res = score(gold, pred, speaker_by="name")
        print(f"{label:6} docs {res['docs']}  content F1 "
              f"{_figure(res['content']['f1'])}  speaker "
              f"{_figure(res['speaker'])}  role {_figure(res['role'])}  "
              f"role_near {_figure(res['role_near'])}  "
              f"role_precision {_figure(res['role_precision'])}")
    return 0


def _figure(value: float | None) -> str:
    """A score to three places; "n/a" where the gold has nothing to score
    (GUM has no roles)."""
    return "n/a" if value is None else f"{value:.3f}"


if __name__ == "__main__":
    sys.exit(main())
